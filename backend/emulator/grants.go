package emulator

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"
)

// ScopePrefix is what Google puts before every short scope name.
const ScopePrefix = "https://www.googleapis.com/auth/"

// accessTokenLifetime matches Google's: access tokens live one hour.
const accessTokenLifetime = time.Hour

// Grant is what an access or refresh token stands for: a user, a client and the scopes consented.
type Grant struct {
	UserID   string
	Email    string
	ClientID string
	// Scopes are full scope URLs ("https://www.googleapis.com/auth/chat.memberships") or
	// the OpenID short names ("openid", "email", "profile").
	Scopes map[string]bool
	Expiry time.Time
	// AdminAccess is not part of the token: chatAuth sets it on its copy for one request made
	// with useAdminAccess=true by an administrator (admin.go).
	AdminAccess bool
}

// HasAny reports whether the grant carries at least one of the scopes (short or full names).
func (g Grant) HasAny(scopes ...string) bool {
	for _, sc := range scopes {
		if g.Scopes[FullScope(sc)] {
			return true
		}
	}
	return false
}

// FullScope turns "chat.memberships" into its URL; URLs and OpenID names pass through.
func FullScope(s string) string {
	switch {
	case strings.HasPrefix(s, "https://"), s == "openid", s == "email", s == "profile":
		return s
	default:
		return ScopePrefix + s
	}
}

// grants is the token registry shared by the OAuth endpoints (which mint) and the Chat API
// (which checks). Guarded by Server.mu.
type grants struct {
	access  map[string]Grant
	refresh map[string]Grant
}

func (g *grants) init() {
	g.access = map[string]Grant{}
	g.refresh = map[string]Grant{}
}

func randomToken(prefix string) string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

// sweepInterval is how often minting purges what has expired.
const sweepInterval = time.Minute

// sweepExpired forgets expired consent pages, authorization codes, access tokens and refresh
// tokens, so that a long-running emulator does not grow without bound. Everything that mints
// calls it; it does the work at most once per sweepInterval. The caller holds s.mu.
func (s *Server) sweepExpired() {
	now := s.now()
	if now.Before(s.nextSweep) {
		return
	}
	s.nextSweep = now.Add(sweepInterval)
	for id, req := range s.oauth.pending {
		if !now.Before(req.Expiry) {
			delete(s.oauth.pending, id)
		}
	}
	for code, ac := range s.oauth.codes {
		if !now.Before(ac.Expiry) {
			delete(s.oauth.codes, code)
		}
	}
	for tok, g := range s.grants.access {
		if !now.Before(g.Expiry) {
			delete(s.grants.access, tok)
		}
	}
	for tok, g := range s.grants.refresh {
		if !g.Expiry.IsZero() && !now.Before(g.Expiry) { // a zero Expiry never expires
			delete(s.grants.refresh, tok)
		}
	}
}

// mintAccess stores a new access token for g; the caller holds s.mu.
func (s *Server) mintAccess(g Grant) (token string, expiry time.Time) {
	s.sweepExpired()
	g.Expiry = s.now().Add(accessTokenLifetime)
	token = randomToken("ya29.emu-")
	s.grants.access[token] = g
	return token, g.Expiry
}

// mintRefresh stores a new refresh token for g; the caller holds s.mu.
func (s *Server) mintRefresh(g Grant) string {
	s.sweepExpired()
	token := randomToken("1//emu-")
	s.grants.refresh[token] = g
	return token
}

// bearer looks up the request's "Authorization: Bearer" token. The scheme is case-insensitive
// (RFC 7235 §2.1: "bearer" and "BEARER" do as well). ok is false when it is missing, unknown,
// revoked or expired. It takes s.mu itself.
func (s *Server) bearer(r *http.Request) (Grant, bool) {
	scheme, tok, found := strings.Cut(r.Header.Get("Authorization"), " ")
	tok = strings.TrimLeft(tok, " ")
	if !found || !strings.EqualFold(scheme, "Bearer") || tok == "" {
		return Grant{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.grants.access[tok]
	if !ok || !s.now().Before(g.Expiry) {
		return Grant{}, false
	}
	return g, true
}

// IssueToken mints an access token for a user of the dataset with the given scopes (short or
// full names), as if they had consented. Tests and benchmarks use it to skip the consent page.
func (s *Server) IssueToken(email string, scopes ...string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.data.UserByEmail(email)
	if u == nil {
		return "", errors.New("emulator: no user " + email)
	}
	g := Grant{UserID: u.ID, Email: u.Email, ClientID: DemoClientID, Scopes: map[string]bool{}}
	for _, sc := range scopes {
		g.Scopes[FullScope(sc)] = true
	}
	tok, _ := s.mintAccess(g)
	return tok, nil
}

// revokeToken forgets an access or refresh token and, as Google does, everything granted with
// it for that user and client. The caller holds s.mu. It reports whether the token was known.
func (s *Server) revokeToken(token string) bool {
	g, ok := s.grants.access[token]
	if !ok {
		g, ok = s.grants.refresh[token]
	}
	if !ok {
		return false
	}
	for t, x := range s.grants.access {
		if x.UserID == g.UserID && x.ClientID == g.ClientID {
			delete(s.grants.access, t)
		}
	}
	for t, x := range s.grants.refresh {
		if x.UserID == g.UserID && x.ClientID == g.ClientID {
			delete(s.grants.refresh, t)
		}
	}
	return true
}
