// Package auth signs the user in to Google the way RFC 8252 asks of a desktop app: the system
// browser, a loopback redirect to 127.0.0.1, PKCE (S256) and state. It reads the OAuth client
// from a client_secret.json ("Desktop app"), keeps tokens in the OS keyring (or a 0600 file),
// saves refreshed tokens, and revokes them on sign-out. Nothing here knows whether it talks to
// Google or to the emulator: the client_secret.json says where to go.
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

// ClientSecret is a Desktop app ("installed") OAuth client as downloaded from Cloud Console.
// The secret of a desktop app is not really secret (RFC 8252 §8.5), but it is still kept out of
// logs and error details.
type ClientSecret struct {
	ClientID     string
	ClientSecret string
	ProjectID    string
	// AuthURI and TokenURI come from the file, so the same code talks to Google or the emulator.
	AuthURI  string
	TokenURI string
	// RevokeURI is derived from TokenURI (see revokeURIFor).
	RevokeURI string
}

// ReadClientSecret reads and parses a client_secret.json file, reading no more than
// MaxClientSecretSize+1 bytes (a wrong pick, say a video, is not loaded into memory). It also
// returns the file's bytes, so the caller can keep an exact copy.
func ReadClientSecret(path string) (*ClientSecret, []byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, errSecretUnreadable.WithDetail(err.Error())
	}
	defer f.Close()
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
// ({"installed":{"client_id":…,"client_secret":…,"auth_uri":…,"token_uri":…}}).
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
	for _, fld := range []struct{ name, value string }{{"auth_uri", cs.AuthURI}, {"token_uri", cs.TokenURI}} {
		if !webURL(fld.value) {
			return nil, withField(errSecretBadURI, fld.name).WithDetail(fld.name + " is not an absolute http(s) URL")
		}
	}
	cs.RevokeURI = revokeURIFor(cs.TokenURI)
	return cs, nil
}

// webURL reports whether s is an absolute http or https URL with a host and nothing odd.
func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" &&
		u.User == nil && u.Fragment == "" && u.Opaque == ""
}

// revokeURIFor derives the revocation endpoint from the token endpoint. client_secret.json has
// no revoke_uri, and Google serves both from the same host: token_uri
// https://oauth2.googleapis.com/token pairs with https://oauth2.googleapis.com/revoke (and the
// legacy https://accounts.google.com/o/oauth2/token with .../o/oauth2/revoke). Replacing the
// last path segment covers both, and the emulator, which follows the same layout.
func revokeURIFor(tokenURI string) string {
	u, _ := url.Parse(tokenURI) // validated by webURL
	u.RawQuery = ""
	if i := strings.LastIndex(u.Path, "/"); i >= 0 {
		u.Path = u.Path[:i] + "/revoke"
	} else {
		u.Path = "/revoke"
	}
	u.RawPath = ""
	return u.String()
}

// String hides the secret, so a ClientSecret printed by mistake does not leak it.
func (c *ClientSecret) String() string {
	return "ClientSecret{" + c.ClientID + ", auth_uri=" + c.AuthURI + ", token_uri=" + c.TokenURI + "}"
}

// GoString hides the secret from %#v as well.
func (c *ClientSecret) GoString() string { return c.String() }
