package session

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"chatmembers/backend/emulator"
)

func TestSpaceLabelsNameConversationsWithoutTheSignedInPerson(t *testing.T) {
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	w := newDemo(t, b)
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	dm := "spaces/" + emulator.DemoDirectMessageID
	got, err := spaceLabels(w, []string{dm, "spaces/AAAAx4Ge2Mo"})
	if err != nil {
		t.Fatal(err)
	}
	if got[dm] != "Priya Raman" || got["spaces/AAAAx4Ge2Mo"] != "Priya Raman, Chen Wei, Jonas Weber" {
		t.Errorf("labels %v", got)
	}
}

// When the browser cannot be opened (no browser on the machine), the UI hears of it with the
// link, and the sign-in keeps waiting so the person can open the link themselves.
func TestSignInTellsTheUIWhenTheBrowserCouldNotOpen(t *testing.T) {
	w := newDemo(t, nil)
	announced := make(chan string, 1)
	failed := make(chan string, 1)
	w.SetBrowser(func(string) error { return errNoBrowser }, func(u string) { announced <- u })
	w.OnBrowserFailed(func(u string) { failed <- u })
	done := make(chan error, 1)
	go func() { _, err := w.SignIn(context.Background()); done <- err }()
	var u string
	select {
	case u = <-failed:
	case <-time.After(10 * time.Second):
		t.Fatal("the UI was not told that the browser could not open")
	}
	if a := <-announced; a != u {
		t.Errorf("failed URL %q, announced %q", u, a)
	}
	// The person copies the link into a browser themselves.
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	if err := b.consent(u); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("SignIn: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("sign-in did not finish after the link was opened by hand")
	}
	if !w.Status().SignedIn {
		t.Fatal("not signed in")
	}
}

// A browser that opens is not reported as failed.
func TestSignInDoesNotReportABrowserThatOpened(t *testing.T) {
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	w := newDemo(t, b)
	var failed atomic.Int32
	w.OnBrowserFailed(func(string) { failed.Add(1) })
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := failed.Load(); n != 0 {
		t.Errorf("browser reported failed %d times", n)
	}
}
