// Package browser opens web pages in the user's system browser: the sign-in consent page
// (RFC 8252 wants the system browser, never the app's webview) and links into Google Chat.
//
// It honours $BROWSER itself before falling back to the desktop's opener, because xdg-open was
// seen to ignore $BROWSER whenever DISPLAY is set (as under Xvfb), and the end-to-end tests hand
// the consent URL to their own browser through $BROWSER.
package browser

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// Opener opens http(s) URLs.
type Opener struct {
	// Env reads the environment; nil means os.Getenv.
	Env func(string) string
	// Fallback opens the URL when $BROWSER is unset (the desktop's default browser).
	Fallback func(url string) error
}

// ErrNotWeb is returned for anything but an absolute http or https URL: nothing else may
// reach a shell-started program.
var ErrNotWeb = errors.New("browser: only http and https links can be opened")

// Open starts the browser and returns without waiting for it to exit.
func (o Opener) Open(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ErrNotWeb
	}
	getenv := o.Env
	if getenv == nil {
		getenv = os.Getenv
	}
	if cmds := getenv("BROWSER"); cmds != "" {
		return openWith(cmds, u.String())
	}
	if o.Fallback != nil {
		return o.Fallback(u.String())
	}
	return errors.New("browser: no browser configured")
}

// openWith follows the $BROWSER convention: a colon-separated list of commands, tried in
// order; "%s" in a command is replaced by the URL, otherwise the URL is appended.
func openWith(list, link string) error {
	var lastErr error
	for _, c := range strings.Split(list, ":") {
		fields := strings.Fields(c)
		if len(fields) == 0 {
			continue
		}
		args := make([]string, 0, len(fields))
		substituted := false
		for _, f := range fields[1:] {
			if strings.Contains(f, "%s") {
				f = strings.ReplaceAll(f, "%s", link)
				substituted = true
			}
			args = append(args, f)
		}
		if !substituted {
			args = append(args, link)
		}
		cmd := exec.Command(fields[0], args...)
		if err := cmd.Start(); err != nil {
			lastErr = err
			continue
		}
		// Reap the child in the background; the browser may outlive this call.
		go func() { _ = cmd.Wait() }()
		return nil
	}
	if lastErr == nil {
		lastErr = errors.New("browser: $BROWSER names no command")
	}
	return lastErr
}

// systemSettle is how long System waits for the desktop's opener to fail. xdg-open may run
// until the browser it started exits, so one still running then is taken to have opened the page.
const systemSettle = 3 * time.Second

// ErrNoDisplay is System's answer on Linux with neither DISPLAY nor WAYLAND_DISPLAY set: there
// xdg-open falls back to text browsers (lynx, w3m) that would take over the terminal.
var ErrNoDisplay = errors.New("browser: no display to open a browser on")

// System opens an http(s) URL with the desktop's own opener (xdg-open, open, or the Windows
// shell) and reports its failure, which Wails' BrowserOpenURL only logs: the app must be able to
// tell the user that nothing opened and show the link instead. Env reads the environment as
// for Open; nil means os.Getenv.
func System(env func(string) string, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ErrNotWeb
	}
	if env == nil {
		env = os.Getenv
	}
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", u.String())
	case "darwin":
		cmd = exec.Command("open", u.String())
	default:
		if env("DISPLAY") == "" && env("WAYLAND_DISPLAY") == "" {
			return ErrNoDisplay
		}
		cmd = exec.Command("xdg-open", u.String())
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			return fmt.Errorf("browser: %s: %w", cmd.Path, err)
		}
		return nil
	case <-time.After(systemSettle):
		return nil
	}
}
