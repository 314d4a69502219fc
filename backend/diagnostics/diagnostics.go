// Package diagnostics is the text of "Copy diagnostics": what a person can paste into a message
// to whoever helps them. The app's version, the system, the mode, the last problem codes and
// where the log file is. Nothing personal: no account, no address, no space, no token or secret,
// no message text (the problems are codes and action names; the home folder reads as ~; any
// address left, say in a folder name, is blanked).
package diagnostics

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"chatmembers/backend/logfile"
)

// Info is what the text is made of.
type Info struct {
	Version string
	// System is the OS and architecture ("linux/amd64"), with the distribution's name if known.
	System   string
	Mode     string // "demo", "live" or "" (nothing chosen yet)
	Problems []logfile.Problem
	LogPath  string // "" when the app runs without a log file
	Home     string // the user's home folder, shown as ~ in LogPath
}

// Text is the diagnostics as plain lines.
func Text(i Info) string {
	var b strings.Builder
	mode := i.Mode
	if mode == "" {
		mode = "none chosen"
	}
	fmt.Fprintf(&b, "Chat Members %s\nSystem: %s\nMode: %s\n", i.Version, i.System, mode)
	fmt.Fprintf(&b, "Log file: %s\n", orNone(tilde(i.LogPath, i.Home)))
	if len(i.Problems) == 0 {
		b.WriteString("Recent problems: none\n")
	} else {
		b.WriteString("Recent problems (oldest first):\n")
		for _, p := range i.Problems {
			fmt.Fprintf(&b, "  %s  %s  %s\n", p.At.UTC().Format(time.RFC3339), orNone(p.Action), p.Code)
		}
	}
	return email.ReplaceAllString(b.String(), "[address]")
}

// email matches anything shaped like an address; nothing in the text should be one.
var email = regexp.MustCompile(`[^\s/\\@]+@[^\s/\\@]+`)

func tilde(path, home string) string {
	if home == "" || path == "" {
		return path
	}
	if rel, err := filepath.Rel(home, path); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.Join("~", rel)
	}
	return path
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// System is GOOS/GOARCH and, on Linux, the distribution's PRETTY_NAME from /etc/os-release.
func System(goos, goarch string) string {
	s := goos + "/" + goarch
	b, err := os.ReadFile("/etc/os-release")
	if err != nil {
		return s
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "PRETTY_NAME="); ok {
			return s + " (" + strings.Trim(v, `"'`) + ")"
		}
	}
	return s
}
