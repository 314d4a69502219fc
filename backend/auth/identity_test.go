package auth

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
)

// newWrappedFixture serves the emulator behind wrap, which sees every request over real HTTP:
// it can read the token endpoint's answers, change them, or hold them back.
func newWrappedFixture(t *testing.T, wrap func(next http.Handler) http.Handler) *fixture {
	t.Helper()
	clk := &clock{t: time.Now()}
	srv := emulator.New(emulator.Options{Now: clk.Now})
	ts := httptest.NewServer(wrap(srv.Handler()))
	t.Cleanup(ts.Close)
	srv.SetBaseURL(ts.URL)
	return &fixture{srv: srv, clock: clk, secret: emulatorClient(), endpoints: emulatorEndpoints(srv), store: &FileStore{Dir: t.TempDir()}}
}

// tokenAnswers keeps every answer of the token endpoint, as the app received it; rewrite, if
// set, changes each before it is sent.
type tokenAnswers struct {
	mu      sync.Mutex
	answers []map[string]any
	rewrite func(map[string]any)
}

func (l *tokenAnswers) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/token" {
			next.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		var answer map[string]any
		if json.Unmarshal(body, &answer) == nil && rec.Code == http.StatusOK {
			if l.rewrite != nil {
				l.rewrite(answer)
				body, _ = json.Marshal(answer)
			}
			l.mu.Lock()
			l.answers = append(l.answers, answer)
			l.mu.Unlock()
		}
		for k, v := range rec.Header() {
			if k != "Content-Length" {
				w.Header()[k] = v
			}
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(body)
	})
}

func (l *tokenAnswers) last(t *testing.T) map[string]any {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.answers) == 0 {
		t.Fatal("the token endpoint gave no answer")
	}
	return l.answers[len(l.answers)-1]
}

// claims decodes an id token's payload.
func claims(t *testing.T, idToken string) map[string]any {
	t.Helper()
	parts := strings.Split(idToken, ".")
	if len(parts) != 3 {
		t.Fatalf("id_token %q", idToken)
	}
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var c map[string]any
	if err := json.Unmarshal(payload, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// refreshStatus tries a refresh token at the emulator, as the app would.
func refreshStatus(t *testing.T, f *fixture, refresh string) int {
	t.Helper()
	resp, err := http.PostForm(f.endpoints.TokenURL, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh},
		"client_id": {f.secret.ClientID}, "client_secret": {f.secret.ClientSecret}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// assertStillSignedInAs checks that svc, its store and its tokens are still those of before.
func assertStillSignedInAs(t *testing.T, f *fixture, svc *Service, before *Record) {
	t.Helper()
	acct, ok := svc.Account()
	if !ok || acct.Email != before.Account.Email || acct.Subject != before.Account.Subject {
		t.Fatalf("signed in as %+v (%v), want %s", acct, ok, before.Account.Email)
	}
	if svc.Has(ScopeMembershipsApp) != hasScope(before.Account.Scopes, ScopeMembershipsApp) || !svc.Has(ScopeMemberships) {
		t.Errorf("scopes changed to %v from %v", svc.Granted(), before.Account.Scopes)
	}
	after, _ := f.saved()
	if after == nil || after.AccessToken != before.AccessToken || after.RefreshToken != before.RefreshToken ||
		after.Account.Email != before.Account.Email {
		t.Errorf("stored sign-in changed: %+v", after)
	}
	status, body, err := userinfoStatus(t, svc.Client(), f)
	if err != nil || status != 200 || body["email"] != before.Account.Email {
		t.Errorf("the kept sign-in does not work: %d %v %v", status, body, err)
	}
}

// assertWrongAccount checks the refusal: its code, both addresses in plain words, and the page
// in the browser tab saying that it failed rather than "Signed in".
func assertWrongAccount(t *testing.T, err error, b *browser, signedIn, chosen string) {
	t.Helper()
	p, _ := problem.As(err)
	if p == nil || p.Code != "auth.wrong_account" {
		t.Fatalf("error %v, want auth.wrong_account", err)
	}
	if p.Params["account"] != signedIn || p.Params["chosen"] != chosen ||
		!strings.Contains(p.Message, signedIn) || !strings.Contains(p.Message, chosen) || !strings.Contains(p.Fix, signedIn) {
		t.Errorf("the problem does not say which account to pick: %+v", p)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.code == http.StatusOK || strings.Contains(b.page, "Signed in") || !strings.Contains(b.page, "Sign-in failed") ||
		!strings.Contains(b.page, p.Message) {
		t.Errorf("the browser tab does not show the refusal: %d\n%s", b.code, b.page)
	}
}

// assertRevoked checks that the other account's fresh token (the last the token endpoint
// issued) was revoked at the emulator.
func assertRevoked(t *testing.T, f *fixture, answers *tokenAnswers, chosen string) {
	t.Helper()
	a := answers.last(t)
	if idt, _ := a["id_token"].(string); idt == "" {
		t.Fatalf("token answer without id_token: %v", a)
	} else if c := claims(t, idt); c["email"] != nil && c["email"] != chosen {
		t.Fatalf("the last token was for %v, not %s", c["email"], chosen)
	}
	access, _ := a["access_token"].(string)
	if bearerStatus(t, f, access) != http.StatusUnauthorized {
		t.Errorf("%s's access token still works", chosen)
	}
	if refresh, _ := a["refresh_token"].(string); refresh != "" && refreshStatus(t, f, refresh) == http.StatusOK {
		t.Errorf("%s's refresh token still works", chosen)
	}
}

// On the consent page for one more permission the person picks another account: the grant is
// refused, the app stays signed in as the first account with its scopes and tokens, the tab
// shows the failure, and the other account's fresh token is revoked at Google.
func TestIncrementalConsentForAnotherAccountRefused(t *testing.T) {
	answers := &tokenAnswers{}
	f := newWrappedFixture(t, answers.wrap)
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	svc := f.service(b, nil)
	if _, err := svc.SignIn(context.Background(), BaseScopes...); err != nil {
		t.Fatal(err)
	}
	b.wait()
	before, _ := f.saved()

	b.account = emulator.DemoSecondAdminEmail
	err := svc.EnsureScopes(context.Background(), ScopeMembershipsApp)
	b.wait()
	assertWrongAccount(t, err, b, emulator.DemoAdminEmail, emulator.DemoSecondAdminEmail)
	if q := b.lastURL().Query(); q.Get("login_hint") != emulator.DemoAdminEmail || !strings.Contains(q.Get("scope"), ScopeMembershipsApp) {
		t.Errorf("incremental consent request %v: want login_hint=%s", q, emulator.DemoAdminEmail)
	}
	assertStillSignedInAs(t, f, svc, before)
	assertRevoked(t, f, answers, emulator.DemoSecondAdminEmail)
	assertClosed(t, b.lastURL())

	// Picking the right account then works.
	b.account = emulator.DemoAdminEmail
	if err := svc.EnsureScopes(context.Background(), ScopeMembershipsApp); err != nil {
		t.Fatal(err)
	}
	b.wait()
	if acct, _ := svc.Account(); acct.Email != emulator.DemoAdminEmail || !svc.Has(ScopeMembershipsApp) {
		t.Fatalf("after consenting as the signed-in account: %+v", acct)
	}
}

// Signing in again while signed in passes login_hint, and a grant for another account is
// refused in the same way: to change accounts, sign out first.
func TestSignInAgainAsAnotherAccountRefused(t *testing.T) {
	answers := &tokenAnswers{}
	f := newWrappedFixture(t, answers.wrap)
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	svc := f.service(b, nil)
	if _, err := svc.SignIn(context.Background(), BaseScopes...); err != nil {
		t.Fatal(err)
	}
	b.wait()
	before, _ := f.saved()

	b.account = emulator.DemoSecondAdminEmail
	_, err := svc.SignIn(context.Background(), BaseScopes...)
	b.wait()
	assertWrongAccount(t, err, b, emulator.DemoAdminEmail, emulator.DemoSecondAdminEmail)
	if got := b.lastURL().Query().Get("login_hint"); got != emulator.DemoAdminEmail {
		t.Errorf("login_hint %q, want %s", got, emulator.DemoAdminEmail)
	}
	assertStillSignedInAs(t, f, svc, before)
	assertRevoked(t, f, answers, emulator.DemoSecondAdminEmail)

	// After signing out, the other account may sign in.
	if err := svc.SignOut(context.Background()); err != nil {
		t.Fatal(err)
	}
	acct, err := svc.SignIn(context.Background(), BaseScopes...)
	b.wait()
	if err != nil || acct.Email != emulator.DemoSecondAdminEmail {
		t.Fatalf("sign-in after sign-out: %+v %v", acct, err)
	}
}

// When the id token carries no email, the app asks the userinfo endpoint who signed in, and
// the identity check still holds.
func TestIdentityFromUserinfoWhenIDTokenLacksEmail(t *testing.T) {
	answers := &tokenAnswers{rewrite: func(a map[string]any) {
		idt, _ := a["id_token"].(string)
		parts := strings.Split(idt, ".")
		if len(parts) != 3 {
			return
		}
		payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
		var c map[string]any
		_ = json.Unmarshal(payload, &c)
		delete(c, "email")
		delete(c, "email_verified")
		payload, _ = json.Marshal(c)
		a["id_token"] = parts[0] + "." + base64.RawURLEncoding.EncodeToString(payload) + "." + parts[2]
	}}
	f := newWrappedFixture(t, answers.wrap)
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	svc := f.service(b, nil)
	acct, err := svc.SignIn(context.Background(), BaseScopes...)
	b.wait()
	if err != nil || acct.Email != emulator.DemoAdminEmail || acct.Subject == "" {
		t.Fatalf("sign-in with an id token without email: %+v %v", acct, err)
	}
	if c := claims(t, answers.last(t)["id_token"].(string)); c["email"] != nil {
		t.Fatalf("the id token still has an email: %v", c)
	}
	before, _ := f.saved()

	b.account = emulator.DemoSecondAdminEmail
	err = svc.EnsureScopes(context.Background(), ScopeMembershipsApp)
	b.wait()
	assertWrongAccount(t, err, b, emulator.DemoAdminEmail, emulator.DemoSecondAdminEmail)
	assertStillSignedInAs(t, f, svc, before)
	assertRevoked(t, f, answers, emulator.DemoSecondAdminEmail)
}

// The tab in the browser hears the outcome only after the grant was checked: a sign-in that
// fails after the code exchange (here: no identity at all) shows as failed, not "Signed in".
func TestBrowserTabShowsAFailureAfterTheExchange(t *testing.T) {
	answers := &tokenAnswers{rewrite: func(a map[string]any) { delete(a, "id_token") }}
	f := newWrappedFixture(t, answers.wrap)
	f.endpoints.UserinfoURL = "" // nobody to ask who signed in
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	_, err := f.service(b, nil).SignIn(context.Background(), BaseScopes...)
	b.wait()
	if codeOf(err) != "auth.no_identity" {
		t.Fatalf("error %v, want auth.no_identity", err)
	}
	if b.code == http.StatusOK || !bytes.Contains([]byte(b.page), []byte("Sign-in failed")) {
		t.Errorf("browser page %d:\n%s", b.code, b.page)
	}
}
