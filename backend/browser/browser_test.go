package browser

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// A $BROWSER script receives the URL as its argument.
func TestOpenRunsBrowserFromEnvWithURL(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "got")
	script := filepath.Join(dir, "fake-browser")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s' \"$1\" > "+out+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	fellBack := false
	o := Opener{
		Env:      func(k string) string { return map[string]string{"BROWSER": "/nonexistent-browser:" + script}[k] },
		Fallback: func(string) error { fellBack = true; return nil },
	}
	link := "http://127.0.0.1:1234/o/oauth2/auth?state=x&scope=a+b"
	if err := o.Open(link); err != nil {
		t.Fatalf("Open: %v", err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		b, err := os.ReadFile(out)
		if err == nil && len(b) > 0 {
			if string(b) != link {
				t.Fatalf("browser got %q, want %q", b, link)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the $BROWSER command never ran")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if fellBack {
		t.Fatal("fell back to the desktop opener although $BROWSER was set")
	}
}

func TestOpenFallsBackWithoutBrowserEnv(t *testing.T) {
	var got string
	o := Opener{Env: func(string) string { return "" }, Fallback: func(u string) error { got = u; return nil }}
	if err := o.Open("https://chat.google.com/room/AAAA"); err != nil {
		t.Fatal(err)
	}
	if got != "https://chat.google.com/room/AAAA" {
		t.Fatalf("fallback got %q", got)
	}
}

func TestOpenRefusesNonWebURLs(t *testing.T) {
	o := Opener{Env: func(string) string { return "" }, Fallback: func(string) error {
		t.Fatal("a non-web URL reached the opener")
		return nil
	}}
	for _, u := range []string{"file:///etc/passwd", "javascript:alert(1)", "chat.google.com/room/x", "", "http://"} {
		if err := o.Open(u); !errors.Is(err, ErrNotWeb) {
			t.Errorf("Open(%q) = %v, want ErrNotWeb", u, err)
		}
	}
}

func TestOpenReportsMissingCommand(t *testing.T) {
	o := Opener{Env: func(string) string { return "/nonexistent/browser-a:/nonexistent/browser-b" }}
	err := o.Open("https://example.com/")
	if err == nil || !strings.Contains(err.Error(), "nonexistent") {
		t.Fatalf("want the start error of the last command, got %v", err)
	}
}

// fakeOpener puts an xdg-open on PATH that records its argument and exits with code.
func fakeOpener(t *testing.T, code string) string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "got")
	script := "#!/bin/sh\nprintf '%s' \"$1\" > " + out + "\nexit " + code + "\n"
	if err := os.WriteFile(filepath.Join(dir, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	return out
}

func display(k string) string { return map[string]string{"DISPLAY": ":99"}[k] }

// xdg-open exits 4 on a bare Xvfb; the caller must hear of it to show the link instead.
func TestSystemReportsTheOpenersFailure(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("xdg-open is the opener on Linux")
	}
	got := fakeOpener(t, "4")
	link := "http://127.0.0.1:1234/o/oauth2/auth?state=x"
	if err := System(display, link); err == nil {
		t.Fatal("a failed xdg-open was reported as opened")
	}
	if b, _ := os.ReadFile(got); string(b) != link {
		t.Fatalf("xdg-open got %q, want %q", b, link)
	}
}

func TestSystemOpensWithTheDesktopsOpener(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("xdg-open is the opener on Linux")
	}
	got := fakeOpener(t, "0")
	if err := System(display, "https://chat.google.com/room/AAA"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(got); string(b) != "https://chat.google.com/room/AAA" {
		t.Fatalf("xdg-open got %q", b)
	}
}

// With no display, xdg-open would start a text browser in the terminal the app runs in.
func TestSystemWithoutDisplayRunsNothing(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("only Linux decides by DISPLAY")
	}
	got := fakeOpener(t, "0")
	if err := System(func(string) string { return "" }, "https://example.com/"); !errors.Is(err, ErrNoDisplay) {
		t.Fatalf("got %v, want ErrNoDisplay", err)
	}
	if _, err := os.Stat(got); err == nil {
		t.Fatal("xdg-open ran with no display")
	}
	if err := System(display, "file:///etc/passwd"); !errors.Is(err, ErrNotWeb) {
		t.Fatalf("a file URL: %v", err)
	}
}
