package emulator

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// oauthTestData is a small organisation for the OAuth tests.
func oauthTestData() *Dataset {
	return &Dataset{
		Domain: "example.com",
		Users: []*User{
			{ID: "100000000000000000001", Email: "ada@example.com", DisplayName: "Ada Admin"},
			{ID: "100000000000000000002", Email: "bo@example.com", DisplayName: "Bo Builder"},
			{ID: "100000000000000000003", Email: "ext@example.net", DisplayName: "Ext Consultant", External: true},
		},
	}
}

const (
	testScopeSpaces  = ScopePrefix + "chat.spaces.readonly"
	testScopeMembers = ScopePrefix + "chat.memberships"
	testRedirect     = "http://127.0.0.1:9/callback"
)

// clock is an adjustable Options.Now.
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

func startOAuth(t *testing.T) (*Server, *clock) {
	t.Helper()
	clk := &clock{t: time.Now()}
	srv, err := Start("127.0.0.1:0", Options{Data: oauthTestData(), Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return srv, clk
}

func demoConfig(srv *Server, style oauth2.AuthStyle, scopes ...string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     DemoClientID,
		ClientSecret: DemoClientSecret,
		Endpoint:     oauth2.Endpoint{AuthURL: srv.AuthURL(), TokenURL: srv.TokenURL(), AuthStyle: style},
		RedirectURL:  testRedirect,
		Scopes:       scopes,
	}
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

var requestIDRe = regexp.MustCompile(`name="request_id" value="([^"]+)"`)

// consent plays the browser: it opens authURL, answers the consent page and returns the
// redirect's query (the loopback listener is not contacted).
func consent(t *testing.T, authURL, account, action string) url.Values {
	t.Helper()
	resp, err := noRedirect.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("consent page: %d\n%s", resp.StatusCode, body)
	}
	m := requestIDRe.FindSubmatch(body)
	if m == nil {
		t.Fatalf("no request_id in consent page:\n%s", body)
	}
	base, _ := url.Parse(authURL)
	approve := base.ResolveReference(&url.URL{Path: "/o/oauth2/approve"})
	resp, err = noRedirect.PostForm(approve.String(), url.Values{"request_id": {string(m[1])}, "account": {account}, "action": {action}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("approve: %d, want 302", resp.StatusCode)
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != testRedirect {
		t.Fatalf("redirected to %s, want %s", got, testRedirect)
	}
	return loc.Query()
}

func retrieveCode(t *testing.T, err error) string {
	t.Helper()
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		t.Fatalf("want *oauth2.RetrieveError, got %v", err)
	}
	return re.ErrorCode
}

func TestOAuthCodeExchangeWithPKCE(t *testing.T) {
	for _, style := range []struct {
		name  string
		style oauth2.AuthStyle
	}{{"auto", oauth2.AuthStyleAutoDetect}, {"basic", oauth2.AuthStyleInHeader}, {"post", oauth2.AuthStyleInParams}} {
		t.Run(style.name, func(t *testing.T) {
			srv, _ := startOAuth(t)
			cfg := demoConfig(srv, style.style, "openid", "email", "profile", testScopeSpaces)
			v := oauth2.GenerateVerifier()
			q := consent(t, cfg.AuthCodeURL("st-1", oauth2.AccessTypeOffline, oauth2.S256ChallengeOption(v)), "bo@example.com", "allow")
			if q.Get("state") != "st-1" || q.Get("code") == "" {
				t.Fatalf("redirect query %v", q)
			}
			tok, err := cfg.Exchange(context.Background(), q.Get("code"), oauth2.VerifierOption(v))
			if err != nil {
				t.Fatal(err)
			}
			if tok.RefreshToken == "" || tok.TokenType != "Bearer" || !tok.Valid() {
				t.Fatalf("token %+v", tok)
			}
			if got := tok.Extra("expires_in"); got != float64(3599) {
				t.Errorf("expires_in %v, want 3599", got)
			}
			wantScope := strings.Join([]string{testScopeSpaces, scopeEmail, scopeProfile, "openid"}, " ")
			if got := tok.Extra("scope"); got != wantScope {
				t.Errorf("scope %q, want %q", got, wantScope)
			}
			idTok, _ := tok.Extra("id_token").(string)
			verifyJWT(t, srv, idTok)
			claims := jwtClaims(t, idTok)
			if claims["iss"] != srv.URL() || claims["aud"] != DemoClientID || claims["sub"] != "100000000000000000002" ||
				claims["email"] != "bo@example.com" || claims["email_verified"] != true || claims["name"] != "Bo Builder" {
				t.Errorf("id_token claims %v", claims)
			}
			// The token works at userinfo.
			info := userinfo(t, srv, tok.AccessToken)
			if info.status != 200 || info.body["email"] != "bo@example.com" || info.body["sub"] != "100000000000000000002" {
				t.Errorf("userinfo %d %v", info.status, info.body)
			}
		})
	}
}

func TestOAuthWrongOrMissingVerifier(t *testing.T) {
	srv, _ := startOAuth(t)
	cfg := demoConfig(srv, oauth2.AuthStyleInParams, testScopeSpaces)
	for name, opts := range map[string][]oauth2.AuthCodeOption{
		"wrong":   {oauth2.VerifierOption(oauth2.GenerateVerifier())},
		"missing": nil,
	} {
		t.Run(name, func(t *testing.T) {
			q := consent(t, cfg.AuthCodeURL("s", oauth2.S256ChallengeOption(oauth2.GenerateVerifier())), "ada@example.com", "allow")
			_, err := cfg.Exchange(context.Background(), q.Get("code"), opts...)
			if code := retrieveCode(t, err); code != "invalid_grant" {
				t.Fatalf("error %q, want invalid_grant", code)
			}
		})
	}
}

func TestOAuthPlainChallenge(t *testing.T) {
	srv, _ := startOAuth(t)
	cfg := demoConfig(srv, oauth2.AuthStyleInParams, testScopeSpaces)
	v := oauth2.GenerateVerifier()
	u := cfg.AuthCodeURL("s", oauth2.SetAuthURLParam("code_challenge", v), oauth2.SetAuthURLParam("code_challenge_method", "plain"))
	q := consent(t, u, "ada@example.com", "allow")
	if _, err := cfg.Exchange(context.Background(), q.Get("code"), oauth2.VerifierOption(v)); err != nil {
		t.Fatal(err)
	}
}

func TestOAuthCodeIsSingleUseAndShortLived(t *testing.T) {
	srv, clk := startOAuth(t)
	cfg := demoConfig(srv, oauth2.AuthStyleInParams, testScopeSpaces)
	q := consent(t, cfg.AuthCodeURL("s"), "ada@example.com", "allow")
	if _, err := cfg.Exchange(context.Background(), q.Get("code")); err != nil {
		t.Fatal(err)
	}
	_, err := cfg.Exchange(context.Background(), q.Get("code"))
	if code := retrieveCode(t, err); code != "invalid_grant" {
		t.Fatalf("reuse: %q, want invalid_grant", code)
	}

	q = consent(t, cfg.AuthCodeURL("s"), "ada@example.com", "allow")
	clk.Add(11 * time.Minute)
	_, err = cfg.Exchange(context.Background(), q.Get("code"))
	if code := retrieveCode(t, err); code != "invalid_grant" {
		t.Fatalf("expired: %q, want invalid_grant", code)
	}
}

func TestOAuthRedirectURIMustMatchAtExchange(t *testing.T) {
	srv, _ := startOAuth(t)
	cfg := demoConfig(srv, oauth2.AuthStyleInParams, testScopeSpaces)
	q := consent(t, cfg.AuthCodeURL("s"), "ada@example.com", "allow")
	other := *cfg
	other.RedirectURL = "http://127.0.0.1:10/callback"
	_, err := other.Exchange(context.Background(), q.Get("code"))
	if code := retrieveCode(t, err); code != "redirect_uri_mismatch" {
		t.Fatalf("%q, want redirect_uri_mismatch", code)
	}
}

func TestOAuthClientAuthentication(t *testing.T) {
	srv, _ := startOAuth(t)
	for _, style := range []oauth2.AuthStyle{oauth2.AuthStyleInHeader, oauth2.AuthStyleInParams} {
		cfg := demoConfig(srv, style, testScopeSpaces)
		q := consent(t, cfg.AuthCodeURL("s"), "ada@example.com", "allow")
		cfg.ClientSecret = "GOCSPX-wrong"
		_, err := cfg.Exchange(context.Background(), q.Get("code"))
		var re *oauth2.RetrieveError
		if !errors.As(err, &re) || re.ErrorCode != "invalid_client" || re.Response.StatusCode != 401 {
			t.Fatalf("style %d: %v, want 401 invalid_client", style, err)
		}
	}
	// No secret at all: Google wants one for Desktop clients.
	resp, err := http.PostForm(srv.TokenURL(), url.Values{"grant_type": {"authorization_code"}, "code": {"x"}, "client_id": {DemoClientID}})
	if err != nil {
		t.Fatal(err)
	}
	var e oauthError
	_ = json.NewDecoder(resp.Body).Decode(&e)
	resp.Body.Close()
	if resp.StatusCode != 400 || e.Error != "invalid_request" || e.Description != "client_secret is missing." {
		t.Errorf("no secret: %d %+v", resp.StatusCode, e)
	}
}

func TestOAuthRefreshGrant(t *testing.T) {
	srv, clk := startOAuth(t)
	cfg := demoConfig(srv, oauth2.AuthStyleAutoDetect, "openid", "email", testScopeSpaces)
	q := consent(t, cfg.AuthCodeURL("s", oauth2.AccessTypeOffline), "ada@example.com", "allow")
	tok, err := cfg.Exchange(context.Background(), q.Get("code"))
	if err != nil {
		t.Fatal(err)
	}
	clk.Add(2 * time.Hour) // the emulator's access token has expired
	if info := userinfo(t, srv, tok.AccessToken); info.status != 401 {
		t.Fatalf("expired token at userinfo: %d", info.status)
	}
	tok.Expiry = time.Now().Add(-time.Minute) // and x/oauth2 (real clock) must think so too
	fresh, err := cfg.TokenSource(context.Background(), tok).Token()
	if err != nil {
		t.Fatal(err)
	}
	if fresh.AccessToken == tok.AccessToken || fresh.RefreshToken != tok.RefreshToken || fresh.Extra("id_token") == nil {
		t.Fatalf("refreshed %+v", fresh)
	}
	if info := userinfo(t, srv, fresh.AccessToken); info.status != 200 {
		t.Fatalf("fresh token at userinfo: %d", info.status)
	}
	// Testing-mode apps: refresh tokens die after 7 days.
	clk.Add(8 * 24 * time.Hour)
	tok.Expiry = time.Now().Add(-time.Minute)
	_, err = cfg.TokenSource(context.Background(), tok).Token()
	if code := retrieveCode(t, err); code != "invalid_grant" {
		t.Fatalf("after 8 days: %q, want invalid_grant", code)
	}
}

func TestOAuthRefreshTokenOnlyOnConsent(t *testing.T) {
	srv, _ := startOAuth(t)
	cfg := demoConfig(srv, oauth2.AuthStyleInParams, testScopeSpaces)
	// exchange returns the token and the redirect's prompt (whether a consent screen was shown).
	exchange := func(opts ...oauth2.AuthCodeOption) (*oauth2.Token, string) {
		q := consent(t, cfg.AuthCodeURL("s", opts...), "ada@example.com", "allow")
		tok, err := cfg.Exchange(context.Background(), q.Get("code"))
		if err != nil {
			t.Fatal(err)
		}
		return tok, q.Get("prompt")
	}
	if tok, prompt := exchange(); tok.RefreshToken != "" || prompt != "consent" {
		t.Errorf("first, online consent: refresh token %q, redirect prompt %q", tok.RefreshToken, prompt)
	}
	if tok, prompt := exchange(oauth2.AccessTypeOffline); tok.RefreshToken != "" || prompt != "none" {
		t.Errorf("re-consent to the same scopes without prompt=consent: refresh token %q, redirect prompt %q (no consent screen)", tok.RefreshToken, prompt)
	}
	if tok, prompt := exchange(oauth2.AccessTypeOffline, oauth2.ApprovalForce); tok.RefreshToken == "" || prompt != "consent" {
		t.Errorf("prompt=consent: refresh token %q, redirect prompt %q", tok.RefreshToken, prompt)
	}
}

func TestOAuthIncludeGrantedScopes(t *testing.T) {
	srv, _ := startOAuth(t)
	first := demoConfig(srv, oauth2.AuthStyleInParams, testScopeSpaces)
	q := consent(t, first.AuthCodeURL("s", oauth2.AccessTypeOffline), "ada@example.com", "allow")
	if _, err := first.Exchange(context.Background(), q.Get("code")); err != nil {
		t.Fatal(err)
	}
	more := demoConfig(srv, oauth2.AuthStyleInParams, testScopeMembers)
	q = consent(t, more.AuthCodeURL("s", oauth2.AccessTypeOffline, oauth2.SetAuthURLParam("include_granted_scopes", "true")), "ada@example.com", "allow")
	tok, err := more.Exchange(context.Background(), q.Get("code"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tok.Extra("scope"), testScopeMembers+" "+testScopeSpaces; got != want {
		t.Errorf("scope %q, want %q", got, want)
	}
	if tok.RefreshToken == "" {
		t.Error("a new scope is a new consent: want a refresh token")
	}
	// Without include_granted_scopes only the requested scope comes back.
	q = consent(t, more.AuthCodeURL("s"), "ada@example.com", "allow")
	tok, err = more.Exchange(context.Background(), q.Get("code"))
	if err != nil {
		t.Fatal(err)
	}
	if got := tok.Extra("scope"); got != testScopeMembers {
		t.Errorf("scope %q, want only %q", got, testScopeMembers)
	}
}

func TestOAuthDeny(t *testing.T) {
	srv, _ := startOAuth(t)
	cfg := demoConfig(srv, oauth2.AuthStyleInParams, testScopeSpaces)
	q := consent(t, cfg.AuthCodeURL("st-9"), "ada@example.com", "deny")
	if q.Get("error") != "access_denied" || q.Get("state") != "st-9" || q.Has("code") {
		t.Fatalf("deny redirect %v", q)
	}
}

func TestOAuthRevoke(t *testing.T) {
	srv, _ := startOAuth(t)
	cfg := demoConfig(srv, oauth2.AuthStyleInParams, "openid", testScopeSpaces)
	q := consent(t, cfg.AuthCodeURL("s", oauth2.AccessTypeOffline), "ada@example.com", "allow")
	tok, err := cfg.Exchange(context.Background(), q.Get("code"))
	if err != nil {
		t.Fatal(err)
	}
	revoke := func(token string) (int, string) {
		resp, err := http.PostForm(srv.RevokeURL(), url.Values{"token": {token}})
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, strings.TrimSpace(string(b))
	}
	if code, body := revoke(tok.RefreshToken); code != 200 || body != "{}" {
		t.Fatalf("revoke: %d %s", code, body)
	}
	if info := userinfo(t, srv, tok.AccessToken); info.status != 401 {
		t.Errorf("access token after revoking the refresh token: %d, want 401", info.status)
	}
	tok.Expiry = time.Now().Add(-time.Minute)
	_, err = cfg.TokenSource(context.Background(), tok).Token()
	if code := retrieveCode(t, err); code != "invalid_grant" {
		t.Errorf("refresh after revoke: %q", code)
	}
	code, body := revoke(tok.RefreshToken)
	var e oauthError
	_ = json.Unmarshal([]byte(body), &e)
	if code != 400 || e.Error != "invalid_token" || e.Description != "Token expired or revoked" {
		t.Errorf("second revoke: %d %s", code, body)
	}
	// Revocation removed the grant: the next offline sign-in is a first consent again.
	q = consent(t, cfg.AuthCodeURL("s", oauth2.AccessTypeOffline), "ada@example.com", "allow")
	if tok, err = cfg.Exchange(context.Background(), q.Get("code")); err != nil || tok.RefreshToken == "" {
		t.Errorf("sign-in after revoke: %v, refresh token %q", err, tok.RefreshToken)
	}
}

func TestOAuthAuthorizeErrorPages(t *testing.T) {
	srv, _ := startOAuth(t)
	good := url.Values{
		"client_id": {DemoClientID}, "redirect_uri": {"http://127.0.0.1:5000/"},
		"response_type": {"code"}, "scope": {testScopeSpaces}, "state": {"s"},
	}
	with := func(k, v string) url.Values {
		q := url.Values{}
		for kk, vv := range good {
			q[kk] = vv
		}
		if v == "" {
			q.Del(k)
		} else {
			q.Set(k, v)
		}
		return q
	}
	cases := []struct {
		name   string
		q      url.Values
		status int
		code   string
	}{
		{"no client", with("client_id", ""), 400, "invalid_request"},
		{"unknown client", with("client_id", "1-nobody.apps.googleusercontent.com"), 401, "invalid_client"},
		{"no redirect", with("redirect_uri", ""), 400, "invalid_request"},
		{"remote redirect", with("redirect_uri", "https://evil.example/cb"), 400, "redirect_uri_mismatch"},
		{"https loopback", with("redirect_uri", "https://127.0.0.1:5000/"), 400, "redirect_uri_mismatch"},
		{"custom scheme", with("redirect_uri", "com.example.app:/cb"), 400, "redirect_uri_mismatch"},
		{"oob", with("redirect_uri", "urn:ietf:wg:oauth:2.0:oob"), 400, "invalid_request"},
		{"no response_type", with("response_type", ""), 400, "invalid_request"},
		{"token response_type", with("response_type", "token"), 400, "unsupported_response_type"},
		{"no scope", with("scope", ""), 400, "invalid_request"},
		{"unknown scope", with("scope", ScopePrefix+"drive"), 400, "invalid_scope"},
		{"short chat scope", with("scope", "chat.spaces"), 400, "invalid_scope"},
		{"bad method", with("code_challenge_method", "S512"), 400, "invalid_request"},
		{"bad prompt", with("prompt", "later"), 400, "invalid_request"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, err := noRedirect.Get(srv.AuthURL() + "?" + c.q.Encode())
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != c.status || resp.Header.Get("Location") != "" {
				t.Fatalf("status %d (Location %q), want %d page", resp.StatusCode, resp.Header.Get("Location"), c.status)
			}
			want := "Error " + itoa(c.status) + ": " + c.code
			if !strings.Contains(string(body), want) {
				t.Errorf("page lacks %q:\n%s", want, body)
			}
		})
	}
	// Loopback forms Google accepts for Desktop clients.
	for _, redirect := range []string{"http://127.0.0.1:5000/", "http://[::1]:6000/cb", "http://localhost:7000", "http://localhost"} {
		resp, err := noRedirect.Get(srv.AuthURL() + "?" + with("redirect_uri", redirect).Encode())
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d, want the consent page", redirect, resp.StatusCode)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestOAuthConsentPage(t *testing.T) {
	srv, _ := startOAuth(t)
	cfg := demoConfig(srv, oauth2.AuthStyleInParams, "openid", "email", testScopeMembers)
	resp, err := http.Get(cfg.AuthCodeURL("s", oauth2.SetAuthURLParam("login_hint", "BO@example.com")))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	page := string(b)
	for _, want := range []string{
		"<title>Sign in - Google Accounts (demo workspace)</title>",
		"<legend>Choose an account</legend>",
		`value="bo@example.com" checked`,
		"Bo Builder", "ada@example.com",
		"See, add, update, and remove members from conversations and spaces in Google Chat",
		"See your primary Google Account email address",
		`value="allow" class="primary">Allow</button>`,
		`value="deny" formnovalidate>Deny</button>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("consent page lacks %q", want)
		}
	}
	if strings.Contains(page, "ext@example.net") || strings.Contains(page, testRedirect) {
		t.Error("consent page lists an external account or carries the redirect_uri")
	}
	// A used or unknown request id is refused with a page, not a redirect.
	resp, err = noRedirect.PostForm(srv.URL()+"/o/oauth2/approve", url.Values{"request_id": {"req-forged"}, "account": {"ada@example.com"}, "action": {"allow"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 || resp.Header.Get("Location") != "" {
		t.Errorf("forged request id: %d", resp.StatusCode)
	}
}

func TestOAuthPromptNone(t *testing.T) {
	srv, _ := startOAuth(t)
	cfg := demoConfig(srv, oauth2.AuthStyleInParams, testScopeSpaces)
	get := func(hint string) url.Values {
		resp, err := noRedirect.Get(cfg.AuthCodeURL("s", oauth2.SetAuthURLParam("prompt", "none"), oauth2.SetAuthURLParam("login_hint", hint)))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		loc, _ := url.Parse(resp.Header.Get("Location"))
		return loc.Query()
	}
	if q := get("ada@example.com"); q.Get("error") != "consent_required" {
		t.Errorf("before consent: %v", q)
	}
	consent(t, cfg.AuthCodeURL("s"), "ada@example.com", "allow")
	// Google's redirect names the prompt that happened: none, no consent screen was shown.
	if q := get("ada@example.com"); q.Get("code") == "" || q.Get("prompt") != "none" || q.Get("authuser") != "0" ||
		q.Get("scope") != testScopeSpaces || q.Get("state") != "s" {
		t.Errorf("after consent: %v", q)
	}
}

func TestClientSecretJSON(t *testing.T) {
	srv, _ := startOAuth(t)
	var f struct {
		Installed struct {
			ClientID     string   `json:"client_id"`
			Secret       string   `json:"client_secret"`
			AuthURI      string   `json:"auth_uri"`
			TokenURI     string   `json:"token_uri"`
			RedirectURIs []string `json:"redirect_uris"`
		} `json:"installed"`
	}
	if err := json.Unmarshal(srv.ClientSecretJSON(), &f); err != nil {
		t.Fatal(err)
	}
	in := f.Installed
	if in.ClientID != DemoClientID || in.Secret != DemoClientSecret || in.AuthURI != srv.AuthURL() ||
		in.TokenURI != srv.TokenURL() || len(in.RedirectURIs) != 1 || in.RedirectURIs[0] != "http://localhost" {
		t.Errorf("client secret %+v", in)
	}
}

type userinfoResult struct {
	status int
	body   map[string]any
}

func userinfo(t *testing.T, srv *Server, access string) userinfoResult {
	t.Helper()
	req, _ := http.NewRequest("GET", srv.UserinfoURL(), nil)
	req.Header.Set("Authorization", "Bearer "+access)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return userinfoResult{resp.StatusCode, body}
}

// verifyJWT checks the id token's RS256 signature against the server's JWKS.
func verifyJWT(t *testing.T, srv *Server, jwt string) {
	t.Helper()
	resp, err := http.Get(srv.URL() + "/oauth2/v3/certs")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var jwks struct {
		Keys []struct{ N, E string } `json:"keys"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&jwks); err != nil || len(jwks.Keys) != 1 {
		t.Fatalf("jwks: %v %+v", err, jwks)
	}
	n, _ := base64.RawURLEncoding.DecodeString(jwks.Keys[0].N)
	e, _ := base64.RawURLEncoding.DecodeString(jwks.Keys[0].E)
	pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	i := strings.LastIndex(jwt, ".")
	sig, _ := base64.RawURLEncoding.DecodeString(jwt[i+1:])
	sum := sha256.Sum256([]byte(jwt[:i]))
	if err := rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig); err != nil {
		t.Fatalf("id_token signature: %v", err)
	}
}

func jwtClaims(t *testing.T, jwt string) map[string]any {
	t.Helper()
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 {
		t.Fatalf("id_token has %d parts", len(parts))
	}
	var header map[string]any
	hb, _ := base64.RawURLEncoding.DecodeString(parts[0])
	if err := json.Unmarshal(hb, &header); err != nil || header["alg"] != "RS256" {
		t.Fatalf("id_token header %s", hb)
	}
	pb, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var claims map[string]any
	if err := json.Unmarshal(pb, &claims); err != nil {
		t.Fatal(err)
	}
	return claims
}

// Minting purges what has expired: consent pages, codes, access and refresh tokens do not pile
// up in a long-running emulator.
func TestOAuthPurgesExpired(t *testing.T) {
	srv, clk := startOAuth(t)
	cfg := demoConfig(srv, oauth2.AuthStyleInParams, "openid", testScopeSpaces)
	sizes := func() (pending, codes, access, refresh int) {
		srv.mu.Lock()
		defer srv.mu.Unlock()
		return len(srv.oauth.pending), len(srv.oauth.codes), len(srv.grants.access), len(srv.grants.refresh)
	}
	openPage := func() { // a consent page nobody answers
		resp, err := noRedirect.Get(cfg.AuthCodeURL("s"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	issue := func() {
		if _, err := srv.IssueToken("ada@example.com", "chat.spaces.readonly"); err != nil {
			t.Fatal(err)
		}
	}

	q := consent(t, cfg.AuthCodeURL("s", oauth2.AccessTypeOffline), "ada@example.com", "allow")
	if _, err := cfg.Exchange(context.Background(), q.Get("code")); err != nil { // access + refresh (7 days)
		t.Fatal(err)
	}
	consent(t, cfg.AuthCodeURL("s"), "ada@example.com", "allow") // a code never exchanged
	openPage()
	issue()
	if p, c, a, r := sizes(); p != 1 || c != 1 || a != 2 || r != 1 {
		t.Fatalf("before: pending %d codes %d access %d refresh %d", p, c, a, r)
	}

	clk.Add(authCodeLifetime + time.Minute) // the code has expired, nothing else
	issue()
	if p, c, a, r := sizes(); p != 1 || c != 0 || a != 3 || r != 1 {
		t.Fatalf("after %v: pending %d codes %d access %d refresh %d", authCodeLifetime+time.Minute, p, c, a, r)
	}

	clk.Add(time.Hour - 5*time.Minute) // the consent page and the first two access tokens too
	openPage()
	if p, c, a, r := sizes(); p != 1 || c != 0 || a != 1 || r != 1 {
		t.Fatalf("an hour later: pending %d codes %d access %d refresh %d", p, c, a, r)
	}

	clk.Add(testingRefreshLifetime) // and the testing-mode refresh token
	issue()
	if p, c, a, r := sizes(); p != 0 || c != 0 || a != 1 || r != 0 {
		t.Fatalf("a week later: pending %d codes %d access %d refresh %d", p, c, a, r)
	}
}

// The directory and group scopes can be asked for at the consent page (incremental sign-in
// for suggestions and group lookup), and the token they give works at those APIs.
func TestOAuthDirectoryAndGroupScopes(t *testing.T) {
	srv, _ := startOAuth(t)
	dir, grp := ScopePrefix+"directory.readonly", ScopePrefix+"cloud-identity.groups.readonly"
	cfg := demoConfig(srv, oauth2.AuthStyleAutoDetect, "openid", "email", dir, grp)
	v := oauth2.GenerateVerifier()
	q := consent(t, cfg.AuthCodeURL("st-d", oauth2.S256ChallengeOption(v)), "bo@example.com", "allow")
	tok, err := cfg.Exchange(context.Background(), q.Get("code"), oauth2.VerifierOption(v))
	if err != nil {
		t.Fatal(err)
	}
	if sc, _ := tok.Extra("scope").(string); !strings.Contains(sc, dir) || !strings.Contains(sc, grp) {
		t.Fatalf("scope %q", sc)
	}
}
