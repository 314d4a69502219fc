package session

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"chatmembers/backend/auth"
	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
)

// bearers records the bearer token of every Chat API request the app sends, and can hold the
// next one until released (a call still on its way).
type bearers struct {
	base http.RoundTripper

	mu     sync.Mutex
	tokens []string
	hold   chan struct{} // when set, the next Chat request waits for it to close
	held   chan struct{} // closed once that request is waiting
}

func (b *bearers) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasPrefix(r.URL.Path, "/v1/spaces") {
		b.mu.Lock()
		b.tokens = append(b.tokens, strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
		hold, held := b.hold, b.held
		b.hold, b.held = nil, nil
		b.mu.Unlock()
		if hold != nil {
			close(held)
			<-hold
		}
	}
	return b.base.RoundTrip(r)
}

func (b *bearers) last(t *testing.T) string {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.tokens) == 0 {
		t.Fatal("no Chat request was sent")
	}
	return b.tokens[len(b.tokens)-1]
}

// whose asks the emulator, as Google's userinfo endpoint, whose token this is ("" when it no
// longer works).
func whose(t *testing.T, w *Session, token string) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, w.emu.UserinfoURL(), nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return ""
	}
	var info struct {
		Email string `json:"email"`
	}
	_ = json.NewDecoder(res.Body).Decode(&info)
	return info.Email
}

func idOf(t *testing.T, st Status, email string) string {
	t.Helper()
	for _, e := range st.Accounts {
		if e.Email == email {
			return e.ID
		}
	}
	t.Fatalf("%s is not in the accounts %+v", email, st.Accounts)
	return ""
}

func spaceNames(t *testing.T, w *Session) map[string]bool {
	t.Helper()
	spaces, err := listSpaces(w)
	if err != nil {
		t.Fatalf("ListSpaces: %v", err)
	}
	names := map[string]bool{}
	for _, s := range spaces {
		names[s.Name] = true
	}
	return names
}

// newDemoWithBearers is a demo session whose Chat requests are recorded, signed in as first.
func newDemoWithBearers(t *testing.T, first string) (*Session, *userBrowser, *bearers) {
	t.Helper()
	rec := &bearers{base: http.DefaultTransport}
	b := &userBrowser{t: t, account: first, allow: true}
	w := New(Options{LiveAllowed: true, ConfigDir: t.TempDir(), SignInTimeout: 20 * time.Second, Transport: rec})
	t.Cleanup(w.Close)
	w.SetBrowser(b.open, func(string) {})
	if _, err := w.UseDemo(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	return w, b, rec
}

// Two accounts signed in: each call goes out with the active account's own token (the emulator
// names its owner), switching needs no new sign-in, and signing out of one revokes only its
// grant at Google.
func TestTwoAccountsEachCallGoesWithTheActiveAccountsToken(t *testing.T) {
	w, b, rec := newDemoWithBearers(t, emulator.DemoNonAdminEmail)
	camilaSpaces := spaceNames(t, w)
	if got := whose(t, w, rec.last(t)); got != emulator.DemoNonAdminEmail {
		t.Fatalf("first call as %q", got)
	}
	camilaToken := rec.last(t)

	b.account = emulator.DemoSecondAdminEmail
	st, err := w.AddAccount(context.Background())
	if err != nil {
		t.Fatalf("AddAccount: %v", err)
	}
	if !st.SignedIn || st.Account != emulator.DemoSecondAdminEmail || len(st.Accounts) != 2 || st.AccountID != idOf(t, st, emulator.DemoSecondAdminEmail) {
		t.Fatalf("after adding: %+v", st)
	}
	priyaSpaces := spaceNames(t, w)
	if got := whose(t, w, rec.last(t)); got != emulator.DemoSecondAdminEmail {
		t.Fatalf("call after adding went as %q", got)
	}
	priyaToken := rec.last(t)
	if len(priyaSpaces) <= len(camilaSpaces) {
		t.Fatalf("priya's list (%d) should be longer than camila's (%d)", len(priyaSpaces), len(camilaSpaces))
	}

	opened := len(b.openedURLs())
	st, err = w.SwitchAccount(idOf(t, st, emulator.DemoNonAdminEmail))
	if err != nil || !st.SignedIn || st.Account != emulator.DemoNonAdminEmail {
		t.Fatalf("SwitchAccount: %+v %v", st, err)
	}
	if len(b.openedURLs()) != opened {
		t.Fatal("switching opened the browser")
	}
	if got := spaceNames(t, w); len(got) != len(camilaSpaces) {
		t.Fatalf("after switching back: %d spaces, want camila's %d", len(got), len(camilaSpaces))
	}
	if got := whose(t, w, rec.last(t)); got != emulator.DemoNonAdminEmail {
		t.Fatalf("call after switching went as %q", got)
	}

	// Signing out of priya (not the active one) revokes her grant only.
	st, err = w.SignOutAccount(context.Background(), idOf(t, st, emulator.DemoSecondAdminEmail))
	if err != nil {
		t.Fatalf("SignOutAccount: %v", err)
	}
	if !st.SignedIn || st.Account != emulator.DemoNonAdminEmail || len(st.Accounts) != 1 {
		t.Fatalf("after signing out of the other: %+v", st)
	}
	if whose(t, w, priyaToken) != "" {
		t.Error("priya's token still works after her sign-out")
	}
	if whose(t, w, camilaToken) != emulator.DemoNonAdminEmail {
		t.Error("camila's token stopped working when priya signed out")
	}
	if _, err := listSpaces(w); err != nil {
		t.Fatalf("camila's calls after priya's sign-out: %v", err)
	}

	// Signing out of the last one ends the demo, as before.
	st, _ = w.SignOut(context.Background())
	if st.Mode != ModeNone || st.SignedIn || len(st.Accounts) != 0 {
		t.Fatalf("after the last sign-out: %+v", st)
	}
}

// Signing out of the active account makes the other one active, still signed in.
func TestSignOutOfTheActiveAccountSwitchesToTheOther(t *testing.T) {
	w, b, rec := newDemoWithBearers(t, emulator.DemoNonAdminEmail)
	b.account = emulator.DemoSecondAdminEmail
	if _, err := w.AddAccount(context.Background()); err != nil {
		t.Fatal(err)
	}
	spaceNames(t, w)
	priyaToken := rec.last(t)
	st, err := w.SignOut(context.Background())
	if err != nil || !st.SignedIn || st.Account != emulator.DemoNonAdminEmail || len(st.Accounts) != 1 || st.Mode != ModeDemo {
		t.Fatalf("after signing out of the active one: %+v %v", st, err)
	}
	if whose(t, w, priyaToken) != "" {
		t.Error("priya's token still works")
	}
	spaceNames(t, w)
	if got := whose(t, w, rec.last(t)); got != emulator.DemoNonAdminEmail {
		t.Fatalf("call went as %q", got)
	}
}

// A call started as one account that finishes after a switch to another is not answered into
// the other's view: it ends with workspace.account_switched. The next call goes as the other.
func TestCallInFlightDuringASwitchIsNotAnsweredAsTheOtherAccount(t *testing.T) {
	w, b, rec := newDemoWithBearers(t, emulator.DemoNonAdminEmail)
	b.account = emulator.DemoSecondAdminEmail
	st, err := w.AddAccount(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	hold, held := make(chan struct{}), make(chan struct{})
	rec.mu.Lock()
	rec.hold, rec.held = hold, held
	rec.mu.Unlock()
	done := make(chan error, 1)
	go func() {
		_, err := listSpaces(w)
		done <- err
	}()
	<-held // the request as priya is on its way
	if _, err := w.SwitchAccount(idOf(t, st, emulator.DemoNonAdminEmail)); err != nil {
		t.Fatal(err)
	}
	close(hold)
	if err := <-done; problem.CodeOf(err) != "workspace.account_switched" {
		t.Fatalf("the call started as priya answered %v, want workspace.account_switched", err)
	}
	spaceNames(t, w)
	if got := whose(t, w, rec.last(t)); got != emulator.DemoNonAdminEmail {
		t.Fatalf("next call went as %q", got)
	}
}

// An account whose sign-in ended (Google refused its token) stays in the list as the active
// one; signing in again is checked against it: choosing another person on the consent page is
// refused (auth.wrong_account), choosing the same works.
func TestSignInAgainIsForTheAccountThatEnded(t *testing.T) {
	w, b, _ := newDemoWithBearers(t, emulator.DemoNonAdminEmail)
	revokeAtGoogle(t, w.emu, w.store, emulator.DemoNonAdminEmail)
	if _, err := listSpaces(w); problem.CodeOf(err) != "chat.signed_out" {
		t.Fatalf("after the revoke: %v", err)
	}
	st := w.Status()
	if st.SignedIn || st.AccountID == "" || len(st.Accounts) != 1 {
		t.Fatalf("after the sign-in ended: %+v", st)
	}
	b.account = emulator.DemoSecondAdminEmail
	if _, err := w.SignIn(context.Background()); problem.CodeOf(err) != "auth.wrong_account" {
		t.Fatalf("signing in again as someone else: %v", err)
	}
	b.account = emulator.DemoNonAdminEmail
	if st, err := w.SignIn(context.Background()); err != nil || st.Account != emulator.DemoNonAdminEmail || len(st.Accounts) != 1 {
		t.Fatalf("signing in again: %+v %v", st, err)
	}
}

// liveSession is your Workspace (the emulator standing in for Google) with tokens in files.
func liveSession(t *testing.T, emu *emulator.Server, dir string, b *userBrowser) *Session {
	t.Helper()
	w := New(Options{LiveAllowed: true, ConfigDir: dir, Store: &auth.FileStore{Dir: filepath.Join(dir, "tokens")},
		LiveEndpoints: emulatorEndpoints(emu), LiveAPI: emu.URL() + "/", SignInTimeout: 20 * time.Second})
	t.Cleanup(w.Close)
	if b != nil {
		w.SetBrowser(b.open, func(string) {})
	}
	return w
}

// After a restart the app opens with the account that was active last, signed in, and
// remembers the others.
func TestRestartRestoresTheLastActiveAccount(t *testing.T) {
	emu, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emu.Close() })
	dir := t.TempDir()
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	w := liveSession(t, emu, dir, b)
	if _, err := w.UseClientSecret(googleClientFile()); err != nil {
		t.Fatal(err)
	}
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	b.account = emulator.DemoSecondAdminEmail
	st, err := w.AddAccount(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.SwitchAccount(idOf(t, st, emulator.DemoAdminEmail)); err != nil {
		t.Fatal(err)
	}

	again := liveSession(t, emu, dir, nil)
	st = again.Restore()
	if !st.SignedIn || st.Account != emulator.DemoAdminEmail || len(st.Accounts) != 2 {
		t.Fatalf("after a restart: %+v", st)
	}
	if _, err := listSpaces(again); err != nil {
		t.Fatal(err)
	}
	if _, err := again.SwitchAccount(idOf(t, st, emulator.DemoSecondAdminEmail)); err != nil {
		t.Fatal(err)
	}
	third := liveSession(t, emu, dir, nil)
	if st := third.Restore(); !st.SignedIn || st.Account != emulator.DemoSecondAdminEmail {
		t.Fatalf("after switching and a restart: %+v", st)
	}
	info, err := os.Stat(filepath.Join(dir, accountsFile))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("accounts list: %v %v", info, err)
	}
}

// A user of the single-account version (client_secret.json and one record under the client
// id, no list of accounts) is still signed in after the upgrade, with that account in the list.
func TestUpgradeFromTheSingleAccountStoreKeepsTheSignIn(t *testing.T) {
	emu, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emu.Close() })
	dir := t.TempDir()
	b := &userBrowser{t: t, account: emulator.DemoSecondAdminEmail, allow: true}
	w := liveSession(t, emu, dir, b)
	if _, err := w.UseClientSecret(googleClientFile()); err != nil {
		t.Fatal(err)
	}
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	w.Close()

	// Turn the folder into what the old version left: the record under the client id, no key,
	// no list of accounts, no copies of client files.
	store := &auth.FileStore{Dir: filepath.Join(dir, "tokens")}
	u := emulator.DemoData().UserByEmail(emulator.DemoSecondAdminEmail)
	key := auth.AccountKey(emulator.DemoClientID, auth.Account{Subject: u.ID})
	rec, err := store.Load(key)
	if err != nil || rec == nil {
		t.Fatalf("record: %v %v", rec, err)
	}
	legacy := *rec
	legacy.Key = ""
	if err := store.Delete(key); err != nil {
		t.Fatal(err)
	}
	if err := store.Save(emulator.DemoClientID, &legacy); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{accountsFile, clientsDir} {
		if err := os.RemoveAll(filepath.Join(dir, p)); err != nil {
			t.Fatal(err)
		}
	}

	upgraded := liveSession(t, emu, dir, nil)
	st := upgraded.Restore()
	if !st.SignedIn || st.Account != emulator.DemoSecondAdminEmail || len(st.Accounts) != 1 || st.AccountID != key {
		t.Fatalf("after the upgrade: %+v", st)
	}
	if _, err := listSpaces(upgraded); err != nil {
		t.Fatalf("a call after the upgrade: %v", err)
	}
	if old, _ := store.Load(emulator.DemoClientID); old != nil {
		t.Error("the old record is still under the client id")
	}
	// And the start after that finds it in the list.
	if st := liveSession(t, emu, dir, nil).Restore(); !st.SignedIn || st.Account != emulator.DemoSecondAdminEmail {
		t.Fatalf("the start after the upgrade: %+v", st)
	}
}
