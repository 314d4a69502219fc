package session

import (
	"context"
	"net/http"
	"testing"
	"time"

	"chatmembers/backend/auth"
	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
	"chatmembers/backend/setup"
)

// states is each step's state in g.
func states(g setup.Guide) map[setup.StepID]setup.State {
	m := map[setup.StepID]setup.State{}
	for _, s := range g.Steps {
		m[s.ID] = s.State
	}
	return m
}

func stepOf(g setup.Guide, id setup.StepID) setup.Step {
	for _, s := range g.Steps {
		if s.ID == id {
			return s
		}
	}
	return setup.Step{}
}

// practise is a demo with state missing from its set-up, signed in as the demo admin.
func practise(t *testing.T, state emulator.SetupState) *Session {
	t.Helper()
	w := newDemo(t, &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true})
	if _, err := w.PractiseSetup(string(state)); err != nil {
		t.Fatal(err)
	}
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatalf("SignIn: %v", err)
	}
	return w
}

func TestSetupGuideBeforeSignInChecksOnlyTheClient(t *testing.T) {
	w := newDemo(t, nil)
	g := w.CheckSetup(context.Background())
	want := map[setup.StepID]setup.State{setup.StepProject: setup.StateOK, setup.StepClientFile: setup.StateOK, setup.StepChatAPI: setup.StateUnchecked,
		setup.StepChatApp: setup.StateUnchecked, setup.StepConsent: setup.StateUnchecked, setup.StepStaySignedIn: setup.StateUnchecked}
	if got := states(g); !equalStates(got, want) || g.Current != "" {
		t.Fatalf("got %v current %q", got, g.Current)
	}
	if g.ProjectID != "chat-members-demo" || g.ProjectNumber != "000000000000" {
		t.Fatalf("project %q %q", g.ProjectID, g.ProjectNumber)
	}
	if l := stepOf(g, setup.StepChatApp).Link; l != "https://console.cloud.google.com/apis/api/chat.googleapis.com/hangouts-chat?project=chat-members-demo" {
		t.Fatalf("link %s", l)
	}
}

func equalStates(a, b map[setup.StepID]setup.State) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestSetupGuideCompleteDemoIsAllDone(t *testing.T) {
	w := practise(t, emulator.SetupComplete)
	g := w.CheckSetup(context.Background())
	for _, s := range g.Steps {
		if s.State != setup.StateOK {
			t.Fatalf("%s: %s %v", s.ID, s.State, s.Problem)
		}
	}
}

func TestSetupGuideFindsChatAPIOff(t *testing.T) {
	w := practise(t, emulator.SetupAPIDisabled)
	g := w.CheckSetup(context.Background())
	s := stepOf(g, setup.StepChatAPI)
	if g.Current != setup.StepChatAPI || s.State != setup.StateFailed || s.Problem == nil || s.Problem.Code != chat.CodeAPIDisabled {
		t.Fatalf("current %q, step %+v", g.Current, s)
	}
	if s.Link != emulator.ActivationURL("000000000000") {
		t.Fatalf("link %s, want Google's activation link", s.Link)
	}
	if st := stepOf(g, setup.StepChatApp).State; st != setup.StateUnchecked {
		t.Fatalf("chat app %s while the API is off", st)
	}
}

func TestSetupGuideFindsNoChatApp(t *testing.T) {
	w := practise(t, emulator.SetupAppNotConfigured)
	g := w.CheckSetup(context.Background())
	got := states(g)
	if g.Current != setup.StepChatApp || got[setup.StepChatAPI] != setup.StateOK || got[setup.StepChatApp] != setup.StateFailed {
		t.Fatalf("current %q, %v", g.Current, got)
	}
}

func TestSetupGuideFindsExpiredTestingSignIn(t *testing.T) {
	w := practise(t, emulator.SetupTestingExpired)
	g := w.CheckSetup(context.Background())
	s := stepOf(g, setup.StepStaySignedIn)
	if g.Current != setup.StepStaySignedIn || s.Problem == nil || s.Problem.Code != "auth.expired" {
		t.Fatalf("current %q, step %+v", g.Current, s)
	}
	if w.Status().SignedIn {
		t.Fatal("still signed in after Google refused the refresh")
	}
}

// A consent screen that refuses the account shows Google's page and never comes back: the
// sign-in ends by its deadline, and that problem leads to the consent step.
func TestSetupGuideConsentRefusalLeadsToConsentStep(t *testing.T) {
	for _, st := range []emulator.SetupState{emulator.SetupNotTestUser, emulator.SetupOrgInternal, emulator.SetupAdminBlocked} {
		t.Run(string(st), func(t *testing.T) {
			w := New(Options{LiveAllowed: true, ConfigDir: t.TempDir(), Store: auth.NewMemoryStore(), SignInTimeout: 2 * time.Second})
			t.Cleanup(w.Close)
			seen := make(chan int, 1)
			w.SetBrowser(func(u string) error {
				go func() {
					res, err := http.Get(u)
					if err == nil {
						res.Body.Close()
						seen <- res.StatusCode
					}
				}()
				return nil
			}, func(string) {})
			if _, err := w.PractiseSetup(string(st)); err != nil {
				t.Fatal(err)
			}
			_, err := w.SignIn(context.Background())
			code := problem.CodeOf(err)
			if step, ok := setup.StepOf(code); !ok || step != setup.StepConsent {
				t.Fatalf("sign-in ended with %q (%v), which does not lead to the consent step", code, err)
			}
			if status := <-seen; status != 403 && status != 400 {
				t.Fatalf("Google's page answered %d", status)
			}
		})
	}
}

func TestOpenSetupLinkOpensOnlyConsolePages(t *testing.T) {
	w := newDemo(t, nil)
	var opened []string
	w.SetBrowser(func(u string) error { opened = append(opened, u); return nil }, func(string) {})
	link := stepOf(w.CheckSetup(context.Background()), setup.StepConsent).Link
	if err := w.OpenSetupLink(link); err != nil {
		t.Fatal(err)
	}
	if err := w.OpenSetupLink("https://evil.example/"); problem.CodeOf(err) != "workspace.bad_console_link" {
		t.Fatalf("a foreign link: %v", err)
	}
	if len(opened) != 1 || opened[0] != link {
		t.Fatalf("opened %v", opened)
	}
}

// After practising a missing step, choosing the demo again is the plain demo, whole.
func TestUseDemoEndsThePractice(t *testing.T) {
	w := practise(t, emulator.SetupAPIDisabled)
	if g := w.CheckSetup(context.Background()); g.Current != setup.StepChatAPI {
		t.Fatalf("practice not in place: current %q", g.Current)
	}
	if _, err := w.UseDemo(); err != nil {
		t.Fatal(err)
	}
	if g := w.CheckSetup(context.Background()); g.Current != "" {
		t.Fatalf("current %q after choosing the demo again", g.Current)
	}
}
