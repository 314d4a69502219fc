package diagnostics

import (
	"strings"
	"testing"
	"time"

	"chatmembers/backend/logfile"
)

func TestTextShowsTheHomeAsTildeAndBlanksAddresses(t *testing.T) {
	at := time.Date(2026, 12, 3, 14, 0, 0, 0, time.UTC)
	got := Text(Info{Version: "0.1.0", System: "linux/amd64", Mode: "live",
		Problems: []logfile.Problem{{Code: "chat.not_found", Action: "members.add", At: at}},
		LogPath:  "/home/jane.doe@example.com/.local/state/chat-members/chat-members.log",
		Home:     "/home/jane.doe@example.com"})
	for _, want := range []string{"Chat Members 0.1.0", "System: linux/amd64", "Mode: live",
		"Log file: ~/.local/state/chat-members/chat-members.log", "2026-12-03T14:00:00Z  members.add  chat.not_found"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	got = Text(Info{LogPath: "/srv/jane.doe@example.com/state/chat-members.log", Home: "/home/x"})
	if strings.Contains(got, "@") || !strings.Contains(got, "/srv/[address]/state/chat-members.log") {
		t.Errorf("an address outside the home folder is not blanked:\n%s", got)
	}
	if !strings.Contains(got, "Recent problems: none") || !strings.Contains(got, "Mode: none chosen") {
		t.Errorf("empty info:\n%s", got)
	}
}
