package emulator

// Google's OAuth 2.0 endpoints, as far as a desktop app sees them:
//
//	GET  /o/oauth2/auth      the auth_uri (accounts.google.com/o/oauth2/auth): consent page
//	POST /o/oauth2/approve   the consent page's form (the emulator's own; Google's is internal)
//	POST /token              the token_uri (oauth2.googleapis.com/token)
//	POST /revoke             oauth2.googleapis.com/revoke (also /o/oauth2/revoke, the legacy path)
//	GET  /v1/userinfo        openidconnect.googleapis.com/v1/userinfo (also /oauth2/v3/userinfo)
//	GET  /oauth2/v3/certs    the JWKS with the key that signs id tokens
//
// oauth_authorize.go holds the consent flow, oauth_token.go the token, revoke and userinfo
// endpoints. Everything is guarded by Server.mu; tokens live in the shared registry (grants.go).

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// DemoClientID is the client_id of the demo workspace's "Desktop app" client.
const DemoClientID = "000000000000-demo.apps.googleusercontent.com"

// DemoClientSecret is the demo client's secret. Like every secret shipped in a desktop app it
// is not secret (RFC 8252 §8.5), but Google still wants it at the token endpoint.
const DemoClientSecret = "GOCSPX-demo-not-a-secret"

const (
	// authCodeLifetime: Google's authorization codes are valid for about ten minutes.
	authCodeLifetime = 10 * time.Minute
	// consentLifetime bounds how long a consent page stays usable.
	consentLifetime = time.Hour
	// testingRefreshLifetime: refresh tokens of apps whose consent screen is "External" and in
	// "Testing" expire after seven days. The demo client is such an app.
	testingRefreshLifetime = 7 * 24 * time.Hour
	// scopeEmail and scopeProfile are what Google reports for the "email" and "profile" scopes.
	scopeEmail   = ScopePrefix + "userinfo.email"
	scopeProfile = ScopePrefix + "userinfo.profile"
)

// oauthClient is a registered OAuth client (a "Desktop app" in Cloud Console).
type oauthClient struct {
	ID, Secret string
	Name       string // the app name on the consent page
	// Testing: the consent screen is "External" in "Testing", so refresh tokens expire in 7 days.
	Testing bool
}

// authRequest is a validated authorization request waiting on the consent page. The page's
// form only carries its opaque id, so nothing the browser posts can change the redirect_uri.
type authRequest struct {
	Client              *oauthClient
	RedirectURI         string
	Scopes              []string // normalised, in request order
	State               string
	Nonce               string
	CodeChallenge       string
	CodeChallengeMethod string
	Offline             bool
	IncludeGranted      bool
	Prompt              map[string]bool
	LoginHint           string
	Expiry              time.Time
}

// authCode is an issued, not yet exchanged authorization code.
type authCode struct {
	Req          *authRequest
	User         *User
	Scopes       []string // granted: requested, plus earlier grants with include_granted_scopes
	IssueRefresh bool
	Expiry       time.Time
}

type oauthState struct {
	clients map[string]*oauthClient
	pending map[string]*authRequest // consent pages, by opaque id
	codes   map[string]*authCode
	// consented remembers, per user and client, every scope ever granted (include_granted_scopes
	// and Google's "refresh token only on new consent" rule). Revocation clears it.
	consented map[string]map[string]bool

	keyOnce sync.Once
	key     *rsa.PrivateKey // signs id tokens; generated on first use (RSA key generation is slow)
	keyID   string
}

func (o *oauthState) init() {
	o.clients = map[string]*oauthClient{
		DemoClientID: {ID: DemoClientID, Secret: DemoClientSecret, Name: "Chat Members (demo)", Testing: true},
	}
	o.pending = map[string]*authRequest{}
	o.codes = map[string]*authCode{}
	o.consented = map[string]map[string]bool{}
}

func (o *oauthState) signingKey() (*rsa.PrivateKey, string) {
	o.keyOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic("emulator: cannot generate an RSA key: " + err.Error())
		}
		o.key = k
		o.keyID = randomToken("emu-")[:16]
	})
	return o.key, o.keyID
}

func consentKey(userID, clientID string) string { return userID + "\x00" + clientID }

func (s *Server) registerOAuth(mux *http.ServeMux) {
	mux.HandleFunc("GET /o/oauth2/auth", s.handleAuthorize)
	mux.HandleFunc("GET /o/oauth2/v2/auth", s.handleAuthorize)
	mux.HandleFunc("POST /o/oauth2/approve", s.handleApprove)
	mux.HandleFunc("POST /token", s.handleToken)
	mux.HandleFunc("POST /o/oauth2/token", s.handleToken)
	mux.HandleFunc("POST /revoke", s.handleRevoke)
	mux.HandleFunc("POST /o/oauth2/revoke", s.handleRevoke)
	mux.HandleFunc("GET /v1/userinfo", s.handleUserinfo)
	mux.HandleFunc("GET /oauth2/v3/userinfo", s.handleUserinfo)
	mux.HandleFunc("GET /oauth2/v3/certs", s.handleCerts)
}

// AuthURL is the auth_uri of this server, the stand-in for https://accounts.google.com/o/oauth2/auth.
func (s *Server) AuthURL() string { return s.baseURL + "/o/oauth2/auth" }

// TokenURL is the token_uri, the stand-in for https://oauth2.googleapis.com/token.
func (s *Server) TokenURL() string { return s.baseURL + "/token" }

// RevokeURL is the stand-in for https://oauth2.googleapis.com/revoke.
func (s *Server) RevokeURL() string { return s.baseURL + "/revoke" }

// UserinfoURL is the stand-in for https://openidconnect.googleapis.com/v1/userinfo.
func (s *Server) UserinfoURL() string { return s.baseURL + "/v1/userinfo" }

// ClientSecretJSON is the client_secret.json a user would download from Cloud Console for the
// demo "Desktop app" client, with auth_uri and token_uri pointing at this server.
func (s *Server) ClientSecretJSON() []byte {
	type installed struct {
		ClientID                string   `json:"client_id"`
		ProjectID               string   `json:"project_id"`
		AuthURI                 string   `json:"auth_uri"`
		TokenURI                string   `json:"token_uri"`
		AuthProviderX509CertURL string   `json:"auth_provider_x509_cert_url"`
		ClientSecret            string   `json:"client_secret"`
		RedirectURIs            []string `json:"redirect_uris"`
	}
	b, _ := json.MarshalIndent(map[string]installed{"installed": {
		ClientID:                DemoClientID,
		ProjectID:               "chat-members-demo",
		AuthURI:                 s.AuthURL(),
		TokenURI:                s.TokenURL(),
		AuthProviderX509CertURL: s.baseURL + "/oauth2/v3/certs",
		ClientSecret:            DemoClientSecret,
		RedirectURIs:            []string{"http://localhost"},
	}}, "", "  ")
	return b
}

// scopeInfo describes the scopes the emulator knows, in the words of Google's consent page.
var scopeInfo = map[string]string{
	"openid":     "Associate you with your personal info on Google",
	scopeEmail:   "See your primary Google Account email address",
	scopeProfile: "See your personal info, including any personal info you've made publicly available",

	ScopePrefix + "chat.spaces":                     "Create conversations and spaces and see or update their settings in Google Chat",
	ScopePrefix + "chat.spaces.readonly":            "View chat and spaces in Google Chat",
	ScopePrefix + "chat.spaces.create":              "Create new conversations and spaces in Google Chat",
	ScopePrefix + "chat.memberships":                "See, add, update, and remove members from conversations and spaces in Google Chat",
	ScopePrefix + "chat.memberships.readonly":       "View members in Google Chat conversations",
	ScopePrefix + "chat.memberships.app":            "Add and remove itself from conversations and spaces in Google Chat",
	ScopePrefix + "chat.messages":                   "See, compose, send, update, and delete messages in Google Chat",
	ScopePrefix + "chat.messages.readonly":          "See messages in Google Chat",
	ScopePrefix + "chat.messages.create":            "Compose and send messages in Google Chat",
	ScopePrefix + "chat.admin.spaces":               "View or edit the conversations and spaces your organisation owns in Google Chat",
	ScopePrefix + "chat.admin.spaces.readonly":      "View the conversations and spaces your organisation owns in Google Chat",
	ScopePrefix + "chat.admin.memberships":          "View, add, update and remove members and managers in your organisation's Google Chat conversations",
	ScopePrefix + "chat.admin.memberships.readonly": "View members and managers in your organisation's Google Chat conversations",
	// The People API and Cloud Identity (people.go).
	ScopePrefix + "directory.readonly":             "See and download your organisation's Google Workspace directory",
	ScopePrefix + "cloud-identity.groups.readonly": "See any Cloud Identity Groups that you can access, including group members and their emails",
	ScopePrefix + "cloud-identity.groups":          "See, change, create and delete any of the Cloud Identity Groups that you can access, including the members of each group",
}

// normalScope is the name Google reports for a requested scope: "email" and "profile" become
// their userinfo URLs. ok is false for an unknown scope. Like Google, the authorization
// endpoint wants full URLs: a bare "chat.spaces" is an invalid scope.
func normalScope(sc string) (string, bool) {
	switch sc {
	case "email":
		sc = scopeEmail
	case "profile":
		sc = scopeProfile
	}
	_, ok := scopeInfo[sc]
	return sc, ok
}

// grantScopes is the Grant.Scopes set for granted scopes, with the OpenID short names added so
// that Grant.HasAny("email") works too.
func grantScopes(scopes []string) map[string]bool {
	m := make(map[string]bool, len(scopes)+2)
	for _, sc := range scopes {
		m[sc] = true
		switch sc {
		case scopeEmail:
			m["email"] = true
		case scopeProfile:
			m["profile"] = true
		}
	}
	return m
}

// sortScopes sorts scopes the way Google's responses tend to: URLs first, "openid" last.
func sortScopes(sc []string) []string {
	out := append([]string(nil), sc...)
	sort.Slice(out, func(i, j int) bool {
		if (out[i] == "openid") != (out[j] == "openid") {
			return out[j] == "openid"
		}
		return out[i] < out[j]
	})
	return out
}

// oauthUser finds a user of the dataset by email (case-insensitive) or id; the caller holds s.mu.
func (s *Server) oauthUser(key string) *User {
	for _, u := range s.data.Users {
		if u.ID == key || strings.EqualFold(u.Email, key) {
			return u
		}
	}
	return nil
}
