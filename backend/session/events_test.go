package session

import (
	"context"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"chatmembers/backend/auth"
	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
)

// changes records every Status the session pushes (the session:changed event).
type changes struct {
	mu  sync.Mutex
	got []Status
}

func (c *changes) add(st Status) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.got = append(c.got, st)
}

func (c *changes) last(t *testing.T) Status {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.got) == 0 {
		t.Fatal("no session:changed event")
	}
	return c.got[len(c.got)-1]
}

func (c *changes) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.got = nil
}

// revokeAtGoogle ends the grant at the emulator, as a person would at myaccount.google.com.
func revokeAtGoogle(t *testing.T, emu *emulator.Server, store auth.Store, email string) *auth.Record {
	t.Helper()
	u := emulator.DemoData().UserByEmail(email)
	rec, err := store.Load(auth.AccountKey(emulator.DemoClientID, auth.Account{Subject: u.ID, Email: u.Email}))
	if err != nil || rec == nil {
		t.Fatalf("stored sign-in: %v %v", rec, err)
	}
	res, err := http.PostForm(emu.RevokeURL(), url.Values{"token": {rec.RefreshToken}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("revoke: %s", res.Status)
	}
	return rec
}

// Go pushes the Status whenever the sign-in changes, and says why when it ended the sign-in by
// itself: signed in, Google refusing a call (401), Google refusing a refresh (invalid_grant),
// signed out. The frontend follows these events instead of guessing from problem codes.
func TestSessionChangedIsPushedOnEveryChangeOfTheSignIn(t *testing.T) {
	emu, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emu.Close() })
	store := auth.NewMemoryStore()
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	opts := Options{SignInTimeout: 20 * time.Second, LiveAllowed: true, ConfigDir: t.TempDir(), Store: store, LiveEndpoints: emulatorEndpoints(emu), LiveAPI: emu.URL() + "/"}
	w := New(opts)
	t.Cleanup(w.Close)
	var ch changes
	w.OnChange(ch.add)
	w.SetBrowser(b.open, func(string) {})
	if _, err := w.UseClientSecret(googleClientFile()); err != nil {
		t.Fatal(err)
	}
	if st := ch.last(t); st.Mode != ModeLive || st.SignedIn {
		t.Fatalf("after choosing the client file: %+v", st)
	}
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := ch.last(t); !st.SignedIn || st.Account != emulator.DemoAdminEmail || st.Ended != nil {
		t.Fatalf("after signing in: %+v", st)
	}

	// Google refuses the access token (the grant was revoked elsewhere): a 401 on a call.
	ch.clear()
	rec := revokeAtGoogle(t, emu, store, emulator.DemoAdminEmail)
	if _, err := listSpaces(w); problem.CodeOf(err) != "chat.signed_out" {
		t.Fatalf("ListSpaces after the revoke: %v", err)
	}
	if st := ch.last(t); st.SignedIn || st.Account != "" || st.Ended == nil || st.Ended.Code != "chat.signed_out" {
		t.Fatalf("after a 401: %+v", st)
	}
	if w.Status().SignedIn {
		t.Fatal("Status still signed in")
	}

	// A sign-in restored at start whose refresh Google refuses (invalid_grant): auth.expired.
	rec.Expiry = time.Now().Add(-time.Hour)
	if err := store.Save(rec.Key, rec); err != nil {
		t.Fatal(err)
	}
	again := New(opts)
	t.Cleanup(again.Close)
	var ch2 changes
	again.OnChange(ch2.add)
	again.SetBrowser(b.open, func(string) {})
	if st := again.Restore(); !st.SignedIn {
		t.Fatalf("restored: %+v", st)
	}
	if _, err := listSpaces(again); problem.CodeOf(err) != "auth.expired" {
		t.Fatalf("ListSpaces with a dead refresh token: %v", err)
	}
	if st := ch2.last(t); st.SignedIn || st.Ended == nil || st.Ended.Code != "auth.expired" {
		t.Fatalf("after invalid_grant: %+v", st)
	}

	// Signing out, the person's own choice: no reason given.
	if _, err := again.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !ch2.last(t).SignedIn {
		t.Fatal("no event for the second sign-in")
	}
	if _, err := again.SignOut(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := ch2.last(t); st.SignedIn || st.Ended != nil {
		t.Fatalf("after signing out: %+v", st)
	}
}
