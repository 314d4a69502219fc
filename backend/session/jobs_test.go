package session

import (
	"context"
	"testing"
	"time"

	"chatmembers/backend/auth"
	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/jobs"
	"chatmembers/backend/journal"
	"chatmembers/backend/schedule"
)

func startJob(w *Session, items []bulk.Item) (journal.Job, error) {
	return Call(context.Background(), w, Action{Name: "jobs.start"},
		func(_ context.Context, c *chat.Service) (journal.Job, error) {
			return w.StartJob(c, journal.KindBulkAdd, items, false)
		})
}

func resumeJob(w *Session, id int64) (journal.Job, error) {
	return Call(context.Background(), w, Action{Name: "jobs.resume"},
		func(_ context.Context, c *chat.Service) (journal.Job, error) { return w.ResumeJob(c, id) })
}

// signedInDemo is a demo session signed in as the admin, its journal in dir, its jobs at limits.
func signedInDemo(t *testing.T, dir string, limits schedule.Limits) *Session {
	t.Helper()
	w := New(Options{LiveAllowed: true, ConfigDir: dir, Store: auth.NewMemoryStore(), SignInTimeout: 20 * time.Second, JobLimits: &limits})
	t.Cleanup(w.Close)
	w.SetBrowser((&userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}).open, func(string) {})
	if _, err := w.UseDemo(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	return w
}

// The app closed mid-job: the next run offers the job to the same account and finishes it.
func TestAJobStoppedByClosingTheAppIsOfferedAndResumedNextTime(t *testing.T) {
	dir := t.TempDir()
	d := emulator.DemoData()
	in := map[string]bool{}
	for _, m := range d.Memberships {
		if m.SpaceID == emulator.DemoInternalSpaceID {
			in[m.UserID] = true
		}
	}
	var items []bulk.Item
	for _, u := range d.Users {
		if !in[u.ID] && !u.External && len(items) < 4 {
			items = append(items, bulk.Item{Op: bulk.OpAdd, Space: "spaces/" + emulator.DemoInternalSpaceID,
				Member: "users/" + u.Email, Kind: chat.KindPerson, Role: chat.RoleMember})
		}
	}
	// One write every 2 s: the first row goes at once, the rest wait while the app closes.
	slow := schedule.Limits{WritesPerMinute: 30, ReadsPerMinute: 3000, SpaceReadsPerSecond: 15, Concurrency: 1, TimeScale: 1}
	w1 := signedInDemo(t, dir, slow)
	first := make(chan struct{}, 16)
	w1.OnJobProgress(func(p jobs.Progress) {
		if p.Done >= 1 {
			first <- struct{}{}
		}
	})
	j, err := startJob(w1, items)
	if err != nil {
		t.Fatal(err)
	}
	<-first
	w1.Close()

	w2 := signedInDemo(t, dir, schedule.Google())
	uf, err := w2.UnfinishedJobs()
	if err != nil || len(uf) != 1 || uf[0].ID != j.ID || uf[0].Counts.Done < 1 || uf[0].Counts.Pending < 1 {
		t.Fatalf("offered after restart: %+v %v", uf, err)
	}
	done := make(chan jobs.Progress, 64)
	w2.OnJobProgress(func(p jobs.Progress) {
		if p.State == journal.JobFinished {
			done <- p
		}
	})
	if _, err := resumeJob(w2, j.ID); err != nil {
		t.Fatal(err)
	}
	select {
	case p := <-done:
		if p.Done != len(items) {
			t.Fatalf("finished with %+v", p)
		}
	case <-time.After(time.Minute): // generous: the rows left take about a second
		t.Fatal("the resumed job did not finish")
	}
	if uf, _ := w2.UnfinishedJobs(); len(uf) != 0 {
		t.Fatalf("still offered: %+v", uf)
	}
}

// A job started with administrator access resumes only in administrator mode: nothing uses
// that access unasked.
func TestAnAdministratorJobResumesOnlyInAdministratorMode(t *testing.T) {
	w := signedInDemo(t, t.TempDir(), schedule.Google())
	acct, err := w.account()
	if err != nil {
		t.Fatal(err)
	}
	db, err := w.Journal()
	if err != nil {
		t.Fatal(err)
	}
	j, err := db.CreateJob(acct, journal.KindBulkAdd, true, []bulk.Item{{Op: bulk.OpAdd,
		Space: "spaces/" + emulator.DemoNotMemberSpaceID, Member: "users/" + emulator.DemoJoinerEmail, Kind: chat.KindPerson, Role: chat.RoleMember}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = resumeJob(w, j.ID)
	wantProblem(t, err, "workspace.admin_off")
	if rows, _ := db.Rows(j.ID); rows[0].State != journal.RowPending || rows[0].Attempts != 0 {
		t.Fatalf("row after the refusal: %+v", rows[0])
	}
}

// A job runs as the account that started it: adding another account (which makes it the
// active one) stops the run, and the job is offered to its owner again, not to the other.
func TestAddingAnotherAccountStopsTheRunsOfTheFirst(t *testing.T) {
	dir := t.TempDir()
	d := emulator.DemoData()
	var items []bulk.Item
	for _, u := range d.Users {
		if !u.External && len(items) < 6 {
			items = append(items, bulk.Item{Op: bulk.OpAdd, Space: "spaces/" + emulator.DemoInternalSpaceID,
				Member: "users/" + u.Email, Kind: chat.KindPerson, Role: chat.RoleMember})
		}
	}
	// One write every 2 s: the job is still running when the second account comes.
	slow := schedule.Limits{WritesPerMinute: 30, ReadsPerMinute: 3000, SpaceReadsPerSecond: 15, Concurrency: 1, TimeScale: 1}
	w := New(Options{LiveAllowed: true, ConfigDir: dir, Store: auth.NewMemoryStore(), SignInTimeout: 20 * time.Second, JobLimits: &slow})
	t.Cleanup(w.Close)
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	w.SetBrowser(b.open, func(string) {})
	if _, err := w.UseDemo(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	j, err := startJob(w, items)
	if err != nil {
		t.Fatal(err)
	}
	b.account = emulator.DemoSecondAdminEmail
	if _, err := w.AddAccount(context.Background()); err != nil {
		t.Fatal(err)
	}
	p, err := w.JobProgress(j.ID)
	if err == nil && p.State == journal.JobRunning {
		t.Fatalf("the first account's job still runs after switching: %+v", p)
	}
	if uf, _ := w.UnfinishedJobs(); len(uf) != 0 {
		t.Fatalf("the other account is offered the first one's job: %+v", uf)
	}
	st := w.Status()
	if _, err := w.SwitchAccount(idOf(t, st, emulator.DemoAdminEmail)); err != nil {
		t.Fatal(err)
	}
	if uf, _ := w.UnfinishedJobs(); len(uf) != 1 || uf[0].ID != j.ID {
		t.Fatalf("its owner is not offered the job: %+v", uf)
	}
}
