package main

import (
	"context"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"chatmembers/backend/about"
	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/session"
)

// Copy diagnostics after a session on the demo that held tokens, addresses and failed actions:
// the text names the version, mode, the failed actions' codes and the log file (under ~), and
// holds no address, no token value the emulator minted and no client secret, even with an
// address in the home folder's name.
func TestDiagnosticsHoldNoAddressOrToken(t *testing.T) {
	t.Setenv("BROWSER", "")
	home := filepath.Join(t.TempDir(), "jane.doe@example.com")
	t.Setenv("HOME", home)
	t.Setenv("XDG_STATE_HOME", "")
	rec := &minted{base: http.DefaultTransport, all: map[string]string{}, seen: map[string]bool{}}
	rec.add("client secret", emulator.DemoClientSecret)
	sess := session.New(session.Options{ConfigDir: t.TempDir(), Transport: rec, SignInTimeout: 30 * time.Second})
	app := NewApp(sess, true)
	app.startup(context.Background(), consentDesktop{t: t, events: make(chan string, 64)})
	defer app.shutdown(context.Background())
	s, sp, mem, help := &Session{app.h}, &Spaces{app.h}, &Members{app.h}, &Help{app.h}

	if st, err := s.SignIn(); err != nil || !st.SignedIn {
		t.Fatalf("SignIn: %+v %v", st, err)
	}
	if _, err := sp.ListSpaces(); err != nil {
		t.Fatalf("ListSpaces: %v", err)
	}
	space := "spaces/" + emulator.DemoInternalSpaceID
	if _, err := mem.Add(space, []string{emulator.DemoJoinerEmail}, chat.RoleMember, false); err != nil {
		t.Fatalf("Add: %v", err)
	}
	// A failed action whose input was an address.
	_, _ = mem.Add("spaces/NoSuchSpace", []string{"someone.else@example.com"}, chat.RoleMember, false)
	if _, err := mem.List("spaces/NoSuchSpace", false); err == nil {
		t.Fatal("List of a space that does not exist worked")
	}

	text := help.Diagnostics()
	t.Logf("diagnostics:\n%s", text)
	for _, want := range []string{"Chat Members " + about.Version(wailsJSON), "Mode: demo",
		"Log file: " + filepath.Join("~", ".local", "state", "chat-members", "chat-members.log"), "members.list"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the diagnostics", want)
		}
	}
	if !regexp.MustCompile(`members\.list\s+chat\.\w+`).MatchString(text) {
		t.Error("the failed list's problem code is not listed")
	}
	if strings.Contains(text, "@") || strings.Contains(text, "example.com") || strings.Contains(text, home) {
		t.Error("the diagnostics hold an address or the home folder")
	}
	if len(rec.all) < 3 {
		t.Fatalf("no tokens were minted to look for: %v", rec.seen)
	}
	for v, kind := range rec.all {
		if strings.Contains(text, v) {
			t.Errorf("the diagnostics hold a %s", kind)
		}
	}
}

// About: the version from wails.json and the bundled parts with their licences.
func TestAboutHasTheVersionAndTheLicences(t *testing.T) {
	a := (&Help{}).About()
	if a.Version == "" || len(a.Parts) < 10 {
		t.Fatalf("About: version %q, %d parts", a.Version, len(a.Parts))
	}
}
