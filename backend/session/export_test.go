package session

import (
	"slices"
	"testing"

	"chatmembers/backend/journal"
)

// An export's extra columns: the space's name after its resource name, and the problem's
// sentence after its code with the row's own person and space filled in.
func TestExportNamesFillEachRowsPersonAndSpace(t *testing.T) {
	rows := journal.RowsCSV([]journal.Row{
		{Index: 0, State: journal.RowFailed, Problem: "chat.external_not_allowed"},
		{Index: 1, State: journal.RowDone, Outcome: journal.OutcomeAdded},
	})
	rows[1][1], rows[1][2] = "spaces/AAA", "users/lena@example.net"
	rows[2][1], rows[2][2] = "spaces/BBB", "users/ann@example.com"
	names := ExportNames{
		Spaces:   map[string]string{"spaces/AAA": "Launch"},
		Problems: map[string]string{"chat.external_not_allowed": "{person} may not join {space}."},
	}
	got := names.add(rows, 1, 7)
	if want := []string{"row", "space", "space name", "member"}; !slices.Equal(got[0][:4], want) {
		t.Fatalf("header %q", got[0])
	}
	if got[1][2] != "Launch" || got[1][9] != "lena@example.net may not join Launch." {
		t.Fatalf("failed row %q", got[1])
	}
	if got[2][2] != "" || got[2][9] != "" {
		t.Fatalf("done row %q", got[2])
	}
}
