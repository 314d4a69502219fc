package jobs

import (
	"context"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/journal"
	"chatmembers/backend/problem"
)

func openJournal(t testing.TB) *journal.DB {
	t.Helper()
	db, err := journal.Open(filepath.Join(t.TempDir(), journal.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// 300 adds under 20 % injected faults (429, 5xx, resets before handling): every row done, each
// person created once, nothing sent twice, progress ends at 300 done and 0 left.
func TestAJobUnderFaultsAddsEveryRowExactlyOnce(t *testing.T) {
	w := newWorld(t, 3, 110, emulator.Faults{Rate: 0.2, Seed: 7, Kinds: beforeFaults})
	items := w.items(300)
	db := openJournal(t)
	d := w.deps(t, db)
	var mu sync.Mutex
	var events []Progress
	d.OnProgress = func(p Progress) { mu.Lock(); events = append(events, p); mu.Unlock() }
	r, err := Start(context.Background(), d, journal.KindBulkAdd, false, items)
	if err != nil {
		t.Fatal(err)
	}
	j, err := r.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if j.State != journal.JobFinished || j.Counts.Done != len(items) {
		t.Fatalf("job %+v", j)
	}
	w.checkExactlyOnce(t, db, j.ID, items)
	if w.srv.Stats().FaultsInjected == 0 {
		t.Fatal("no faults were injected")
	}
	if p := r.Progress(); p.Done != len(items) || p.Left != 0 || p.State != journal.JobFinished {
		t.Fatalf("last progress %+v", p)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(events) < len(items) {
		t.Fatalf("%d progress events for %d rows", len(events), len(items))
	}
	if last := events[len(events)-1]; last.State != journal.JobFinished || last.Done != len(items) || last.Left != 0 {
		t.Fatalf("last progress event %+v", last)
	}
	if first := events[0]; first.WritesPerMinute != 300 {
		t.Fatalf("progress names a write quota of %d a minute, want Google's 300", first.WritesPerMinute)
	}
	h, _ := db.History(journal.Query{Op: bulk.OpAdd, Limit: 1000})
	if len(h) != len(items) || h[0].Account != admin || h[0].Job != j.ID {
		t.Fatalf("history has %d entries (first %+v), want %d", len(h), h[0], len(items))
	}
}

// A row left in flight whose membership exists is done without a second create; one whose
// membership does not exist is sent.
func TestResumeChecksRowsLeftInFlightWithGoogleFirst(t *testing.T) {
	w := newWorld(t, 1, 10, emulator.Faults{})
	items := w.items(4)
	db := openJournal(t)
	j, err := db.CreateJob(admin, journal.KindBulkAdd, false, items)
	if err != nil {
		t.Fatal(err)
	}
	// The crashed run: row 0 was sent and carried out, its answer lost; row 1 was recorded in
	// flight but never reached Google.
	svc := chatService(t, w.url, w.token(t))
	if _, err := svc.AddMember(context.Background(), items[0].Space, items[0].Member, chat.RoleMember); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 1} {
		if err := db.Sending(j.ID, i); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Resume(context.Background(), w.deps(t, db), j.ID)
	if err != nil {
		t.Fatal(err)
	}
	if j, err = r.Wait(); err != nil || j.State != journal.JobFinished {
		t.Fatalf("job %+v, %v", j, err)
	}
	w.checkExactlyOnce(t, db, j.ID, items)
	rows, _ := db.Rows(j.ID)
	if rows[0].Attempts != 1 || rows[1].Attempts != 2 || rows[0].Outcome != journal.OutcomeAdded {
		t.Fatalf("rows after resume: %+v", rows[:2])
	}
}

func TestResumeUnderAnotherAccountIsRefused(t *testing.T) {
	w := newWorld(t, 1, 10, emulator.Faults{})
	db := openJournal(t)
	j, err := db.CreateJob(admin, journal.KindBulkAdd, false, w.items(3))
	if err != nil {
		t.Fatal(err)
	}
	d := w.deps(t, db)
	d.Account = journal.Account{ID: "sub-other", Email: "other@example.com"}
	if _, err := Resume(context.Background(), d, j.ID); problem.CodeOf(err) != "journal.other_account" {
		t.Fatalf("resume as another account: %v", err)
	}
	if uf, _ := Unfinished(d); len(uf) != 0 {
		t.Fatalf("the other account is offered %d jobs", len(uf))
	}
	if uf, _ := Unfinished(w.deps(t, db)); len(uf) != 1 || uf[0].ID != j.ID {
		t.Fatalf("the owner is offered %+v", uf)
	}
	if w.creates.posts != 0 {
		t.Fatalf("%d creates sent", w.creates.posts)
	}
}

// Paused after the fifth call, then cancelled: calls in flight finish and are recorded, rows
// never sent are cancelled, and the job cannot be resumed.
func TestPauseThenCancelRecordsUnsentRowsCancelled(t *testing.T) {
	w := newWorld(t, 2, 60, emulator.Faults{})
	items := w.items(100)
	db := openJournal(t)
	d := w.deps(t, db)
	var sent atomic.Int32
	var rp atomic.Pointer[Run]
	var startMu sync.Mutex
	paused := make(chan struct{})
	var once sync.Once
	var pausedStates, failedShown atomic.Int32
	d.OnProgress = func(p Progress) {
		if p.State == journal.JobPaused {
			pausedStates.Add(1)
		}
		if p.Failed > 0 {
			failedShown.Add(1) // nothing failed: rows not sent at the cancel are not failures
		}
	}
	d.BeforeSend = func(int64, int) {
		if sent.Add(1) == 5 {
			once.Do(func() { go func() { startMu.Lock(); startMu.Unlock(); _ = rp.Load().Pause(); close(paused) }() })
		}
	}
	// The hook runs in the run's goroutines: it waits for Start to hand over the run.
	startMu.Lock()
	r, err := Start(context.Background(), d, journal.KindBulkAdd, false, items)
	if err != nil {
		t.Fatal(err)
	}
	rp.Store(r)
	startMu.Unlock()
	<-paused
	if j, _ := db.Job(r.Job()); j.State != journal.JobPaused {
		t.Fatalf("job recorded %s while paused", j.State)
	}
	r.Cancel()
	j, err := r.Wait()
	if err != nil {
		t.Fatal(err)
	}
	c := j.Counts
	if j.State != journal.JobCancelled || c.Done+c.Cancelled != len(items) || c.InFlight != 0 || c.Pending != 0 {
		t.Fatalf("job after cancel: %+v", j)
	}
	if c.Done != int(sent.Load()) || c.Done < 5 || c.Done > 5+fastLimits().Concurrency {
		t.Fatalf("%d rows done, %d sent: want the 5 before the pause and those in flight", c.Done, sent.Load())
	}
	if pausedStates.Load() == 0 {
		t.Fatal("no progress event said paused")
	}
	if n := failedShown.Load(); n != 0 {
		t.Fatalf("%d progress events showed failed rows; none failed", n)
	}
	if _, err := Resume(context.Background(), d, j.ID); problem.CodeOf(err) != "journal.job_over" {
		t.Fatalf("resume of a cancelled job: %v", err)
	}
}

func TestPausedRunGoesOnAfterResume(t *testing.T) {
	w := newWorld(t, 2, 40, emulator.Faults{})
	items := w.items(60)
	db := openJournal(t)
	d := w.deps(t, db)
	var sent atomic.Int32
	var rp atomic.Pointer[Run]
	var startMu sync.Mutex
	paused := make(chan struct{})
	d.BeforeSend = func(int64, int) {
		if sent.Add(1) == 10 {
			go func() { startMu.Lock(); startMu.Unlock(); _ = rp.Load().Pause(); close(paused) }()
		}
	}
	// The hook runs in the run's goroutines: it waits for Start to hand over the run.
	startMu.Lock()
	r, err := Start(context.Background(), d, journal.KindBulkAdd, false, items)
	if err != nil {
		t.Fatal(err)
	}
	rp.Store(r)
	startMu.Unlock()
	<-paused
	if err := r.Resume(); err != nil {
		t.Fatal(err)
	}
	j, err := r.Wait()
	if err != nil || j.State != journal.JobFinished || j.Counts.Done != len(items) {
		t.Fatalf("job %+v, %v", j, err)
	}
	w.checkExactlyOnce(t, db, j.ID, items)
}

func TestRetryFailedRunsOnlyTheFailedRowsAgain(t *testing.T) {
	w := newWorld(t, 1, 10, emulator.Faults{})
	items := append(w.items(3),
		bulk.Item{Op: bulk.OpAdd, Space: w.items(1)[0].Space, Member: "users/nobody@example.com", Kind: chat.KindPerson, Role: chat.RoleMember})
	db := openJournal(t)
	d := w.deps(t, db)
	r, err := Start(context.Background(), d, journal.KindBulkAdd, false, items)
	if err != nil {
		t.Fatal(err)
	}
	j, err := r.Wait()
	if err != nil || j.Counts.Done != 3 || j.Counts.Failed != 1 {
		t.Fatalf("first run %+v, %v", j, err)
	}
	rows, _ := db.RowsIn(j.ID, journal.RowFailed)
	if rows[0].Problem != chat.CodePersonNotFound {
		t.Fatalf("failed row %+v", rows[0])
	}
	r2, err := RetryFailed(context.Background(), d, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	j2, _ := r2.Wait()
	if j2.RetryOf != j.ID || j2.Counts.Total != 1 || j2.Counts.Failed != 1 {
		t.Fatalf("retry job %+v", j2)
	}
	if got := w.creates.posts; got != 5 {
		t.Fatalf("%d creates sent, want 3 + 1 + 1 retried", got)
	}
}
