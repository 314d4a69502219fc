package setup

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"chatmembers/backend/auth"
	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
)

func TestLinksFillTheProject(t *testing.T) {
	for step, want := range map[StepID]string{
		StepProject:      "https://console.cloud.google.com/home/dashboard?project=my-proj",
		StepClientFile:   "https://console.cloud.google.com/apis/credentials?project=my-proj",
		StepChatAPI:      "https://console.cloud.google.com/apis/library/chat.googleapis.com?project=my-proj",
		StepChatApp:      "https://console.cloud.google.com/apis/api/chat.googleapis.com/hangouts-chat?project=my-proj",
		StepConsent:      "https://console.cloud.google.com/auth/audience?project=my-proj",
		StepStaySignedIn: "https://console.cloud.google.com/auth/audience?project=my-proj",
	} {
		if got := Link(step, "my-proj"); got != want {
			t.Errorf("%s: %s", step, got)
		}
	}
	if got := Link(StepChatAPI, ""); got != "https://console.cloud.google.com/apis/library/chat.googleapis.com" {
		t.Errorf("no project: %s", got)
	}
	if got := Link(StepProject, ""); got != "https://console.cloud.google.com/projectcreate" {
		t.Errorf("no project yet: %s", got)
	}
}

func TestOnlyConsoleLinksOpen(t *testing.T) {
	for link, want := range map[string]bool{
		Link(StepChatApp, "p"):                           true,
		Link(StepProject, ""):                            true,
		emulator.ActivationURL("12"):                     true,
		"http://console.cloud.google.com/auth/audience":  false,
		"https://console.cloud.google.com.evil.example/": false,
		"https://user@console.cloud.google.com/":         false,
		"https://console.cloud.google.com:8443/":         false,
		"https://evil.example/?console.cloud.google.com": false,
		"javascript:alert(1)":                            false,
	} {
		if got := IsConsoleLink(link); got != want {
			t.Errorf("%s: %v", link, got)
		}
	}
}

func TestProjectNumberFromClientID(t *testing.T) {
	for id, want := range map[string]string{
		"123456789012-abc.apps.googleusercontent.com": "123456789012",
		"abc-def.apps.googleusercontent.com":          "",
		"nodash":                                      "",
		"-x":                                          "",
	} {
		if got := ProjectNumber(id); got != want {
			t.Errorf("%q: %q", id, got)
		}
	}
}

// Every code StepOf knows is one the auth and chat packages really return, so a renamed code
// cannot silently drop out of the guide.
func TestStepOfNamesRealCodes(t *testing.T) {
	known := map[string]bool{}
	for _, p := range append(auth.Problems(), chat.Problems()...) {
		known[p.Code] = true
	}
	mapped := 0
	for code := range known {
		if _, ok := StepOf(code); ok {
			mapped++
		}
	}
	for _, code := range []string{"auth.secret_web_client", "auth.client_rejected", chat.CodeAPIDisabled,
		chat.CodeAppNotConfigured, "auth.authorization_failed", "auth.timeout", chat.CodeAdminMustGrant, "auth.expired"} {
		if !known[code] {
			t.Errorf("%s is not a code auth or chat returns", code)
		}
		if _, ok := StepOf(code); !ok {
			t.Errorf("%s leads to no step", code)
		}
	}
	if _, ok := StepOf(chat.CodeQuota); ok {
		t.Error("a quota problem is not a set-up step")
	}
	if mapped < 8 {
		t.Errorf("only %d codes lead to a step", mapped)
	}
}

// chatProbe is a Chat probe against srv as the demo admin, over the real chat/v1 client.
func chatProbe(t *testing.T, srv *emulator.Server) func(context.Context) error {
	t.Helper()
	tok, err := srv.IssueToken(emulator.DemoAdminEmail, "chat.spaces.readonly")
	if err != nil {
		t.Fatal(err)
	}
	hc := oauth2.NewClient(context.Background(), oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok}))
	svc, err := chat.New(context.Background(), hc, srv.URL()+"/")
	if err != nil {
		t.Fatal(err)
	}
	return svc.Probe
}

func TestCheckAgainstEachChatSideState(t *testing.T) {
	secret := &auth.ClientSecret{ClientID: emulator.DemoClientID, ProjectID: "demo-proj"}
	for _, c := range []struct {
		state        emulator.SetupState
		current      StepID
		api, app     State
		linkOfAPIHas string
	}{
		{emulator.SetupComplete, "", StateOK, StateOK, "apis/library/chat.googleapis.com?project=demo-proj"},
		{emulator.SetupAPIDisabled, StepChatAPI, StateFailed, StateUnchecked, "console.developers.google.com/apis/api/chat.googleapis.com/overview?project=000000000000"},
		{emulator.SetupAppNotConfigured, StepChatApp, StateOK, StateFailed, "apis/library/chat.googleapis.com?project=demo-proj"},
	} {
		t.Run(string(c.state)+"_", func(t *testing.T) {
			srv, err := emulator.Start("127.0.0.1:0", emulator.Options{Setup: c.state})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = srv.Close() })
			g := Check(context.Background(), Input{Secret: secret, SignedIn: true,
				Refresh: func(context.Context) error { return nil }, Chat: chatProbe(t, srv)})
			st := map[StepID]Step{}
			for _, s := range g.Steps {
				st[s.ID] = s
			}
			if g.Current != c.current || st[StepChatAPI].State != c.api || st[StepChatApp].State != c.app {
				t.Fatalf("current %q api %s app %s", g.Current, st[StepChatAPI].State, st[StepChatApp].State)
			}
			if l := st[StepChatAPI].Link; !contains(l, c.linkOfAPIHas) {
				t.Fatalf("chat_api link %s", l)
			}
		})
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestCheckRefusedClientFileIsTheFirstStep(t *testing.T) {
	_, err := auth.ParseClientSecret([]byte(`{"web":{}}`))
	p, _ := problem.As(err)
	g := Check(context.Background(), Input{SecretProblem: p})
	for _, s := range g.Steps {
		if s.ID == StepClientFile {
			if s.Problem == nil || s.Problem.Code != "auth.secret_web_client" || g.Current != StepClientFile {
				t.Fatalf("%+v", g)
			}
			continue
		}
		if s.State != StateUnchecked {
			t.Fatalf("%s checked without a client file", s.ID)
		}
	}
}
