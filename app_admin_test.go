package main

import (
	"context"
	"testing"
	"time"

	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
	"chatmembers/backend/session"
)

// Administrator mode through the bound structs, as the frontend calls them, on the demo:
// switch on (with its consent page), find a space the admin is not in with Spaces.Search, add a
// colleague there with Members.Add and administrator access; an outsider is refused before sending; off again, the
// search is refused.
func TestAdminModeThroughTheBoundStructs(t *testing.T) {
	t.Setenv("BROWSER", "") // the desktop's opener: the consenting demo admin (log_test.go)
	app := NewApp(session.New(session.Options{ConfigDir: t.TempDir(), SignInTimeout: 30 * time.Second}), true)
	app.startup(context.Background(), consentDesktop{t: t, events: make(chan string, 64)})
	defer app.shutdown(context.Background())
	s, sp, mem := &Session{app.h}, &Spaces{app.h}, &Members{app.h}

	if st, err := s.SignIn(); err != nil || !st.SignedIn {
		t.Fatalf("SignIn: %+v %v", st, err)
	}
	if st, err := s.SetAdmin(true); err != nil || !st.Admin {
		t.Fatalf("SetAdmin(true): %+v %v", st, err)
	}
	page, err := sp.Search("Board", "")
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	board := "spaces/" + emulator.DemoNotMemberSpaceID
	if len(page.Spaces) != 1 || page.Spaces[0].Name != board {
		t.Fatalf("Search(Board): %+v", page)
	}
	mine, err := sp.ListSpaces()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mine {
		if m.Name == board {
			t.Fatal("the admin is a member of the space the test needs them not to be in")
		}
	}
	all, err := sp.Search("", "")
	if err != nil || all.Total < 20 || len(all.Spaces) != all.Total {
		t.Fatalf("Search(\"\"): %d of %d, %v", len(all.Spaces), all.Total, err)
	}

	out, err := mem.Add(board, []string{emulator.DemoJoinerEmail}, chat.RoleMember, true)
	if err != nil || len(out) != 1 {
		t.Fatalf("Add: %+v %v", out, err)
	}
	if m := out[0].Membership; m == nil || m.SpaceName != board || m.Email != emulator.DemoJoinerEmail || m.AlreadyMember {
		t.Fatalf("Add: %+v (%+v)", out[0], out[0].Problem)
	}
	out, err = mem.Add(board, []string{emulator.DemoExternalEmail}, chat.RoleMember, true)
	if err != nil || len(out) != 1 || out[0].Membership != nil || out[0].Problem == nil || out[0].Problem.Code != chat.CodeAdminOutsider {
		t.Fatalf("Add of an outsider: %+v %v", out, err)
	}

	if st, err := s.SetAdmin(false); err != nil || st.Admin {
		t.Fatalf("SetAdmin(false): %+v %v", st, err)
	}
	if _, err := sp.Search("", ""); problem.CodeOf(err) != "workspace.admin_off" {
		t.Fatalf("Search with the mode off: %v", err)
	}
	if _, err := mem.Add(board, []string{emulator.DemoJoinerEmail}, chat.RoleMember, true); problem.CodeOf(err) != "workspace.admin_off" {
		t.Fatalf("Add with administrator access, the mode off: %v", err)
	}
}
