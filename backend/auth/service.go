package auth

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"chatmembers/backend/problem"
)

// Scopes the app asks for.
const (
	// ScopeSpacesReadonly lists the spaces the user belongs to.
	ScopeSpacesReadonly = "https://www.googleapis.com/auth/chat.spaces.readonly"
	// ScopeMemberships adds, invites and removes people.
	ScopeMemberships = "https://www.googleapis.com/auth/chat.memberships"
	// ScopeMembershipsApp lets the user add the Chat app itself to a space.
	ScopeMembershipsApp = "https://www.googleapis.com/auth/chat.memberships.app"
	// ScopeOpenID and ScopeEmail say who signed in (the id token's sub and email); every sign-in
	// asks for them.
	ScopeOpenID = "openid"
	ScopeEmail  = "email"
)

// scopeEmailURL is how Google reports the "email" scope in token responses.
const scopeEmailURL = "https://www.googleapis.com/auth/userinfo.email"

// BaseScopes are the scopes the app needs to list spaces and add people. Read-only by convention.
var BaseScopes = []string{ScopeSpacesReadonly, ScopeMemberships}

// Account is the signed-in user, as the frontend shows it.
type Account struct {
	Email string `json:"email"`
	// Name is set only when Google sent one (it does with the "profile" scope).
	Name string `json:"name,omitempty"`
	// Subject is Google's stable user id (the id token's sub).
	Subject string `json:"subject"`
	// Scopes are the granted scopes, as Google reported them.
	Scopes []string `json:"scopes"`
}

// Options configure a Service.
type Options struct {
	// Secret is the OAuth client (required).
	Secret *ClientSecret
	// Store keeps the sign-in between runs; nil means a MemoryStore.
	Store Store
	// OpenBrowser opens the consent page in the system browser. It runs in its own goroutine
	// and its failure does not end the sign-in: OnURL shows the same link.
	OpenBrowser func(url string) error
	// OnURL receives the consent page URL before the browser is asked to open it, so the UI
	// can offer a link to copy.
	OnURL func(url string)
	// HTTPClient makes the token, refresh and revoke requests and is the base of Client;
	// nil means http.DefaultClient.
	HTTPClient *http.Client
	// Timeout bounds the wait for the browser; 0 means DefaultTimeout (5 minutes).
	Timeout time.Duration
}

// Service is the app's sign-in: one Google account at a time for one OAuth client.
// It is safe for concurrent use; only one sign-in flow runs at a time.
type Service struct {
	opts   Options
	cfg    oauth2.Config
	flowMu sync.Mutex // held while a browser flow runs

	mu  sync.Mutex
	rec *Record            // the current sign-in, nil when signed out
	src oauth2.TokenSource // refreshes rec; nil when signed out
	gen uint64             // bumped on every sign-in and sign-out

	storeProblem *problem.Problem // the last Store.Save failure; nil once a save works
}

// New builds a Service for opts.Secret. Without a Secret every sign-in fails with
// auth.secret_unknown_type.
func New(opts Options) *Service {
	if opts.Store == nil {
		opts.Store = NewMemoryStore()
	}
	if opts.Secret == nil {
		opts.Secret = &ClientSecret{}
	}
	return &Service{
		opts: opts,
		cfg: oauth2.Config{
			ClientID:     opts.Secret.ClientID,
			ClientSecret: opts.Secret.ClientSecret,
			// Google's own endpoint description (oauth2/google.Endpoint) sends the client
			// credentials in the body; Basic works as well, but this saves a retry.
			Endpoint: oauth2.Endpoint{AuthURL: opts.Secret.AuthURI, TokenURL: opts.Secret.TokenURI, AuthStyle: oauth2.AuthStyleInParams},
		},
	}
}

func (s *Service) httpCtx(ctx context.Context) context.Context {
	if s.opts.HTTPClient != nil {
		return context.WithValue(ctx, oauth2.HTTPClient, s.opts.HTTPClient)
	}
	return ctx
}

// SignIn runs the browser sign-in for scopes (plus openid and email, always) and keeps the
// result. It blocks until the browser comes back, ctx is cancelled or Options.Timeout passes.
func (s *Service) SignIn(ctx context.Context, scopes ...string) (Account, error) {
	if s.cfg.ClientID == "" {
		return Account{}, errSecretUnknownType.WithDetail("auth: the Service has no client secret")
	}
	if !s.flowMu.TryLock() {
		return Account{}, errBusy
	}
	defer s.flowMu.Unlock()
	opts := []oauth2.AuthCodeOption{
		// prompt=consent: Google issues a refresh token only when it shows the consent screen,
		// and a sign-in after a sign-out that could not reach Google would otherwise get none.
		oauth2.ApprovalForce,
		oauth2.SetAuthURLParam("include_granted_scopes", "true"),
	}
	if cur, ok := s.Account(); ok {
		opts = append(opts, oauth2.SetAuthURLParam("login_hint", cur.Email))
	}
	want := withIdentity(scopes)
	tok, err := s.flow(want, opts).run(ctx)
	if err != nil {
		return Account{}, err
	}
	acct, err := s.accountFrom(tok, want)
	if err != nil {
		return Account{}, err
	}
	s.install(recordFor(s.cfg.ClientID, acct, tok), true)
	return acct, nil
}

// EnsureScopes makes sure every scope is granted, running an incremental sign-in
// (include_granted_scopes) for the missing ones. Signed out, it is SignIn(ctx, scopes...).
// Should the user pick another account in the browser, that account is now signed in: read
// Account afterwards.
func (s *Service) EnsureScopes(ctx context.Context, scopes ...string) error {
	_, err := s.ensureScopes(ctx, scopes)
	return err
}

func (s *Service) ensureScopes(ctx context.Context, scopes []string) (Account, error) {
	cur, ok := s.Account()
	if !ok {
		return s.SignIn(ctx, scopes...)
	}
	var missing []string
	for _, sc := range scopes {
		if !hasScope(cur.Scopes, sc) {
			missing = append(missing, sc)
		}
	}
	if len(missing) == 0 {
		return cur, nil
	}
	if !s.flowMu.TryLock() {
		return Account{}, errBusy
	}
	defer s.flowMu.Unlock()
	tok, err := s.flow(withIdentity(missing), []oauth2.AuthCodeOption{
		oauth2.SetAuthURLParam("include_granted_scopes", "true"),
		oauth2.SetAuthURLParam("login_hint", cur.Email),
	}).run(ctx)
	if err != nil {
		return Account{}, err
	}
	acct, err := s.accountFrom(tok, withIdentity(append(slices.Clone(cur.Scopes), missing...)))
	if err != nil {
		return Account{}, err
	}
	rec := recordFor(s.cfg.ClientID, acct, tok)
	s.mu.Lock()
	if rec.RefreshToken == "" && s.rec != nil && s.rec.Account.Subject == acct.Subject {
		rec.RefreshToken = s.rec.RefreshToken // Google sent none: the old one stays good
	}
	s.mu.Unlock()
	s.install(rec, true)
	return acct, nil
}

func (s *Service) flow(scopes []string, opts []oauth2.AuthCodeOption) *flow {
	return &flow{
		cfg: s.cfg, scopes: scopes, opts: opts,
		openBrowser: s.opts.OpenBrowser, onURL: s.opts.OnURL,
		httpClient: s.opts.HTTPClient, timeout: s.opts.Timeout,
	}
}

// Restore picks up the sign-in saved by an earlier run. ok is false when there is none.
func (s *Service) Restore() (Account, bool) {
	rec, err := s.opts.Store.Load(s.cfg.ClientID)
	if err != nil || rec == nil || rec.Account.Email == "" ||
		(rec.RefreshToken == "" && !time.Now().Before(rec.Expiry)) {
		return Account{}, false
	}
	s.install(rec, false)
	return rec.Account, true
}

// Account is the signed-in account; ok is false when signed out.
func (s *Service) Account() (Account, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.rec == nil {
		return Account{}, false
	}
	a := s.rec.Account
	a.Scopes = slices.Clone(a.Scopes)
	return a, true
}

// Granted lists the granted scopes (nil when signed out).
func (s *Service) Granted() []string {
	a, _ := s.Account()
	return a.Scopes
}

// Has reports whether scope is granted ("email" also matches Google's userinfo.email URL).
func (s *Service) Has(scope string) bool { return hasScope(s.Granted(), scope) }

// TokenSource gives the current access token, refreshing it when it expires and saving the
// refreshed token. It follows the Service: after SignOut it fails with auth.not_signed_in, and
// a refresh Google refuses (invalid_grant) signs out and fails with auth.expired.
func (s *Service) TokenSource() oauth2.TokenSource { return serviceTokenSource{s} }

// Client is an HTTP client that authorises requests with TokenSource. ctx only supplies the
// base HTTP client (oauth2.HTTPClient), as with oauth2.NewClient.
func (s *Service) Client(ctx context.Context) *http.Client {
	return oauth2.NewClient(s.httpCtx(ctx), s.TokenSource())
}

type serviceTokenSource struct{ s *Service }

func (t serviceTokenSource) Token() (*oauth2.Token, error) {
	s := t.s
	s.mu.Lock()
	src, gen := s.src, s.gen
	s.mu.Unlock()
	if src == nil {
		return nil, errNotSignedIn
	}
	tok, err := src.Token()
	if err != nil {
		p := exchangeProblem(err, errExpired)
		if p.Code == errExpired.Code {
			s.forget(gen)
		}
		return nil, p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen == s.gen && s.rec != nil && tok.AccessToken != s.rec.AccessToken {
		rec := *s.rec
		rec.AccessToken, rec.TokenType, rec.Expiry = tok.AccessToken, tok.TokenType, tok.Expiry
		if tok.RefreshToken != "" {
			rec.RefreshToken = tok.RefreshToken
		}
		s.rec = &rec
		// The token works for this session even if it cannot be kept: StoreProblem says so.
		s.saveLocked(&rec)
	}
	return tok, nil
}

// install makes rec the current sign-in (and saves it when save is set).
func (s *Service) install(rec *Record, save bool) {
	tok := &oauth2.Token{AccessToken: rec.AccessToken, TokenType: rec.TokenType, RefreshToken: rec.RefreshToken, Expiry: rec.Expiry}
	src := oauth2.ReuseTokenSource(tok, s.cfg.TokenSource(s.httpCtx(context.Background()), tok))
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rec, s.src = rec, src
	s.gen++
	if save {
		// A store that fails must not undo a sign-in that worked: StoreProblem says so.
		s.saveLocked(rec)
	}
}

// saveLocked saves rec and remembers whether that failed; s.mu held.
func (s *Service) saveLocked(rec *Record) {
	err := s.opts.Store.Save(s.cfg.ClientID, rec)
	if err == nil {
		s.storeProblem = nil
		return
	}
	p, ok := problem.As(err)
	if !ok || p.Code != errStore.Code {
		p = errStore.WithDetail(err.Error())
	}
	s.storeProblem = p
}

// StoreProblem is the failure of the last attempt to save the sign-in (auth.store_failed), nil
// when it was saved. The sign-in still works for this run, but the next one may have to sign
// in again: the UI can say so.
func (s *Service) StoreProblem() *problem.Problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.storeProblem
}

// forget drops the sign-in locally if it is still the one of generation gen.
func (s *Service) forget(gen uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gen != gen {
		return
	}
	s.rec, s.src = nil, nil
	s.gen++
	s.storeProblem = nil // nothing left to keep
	_ = s.opts.Store.Delete(s.cfg.ClientID)
}

// SignOut revokes the tokens at Google and forgets them here. Forgetting always happens; if
// Google could not be reached the result is auth.revoke_failed, which says so.
func (s *Service) SignOut(ctx context.Context) error {
	s.mu.Lock()
	rec := s.rec
	s.rec, s.src = nil, nil
	s.gen++
	s.storeProblem = nil // nothing left to keep
	s.mu.Unlock()
	if rec == nil { // signed out in memory, but an earlier run may have left a record
		rec, _ = s.opts.Store.Load(s.cfg.ClientID)
	}
	storeErr := s.opts.Store.Delete(s.cfg.ClientID)
	var revokeErr error
	if rec != nil {
		// Revoking the refresh token ends every token of the grant.
		token := rec.RefreshToken
		if token == "" {
			token = rec.AccessToken
		}
		if token != "" {
			revokeErr = s.revoke(ctx, token)
		}
	}
	if storeErr != nil {
		return storeErr
	}
	return revokeErr
}

func (s *Service) revoke(ctx context.Context, token string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.opts.Secret.RevokeURI,
		strings.NewReader(url.Values{"token": {token}}.Encode()))
	if err != nil {
		return errRevokeFailed.WithDetail(err.Error())
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	client := s.opts.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		// url.Error names the revoke URL, never the form body holding the token.
		p := errRevokeFailed.WithDetail(err.Error())
		p.Retryable = true
		return p
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	var e struct {
		Error string `json:"error"`
	}
	_ = json.Unmarshal(body, &e)
	if e.Error == "invalid_token" { // already expired or revoked: the goal is met
		return nil
	}
	return errRevokeFailed.WithDetail("revoke endpoint: HTTP " + resp.Status + " " + e.Error)
}

// accountFrom reads who signed in from the id token. The token came straight from the token
// endpoint over the connection the app opened, so its signature need not be checked
// (OpenID Connect Core §3.1.3.7); the audience still must be this client.
func (s *Service) accountFrom(tok *oauth2.Token, requested []string) (Account, error) {
	raw, _ := tok.Extra("id_token").(string)
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return Account{}, errNoIdentity.WithDetail("the token response has no id_token")
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return Account{}, errNoIdentity.WithDetail("the id_token payload is not base64url")
	}
	var c struct {
		Sub   string          `json:"sub"`
		Email string          `json:"email"`
		Name  string          `json:"name"`
		Aud   json.RawMessage `json:"aud"`
	}
	if err := json.Unmarshal(payload, &c); err != nil {
		return Account{}, errNoIdentity.WithDetail("the id_token payload is not JSON")
	}
	var aud []string
	if json.Unmarshal(c.Aud, &aud) != nil {
		var one string
		_ = json.Unmarshal(c.Aud, &one)
		aud = []string{one}
	}
	if !slices.Contains(aud, s.cfg.ClientID) {
		return Account{}, errNoIdentity.WithDetail("the id_token is for another client")
	}
	if c.Sub == "" || c.Email == "" {
		return Account{}, errNoIdentity.WithDetail("the id_token has no sub or email")
	}
	granted := requested
	if sc, ok := tok.Extra("scope").(string); ok && sc != "" {
		granted = strings.Fields(sc) // RFC 6749 §5.1: present when it differs from the request
	}
	return Account{Email: c.Email, Name: c.Name, Subject: c.Sub, Scopes: granted}, nil
}

func recordFor(clientID string, acct Account, tok *oauth2.Token) *Record {
	return &Record{
		ClientID: clientID, Account: acct,
		AccessToken: tok.AccessToken, TokenType: tok.Type(), RefreshToken: tok.RefreshToken, Expiry: tok.Expiry,
	}
}

func withIdentity(scopes []string) []string {
	out := []string{ScopeOpenID, ScopeEmail}
	for _, sc := range scopes {
		if !slices.Contains(out, sc) {
			out = append(out, sc)
		}
	}
	return out
}

func hasScope(granted []string, scope string) bool {
	if scope == ScopeEmail && slices.Contains(granted, scopeEmailURL) {
		return true
	}
	return slices.Contains(granted, scope)
}
