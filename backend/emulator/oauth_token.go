package emulator

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// tokenResponse is Google's token endpoint answer, field for field.
type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token,omitempty"`
	Scope        string `json:"scope"`
	TokenType    string `json:"token_type"`
	IDToken      string `json:"id_token,omitempty"`
}

// oauthError is an RFC 6749 §5.2 error body, as Google words them.
type oauthError struct {
	Error       string `json:"error"`
	Description string `json:"error_description,omitempty"`
}

func writeOAuthJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
	h.Set("Pragma", "no-cache")
	w.WriteHeader(status)
	b, _ := json.MarshalIndent(v, "", "  ")
	_, _ = w.Write(append(b, '\n'))
}

func writeOAuthError(w http.ResponseWriter, status int, code, desc string) {
	writeOAuthJSON(w, status, oauthError{Error: code, Description: desc})
}

// handleToken is POST /token: authorization_code and refresh_token grants.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Bad Request")
		return
	}
	// Client authentication: HTTP Basic (RFC 6749 §2.3.1, both parts form-urlencoded) or the
	// form body. golang.org/x/oauth2 tries Basic first and falls back to the body.
	id, secret, basic := r.BasicAuth()
	if basic {
		id, _ = url.QueryUnescape(id)
		secret, _ = url.QueryUnescape(secret)
		if f := r.PostForm.Get("client_id"); f != "" && f != id {
			writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Conflicting client_id values.")
			return
		}
	} else {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if id == "" {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Could not determine client ID from request.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	client := s.oauth.clients[id]
	if client == nil {
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", "The OAuth client was not found.")
		return
	}
	if secret == "" {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "client_secret is missing.")
		return
	}
	if subtle.ConstantTimeCompare([]byte(secret), []byte(client.Secret)) != 1 {
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", "Unauthorized")
		return
	}
	switch gt := r.PostForm.Get("grant_type"); gt {
	case "authorization_code":
		s.exchangeCode(w, r, client)
	case "refresh_token":
		s.refresh(w, r, client)
	case "":
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Missing required parameter: grant_type")
	default:
		writeOAuthError(w, http.StatusBadRequest, "unsupported_grant_type", "Invalid grant_type: "+gt)
	}
}

// exchangeCode handles grant_type=authorization_code; s.mu held.
func (s *Server) exchangeCode(w http.ResponseWriter, r *http.Request, client *oauthClient) {
	code := r.PostForm.Get("code")
	ac := s.oauth.codes[code]
	// A code is good for one attempt, successful or not (RFC 6749 §4.1.2).
	delete(s.oauth.codes, code)
	if code == "" || ac == nil || !s.now().Before(ac.Expiry) || ac.Req.Client != client {
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Bad Request")
		return
	}
	if r.PostForm.Get("redirect_uri") != ac.Req.RedirectURI {
		writeOAuthError(w, http.StatusBadRequest, "redirect_uri_mismatch", "Bad Request")
		return
	}
	if ac.Req.CodeChallenge != "" {
		v := r.PostForm.Get("code_verifier")
		if v == "" {
			writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Missing code verifier.")
			return
		}
		want := v
		if ac.Req.CodeChallengeMethod == "S256" {
			sum := sha256.Sum256([]byte(v))
			want = base64.RawURLEncoding.EncodeToString(sum[:])
		}
		if !validPKCEString(v) || subtle.ConstantTimeCompare([]byte(want), []byte(ac.Req.CodeChallenge)) != 1 {
			writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Invalid code verifier.")
			return
		}
	}
	g := Grant{UserID: ac.User.ID, Email: ac.User.Email, ClientID: client.ID, Scopes: grantScopes(ac.Scopes)}
	resp := s.tokenResponse(g, ac.Scopes, ac.User, ac.Req.Nonce)
	if ac.IssueRefresh {
		rg := g
		rg.Expiry = time.Time{}
		if client.Testing {
			rg.Expiry = s.now().Add(testingRefreshLifetime)
		}
		resp.RefreshToken = s.mintRefresh(rg)
	}
	writeOAuthJSON(w, http.StatusOK, resp)
}

// refresh handles grant_type=refresh_token; s.mu held.
func (s *Server) refresh(w http.ResponseWriter, r *http.Request, client *oauthClient) {
	rt := r.PostForm.Get("refresh_token")
	g, ok := s.grants.refresh[rt]
	if ok && !g.Expiry.IsZero() && !s.now().Before(g.Expiry) {
		delete(s.grants.refresh, rt)
		ok = false
	}
	// A consent screen in Testing: the consent is over 7 days old (setupstates.go).
	if rt == "" || !ok || g.ClientID != client.ID || s.setup == SetupTestingExpired && client.Testing {
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Token has been expired or revoked.")
		return
	}
	var scopes []string
	for sc := range g.Scopes {
		if sc != "email" && sc != "profile" { // aliases added by grantScopes
			scopes = append(scopes, sc)
		}
	}
	writeOAuthJSON(w, http.StatusOK, s.tokenResponse(g, sortScopes(scopes), s.oauthUser(g.UserID), ""))
}

// tokenResponse mints an access token (and an id token when openid was granted); s.mu held.
func (s *Server) tokenResponse(g Grant, scopes []string, u *User, nonce string) tokenResponse {
	access, exp := s.mintAccess(g)
	resp := tokenResponse{
		AccessToken: access,
		// Google answers 3599 for a one-hour token: the second already begun is not counted.
		ExpiresIn: int(exp.Sub(s.now()).Seconds()) - 1,
		Scope:     strings.Join(scopes, " "),
		TokenType: "Bearer",
	}
	if g.Scopes["openid"] && u != nil {
		resp.IDToken = s.idToken(g, u, nonce)
	}
	return resp
}

// identityClaims are the OpenID claims Google puts in id tokens and userinfo answers: email
// only with the email scope, name only with the profile scope.
func identityClaims(g Grant, u *User) map[string]any {
	c := map[string]any{"sub": u.ID}
	if g.Scopes[scopeEmail] {
		c["email"] = u.Email
		c["email_verified"] = true
	}
	if g.Scopes[scopeProfile] {
		c["name"] = u.DisplayName
	}
	if _, domain, ok := strings.Cut(u.Email, "@"); ok {
		c["hd"] = domain // Workspace accounts carry their hosted domain
	}
	return c
}

// idToken builds an RS256-signed JWT; s.mu held.
func (s *Server) idToken(g Grant, u *User, nonce string) string {
	key, kid := s.oauth.signingKey()
	now := s.now()
	claims := identityClaims(g, u)
	claims["iss"] = s.baseURL
	claims["azp"] = g.ClientID
	claims["aud"] = g.ClientID
	claims["iat"] = now.Unix()
	claims["exp"] = now.Add(time.Hour).Unix()
	if nonce != "" {
		claims["nonce"] = nonce
	}
	header, _ := json.Marshal(map[string]string{"alg": "RS256", "kid": kid, "typ": "JWT"})
	payload, _ := json.Marshal(claims)
	enc := base64.RawURLEncoding
	signed := enc.EncodeToString(header) + "." + enc.EncodeToString(payload)
	sum := sha256.Sum256([]byte(signed))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		panic("emulator: signing an id token: " + err.Error())
	}
	return signed + "." + enc.EncodeToString(sig)
}

// handleRevoke is POST /revoke with token= in the form (or, as Google allows, the query).
func (s *Server) handleRevoke(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Bad Request")
		return
	}
	tok := r.Form.Get("token")
	if tok == "" {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "Missing required parameter: token")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.grants.access[tok]
	if !ok {
		g, ok = s.grants.refresh[tok]
	}
	if !ok || !s.revokeToken(tok) {
		writeOAuthError(w, http.StatusBadRequest, "invalid_token", "Token expired or revoked")
		return
	}
	// Revoking removes the app's access altogether: the next sign-in is a first consent.
	delete(s.oauth.consented, consentKey(g.UserID, g.ClientID))
	writeOAuthJSON(w, http.StatusOK, struct{}{})
}

// handleUserinfo is GET /v1/userinfo (OpenID Connect), authorised by a bearer token.
func (s *Server) handleUserinfo(w http.ResponseWriter, r *http.Request) {
	g, ok := s.bearer(r)
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="https://accounts.google.com/", error="invalid_token"`)
		writeOAuthError(w, http.StatusUnauthorized, "invalid_request", "Invalid Credentials")
		return
	}
	if !g.Scopes["openid"] && !g.Scopes[scopeEmail] && !g.Scopes[scopeProfile] {
		w.Header().Set("WWW-Authenticate", `Bearer realm="https://accounts.google.com/", error="insufficient_scope"`)
		writeOAuthError(w, http.StatusForbidden, "insufficient_scope", "Request had insufficient authentication scopes.")
		return
	}
	s.mu.Lock()
	u := s.oauthUser(g.UserID)
	s.mu.Unlock()
	if u == nil {
		writeOAuthError(w, http.StatusUnauthorized, "invalid_request", "Invalid Credentials")
		return
	}
	writeOAuthJSON(w, http.StatusOK, identityClaims(g, u))
}

// handleCerts is GET /oauth2/v3/certs: the JWKS holding the id token signing key.
func (s *Server) handleCerts(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	key, kid := s.oauth.signingKey()
	s.mu.Unlock()
	enc := base64.RawURLEncoding
	writeOAuthJSON(w, http.StatusOK, map[string]any{"keys": []map[string]string{{
		"kty": "RSA", "alg": "RS256", "use": "sig", "kid": kid,
		"n": enc.EncodeToString(key.N.Bytes()),
		"e": enc.EncodeToString(big.NewInt(int64(key.E)).Bytes()),
	}}})
}
