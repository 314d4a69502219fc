package auth

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
	"golang.org/x/oauth2"

	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
)

func codeOf(err error) string { return problem.CodeOf(err) }

// clock is the emulator's adjustable Options.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type fixture struct {
	srv       *emulator.Server
	clock     *clock
	secret    *ClientSecret
	endpoints Endpoints
	store     Store
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	clk := &clock{t: time.Now()}
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return &fixture{srv: srv, clock: clk, secret: emulatorClient(), endpoints: emulatorEndpoints(srv), store: &FileStore{Dir: t.TempDir()}}
}

// emulatorClient is the emulator's demo OAuth client. A client file naming the emulator's
// endpoints is refused (they are not Google's), so tests wire the endpoints explicitly.
func emulatorClient() *ClientSecret {
	return &ClientSecret{ClientID: emulator.DemoClientID, ClientSecret: emulator.DemoClientSecret}
}

func emulatorEndpoints(srv *emulator.Server) Endpoints {
	return Endpoints{AuthURL: srv.AuthURL(), TokenURL: srv.TokenURL(), RevokeURL: srv.RevokeURL(), UserinfoURL: srv.UserinfoURL()}
}

// browser plays the user's browser: it opens the consent page, answers it and follows the
// redirect to the app's loopback listener.
type browser struct {
	t       *testing.T
	account string
	action  string                  // "allow" or "deny"
	tamper  func(redirect *url.URL) // changes the redirect before it is followed
	before  func(loopback *url.URL) // requests made to the listener first (favicon...)
	lang    string                  // the browser's Accept-Language, if any

	mu    sync.Mutex
	urls  []string
	page  string // the loopback's answer
	code  int
	done  chan struct{}
	fails []string
}

func newBrowser(t *testing.T, account, action string) *browser {
	return &browser{t: t, account: account, action: action, done: make(chan struct{}, 8)}
}

var noRedirect = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Timeout:       10 * time.Second,
}

var requestIDRe = regexp.MustCompile(`name="request_id" value="([^"]+)"`)

func (b *browser) fail(format string, args ...any) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fails = append(b.fails, format)
	return errors.New(format)
}

// open is Options.OpenBrowser.
func (b *browser) open(authURL string) error {
	defer func() { b.done <- struct{}{} }()
	b.mu.Lock()
	b.urls = append(b.urls, authURL)
	b.mu.Unlock()
	resp, err := noRedirect.Get(authURL)
	if err != nil {
		return b.fail("consent page: " + err.Error())
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := requestIDRe.FindSubmatch(body)
	if resp.StatusCode != 200 || m == nil {
		return b.fail("consent page: " + resp.Status + " " + string(body))
	}
	au, _ := url.Parse(authURL)
	approve := au.ResolveReference(&url.URL{Path: "/o/oauth2/approve"}).String()
	resp, err = noRedirect.PostForm(approve, url.Values{"request_id": {string(m[1])}, "account": {b.account}, "action": {b.action}})
	if err != nil {
		return b.fail("approve: " + err.Error())
	}
	resp.Body.Close()
	loc, err := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusFound || err != nil {
		return b.fail("approve: " + resp.Status)
	}
	if b.before != nil {
		b.before(loc)
	}
	if b.tamper != nil {
		b.tamper(loc)
	}
	req, _ := http.NewRequest(http.MethodGet, loc.String(), nil)
	if b.lang != "" {
		req.Header.Set("Accept-Language", b.lang)
	}
	resp, err = noRedirect.Do(req)
	if err != nil {
		return b.fail("loopback: " + err.Error())
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	b.mu.Lock()
	b.page, b.code = string(body), resp.StatusCode
	b.mu.Unlock()
	return nil
}

// wait waits for the browser to finish and reports its failures.
func (b *browser) wait() {
	b.t.Helper()
	select {
	case <-b.done:
	case <-time.After(10 * time.Second):
		b.t.Fatal("the browser never finished")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, f := range b.fails {
		b.t.Error("browser: " + f)
	}
}

func (b *browser) lastURL() *url.URL {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, _ := url.Parse(b.urls[len(b.urls)-1])
	return u
}

// saved is the record kept for whichever demo user signed in last through f (nil if none):
// records sit under each account's own key.
func (f *fixture) saved() (*Record, error) {
	for _, u := range emulator.DemoData().Users {
		rec, err := f.store.Load(AccountKey(f.secret.ClientID, Account{Subject: u.ID, Email: u.Email}))
		if rec != nil || err != nil {
			return rec, err
		}
	}
	return nil, nil
}

// savedAccount is the account of the saved record, as the app's list of accounts names it to
// the next run; nil when nothing is saved.
func (f *fixture) savedAccount() *Account {
	if rec, _ := f.saved(); rec != nil {
		a := rec.Account
		return &a
	}
	return nil
}

// next is the Service of the app's next run, for the account saved.
func (f *fixture) next() *Service {
	opts := Options{Secret: f.secret, Endpoints: f.endpoints, Store: f.store, Account: f.savedAccount(), HTTPClient: &http.Client{Timeout: 10 * time.Second}, Timeout: 20 * time.Second}
	return New(opts)
}

func (f *fixture) service(b *browser, onURL func(string)) *Service {
	opts := Options{Secret: f.secret, Endpoints: f.endpoints, Store: f.store, OnURL: onURL, HTTPClient: &http.Client{Timeout: 10 * time.Second}, Timeout: 20 * time.Second}
	if b != nil {
		opts.OpenBrowser = b.open
	}
	return New(opts)
}

func userinfoStatus(t *testing.T, c *http.Client, f *fixture) (int, map[string]any, error) {
	t.Helper()
	resp, err := c.Get(f.srv.UserinfoURL())
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	var body map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body, nil
}

func bearerStatus(t *testing.T, f *fixture, access string) int {
	t.Helper()
	req, _ := http.NewRequest("GET", f.srv.UserinfoURL(), nil)
	req.Header.Set("Authorization", "Bearer "+access)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func assertClosed(t *testing.T, authURL *url.URL) {
	t.Helper()
	redirect, err := url.Parse(authURL.Query().Get("redirect_uri"))
	if err != nil || redirect.Host == "" {
		t.Fatalf("no redirect_uri in %s", authURL)
	}
	if c, err := net.DialTimeout("tcp", redirect.Host, time.Second); err == nil {
		c.Close()
		t.Errorf("the loopback listener %s is still open", redirect.Host)
	}
}

func TestSignInSuccess(t *testing.T) {
	f := newFixture(t)
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	var extra []int
	b.before = func(loc *url.URL) { // stray requests must not end the flow
		for _, p := range []string{"/favicon.ico", "/"} {
			u := *loc
			u.Path, u.RawQuery = p, ""
			if resp, err := noRedirect.Get(u.String()); err == nil {
				extra = append(extra, resp.StatusCode)
				resp.Body.Close()
			}
		}
	}
	var onURL string
	svc := f.service(b, func(u string) { onURL = u })
	acct, err := svc.SignIn(context.Background(), BaseScopes...)
	if err != nil {
		t.Fatal(err)
	}
	b.wait()
	if acct.Email != emulator.DemoAdminEmail || acct.Subject == "" {
		t.Errorf("account %+v", acct)
	}
	if len(extra) != 2 || extra[0] != 404 || extra[1] != 404 {
		t.Errorf("stray requests answered %v, want 404s", extra)
	}
	if b.code != 200 || !strings.Contains(b.page, "Signed in. You can close this tab and return to Chat Members.") {
		t.Errorf("browser page %d:\n%s", b.code, b.page)
	}

	// The authorization request: loopback on 127.0.0.1, PKCE S256, state, offline.
	u := b.lastURL()
	if onURL != u.String() {
		t.Errorf("OnURL got %q, the browser %q", onURL, u)
	}
	q := u.Query()
	redirect, _ := url.Parse(q.Get("redirect_uri"))
	if redirect.Scheme != "http" || redirect.Hostname() != "127.0.0.1" || redirect.Port() == "" || redirect.Path != "/" {
		t.Errorf("redirect_uri %s", redirect)
	}
	if q.Get("code_challenge_method") != "S256" || len(q.Get("code_challenge")) != 43 || len(q.Get("state")) < 32 ||
		q.Get("access_type") != "offline" || q.Get("response_type") != "code" {
		t.Errorf("authorization request %v", q)
	}
	for _, sc := range []string{"openid", "email", ScopeSpacesReadonly, ScopeMemberships} {
		if !strings.Contains(" "+q.Get("scope")+" ", " "+sc+" ") {
			t.Errorf("scope %q lacks %s", q.Get("scope"), sc)
		}
		if !svc.Has(sc) {
			t.Errorf("Has(%s) false; granted %v", sc, svc.Granted())
		}
	}
	if svc.Has(ScopeMembershipsApp) {
		t.Error("Has(memberships.app) before it was asked for")
	}
	assertClosed(t, u)

	// The refresh token was stored.
	rec, err := f.saved()
	if err != nil || rec == nil || rec.RefreshToken == "" || rec.Account.Email != emulator.DemoAdminEmail {
		t.Fatalf("stored %+v, %v", rec, err)
	}

	// Client works against the emulator.
	status, body, err := userinfoStatus(t, svc.Client(), f)
	if err != nil || status != 200 || body["email"] != emulator.DemoAdminEmail {
		t.Fatalf("userinfo: %d %v %v", status, body, err)
	}

	// A new Service (the next run of the app) restores the sign-in.
	again := f.next()
	if got, ok := again.Restore(); !ok || got.Email != emulator.DemoAdminEmail || !again.Has(ScopeMemberships) {
		t.Fatalf("Restore: %+v %v", got, ok)
	}
	if status, _, err := userinfoStatus(t, again.Client(), f); err != nil || status != 200 {
		t.Fatalf("restored client: %d %v", status, err)
	}
}

// loopbackStatus sends method to the loopback u, with host as the Host header ("" keeps u's), and
// returns the status.
func loopbackStatus(t *testing.T, method string, u url.URL, host string) int {
	t.Helper()
	req, err := http.NewRequest(method, u.String(), nil)
	if err != nil {
		t.Error(err)
		return 0
	}
	if host != "" {
		req.Host = host
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Errorf("%s %s: %v", method, u.String(), err)
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// Any local page that finds the port can send the loopback a redirect. One whose state is
// missing or wrong gets a 400 page and must not end the sign-in the user is busy with.
func TestSignInForgedRedirectIgnored(t *testing.T) {
	f := newFixture(t)
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	got := map[string]int{}
	b.before = func(loc *url.URL) {
		for _, raw := range []string{"state=forged-state", "state=forged-state&code=4/0forged",
			"error=access_denied", "code=4/0forged", "state=&code=4/0forged",
			"state=" + url.QueryEscape(loc.Query().Get("state")+"x") + "&code=" + url.QueryEscape(loc.Query().Get("code"))} {
			u := *loc
			u.RawQuery = raw
			got[raw] = loopbackStatus(t, http.MethodGet, u, "")
		}
	}
	svc := f.service(b, nil)
	acct, err := svc.SignIn(context.Background(), BaseScopes...)
	if err != nil {
		t.Fatalf("sign-in after forged redirects: %v", err)
	}
	b.wait()
	if acct.Email != emulator.DemoAdminEmail {
		t.Errorf("account %+v", acct)
	}
	if len(got) != 6 {
		t.Fatalf("forged requests %v", got)
	}
	for raw, code := range got {
		if code != http.StatusBadRequest {
			t.Errorf("forged %q answered %d, want 400", raw, code)
		}
	}
	if b.code != 200 || !strings.Contains(b.page, "Signed in.") {
		t.Errorf("browser page %d:\n%s", b.code, b.page)
	}
	assertClosed(t, b.lastURL())
}

// A forged redirect alone leaves the flow waiting until it times out.
func TestSignInForgedRedirectThenTimeout(t *testing.T) {
	f := newFixture(t)
	forged := make(chan int, 1)
	var authURL string
	svc := New(Options{Secret: f.secret, Endpoints: f.endpoints, Store: f.store, Timeout: 500 * time.Millisecond, OnURL: func(u string) { authURL = u },
		OpenBrowser: func(a string) error {
			au, _ := url.Parse(a)
			loop, _ := url.Parse(au.Query().Get("redirect_uri"))
			loop.RawQuery = "state=forged&error=access_denied"
			forged <- loopbackStatus(t, http.MethodGet, *loop, "")
			return nil
		}})
	_, err := svc.SignIn(context.Background(), BaseScopes...)
	if codeOf(err) != "auth.timeout" {
		t.Fatalf("error %v, want auth.timeout", err)
	}
	if code := <-forged; code != http.StatusBadRequest {
		t.Errorf("forged redirect answered %d, want 400", code)
	}
	u, _ := url.Parse(authURL)
	assertClosed(t, u)
}

// The loopback serves only GET / under the Host it was given: even with the real state and
// code, anything else is refused and the flow goes on to the real redirect.
func TestLoopbackRefusesOtherRequests(t *testing.T) {
	f := newFixture(t)
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	got := map[string]int{}
	b.before = func(loc *url.URL) {
		other := *loc
		other.Path = "/callback"
		got["POST"] = loopbackStatus(t, http.MethodPost, *loc, "")
		got["PUT"] = loopbackStatus(t, http.MethodPut, *loc, "")
		got["Host evil"] = loopbackStatus(t, http.MethodGet, *loc, "evil.example:"+loc.Port())
		got["Host localhost"] = loopbackStatus(t, http.MethodGet, *loc, "localhost:"+loc.Port())
		got["Host no port"] = loopbackStatus(t, http.MethodGet, *loc, "127.0.0.1")
		got["path"] = loopbackStatus(t, http.MethodGet, other, "")
	}
	svc := f.service(b, nil)
	if _, err := svc.SignIn(context.Background(), BaseScopes...); err != nil {
		t.Fatalf("sign-in: %v", err)
	}
	b.wait()
	if len(got) != 6 {
		t.Fatalf("requests %v", got)
	}
	for what, code := range got {
		if code != http.StatusNotFound {
			t.Errorf("%s answered %d, want 404", what, code)
		}
	}
	if b.code != 200 || !strings.Contains(b.page, "Signed in.") {
		t.Errorf("browser page %d:\n%s", b.code, b.page)
	}
}

func TestSignInDenied(t *testing.T) {
	f := newFixture(t)
	b := newBrowser(t, emulator.DemoAdminEmail, "deny")
	_, err := f.service(b, nil).SignIn(context.Background(), BaseScopes...)
	p, _ := problem.As(err)
	if p == nil || p.Code != "auth.denied" || p.Message == "" || p.Fix == "" {
		t.Fatalf("error %v, want auth.denied", err)
	}
	b.wait()
	if !strings.Contains(b.page, p.Message) {
		t.Errorf("browser page lacks the message:\n%s", b.page)
	}
	assertClosed(t, b.lastURL())
}

// The page in the person's browser speaks the browser's language (its Accept-Language).
func TestSignInPagesFollowTheBrowsersLanguage(t *testing.T) {
	for _, c := range []struct{ lang, action, want, htmlLang string }{
		{"ru-RU,ru;q=0.9,en-US;q=0.8", "allow", "Вход выполнен. Эту вкладку можно закрыть", "ru"},
		{"ru", "deny", "Войти не удалось", "ru"},
		{"de-DE,en;q=0.7", "allow", "Signed in. You can close this tab", "en"},
	} {
		f := newFixture(t)
		b := newBrowser(t, emulator.DemoAdminEmail, c.action)
		b.lang = c.lang
		_, _ = f.service(b, nil).SignIn(context.Background(), BaseScopes...)
		b.wait()
		if !strings.Contains(b.page, c.want) || !strings.Contains(b.page, `<html lang="`+c.htmlLang+`">`) {
			t.Errorf("Accept-Language %q, %s: page lacks %q in lang %s:\n%s", c.lang, c.action, c.want, c.htmlLang, b.page)
		}
	}
}

func TestSignInCancelled(t *testing.T) {
	f := newFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	var authURL string
	svc := f.service(nil, func(u string) { authURL = u; cancel() })
	_, err := svc.SignIn(ctx, BaseScopes...)
	if codeOf(err) != "auth.cancelled" {
		t.Fatalf("error %v, want auth.cancelled", err)
	}
	u, _ := url.Parse(authURL)
	assertClosed(t, u)
}

func TestSignInTimeout(t *testing.T) {
	f := newFixture(t)
	var authURL string
	svc := New(Options{Secret: f.secret, Endpoints: f.endpoints, Store: f.store, Timeout: 50 * time.Millisecond, OnURL: func(u string) { authURL = u },
		OpenBrowser: func(string) error { return errors.New("no browser here") }})
	_, err := svc.SignIn(context.Background(), BaseScopes...)
	if codeOf(err) != "auth.timeout" {
		t.Fatalf("error %v, want auth.timeout", err)
	}
	u, _ := url.Parse(authURL)
	assertClosed(t, u)
}

func TestSignInBusy(t *testing.T) {
	f := newFixture(t)
	var svc *Service
	var second error
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	svc = f.service(b, func(string) { _, second = svc.SignIn(context.Background()) })
	if _, err := svc.SignIn(context.Background(), BaseScopes...); err != nil {
		t.Fatal(err)
	}
	b.wait()
	if codeOf(second) != "auth.busy" {
		t.Fatalf("second sign-in: %v, want auth.busy", second)
	}
}

// The emulator refuses a wrong PKCE verifier, and the app words that as auth.exchange_failed.
func TestWrongVerifierRefused(t *testing.T) {
	f := newFixture(t)
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	cfg := &oauth2.Config{ClientID: f.secret.ClientID, ClientSecret: f.secret.ClientSecret,
		Endpoint:    oauth2.Endpoint{AuthURL: f.endpoints.AuthURL, TokenURL: f.endpoints.TokenURL},
		RedirectURL: "http://" + ln.Addr().String() + "/", Scopes: []string{"openid", ScopeSpacesReadonly}}
	codes := make(chan string, 1)
	go func() {
		_ = http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			codes <- r.URL.Query().Get("code")
		}))
	}()
	go func() { _ = b.open(cfg.AuthCodeURL("s", oauth2.S256ChallengeOption(oauth2.GenerateVerifier()))) }()
	code := <-codes
	_, err = cfg.Exchange(context.Background(), code, oauth2.VerifierOption(oauth2.GenerateVerifier()))
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) || re.ErrorCode != "invalid_grant" {
		t.Fatalf("exchange with the wrong verifier: %v", err)
	}
	if p := exchangeProblem(err, errExchange); p.Code != "auth.exchange_failed" || !strings.Contains(p.Detail, "invalid_grant") {
		t.Errorf("problem %+v", p)
	}
}

// signedIn signs the demo admin in and returns the Service.
func signedIn(t *testing.T, f *fixture, scopes ...string) *Service {
	t.Helper()
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	svc := f.service(b, nil)
	if _, err := svc.SignIn(context.Background(), scopes...); err != nil {
		t.Fatal(err)
	}
	b.wait()
	return svc
}

// expireStoredToken makes the stored access token look expired, as after an hour.
func expireStoredToken(t *testing.T, f *fixture) *Record {
	t.Helper()
	rec, err := f.saved()
	if err != nil || rec == nil {
		t.Fatalf("stored: %v %v", rec, err)
	}
	rec.Expiry = time.Now().Add(-time.Minute)
	if err := f.store.Save(rec.Key, rec); err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestRefreshSavesNewToken(t *testing.T) {
	f := newFixture(t)
	signedIn(t, f, BaseScopes...)
	old := expireStoredToken(t, f)
	f.clock.Add(2 * time.Hour) // the emulator agrees the access token has expired
	if bearerStatus(t, f, old.AccessToken) != 401 {
		t.Fatal("the old access token still works at the emulator")
	}

	svc := f.next()
	if _, ok := svc.Restore(); !ok {
		t.Fatal("Restore failed")
	}
	status, _, err := userinfoStatus(t, svc.Client(), f)
	if err != nil || status != 200 {
		t.Fatalf("userinfo after refresh: %d %v", status, err)
	}
	rec, _ := f.saved()
	if rec == nil || rec.AccessToken == old.AccessToken || !rec.Expiry.After(time.Now()) || rec.RefreshToken != old.RefreshToken {
		t.Fatalf("stored after refresh: %+v", rec)
	}
}

func TestRefreshExpiredAfterSevenDays(t *testing.T) {
	f := newFixture(t)
	signedIn(t, f, BaseScopes...)
	expireStoredToken(t, f)
	f.clock.Add(8 * 24 * time.Hour) // testing-mode refresh tokens last 7 days

	svc := f.next()
	if _, ok := svc.Restore(); !ok {
		t.Fatal("Restore failed")
	}
	_, _, err := userinfoStatus(t, svc.Client(), f)
	p, _ := problem.As(err)
	if p == nil || p.Code != "auth.expired" || !strings.Contains(p.Fix, "7 days") {
		t.Fatalf("error %v, want auth.expired", err)
	}
	if _, ok := svc.Account(); ok {
		t.Error("still signed in after the refresh token died")
	}
	if rec, _ := f.saved(); rec != nil {
		t.Error("the dead sign-in is still stored")
	}
}

func TestEnsureScopesIncremental(t *testing.T) {
	f := newFixture(t)
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	svc := f.service(b, nil)
	if _, err := svc.SignIn(context.Background(), BaseScopes...); err != nil {
		t.Fatal(err)
	}
	b.wait()
	if err := svc.EnsureScopes(context.Background(), ScopeMemberships); err != nil {
		t.Fatal(err)
	}
	if len(b.urls) != 1 {
		t.Fatal("EnsureScopes ran a sign-in for a scope already granted")
	}
	if err := svc.EnsureScopes(context.Background(), ScopeMembershipsApp); err != nil {
		t.Fatal(err)
	}
	b.wait()
	q := b.lastURL().Query()
	asked := strings.Fields(q.Get("scope"))
	if q.Get("include_granted_scopes") != "true" || q.Get("login_hint") != emulator.DemoAdminEmail ||
		slices.Contains(asked, ScopeMemberships) || slices.Contains(asked, ScopeSpacesReadonly) ||
		!slices.Contains(asked, ScopeMembershipsApp) {
		t.Errorf("incremental request %v: it should ask for the missing scope only", q)
	}
	for _, sc := range []string{ScopeMembershipsApp, ScopeMemberships, ScopeSpacesReadonly, ScopeEmail} {
		if !svc.Has(sc) {
			t.Errorf("Has(%s) false; granted %v", sc, svc.Granted())
		}
	}
	rec, _ := f.saved()
	if rec == nil || rec.RefreshToken == "" || !hasScope(rec.Account.Scopes, ScopeMembershipsApp) {
		t.Fatalf("stored %+v", rec)
	}
	if status, _, err := userinfoStatus(t, svc.Client(), f); err != nil || status != 200 {
		t.Fatalf("userinfo: %d %v", status, err)
	}
}

func TestSignOutRevokesAndForgets(t *testing.T) {
	f := newFixture(t)
	svc := signedIn(t, f, BaseScopes...)
	rec, _ := f.saved()
	client := svc.Client()
	if err := svc.SignOut(context.Background()); err != nil {
		t.Fatal(err)
	}
	if bearerStatus(t, f, rec.AccessToken) != 401 {
		t.Error("the access token still works after sign-out")
	}
	if got, _ := f.saved(); got != nil {
		t.Error("the sign-in is still stored")
	}
	if _, ok := svc.Account(); ok || svc.Has(ScopeMemberships) {
		t.Error("still signed in")
	}
	_, _, err := userinfoStatus(t, client, f)
	if codeOf(err) != "auth.not_signed_in" {
		t.Errorf("old client after sign-out: %v", err)
	}
	if err := svc.SignOut(context.Background()); err != nil {
		t.Errorf("second sign-out: %v", err)
	}
}

func TestSignOutOfflineStillForgets(t *testing.T) {
	f := newFixture(t)
	svc := signedIn(t, f, BaseScopes...)
	stored, _ := f.saved()
	_ = f.srv.Close() // Google is unreachable
	err := svc.SignOut(context.Background())
	p, _ := problem.As(err)
	if p == nil || p.Code != "auth.revoke_failed" || !strings.Contains(p.Message, "signed out on this computer") {
		t.Fatalf("error %v, want auth.revoke_failed", err)
	}
	if rec, _ := f.saved(); rec != nil {
		t.Error("the sign-in is still stored")
	}
	if _, ok := svc.Account(); ok {
		t.Error("still signed in")
	}
	if strings.Contains(p.Error(), stored.RefreshToken) || strings.Contains(p.Error(), stored.AccessToken) {
		t.Error("the problem leaks a token")
	}
}

func TestNotSignedIn(t *testing.T) {
	f := newFixture(t)
	svc := f.next()
	if _, ok := svc.Restore(); ok {
		t.Fatal("Restore with an empty store")
	}
	if _, err := svc.TokenSource().Token(); codeOf(err) != "auth.not_signed_in" {
		t.Fatalf("token: %v", err)
	}
	if _, err := New(Options{}).SignIn(context.Background()); codeOf(err) != "auth.secret_unknown_type" {
		t.Fatalf("no secret: %v", err)
	}
}

// switchStore is a MemoryStore whose saves fail while fail is set.
type switchStore struct {
	*MemoryStore
	fail atomic.Bool
}

func (s *switchStore) Save(clientID string, rec *Record) error {
	if s.fail.Load() {
		return failingStore{}.Save(clientID, rec)
	}
	return s.MemoryStore.Save(clientID, rec)
}

// A sign-in that cannot be saved still works, and StoreProblem says it was not kept.
func TestStoreProblemReported(t *testing.T) {
	f := newFixture(t)
	st := &switchStore{MemoryStore: NewMemoryStore()}
	st.fail.Store(true)
	f.store = st
	b := newBrowser(t, emulator.DemoAdminEmail, "allow")
	svc := f.service(b, nil)
	if p := svc.StoreProblem(); p != nil {
		t.Fatalf("StoreProblem before signing in: %v", p)
	}
	if _, err := svc.SignIn(context.Background(), BaseScopes...); err != nil {
		t.Fatal(err)
	}
	b.wait()
	p := svc.StoreProblem()
	if p == nil || p.Code != "auth.store_failed" || !strings.Contains(p.Detail, "disk full") || p.Message == "" {
		t.Fatalf("StoreProblem after a failed save: %+v", p)
	}
	if status, _, err := userinfoStatus(t, svc.Client(), f); err != nil || status != 200 {
		t.Fatalf("the unsaved sign-in does not work: %d %v", status, err)
	}

	// The next save that works clears it; so does signing out.
	st.fail.Store(false)
	if _, err := svc.SignIn(context.Background(), BaseScopes...); err != nil {
		t.Fatal(err)
	}
	b.wait()
	if p := svc.StoreProblem(); p != nil {
		t.Fatalf("StoreProblem after a good save: %v", p)
	}
	expireStoredToken(t, f) // a refresh saves too
	st.fail.Store(true)
	svc = f.next()
	if _, ok := svc.Restore(); !ok {
		t.Fatal("Restore failed")
	}
	if status, _, err := userinfoStatus(t, svc.Client(), f); err != nil || status != 200 {
		t.Fatalf("userinfo after refresh: %d %v", status, err)
	}
	if p := svc.StoreProblem(); p == nil || p.Code != "auth.store_failed" {
		t.Fatalf("StoreProblem after a refresh that could not be saved: %v", p)
	}
	_ = svc.SignOut(context.Background())
	if p := svc.StoreProblem(); p != nil {
		t.Fatalf("StoreProblem after sign-out: %v", p)
	}
}

// With go-keyring failing, the sign-in goes to the file fallback and StoreProblem stays nil;
// with no fallback either, StoreProblem reports the keyring's error.
func TestStoreProblemWithFailingKeyring(t *testing.T) {
	keyring.MockInitWithError(errors.New("keyring: the collection is locked"))
	t.Cleanup(keyring.MockInit)
	f := newFixture(t)
	dir := t.TempDir()
	f.store = &KeyringStore{Fallback: &FileStore{Dir: dir}, probe: answers(true)} // it answered the probe, then broke
	svc := signedIn(t, f, BaseScopes...)
	if p := svc.StoreProblem(); p != nil {
		t.Fatalf("StoreProblem with a working fallback: %v", p)
	}
	if filesIn(t, dir) != 1 {
		t.Fatal("the sign-in is not in the fallback file")
	}
	if acct, ok := f.next().Restore(); !ok || acct.Email != emulator.DemoAdminEmail {
		t.Fatalf("Restore from the fallback: %+v %v", acct, ok)
	}

	f.store = &KeyringStore{} // the keyring alone
	svc = signedIn(t, f, BaseScopes...)
	p := svc.StoreProblem()
	if p == nil || p.Code != "auth.store_failed" || !strings.Contains(p.Detail, "collection is locked") {
		t.Fatalf("StoreProblem with the keyring alone: %+v", p)
	}
}
