package logfile

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

// The ring keeps the last n problem codes with their action, and passes every record on.
func TestRecentKeepsTheLastProblemCodes(t *testing.T) {
	var out bytes.Buffer
	r := NewRecent(2)
	l := slog.New(r.Handler(slog.NewJSONHandler(&out, nil)))
	l.Warn("failed", "action", "spaces.list", "problem", "chat.network")
	l.Info("done", "action", "members.add")
	l.With("action", "members.add").Warn("failed", "problem", "chat.not_found")
	l.Warn("failed", "action", "spaces.list", "problem", "auth.expired", "error", errors.New("x@y.example"))
	got := r.List()
	if len(got) != 2 || got[0].Code != "chat.not_found" || got[0].Action != "members.add" ||
		got[1].Code != "auth.expired" || got[1].At.IsZero() {
		t.Fatalf("List: %+v", got)
	}
	if n := strings.Count(out.String(), "\n"); n != 4 {
		t.Fatalf("%d lines reached the log, want 4:\n%s", n, out.String())
	}
}

// Without a log (a discarding handler), problems are still kept.
func TestRecentWithoutALog(t *testing.T) {
	r := NewRecent(5)
	slog.New(r.Handler(slog.DiscardHandler)).Warn("failed", "action", "a", "problem", "p")
	if got := r.List(); len(got) != 1 || got[0].Code != "p" {
		t.Fatalf("List: %+v", got)
	}
}
