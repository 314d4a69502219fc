package journal

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/problem"
)

var alice = Account{ID: "111", Email: "alice@example.com"}

func items(n int) []bulk.Item {
	out := make([]bulk.Item, n)
	for i := range out {
		out[i] = bulk.Item{Op: bulk.OpAdd, Space: "spaces/AAA", Member: "users/p" + string(rune('a'+i)) + "@example.com",
			Kind: chat.KindPerson, Role: chat.RoleMember}
	}
	return out
}

func openTemp(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", FileName)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d, path
}

// A database made by the first schema version, with a job, rows and history in it, opens with
// the current code: migrated to the newest version, nothing lost, and usable.
func TestOpenMigratesAVersion1DatabaseKeepingItsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	old, err := open(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := old.Version(); v != 1 {
		t.Fatalf("old database at version %d, want 1", v)
	}
	// Version 1 has no retry_of: write as the version-1 app did, with plain SQL.
	if _, err := old.db.Exec(`INSERT INTO jobs (id, account_id, account_email, kind, admin, created, state)
		VALUES (7, '111', 'alice@example.com', 'bulk_add', 0, 1700000000000, 'running')`); err != nil {
		t.Fatal(err)
	}
	for i, st := range []string{"done", "in_flight", "pending"} {
		if _, err := old.db.Exec(`INSERT INTO rows (job, idx, op, space, member, member_kind, role, state, attempts)
			VALUES (7, ?, 'add', 'spaces/AAA', ?, 'person', 'ROLE_MEMBER', ?, 1)`, i, "users/p"+string(rune('a'+i))+"@example.com", st); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := old.db.Exec(`INSERT INTO history (at, account_id, account_email, space, member, op, role, outcome, problem, job)
		VALUES (1700000000000, '111', 'alice@example.com', 'spaces/AAA', 'users/pa@example.com', 'add', 'ROLE_MEMBER', 'added', '', 7)`); err != nil {
		t.Fatal(err)
	}
	old.Close()

	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if v, _ := d.Version(); v != len(migrations) {
		t.Fatalf("version %d after open, want %d", v, len(migrations))
	}
	j, err := d.Job(7)
	if err != nil {
		t.Fatal(err)
	}
	if j.Account != alice || j.State != JobRunning || j.RetryOf != 0 || j.Counts.Total != 3 || j.Counts.InFlight != 1 {
		t.Fatalf("job after migration: %+v", j)
	}
	rows, err := d.Rows(7)
	if err != nil {
		t.Fatal(err)
	}
	var states []RowState
	for _, r := range rows {
		states = append(states, r.State)
	}
	if !slices.Equal(states, []RowState{RowDone, RowInFlight, RowPending}) {
		t.Fatalf("row states after migration: %v", states)
	}
	h, err := d.History(Query{})
	if err != nil || len(h) != 1 || h[0].Member != "users/pa@example.com" || h[0].Job != 7 {
		t.Fatalf("history after migration: %+v, %v", h, err)
	}
	// The new column works on the old data.
	if _, err := d.RetryFailed(alice, 7); err != nil {
		t.Fatal(err)
	}
	if uf, _ := d.Unfinished(alice.ID); len(uf) != 2 {
		t.Fatalf("unfinished after retry: %d jobs, want 2", len(uf))
	}
}

func TestOpenRefusesADatabaseFromANewerApp(t *testing.T) {
	d, path := openTemp(t)
	if _, err := d.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if _, err := Open(path); problem.CodeOf(err) != "journal.too_new" {
		t.Fatalf("err %v, want journal.too_new", err)
	}
}

func TestOpenUsesWALAndFullSync(t *testing.T) {
	d, _ := openTemp(t)
	var mode string
	var sync, busy int
	if err := d.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if err := d.db.QueryRow("PRAGMA synchronous").Scan(&sync); err != nil {
		t.Fatal(err)
	}
	if err := d.db.QueryRow("PRAGMA busy_timeout").Scan(&busy); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" || sync != 2 || busy != int(BusyTimeout.Milliseconds()) {
		t.Fatalf("journal_mode %s, synchronous %d, busy_timeout %d; want wal, 2 (FULL), %d", mode, sync, busy, BusyTimeout.Milliseconds())
	}
}

func TestARowGoesPendingInFlightDoneAndIntoHistory(t *testing.T) {
	d, _ := openTemp(t)
	j, err := d.CreateJob(alice, KindBulkAdd, false, items(3))
	if err != nil {
		t.Fatal(err)
	}
	if j.Counts.Pending != 3 || j.State != JobRunning {
		t.Fatalf("new job %+v", j)
	}
	if err := d.Sending(j.ID, 1); err != nil {
		t.Fatal(err)
	}
	if j, _ = d.Job(j.ID); j.Counts.InFlight != 1 {
		t.Fatalf("after Sending: %+v", j.Counts)
	}
	if err := d.Finish(j.ID, 1, Result{Outcome: OutcomeAdded, Membership: "spaces/AAA/members/1"}); err != nil {
		t.Fatal(err)
	}
	if err := d.Sending(j.ID, 2); err != nil {
		t.Fatal(err)
	}
	if err := d.Finish(j.ID, 2, Result{Problem: "chat.external"}); err != nil {
		t.Fatal(err)
	}
	rows, _ := d.Rows(j.ID)
	if rows[1].State != RowDone || rows[1].Attempts != 1 || rows[1].Membership != "spaces/AAA/members/1" || rows[1].Finished.IsZero() {
		t.Fatalf("row 1: %+v", rows[1])
	}
	if rows[2].State != RowFailed || rows[2].Problem != "chat.external" {
		t.Fatalf("row 2: %+v", rows[2])
	}
	if err := d.CancelPending(j.ID); err != nil {
		t.Fatal(err)
	}
	if j, _ = d.Job(j.ID); j.State != JobCancelled || j.Counts.Cancelled != 1 || j.Counts.Done != 1 || j.Counts.Failed != 1 {
		t.Fatalf("after cancel: %+v", j)
	}
	h, _ := d.History(Query{})
	if len(h) != 2 || h[0].Outcome != OutcomeFailed || h[0].Problem != "chat.external" || h[1].Outcome != OutcomeAdded || h[1].Account != alice {
		t.Fatalf("history: %+v", h)
	}
	r, err := d.RetryFailed(alice, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.RetryOf != j.ID || r.Counts.Pending != 1 {
		t.Fatalf("retry job: %+v", r)
	}
	if rr, _ := d.Rows(r.ID); rr[0].Item != items(3)[2] {
		t.Fatalf("retry row: %+v", rr[0])
	}
}

// Jobs belong to the account that started them.
func TestClaimRefusesAJobOfAnotherAccount(t *testing.T) {
	d, _ := openTemp(t)
	j, err := d.CreateJob(alice, KindBulkAdd, false, items(2))
	if err != nil {
		t.Fatal(err)
	}
	bob := Account{ID: "222", Email: "bob@example.com"}
	_, err = d.Claim(bob, j.ID)
	p, ok := problem.As(err)
	if !ok || p.Code != "journal.other_account" || p.Params["owner"] != alice.Email {
		t.Fatalf("claim by bob: %v", err)
	}
	if _, err := d.RetryFailed(bob, j.ID); problem.CodeOf(err) != "journal.other_account" {
		t.Fatalf("retry by bob: %v", err)
	}
	if uf, _ := d.Unfinished(bob.ID); len(uf) != 0 {
		t.Fatalf("bob sees %d unfinished jobs", len(uf))
	}
	// Same address, other account id (a deleted and re-created account): still refused.
	if _, err := d.Claim(Account{ID: "333", Email: alice.Email}, j.ID); problem.CodeOf(err) != "journal.other_account" {
		t.Fatalf("claim by a new account with alice's address: %v", err)
	}
	if _, err := d.Claim(alice, j.ID); err != nil {
		t.Fatal(err)
	}
	_ = d.SetState(j.ID, JobFinished)
	if _, err := d.Claim(alice, j.ID); problem.CodeOf(err) != "journal.job_over" {
		t.Fatalf("claim of a finished job: %v", err)
	}
	if _, err := d.Claim(alice, 999); problem.CodeOf(err) != "journal.no_job" {
		t.Fatalf("claim of no job: %v", err)
	}
}

func TestHistoryFilters(t *testing.T) {
	d, _ := openTemp(t)
	bob := Account{ID: "222", Email: "bob@example.com"}
	t0 := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	for i, e := range []Entry{
		{At: t0, Account: alice, Space: "spaces/AAA", Member: "users/Ann@example.com", Op: bulk.OpAdd, Role: chat.RoleMember, Outcome: OutcomeAdded},
		{At: t0.Add(time.Hour), Account: alice, Space: "spaces/BBB", Member: "users/ben@example.com", Op: bulk.OpRemove, Outcome: OutcomeRemoved},
		{At: t0.Add(2 * time.Hour), Account: bob, Space: "spaces/AAA", Member: "users/carl@example.com", Op: bulk.OpSetRole, Role: chat.RoleOwner, Problem: "chat.permission_denied"},
		{At: t0.Add(3 * time.Hour), Account: bob, Space: "spaces/AAA", Member: "users/a_n%n@example.com", Op: bulk.OpAdd, Outcome: OutcomeInvited},
	} {
		if err := d.Record(e); err != nil {
			t.Fatal(i, err)
		}
	}
	members := func(q Query) []string {
		t.Helper()
		h, err := d.History(q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range h {
			out = append(out, e.Member)
		}
		return out
	}
	for name, c := range map[string]struct {
		q    Query
		want []string
	}{
		"all, newest first":             {Query{}, []string{"users/a_n%n@example.com", "users/carl@example.com", "users/ben@example.com", "users/Ann@example.com"}},
		"space":                         {Query{Space: "spaces/BBB"}, []string{"users/ben@example.com"}},
		"person, any case":              {Query{Person: "ANN"}, []string{"users/Ann@example.com"}},
		"person, wildcards are literal": {Query{Person: "_n%"}, []string{"users/a_n%n@example.com"}},
		"op":                            {Query{Op: bulk.OpSetRole}, []string{"users/carl@example.com"}},
		"outcome failed":                {Query{Outcome: OutcomeFailed}, []string{"users/carl@example.com"}},
		"account":                       {Query{AccountID: alice.ID}, []string{"users/ben@example.com", "users/Ann@example.com"}},
		"account by address, any case":  {Query{AccountEmail: "BOB@example.com"}, []string{"users/a_n%n@example.com", "users/carl@example.com"}},
		"date range":                    {Query{From: t0.Add(time.Hour), To: t0.Add(3 * time.Hour)}, []string{"users/carl@example.com", "users/ben@example.com"}},
		"limit":                         {Query{Limit: 1}, []string{"users/a_n%n@example.com"}},
		"combined":                      {Query{Space: "spaces/AAA", AccountID: bob.ID, Op: bulk.OpAdd}, []string{"users/a_n%n@example.com"}},
	} {
		if got := members(c.q); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", name, got, c.want)
		}
	}
}

func TestCSVRowsHaveAHeaderAndOneRowPerEntry(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("x", 3600))
	rows := CSVRows([]Entry{
		{At: at, Account: alice, Space: "spaces/AAA", Member: "users/=cmd@example.com", Op: bulk.OpAdd, Role: chat.RoleOwner, Outcome: OutcomeAdded, Job: 4},
		{At: at, Account: alice, Space: "spaces/AAA", Member: "users/x@example.com", Op: bulk.OpRemove, Outcome: OutcomeFailed, Problem: "chat.permission_denied"},
	})
	want := [][]string{
		{"time", "account", "space", "member", "operation", "role", "outcome", "problem", "job"},
		{"2026-01-02T02:04:05Z", "alice@example.com", "spaces/AAA", "users/=cmd@example.com", "add", "ROLE_MANAGER", "added", "", "4"},
		{"2026-01-02T02:04:05Z", "alice@example.com", "spaces/AAA", "users/x@example.com", "remove", "", "failed", "chat.permission_denied", ""},
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Fatalf("got %q", rows)
	}
}

func TestDirFollowsXDGDataHome(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/tmp/data")
	if d, err := Dir(); err != nil || d != filepath.Join("/tmp/data", "chat-members") {
		t.Fatalf("Dir() = %q, %v", d, err)
	}
	t.Setenv("XDG_DATA_HOME", "relative") // not absolute: ignored, as the spec says
	if d, err := Dir(); err != nil || d == filepath.Join("relative", "chat-members") {
		t.Fatalf("Dir() = %q, %v", d, err)
	}
}
