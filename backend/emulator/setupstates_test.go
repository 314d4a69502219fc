package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
	chat "google.golang.org/api/chat/v1"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/option"
)

// setupChat is a chat/v1 client of a freshly consented demo client on srv.
func setupChat(t *testing.T, srv *Server) *chat.Service {
	t.Helper()
	tok, err := srv.IssueToken("ada@example.com", testScopeSpaces)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := chat.NewService(context.Background(), option.WithEndpoint(srv.URL()+"/"),
		option.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok})))
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// setupErrBody is the parts of Google's error body the setup states fill.
type setupErrBody struct {
	Error struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Status  string `json:"status"`
		Details []struct {
			Type     string            `json:"@type"`
			Reason   string            `json:"reason"`
			Domain   string            `json:"domain"`
			Metadata map[string]string `json:"metadata"`
			Links    []struct{ Description, URL string }
		} `json:"details"`
	} `json:"error"`
}

func googleBody(t *testing.T, err error) setupErrBody {
	t.Helper()
	var ge *googleapi.Error
	if !errors.As(err, &ge) {
		t.Fatalf("want *googleapi.Error, got %v", err)
	}
	var b setupErrBody
	if jerr := json.Unmarshal([]byte(ge.Body), &b); jerr != nil {
		t.Fatalf("body %q: %v", ge.Body, jerr)
	}
	return b
}

func TestSetupAPIDisabledAnswersServiceDisabled(t *testing.T) {
	srv, err := Start("127.0.0.1:0", Options{Data: oauthTestData(), Setup: SetupAPIDisabled})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	_, err = setupChat(t, srv).Spaces.List().Do()
	b := googleBody(t, err).Error
	const n = "000000000000" // the demo client id's project number
	activation := "https://console.developers.google.com/apis/api/chat.googleapis.com/overview?project=" + n
	if b.Code != 403 || b.Status != "PERMISSION_DENIED" ||
		b.Message != "Google Chat API has not been used in project "+n+" before or it is disabled. Enable it by visiting "+activation+" then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry." {
		t.Fatalf("error %d %s %q", b.Code, b.Status, b.Message)
	}
	if len(b.Details) != 3 || b.Details[0].Type != "type.googleapis.com/google.rpc.ErrorInfo" ||
		b.Details[0].Reason != "SERVICE_DISABLED" || b.Details[0].Domain != "googleapis.com" {
		t.Fatalf("details %+v", b.Details)
	}
	md := b.Details[0].Metadata
	if md["activationUrl"] != activation || md["consumer"] != "projects/"+n || md["service"] != "chat.googleapis.com" ||
		md["serviceTitle"] != "Google Chat API" || md["containerInfo"] != n {
		t.Fatalf("metadata %v", md)
	}
	if h := b.Details[2]; h.Type != "type.googleapis.com/google.rpc.Help" || len(h.Links) != 1 || h.Links[0].URL != activation {
		t.Fatalf("help %+v", h)
	}
}

func TestSetupAppNotConfiguredAnswersAppNotFound(t *testing.T) {
	srv, err := Start("127.0.0.1:0", Options{Data: oauthTestData()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	svc := setupChat(t, srv)
	if _, err := svc.Spaces.List().Do(); err != nil {
		t.Fatalf("complete setup: %v", err)
	}
	if err := srv.SetSetup(SetupAppNotConfigured); err != nil {
		t.Fatal(err)
	}
	_, err = svc.Spaces.List().Do()
	b := googleBody(t, err).Error
	if b.Code != 404 || b.Status != "NOT_FOUND" || b.Message != msgAppNotFound {
		t.Fatalf("error %d %s %q", b.Code, b.Status, b.Message)
	}
	// Without a credential Google still answers 401 first.
	resp, err := http.Get(srv.URL() + "/v1/spaces")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Fatalf("no token: %d, want 401", resp.StatusCode)
	}
	// Back to a complete project.
	if err := srv.SetSetup(SetupComplete); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Spaces.List().Do(); err != nil {
		t.Fatalf("after the step is done: %v", err)
	}
}

func TestSetupConsentRefusalsShowGooglePageWithoutRedirect(t *testing.T) {
	for _, c := range []struct {
		state  SetupState
		status int
		code   string
		title  string
	}{
		{SetupNotTestUser, 403, "access_denied", "Access blocked: Chat Members (demo) has not completed the Google verification process"},
		{SetupOrgInternal, 403, "org_internal", "Access blocked: Chat Members (demo) can only be used within its organization"},
		{SetupAdminBlocked, 400, "admin_policy_enforced", "Access blocked: Your institution&#39;s admin needs to review Chat Members (demo)"},
	} {
		t.Run(string(c.state), func(t *testing.T) {
			srv, _ := startOAuth(t)
			if err := srv.SetSetup(c.state); err != nil {
				t.Fatal(err)
			}
			cfg := demoConfig(srv, oauth2.AuthStyleAutoDetect, "openid", testScopeSpaces)
			resp, err := noRedirect.Get(cfg.AuthCodeURL("s", oauth2.AccessTypeOffline))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != c.status || resp.Header.Get("Location") != "" {
				t.Fatalf("status %d location %q", resp.StatusCode, resp.Header.Get("Location"))
			}
			for _, want := range []string{"<h1>" + c.title + "</h1>", "Error " + itoa(c.status) + ": " + c.code} {
				if !strings.Contains(string(body), want) {
					t.Fatalf("page lacks %q:\n%s", want, body)
				}
			}
			if strings.Contains(string(body), "request_id") {
				t.Fatal("a refused account got a consent form")
			}
		})
	}
}

func TestSetupTestingExpiredRefusesRefresh(t *testing.T) {
	srv, _ := startOAuth(t)
	cfg := demoConfig(srv, oauth2.AuthStyleAutoDetect, "openid", testScopeSpaces)
	q := consent(t, cfg.AuthCodeURL("s", oauth2.AccessTypeOffline), "ada@example.com", "allow")
	tok, err := cfg.Exchange(context.Background(), q.Get("code"))
	if err != nil {
		t.Fatal(err)
	}
	tok.Expiry = time.Now().Add(-time.Minute)
	if _, err := cfg.TokenSource(context.Background(), tok).Token(); err != nil {
		t.Fatalf("refresh before: %v", err)
	}
	if err := srv.SetSetup(SetupTestingExpired); err != nil {
		t.Fatal(err)
	}
	_, err = cfg.TokenSource(context.Background(), tok).Token()
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) || re.ErrorCode != "invalid_grant" || re.ErrorDescription != "Token has been expired or revoked." {
		t.Fatalf("refresh in expired Testing: %v", err)
	}
}

func TestSetupStateValidate(t *testing.T) {
	if _, err := Start("127.0.0.1:0", Options{Setup: "no-such-step"}); err == nil {
		t.Fatal("Start took an unknown setup state")
	}
	srv := New(Options{})
	if err := srv.SetSetup("nope"); err == nil || srv.Setup() != SetupComplete {
		t.Fatal("SetSetup took an unknown state")
	}
	for _, st := range SetupStates() {
		if err := srv.SetSetup(st); err != nil || srv.Setup() != st {
			t.Fatalf("%s: %v", st, err)
		}
	}
}
