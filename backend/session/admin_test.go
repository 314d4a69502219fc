package session

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"

	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
)

// searchSpaces is the call Spaces.Search makes (app.go), through Call as it does.
func searchSpaces(w *Session, text, pageToken string) (chat.SpacePage, error) {
	return Call(context.Background(), w, Action{Name: "spaces.search", Admin: true, Scope: "https://www.googleapis.com/auth/chat.admin.spaces.readonly"},
		func(ctx context.Context, c *chat.Service) (chat.SpacePage, error) {
			return c.SearchSpaces(ctx, text, pageToken)
		})
}

// statuses records every pushed Status (the session:changed event).
type statuses struct {
	mu  sync.Mutex
	all []Status
}

func (s *statuses) add(st Status) { s.mu.Lock(); s.all = append(s.all, st); s.mu.Unlock() }
func (s *statuses) last() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.all) == 0 {
		return Status{}
	}
	return s.all[len(s.all)-1]
}

func wantProblem(t *testing.T, err error, code string) {
	t.Helper()
	if p, _ := problem.As(err); p == nil || p.Code != code {
		t.Fatalf("want %s, got %v", code, err)
	}
}

// Switching administrator mode on asks one consent page for both admin scopes (for the
// signed-in account), checks the privilege at Google, and only then says the mode is on; the
// search then finds a space the admin is not in. Off is immediate and asks nothing.
func TestAdminModeAsksTheAdminScopesAndChecksThePrivilege(t *testing.T) {
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	w := newDemo(t, b)
	pushed := &statuses{}
	w.OnChange(pushed.add)
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	if w.Status().Admin {
		t.Fatal("admin mode on at sign-in")
	}
	if _, err := searchSpaces(w, "", ""); problem.CodeOf(err) != "workspace.admin_off" {
		t.Fatalf("search with the mode off: want workspace.admin_off, got %v", err)
	}
	if n := len(b.openedURLs()); n != 1 {
		t.Fatalf("the refused search opened the browser: %d pages", n)
	}

	st, err := w.SetAdmin(context.Background(), true)
	if err != nil {
		t.Fatalf("SetAdmin(true): %v", err)
	}
	if !st.Admin || !pushed.last().Admin {
		t.Fatalf("mode not on: returned %+v, pushed %+v", st, pushed.last())
	}
	opened := b.openedURLs()
	if len(opened) != 2 {
		t.Fatalf("want one consent page for the admin scopes, opened %q", opened)
	}
	u, _ := url.Parse(opened[1])
	scope := u.Query().Get("scope")
	for _, want := range []string{"chat.admin.spaces.readonly", "chat.admin.memberships"} {
		if !strings.Contains(scope, want) {
			t.Errorf("the consent page did not ask for %s: %s", want, scope)
		}
	}
	if u.Query().Get("login_hint") != emulator.DemoAdminEmail {
		t.Errorf("no login_hint: %s", opened[1])
	}

	page, err := searchSpaces(w, "board prep", "")
	if err != nil {
		t.Fatalf("search: %v", err)
	}
	if len(page.Spaces) != 1 || page.Spaces[0].Name != "spaces/"+emulator.DemoNotMemberSpaceID {
		t.Fatalf("search for the space the admin is not in: %+v", page)
	}

	st, err = w.SetAdmin(context.Background(), false)
	if err != nil || st.Admin || pushed.last().Admin {
		t.Fatalf("SetAdmin(false): %+v %v", st, err)
	}
	if _, err := searchSpaces(w, "", ""); problem.CodeOf(err) != "workspace.admin_off" {
		t.Fatalf("search after switching off: %v", err)
	}
	// On again: the scopes are held, so no consent page; the privilege is checked again.
	if st, err := w.SetAdmin(context.Background(), true); err != nil || !st.Admin {
		t.Fatalf("on again: %+v %v", st, err)
	}
	if n := len(b.openedURLs()); n != 2 {
		t.Fatalf("switching on again opened the browser (%d pages)", n)
	}
}

// A signed-in person without Google's Chat administrator privilege who switches the mode on
// is told so plainly (chat.not_admin), and the mode stays off.
func TestNonAdminIsRefusedAndTheModeStaysOff(t *testing.T) {
	b := &userBrowser{t: t, account: emulator.DemoNonAdminEmail, allow: true}
	w := newDemo(t, b)
	pushed := &statuses{}
	w.OnChange(pushed.add)
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	st, err := w.SetAdmin(context.Background(), true)
	wantProblem(t, err, chat.CodeNotAdmin)
	if st.Admin || w.Status().Admin || w.Admin() || pushed.last().Admin {
		t.Fatalf("mode on for a non-admin: %+v", st)
	}
	if !st.SignedIn || st.Account != emulator.DemoNonAdminEmail {
		t.Fatalf("the refusal changed the sign-in: %+v", st)
	}
	if _, err := searchSpaces(w, "", ""); problem.CodeOf(err) != "workspace.admin_off" {
		t.Fatalf("search after the refusal: %v", err)
	}
}

// Consent given by another account than the signed-in one is refused, and the mode stays off.
func TestAdminConsentByAnotherAccountLeavesTheModeOff(t *testing.T) {
	b := &userBrowser{t: t, account: emulator.DemoNonAdminEmail, allow: true}
	w := newDemo(t, b)
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	b.account = emulator.DemoAdminEmail // picks the admin account on the consent page
	st, err := w.SetAdmin(context.Background(), true)
	wantProblem(t, err, "auth.wrong_account")
	if st.Admin || st.Account != emulator.DemoNonAdminEmail {
		t.Fatalf("%+v", st)
	}
}

// The mode ends with the sign-in: signing in again starts with it off.
func TestSignOutEndsAdminMode(t *testing.T) {
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	w := newDemo(t, b)
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := w.SetAdmin(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	if _, err := w.SignOut(context.Background()); err != nil {
		t.Fatal(err)
	}
	if w.Admin() {
		t.Fatal("admin mode outlived the sign-out")
	}
	if _, err := w.UseDemo(); err != nil {
		t.Fatal(err)
	}
	if st, err := w.SignIn(context.Background()); err != nil || st.Admin {
		t.Fatalf("after signing in again: %+v %v", st, err)
	}
}
