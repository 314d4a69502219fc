package auth

import (
	"context"
	"net/http"
	"slices"
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
	// ScopeDirectoryReadonly searches the organisation's directory (People API) to suggest
	// colleagues by name; asked for the first time a suggestion is wanted.
	ScopeDirectoryReadonly = "https://www.googleapis.com/auth/directory.readonly"
	// ScopeGroupsReadonly looks up a Google Group's id by its address and lists its members
	// (Cloud Identity).
	ScopeGroupsReadonly = "https://www.googleapis.com/auth/cloud-identity.groups.readonly"
	// ScopeAdminSpaces and ScopeAdminSpacesReadonly let a Workspace admin find and read every
	// named space of the organisation (useAdminAccess); asked for only when admin mode is on.
	ScopeAdminSpaces         = "https://www.googleapis.com/auth/chat.admin.spaces"
	ScopeAdminSpacesReadonly = "https://www.googleapis.com/auth/chat.admin.spaces.readonly"
	// ScopeAdminMemberships and ScopeAdminMembershipsReadonly let a Workspace admin manage or
	// read the members of any named space of the organisation (useAdminAccess).
	ScopeAdminMemberships         = "https://www.googleapis.com/auth/chat.admin.memberships"
	ScopeAdminMembershipsReadonly = "https://www.googleapis.com/auth/chat.admin.memberships.readonly"
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
	// Endpoints are where the sign-in goes (required): Secret.Endpoints() for a client file,
	// the emulator's for the demo. The caller decides; this package does not guess.
	Endpoints Endpoints
	// Store keeps the sign-in between runs; nil means a MemoryStore. Each account's record sits
	// under its own key (AccountKey), so one Store holds the sign-ins of several accounts.
	Store Store
	// Account, when set, is the account this Service is for: Restore picks up its record, and
	// every grant must be for it, signed in or not (auth.wrong_account otherwise). nil is a
	// Service for whoever signs in next (adding an account, a first sign-in).
	Account *Account
	// OpenBrowser opens the consent page in the system browser. It runs in its own goroutine
	// and its failure does not end the sign-in: OnURL shows the same link.
	OpenBrowser func(url string) error
	// OnURL receives the consent page URL before the browser is asked to open it, so the UI
	// can offer a link to copy.
	OnURL func(url string)
	// HTTPClient makes the token, refresh, revoke and userinfo requests, and its Transport is
	// the base of Client; nil means NewHTTPClient(). Each of those calls also has its own
	// deadline (CallTimeout), whatever this client's Timeout.
	HTTPClient *http.Client
	// Timeout bounds the wait for the browser; 0 means DefaultTimeout (5 minutes).
	Timeout time.Duration
	// OnChange hears, outside any lock, that the sign-in changed: signed in, more scopes, signed
	// out, or forgotten because Google no longer accepts it (ended then says why, e.g.
	// auth.expired after a refresh met invalid_grant). nil means nobody listens.
	OnChange func(ended *problem.Problem)
}

// CallTimeout bounds each call to an OAuth endpoint (code exchange, refresh, revoke, userinfo),
// so a stalled network after a laptop wakes ends in a problem instead of a busy app.
const CallTimeout = 30 * time.Second

// NewHTTPClient is the default client for the OAuth endpoints: it gives up after CallTimeout
// and follows no redirect (Google's token, revoke and userinfo endpoints never redirect, and a
// 307 would resend the code, the verifier and the client secret to wherever it points).
func NewHTTPClient() *http.Client {
	return &http.Client{
		Timeout: CallTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// Service is the app's sign-in: one Google account at a time for one OAuth client.
// It is safe for concurrent use; only one sign-in flow runs at a time.
type Service struct {
	opts   Options
	cfg    oauth2.Config
	flowMu sync.Mutex // held while a browser flow runs

	mu         sync.Mutex
	rec        *Record      // the current sign-in, nil when signed out
	gen        uint64       // bumped on every sign-in and sign-out
	refreshing *refreshCall // the refresh under way for rec, if any

	storeProblem *problem.Problem // the last Store.Save failure; nil once a save works
	// known is the account this Service is for (Options.Account, or the first to sign in):
	// signing in again after the sign-in ended (expired, refused) must be as that account.
	// Signing out clears it: then anyone may sign in.
	known *Account
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
	if opts.HTTPClient == nil {
		opts.HTTPClient = NewHTTPClient()
	}
	var known *Account
	if opts.Account != nil {
		a := *opts.Account
		known = &a
	}
	return &Service{
		known: known,
		opts:  opts,
		cfg: oauth2.Config{
			ClientID:     opts.Secret.ClientID,
			ClientSecret: opts.Secret.ClientSecret,
			// Google's own endpoint description (oauth2/google.Endpoint) sends the client
			// credentials in the body; Basic works as well, but this saves a retry.
			Endpoint: oauth2.Endpoint{AuthURL: opts.Endpoints.AuthURL, TokenURL: opts.Endpoints.TokenURL, AuthStyle: oauth2.AuthStyleInParams},
		},
	}
}

// httpCtx hands the OAuth HTTP client to golang.org/x/oauth2, which reads it from the context.
func (s *Service) httpCtx(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, s.opts.HTTPClient)
}

// SignIn runs the browser sign-in for scopes (plus openid and email, always) and keeps the
// result. It blocks until the browser comes back, ctx is cancelled or Options.Timeout passes.
// While someone is signed in, the new grant must be for the same account (auth.wrong_account
// otherwise, and the sign-in in place is kept): to change accounts, sign out first.
func (s *Service) SignIn(ctx context.Context, scopes ...string) (Account, error) {
	if s.cfg.ClientID == "" || s.cfg.Endpoint.AuthURL == "" || s.cfg.Endpoint.TokenURL == "" {
		return Account{}, errSecretUnknownType.WithDetail("auth: the Service has no client secret or no endpoints")
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
	var expect *Account
	if cur, ok := s.Account(); ok {
		expect = &cur
	} else if known := s.Known(); known != nil {
		// Signed out of a known account (expired, refused): signing in again is for that one.
		expect = known
	}
	if expect != nil {
		opts = append(opts, oauth2.SetAuthURLParam("login_hint", expect.Email))
	}
	want := withIdentity(scopes)
	rec, err := s.flow(want, opts, expect).run(ctx)
	if err != nil {
		return Account{}, err
	}
	s.install(rec, true)
	return rec.Account, nil
}

// EnsureScopes makes sure every scope is granted, running an incremental sign-in
// (include_granted_scopes, login_hint) for the missing ones. Signed out, it is
// SignIn(ctx, scopes...). Should the user pick another account in the browser, the grant is
// refused with auth.wrong_account and the sign-in in place is kept.
func (s *Service) EnsureScopes(ctx context.Context, scopes ...string) error {
	cur, ok := s.Account()
	if !ok {
		_, err := s.SignIn(ctx, scopes...)
		return err
	}
	var missing []string
	for _, sc := range scopes {
		if !hasScope(cur.Scopes, sc) {
			missing = append(missing, sc)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if !s.flowMu.TryLock() {
		return errBusy
	}
	defer s.flowMu.Unlock()
	f := s.flow(withIdentity(missing), []oauth2.AuthCodeOption{
		oauth2.SetAuthURLParam("include_granted_scopes", "true"),
		oauth2.SetAuthURLParam("login_hint", cur.Email),
	}, &cur)
	// Should Google not list the scopes granted, they are the earlier ones and the new ones.
	f.granted = withIdentity(append(slices.Clone(cur.Scopes), missing...))
	rec, err := f.run(ctx)
	if err != nil {
		return err
	}
	s.install(rec, true)
	return nil
}

// flow prepares a browser round trip for scopes whose grant must be for expect's account
// (any account when expect is nil).
func (s *Service) flow(scopes []string, opts []oauth2.AuthCodeOption, expect *Account) *flow {
	f := &flow{
		cfg: s.cfg, scopes: scopes, granted: scopes, opts: opts,
		openBrowser: s.opts.OpenBrowser, onURL: s.opts.OnURL,
		httpClient: s.opts.HTTPClient, timeout: s.opts.Timeout,
	}
	f.finish = func(ctx context.Context, tok *oauth2.Token) (*Record, error) {
		return s.checkGrant(ctx, tok, f.granted, expect)
	}
	return f
}

// Restore picks up the sign-in saved by an earlier run. ok is false when there is none.
func (s *Service) Restore() (Account, bool) {
	if s.opts.Account == nil {
		return Account{}, false
	}
	key := AccountKey(s.cfg.ClientID, *s.opts.Account)
	rec, err := s.opts.Store.Load(key)
	if err == nil && rec != nil && !sameAccount(rec.Account, *s.opts.Account) {
		rec = nil // a record for someone else under this key (hand edit): not this account's
	}
	if err != nil || rec == nil || rec.Account.Email == "" ||
		(rec.RefreshToken == "" && !time.Now().Before(rec.Expiry)) {
		return Account{}, false
	}
	s.install(rec, false)
	return rec.Account, true
}

// Known is the account this Service is for even while signed out (Options.Account, or the
// first to sign in here), nil when anyone may sign in.
func (s *Service) Known() *Account {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.known == nil {
		return nil
	}
	a := *s.known
	a.Scopes = nil
	return &a
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

// install makes rec the current sign-in (and saves it when save is set).
func (s *Service) install(rec *Record, save bool) {
	defer s.changed(nil)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rec = rec
	s.gen++
	s.refreshing = nil // one under way refreshes the previous sign-in
	if s.known == nil {
		a := rec.Account
		s.known = &a
	}
	if save {
		// A store that fails must not undo a sign-in that worked: StoreProblem says so.
		s.saveLocked(rec)
	}
}

// saveLocked saves rec and remembers whether that failed; s.mu held.
func (s *Service) saveLocked(rec *Record) {
	rec.Key = AccountKey(s.cfg.ClientID, rec.Account)
	err := s.opts.Store.Save(rec.Key, rec)
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

// changed tells OnChange; never called with s.mu held.
func (s *Service) changed(ended *problem.Problem) {
	if s.opts.OnChange != nil {
		s.opts.OnChange(ended)
	}
}

// Forget drops the sign-in here, without revoking it, because Google has refused it (a Chat
// call answered 401): why says so to OnChange. Signing in again is the way back.
func (s *Service) Forget(why *problem.Problem) {
	s.mu.Lock()
	forgot := s.forgetLocked(s.gen)
	s.mu.Unlock()
	if forgot {
		s.changed(why)
	}
}

// forgetLocked drops the sign-in locally if it is still the one of generation gen, and says
// whether there was one to drop; s.mu held.
func (s *Service) forgetLocked(gen uint64) bool {
	if s.gen != gen || s.rec == nil {
		return false
	}
	key := AccountKey(s.cfg.ClientID, s.rec.Account)
	s.rec, s.refreshing = nil, nil
	s.gen++
	s.storeProblem = nil // nothing left to keep
	_ = s.opts.Store.Delete(key)
	return true
}

// SignOut revokes the tokens at Google and forgets them here. Forgetting always happens; if
// Google could not be reached the result is auth.revoke_failed, which says so.
func (s *Service) SignOut(ctx context.Context) error {
	defer s.changed(nil)
	s.mu.Lock()
	rec, known := s.rec, s.known
	s.rec, s.refreshing, s.known = nil, nil, nil
	s.gen++
	s.storeProblem = nil // nothing left to keep
	s.mu.Unlock()
	var key string
	switch {
	case rec != nil:
		key = AccountKey(s.cfg.ClientID, rec.Account)
	case known != nil: // signed out in memory, but an earlier run may have left a record
		key = AccountKey(s.cfg.ClientID, *known)
		rec, _ = s.opts.Store.Load(key)
	}
	var storeErr error
	if key != "" {
		storeErr = s.opts.Store.Delete(key)
	}
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
