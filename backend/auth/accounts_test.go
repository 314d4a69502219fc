package auth

import (
	"context"
	"net/http"
	"testing"
	"time"

	"chatmembers/backend/emulator"
)

// Two accounts signed in with one client keep their own records, under their own keys: signing
// out of one revokes its grant at Google and leaves the other's record and tokens working.
func TestTwoAccountsKeepTheirOwnTokens(t *testing.T) {
	f := newFixture(t)
	ba := newBrowser(t, emulator.DemoAdminEmail, "allow")
	a := f.service(ba, nil)
	if _, err := a.SignIn(context.Background(), BaseScopes...); err != nil {
		t.Fatal(err)
	}
	ba.wait()
	bb := newBrowser(t, emulator.DemoNonAdminEmail, "allow")
	b := f.service(bb, nil) // a Service for whoever signs in next: adding an account
	if _, err := b.SignIn(context.Background(), BaseScopes...); err != nil {
		t.Fatal(err)
	}
	bb.wait()
	acctA, _ := a.Account()
	acctB, _ := b.Account()
	recA, _ := f.store.Load(AccountKey(f.secret.ClientID, acctA))
	recB, _ := f.store.Load(AccountKey(f.secret.ClientID, acctB))
	if recA == nil || recB == nil || recA.Account.Email != emulator.DemoAdminEmail || recB.Account.Email != emulator.DemoNonAdminEmail {
		t.Fatalf("records: %+v %+v", recA, recB)
	}
	if err := a.SignOut(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.store.Load(AccountKey(f.secret.ClientID, acctA)); got != nil {
		t.Errorf("A's record kept after its sign-out: %+v", got)
	}
	if refreshStatus(t, f, recA.RefreshToken) == http.StatusOK {
		t.Error("A's refresh token still works after its sign-out")
	}
	if refreshStatus(t, f, recB.RefreshToken) != http.StatusOK {
		t.Error("B's refresh token was revoked by A's sign-out")
	}
	if got, _ := f.store.Load(AccountKey(f.secret.ClientID, acctB)); got == nil {
		t.Error("B's record went with A's sign-out")
	}
}

// A Service for a known account that is signed out (its sign-in expired) signs in again only
// as that account: a grant for anyone else is refused (auth.wrong_account), as while signed in.
func TestSignInAgainForAKnownAccountIsCheckedAgainstIt(t *testing.T) {
	answers := &tokenAnswers{}
	f := newWrappedFixture(t, answers.wrap)
	priya := emulator.DemoData().UserByEmail(emulator.DemoSecondAdminEmail)
	known := Account{Email: priya.Email, Subject: priya.ID}
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	svc := New(Options{Secret: f.secret, Endpoints: f.endpoints, Store: f.store, Account: &known,
		OpenBrowser: b.open, HTTPClient: &http.Client{Timeout: 10 * time.Second}, Timeout: 20 * time.Second})
	_, err := svc.SignIn(context.Background(), BaseScopes...)
	b.wait()
	if codeOf(err) != "auth.wrong_account" {
		t.Fatalf("sign-in as another account for %s: %v", known.Email, err)
	}
	if q := b.lastURL().Query(); q.Get("login_hint") != known.Email {
		t.Errorf("login_hint %q, want %s", q.Get("login_hint"), known.Email)
	}
	if _, ok := svc.Account(); ok {
		t.Fatal("signed in after a refused grant")
	}
	b.account = known.Email
	if _, err := svc.SignIn(context.Background(), BaseScopes...); err != nil {
		t.Fatal(err)
	}
	b.wait()
}

// A sign-in kept by the single-account version (under the client id) is moved to its
// account's key, and the next run restores it from there.
func TestMigrateLegacySingleAccountRecord(t *testing.T) {
	f := newFixture(t)
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	svc := f.service(b, nil)
	if _, err := svc.SignIn(context.Background(), BaseScopes...); err != nil {
		t.Fatal(err)
	}
	b.wait()
	rec, _ := f.saved()
	// As the old version wrote it: under the client id, without a key.
	legacy := *rec
	legacy.Key = ""
	if err := f.store.Delete(rec.Key); err != nil {
		t.Fatal(err)
	}
	if err := f.store.Save(f.secret.ClientID, &legacy); err != nil {
		t.Fatal(err)
	}
	acct, err := MigrateLegacy(f.store, f.secret.ClientID)
	if err != nil || acct == nil || acct.Email != emulator.DemoAdminEmail {
		t.Fatalf("MigrateLegacy: %+v %v", acct, err)
	}
	if old, _ := f.store.Load(f.secret.ClientID); old != nil {
		t.Error("the legacy record is still there")
	}
	next := New(Options{Secret: f.secret, Endpoints: f.endpoints, Store: f.store, Account: acct})
	if got, ok := next.Restore(); !ok || got.Email != emulator.DemoAdminEmail {
		t.Fatalf("Restore after migration: %+v %v", got, ok)
	}
	if again, err := MigrateLegacy(f.store, f.secret.ClientID); again != nil || err != nil {
		t.Fatalf("second migration: %+v %v", again, err)
	}
}
