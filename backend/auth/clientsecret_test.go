package auth

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chatmembers/backend/problem"
)

func TestParseClientSecret(t *testing.T) {
	cases := []struct {
		file      string
		code      string // "" for success
		field     string
		tokenURI  string
		revokeURI string
	}{
		{file: "installed.json", tokenURI: "https://oauth2.googleapis.com/token", revokeURI: "https://oauth2.googleapis.com/revoke"},
		{file: "installed_legacy.json", tokenURI: "https://accounts.google.com/o/oauth2/token", revokeURI: "https://accounts.google.com/o/oauth2/revoke"},
		{file: "web.json", code: "auth.secret_web_client"},
		{file: "service_account.json", code: "auth.secret_service_account"},
		{file: "not_json.txt", code: "auth.secret_not_json"},
		{file: "array.json", code: "auth.secret_not_json"},
		{file: "other.json", code: "auth.secret_unknown_type"},
		{file: "missing_secret.json", code: "auth.secret_missing_field", field: "client_secret"},
		{file: "missing_token_uri.json", code: "auth.secret_missing_field", field: "token_uri"},
		{file: "bad_auth_uri.json", code: "auth.secret_bad_uri", field: "auth_uri"},
		{file: "file_token_uri.json", code: "auth.secret_bad_uri", field: "token_uri"},
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
				if cs.TokenURI != c.tokenURI || cs.RevokeURI != c.revokeURI || cs.ClientID == "" || cs.ClientSecret == "" || cs.AuthURI == "" {
					t.Errorf("parsed %#v, revoke %s", cs, cs.RevokeURI)
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
			if strings.Contains(p.Error(), "GOCSPX-fake") {
				t.Error("the problem leaks the client secret")
			}
		})
	}
}

func TestParseClientSecretTooLarge(t *testing.T) {
	data := []byte(`{"installed":{"client_id":"a","client_secret":"b","auth_uri":"https://a/","token_uri":"https://b/token","pad":"` +
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
