// Package auth signs the user in to Google the way RFC 8252 asks of a desktop app: the system
// browser, a loopback redirect to 127.0.0.1, PKCE (S256) and state. It reads the OAuth client
// from a client_secret.json ("Desktop app"), checks that every grant is for the signed-in
// account, keeps tokens in the OS keyring (or a 0600 file), refreshes them within the caller's
// deadline, and revokes them on sign-out. Nothing here knows whether it talks to Google or to
// the emulator: the caller passes the Endpoints (a client file yields Google's, checked; the demo
// passes the emulator's).
//
// Every error returned by this package is a *problem.Problem.
package auth

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"strings"
)

// MaxClientSecretSize bounds a client_secret.json; Google's are well under 1 KiB.
const MaxClientSecretSize = 64 << 10

// Google's published endpoints that a client_secret.json does not name.
const (
	// GoogleRevokeURL is where Google takes back a token (RFC 7009).
	GoogleRevokeURL = "https://oauth2.googleapis.com/revoke"
	// GoogleUserinfoURL is Google's OpenID Connect userinfo endpoint.
	GoogleUserinfoURL = "https://openidconnect.googleapis.com/v1/userinfo"
)

// Endpoints are where the sign-in goes: the consent page, the token endpoint (codes, refreshes),
// revocation and userinfo (who signed in, when the id token does not say).
type Endpoints struct {
	AuthURL, TokenURL, RevokeURL, UserinfoURL string
}

// ClientSecret is a Desktop app ("installed") OAuth client as downloaded from Cloud Console.
// The secret of a desktop app is not really secret (RFC 8252 §8.5), but it is still kept out of
// logs and error details.
type ClientSecret struct {
	ClientID     string
	ClientSecret string
	ProjectID    string
	// AuthURI and TokenURI are the file's, already checked to be Google's (ParseClientSecret).
	AuthURI  string
	TokenURI string
}

// Endpoints are Google's endpoints for a client file read by ParseClientSecret: its own auth_uri
// and token_uri (checked to be Google's), and the revoke and userinfo endpoints Google publishes.
func (c *ClientSecret) Endpoints() Endpoints {
	return Endpoints{AuthURL: c.AuthURI, TokenURL: c.TokenURI, RevokeURL: GoogleRevokeURL, UserinfoURL: GoogleUserinfoURL}
}

// ReadClientSecret reads and parses a client_secret.json file, reading no more than
// MaxClientSecretSize+1 bytes (a wrong pick, say a video, is not loaded into memory). Only a
// regular file is read: opening a FIFO blocks until someone writes to it, and a device such as
// /dev/zero never ends. It also returns the file's bytes, so the caller can keep an exact copy.
func ReadClientSecret(path string) (*ClientSecret, []byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, errSecretUnreadable.WithDetail(err.Error())
	}
	if !info.Mode().IsRegular() {
		return nil, nil, errSecretNotFile.WithDetail(path + " is a " + info.Mode().Type().String() + " file, not a regular file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, errSecretUnreadable.WithDetail(err.Error())
	}
	defer f.Close()
	// The path may have been swapped between Stat and Open: check what was opened.
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, nil, errSecretNotFile.WithDetail(path + " is not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxClientSecretSize+1))
	if err != nil {
		return nil, nil, errSecretUnreadable.WithDetail(err.Error())
	}
	secret, err := ParseClientSecret(data)
	if err != nil {
		return nil, nil, err
	}
	return secret, data, nil
}

// ParseClientSecret parses the JSON of a Desktop app OAuth client
// ({"installed":{"client_id":…,"client_secret":…,"auth_uri":…,"token_uri":…}}) and checks that
// its auth_uri and token_uri are Google's, over https: the code, the PKCE verifier, the client
// secret and later the refresh token go there, so a crafted file must not send them elsewhere.
func ParseClientSecret(data []byte) (*ClientSecret, error) {
	if len(data) > MaxClientSecretSize {
		return nil, errSecretTooLarge
	}
	type client struct {
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
		ProjectID    string `json:"project_id"`
		AuthURI      string `json:"auth_uri"`
		TokenURI     string `json:"token_uri"`
	}
	var f struct {
		Installed *client         `json:"installed"`
		Web       json.RawMessage `json:"web"`
		Type      string          `json:"type"` // "service_account" in service account keys
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM some editors add
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, errSecretNotJSON.WithDetail(err.Error())
	}
	switch {
	case f.Installed != nil:
	case f.Web != nil:
		return nil, errSecretWebClient
	case f.Type == "service_account":
		return nil, errSecretServiceAccount
	default:
		return nil, errSecretUnknownType
	}
	in := f.Installed
	cs := &ClientSecret{
		ClientID:     strings.TrimSpace(in.ClientID),
		ClientSecret: strings.TrimSpace(in.ClientSecret),
		ProjectID:    in.ProjectID,
		AuthURI:      strings.TrimSpace(in.AuthURI),
		TokenURI:     strings.TrimSpace(in.TokenURI),
	}
	for _, fld := range []struct{ name, value string }{
		{"client_id", cs.ClientID}, {"client_secret", cs.ClientSecret},
		{"auth_uri", cs.AuthURI}, {"token_uri", cs.TokenURI},
	} {
		if fld.value == "" {
			return nil, withField(errSecretMissingField, fld.name)
		}
	}
	for _, fld := range []struct {
		name, value string
		hosts       []string
	}{
		// Cloud Console writes accounts.google.com and oauth2.googleapis.com; older files have
		// accounts.google.com for both.
		{"auth_uri", cs.AuthURI, []string{"accounts.google.com"}},
		{"token_uri", cs.TokenURI, []string{"oauth2.googleapis.com", "accounts.google.com"}},
	} {
		u, ok := webURL(fld.value)
		if !ok {
			return nil, withField(errSecretBadURI, fld.name).WithDetail(fld.name + " is not an absolute http(s) URL")
		}
		if u.Scheme != "https" || u.Port() != "" && u.Port() != "443" || !isOneOf(u.Hostname(), fld.hosts) {
			where := u.Host
			if u.Scheme != "https" {
				where = u.Scheme + "://" + u.Host
			}
			return nil, notGoogle(errSecretNotGoogle, fld.name, where).
				WithDetail(fld.name + " must be https on " + strings.Join(fld.hosts, " or "))
		}
	}
	return cs, nil
}

func isOneOf(host string, hosts []string) bool {
	for _, h := range hosts {
		if host == h { // exact: Google's files are lower case, and a look-alike must not pass
			return true
		}
	}
	return false
}

// webURL parses s if it is an absolute http or https URL with a host and nothing odd.
func webURL(s string) (*url.URL, bool) {
	u, err := url.Parse(s)
	ok := err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" &&
		u.User == nil && u.Fragment == "" && u.Opaque == ""
	return u, ok
}

// String hides the secret, so a ClientSecret printed by mistake does not leak it.
func (c *ClientSecret) String() string {
	return "ClientSecret{" + c.ClientID + ", auth_uri=" + c.AuthURI + ", token_uri=" + c.TokenURI + "}"
}

// GoString hides the secret from %#v as well.
func (c *ClientSecret) GoString() string { return c.String() }
