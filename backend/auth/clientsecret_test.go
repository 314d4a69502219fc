package auth

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
)

func TestParseClientSecret(t *testing.T) {
	cases := []struct {
		file     string
		code     string // "" for success
		field    string
		tokenURI string
		host     string // the host named by auth.secret_not_google
	}{
		{file: "installed.json", tokenURI: "https://oauth2.googleapis.com/token"},
		{file: "installed_legacy.json", tokenURI: "https://accounts.google.com/o/oauth2/token"},
		{file: "web.json", code: "auth.secret_web_client"},
		{file: "service_account.json", code: "auth.secret_service_account"},
		{file: "not_json.txt", code: "auth.secret_not_json"},
		{file: "array.json", code: "auth.secret_not_json"},
		{file: "other.json", code: "auth.secret_unknown_type"},
		{file: "missing_secret.json", code: "auth.secret_missing_field", field: "client_secret"},
		{file: "missing_token_uri.json", code: "auth.secret_missing_field", field: "token_uri"},
		{file: "bad_auth_uri.json", code: "auth.secret_bad_uri", field: "auth_uri"},
		{file: "file_token_uri.json", code: "auth.secret_bad_uri", field: "token_uri"},
		// Only Google's hosts, over https: the code, the PKCE verifier, the client secret and
		// the refresh token go to token_uri.
		{file: "http_token_uri.json", code: "auth.secret_not_google", field: "token_uri", host: "http://oauth2.googleapis.com"},
		{file: "evil_token_uri.json", code: "auth.secret_not_google", field: "token_uri", host: "evil.example"},
		{file: "lookalike_token_uri.json", code: "auth.secret_not_google", field: "token_uri", host: "oauth2.googleapis.com.evil.example"},
		{file: "port_token_uri.json", code: "auth.secret_not_google", field: "token_uri", host: "oauth2.googleapis.com:8443"},
		{file: "localhost_token_uri.json", code: "auth.secret_not_google", field: "token_uri", host: "http://127.0.0.1:8080"},
		{file: "evil_auth_uri.json", code: "auth.secret_not_google", field: "auth_uri", host: "accounts.google.evil.example"},
		{file: "token_host_as_auth_uri.json", code: "auth.secret_not_google", field: "auth_uri", host: "oauth2.googleapis.com"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			cs, err := ParseClientSecret(data)
			if c.code == "" {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				want := Endpoints{AuthURL: "https://accounts.google.com/o/oauth2/auth", TokenURL: c.tokenURI,
					RevokeURL: "https://oauth2.googleapis.com/revoke", UserinfoURL: "https://openidconnect.googleapis.com/v1/userinfo"}
				if cs.Endpoints() != want || cs.ClientID == "" || cs.ClientSecret == "" {
					t.Errorf("parsed %#v, endpoints %+v", cs, cs.Endpoints())
				}
				return
			}
			p, ok := problem.As(err)
			if !ok || p.Code != c.code {
				t.Fatalf("error %v, want code %s", err, c.code)
			}
			if p.Message == "" || p.Fix == "" || strings.Contains(p.Message, "{") {
				t.Errorf("problem lacks a plain message or a fix: %+v", p)
			}
			if c.field != "" && (p.Params["field"] != c.field || !strings.Contains(p.Message, c.field)) {
				t.Errorf("problem does not name %s: %+v", c.field, p)
			}
			if c.host != "" && (p.Params["host"] != c.host || !strings.Contains(p.Message, c.host+", which is not Google")) {
				t.Errorf("problem does not name the host %s: %+v", c.host, p)
			}
			if strings.Contains(p.Error(), "GOCSPX-fake") {
				t.Error("the problem leaks the client secret")
			}
		})
	}
}

func TestParseClientSecretTooLarge(t *testing.T) {
	data := []byte(`{"installed":{"client_id":"a","client_secret":"b","auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token","pad":"` +
		strings.Repeat("x", MaxClientSecretSize) + `"}}`)
	if code := problem.CodeOf(func() error { _, err := ParseClientSecret(data); return err }()); code != "auth.secret_too_large" {
		t.Fatalf("code %q", code)
	}
	path := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadClientSecret(path); problem.CodeOf(err) != "auth.secret_too_large" {
		t.Fatalf("ReadClientSecret: %v", err)
	}
	if _, _, err := ReadClientSecret(filepath.Join(t.TempDir(), "missing.json")); problem.CodeOf(err) != "auth.secret_unreadable" {
		t.Fatalf("missing file: %v", err)
	}
}

func TestParseClientSecretBOMAndSpaces(t *testing.T) {
	data, _ := os.ReadFile(filepath.Join("testdata", "installed.json"))
	data = append([]byte("\xef\xbb\xbf  "), data...)
	if _, err := ParseClientSecret(data); err != nil {
		t.Fatal(err)
	}
}

func TestClientSecretDoesNotPrintSecret(t *testing.T) {
	data, _ := os.ReadFile(filepath.Join("testdata", "installed.json"))
	cs, err := ParseClientSecret(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprint(cs), fmt.Sprintf("%v %+v %#v", cs, cs, cs)} {
		if bytes.Contains([]byte(s), []byte("GOCSPX")) {
			t.Errorf("printed secret: %s", s)
		}
	}
}

// The emulator's own client file (what `make emulator` writes for other Google clients) names
// plain-http loopback endpoints: read as the user's client file, it is refused. The demo reaches
// the emulator by wiring its Endpoints explicitly, not through a file.
func TestEmulatorClientFileIsNotGoogle(t *testing.T) {
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	_, err = ParseClientSecret(srv.ClientSecretJSON())
	p, _ := problem.As(err)
	if p == nil || p.Code != "auth.secret_not_google" || p.Params["field"] != "auth_uri" || !strings.Contains(p.Message, "127.0.0.1") {
		t.Fatalf("error %v, want auth.secret_not_google for auth_uri", err)
	}
}
