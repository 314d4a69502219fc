package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/journal"
	"chatmembers/backend/session"
)

// demoOutsiders are colleagues of the demo organisation who are not in the space.
func demoOutsiders(t *testing.T, spaceID string, n int) []string {
	t.Helper()
	d := emulator.DemoData()
	in := map[string]bool{}
	for _, m := range d.Memberships {
		if m.SpaceID == spaceID {
			in[m.UserID] = true
		}
	}
	var out []string
	for _, u := range d.Users {
		if !in[u.ID] && !u.External && u.AutoAccept && u.Email != emulator.DemoAdminEmail && len(out) < n {
			out = append(out, u.Email)
		}
	}
	if len(out) < n {
		t.Fatalf("the demo has %d colleagues outside %s, the test needs %d", len(out), spaceID, n)
	}
	return out
}

// A bulk job through the bound structs, as the frontend calls them: started, its progress
// pushed and read, its rows all done, nothing left to resume; and the single add, role change
// and removal of the member list and the add of the Chat app land in the history with the job's rows, exportable.
func TestJobsAndHistoryThroughTheBoundStructs(t *testing.T) {
	t.Setenv("BROWSER", "")
	events := make(chan string, 1024)
	app := NewApp(session.New(session.Options{ConfigDir: t.TempDir(), SignInTimeout: 30 * time.Second}), true)
	saveDir := t.TempDir()
	app.startup(context.Background(), consentDesktop{t: t, events: events, saveDir: saveDir})
	defer app.shutdown(context.Background())
	s, mem, jb, hist := &Session{app.h}, &Members{app.h}, &Jobs{app.h}, &History{app.h}
	if st, err := s.SignIn(); err != nil || !st.SignedIn {
		t.Fatalf("SignIn: %+v %v", st, err)
	}
	space := "spaces/" + emulator.DemoInternalSpaceID
	people := demoOutsiders(t, emulator.DemoInternalSpaceID, 4)
	var items []bulk.Item
	for _, p := range people[:3] {
		items = append(items, bulk.Item{Op: bulk.OpAdd, Space: space, Member: "users/" + p, Kind: chat.KindPerson, Role: chat.RoleMember})
	}
	j, err := jb.Start(items, false)
	if err != nil || j.Counts.Total != 3 {
		t.Fatalf("Start: %+v %v", j, err)
	}
	deadline := time.Now().Add(time.Minute) // generous: three adds at Google's pace take a second
	for {
		p, err := jb.Progress(j.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.State == journal.JobFinished {
			if p.Done != 3 || p.Left != 0 {
				t.Fatalf("finished with %+v", p)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("job not finished: %+v", p)
		}
		time.Sleep(20 * time.Millisecond)
	}
	rows, err := jb.Rows(j.ID)
	if err != nil || len(rows) != 3 || rows[0].State != journal.RowDone || rows[0].Outcome != journal.OutcomeAdded {
		t.Fatalf("Rows: %+v %v", rows, err)
	}
	if uf, err := jb.Unfinished(); err != nil || len(uf) != 0 {
		t.Fatalf("Unfinished: %+v %v", uf, err)
	}
	if rec, err := jb.Recent(); err != nil || len(rec) != 1 || rec[0].ID != j.ID {
		t.Fatalf("Recent: %+v %v", rec, err)
	}
	sawProgress := false
	for len(events) > 0 {
		if <-events == session.JobProgressEvent {
			sawProgress = true
		}
	}
	if !sawProgress {
		t.Fatal("no jobs:progress event")
	}

	// The single actions of the add form and the member list.
	if out, err := mem.Add(space, []string{people[3]}, chat.RoleMember, false); err != nil || out[0].Membership == nil {
		t.Fatalf("Add: %+v %v", out, err)
	}
	list, err := mem.List(space, false)
	if err != nil {
		t.Fatal(err)
	}
	var membership string
	for _, m := range list.Members {
		if m.Email == people[3] {
			membership = m.Name
		}
	}
	if _, err := mem.SetRole(membership, chat.RoleAssistantManager, false); err != nil {
		t.Fatal(err)
	}
	if _, err := mem.Remove(membership, false, false); err != nil {
		t.Fatal(err)
	}
	h, err := hist.Search(journal.Query{Person: people[3]})
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, e := range h {
		ops = append(ops, string(e.Op)+":"+e.Outcome)
		if e.Account.Email != emulator.DemoAdminEmail || e.Account.ID == "" || e.Space != space {
			t.Errorf("entry %+v", e)
		}
	}
	if want := []string{"remove:removed", "set_role:role_set", "add:added"}; !slices.Equal(ops, want) {
		t.Fatalf("history of %s: %v, want %v", people[3], ops, want)
	}
	if _, err := mem.AddApp(space); err != nil {
		t.Fatal(err)
	}
	if h, err := hist.Search(journal.Query{Person: "users/app"}); err != nil || len(h) != 1 || h[0].Outcome != journal.OutcomeAdded {
		t.Fatalf("history of the app: %+v %v", h, err)
	}
	all, err := hist.Search(journal.Query{Space: space})
	if err != nil || len(all) != 7 {
		t.Fatalf("history of the space: %d entries, %v", len(all), err)
	}
	csv, err := hist.ExportRows(journal.Query{Space: space, Op: bulk.OpAdd})
	if err != nil || len(csv) != 6 || csv[0][0] != "time" { // the header, 3 job rows, the add, the app
		t.Fatalf("ExportRows: %q %v", csv, err)
	}

	// Export: the job's rows and the history, as files that open as CSV with a byte-order mark,
	// the names the UI gave, and a formula (a space named by its owner) neutralised.
	evil := "=HYPERLINK(\"http://evil.example\")"
	names := session.ExportNames{Spaces: map[string]string{space: evil}, Problems: map[string]string{"chat.not_found": "{person} is not in {space}."}}
	path, err := jb.Export(j.ID, names)
	if err != nil || path != filepath.Join(saveDir, fmt.Sprintf("chat-members-job-%d.csv", j.ID)) {
		t.Fatalf("Jobs.Export: %q %v", path, err)
	}
	rowsCSV := readCSV(t, path)
	if len(rowsCSV) != 4 || rowsCSV[0][0] != "row" || rowsCSV[0][2] != "space name" || rowsCSV[1][2] != "'"+evil ||
		rowsCSV[1][3] != "users/"+people[0] || rowsCSV[1][7] != journal.OutcomeAdded {
		t.Fatalf("the job's file: %q", rowsCSV)
	}
	path, err = hist.Export(journal.Query{Space: space, Op: bulk.OpAdd}, names)
	if err != nil || !strings.HasPrefix(filepath.Base(path), "chat-members-history-") {
		t.Fatalf("History.Export: %q %v", path, err)
	}
	histCSV := readCSV(t, path)
	if len(histCSV) != 6 || histCSV[0][3] != "space name" || histCSV[1][3] != "'"+evil {
		t.Fatalf("the history's file: %q", histCSV)
	}
}

// readCSV reads an exported file as Excel would: a UTF-8 byte-order mark, then RFC 4180.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(b, []byte("\ufeff"))
	if !ok {
		t.Fatalf("%s has no byte-order mark", path)
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("%s is not CSV: %v", path, err)
	}
	return rows
}
