package session

// Bulk jobs and history for the bound structs: the journal (opened on first use, in the data
// folder), one scheduler for the Cloud project, and the jobs running in this run of the app.
// A job runs on after the call that started it returns; its progress goes to OnJobProgress.

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"chatmembers/backend/adding"
	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/csvexport"
	"chatmembers/backend/jobs"
	"chatmembers/backend/journal"
	"chatmembers/backend/problem"
	"chatmembers/backend/schedule"
)

// JobProgressEvent is the event that carries a jobs.Progress to the UI.
const JobProgressEvent = "jobs:progress"

// jobHost is the session's part for jobs; its own lock, so a job's callbacks never wait for the
// session's.
type jobHost struct {
	mu       sync.Mutex
	db       *journal.DB
	sched    *schedule.Scheduler
	runs     map[int64]*jobs.Run
	ctx      context.Context // ends with Close: runs stop, their jobs stay resumable
	stop     context.CancelFunc
	progress func(jobs.Progress)
}

// OnJobProgress sets who hears every running job's progress (the jobs:progress event).
func (w *Session) OnJobProgress(f func(jobs.Progress)) {
	w.jobs.mu.Lock()
	defer w.jobs.mu.Unlock()
	w.jobs.progress = f
}

// Journal opens the journal on first use: in Options.DataDir, else next to the settings when
// Options.ConfigDir is set (tests keep everything in one temporary folder), else journal.Dir().
func (w *Session) Journal() (*journal.DB, error) {
	h := &w.jobs
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.db != nil {
		return h.db, nil
	}
	dir := w.opts.DataDir
	if dir == "" {
		dir = w.opts.ConfigDir
	}
	if dir == "" {
		d, err := journal.Dir()
		if err != nil {
			return nil, errNoConfigDir.WithDetail(err.Error())
		}
		dir = d
	}
	db, err := journal.Open(filepath.Join(dir, journal.FileName))
	if err != nil {
		return nil, err
	}
	h.db = db
	return db, nil
}

// account is the signed-in account as the journal names it.
func (w *Session) account() (journal.Account, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.auth == nil {
		return journal.Account{}, errNoWorkspace
	}
	acct, ok := w.auth.Account()
	if !ok {
		return journal.Account{}, errNotSignedIn
	}
	id := acct.Subject
	if id == "" {
		id = "email:" + strings.ToLower(acct.Email) // an id token without sub: never seen, but never shared
	}
	return journal.Account{ID: id, Email: acct.Email}, nil
}

// jobDeps are a run's dependencies for the signed-in account, and the context runs live in.
func (w *Session) jobDeps(c *chat.Service) (jobs.Deps, context.Context, error) {
	acct, err := w.account()
	if err != nil {
		return jobs.Deps{}, nil, err
	}
	db, err := w.Journal()
	if err != nil {
		return jobs.Deps{}, nil, err
	}
	sched := w.scheduler()
	h := &w.jobs
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.ctx == nil {
		h.ctx, h.stop = context.WithCancel(context.Background())
	}
	return jobs.Deps{Account: acct, Chat: c, Journal: db, Schedule: sched, OnProgress: w.jobProgress}, h.ctx, nil
}

func (w *Session) jobProgress(p jobs.Progress) {
	w.jobs.mu.Lock()
	f := w.jobs.progress
	w.jobs.mu.Unlock()
	if f != nil {
		f(p)
	}
}

// track keeps a started run until it ends.
func (w *Session) track(r *jobs.Run, err error) (journal.Job, error) {
	if err != nil {
		return journal.Job{}, err
	}
	h := &w.jobs
	h.mu.Lock()
	if h.runs == nil {
		h.runs = map[int64]*jobs.Run{}
	}
	h.runs[r.Job()] = r
	h.mu.Unlock()
	go func() {
		<-r.Done()
		h.mu.Lock()
		if h.runs[r.Job()] == r {
			delete(h.runs, r.Job())
		}
		h.mu.Unlock()
	}()
	db, err := w.Journal()
	if err != nil {
		return journal.Job{}, err
	}
	return db.Job(r.Job())
}

func (w *Session) running(id int64) *jobs.Run {
	w.jobs.mu.Lock()
	defer w.jobs.mu.Unlock()
	return w.jobs.runs[id]
}

// StartJob records a bulk job of items for the signed-in account and starts it; it goes on after
// this returns. admin runs it with administrator access. For session.Call's f.
func (w *Session) StartJob(c *chat.Service, kind journal.JobKind, items []bulk.Item, admin bool) (journal.Job, error) {
	d, ctx, err := w.jobDeps(c)
	if err != nil {
		return journal.Job{}, err
	}
	return w.track(jobs.Start(ctx, d, kind, admin, items))
}

// ResumeJob goes on with an unfinished job of the signed-in account: a paused run resumes, a
// job left by an earlier run of the app (closed, crashed) starts again, its rows in flight
// checked with Google first. Another account's job is refused (journal.other_account).
func (w *Session) ResumeJob(c *chat.Service, id int64) (journal.Job, error) {
	d, ctx, err := w.jobDeps(c)
	if err != nil {
		return journal.Job{}, err
	}
	j, err := d.Journal.Claim(d.Account, id)
	if err != nil {
		return journal.Job{}, err
	}
	if j.Admin && !w.Admin() {
		return journal.Job{}, errAdminOff // it was started with administrator access
	}
	if r := w.running(id); r != nil {
		if err := r.Resume(); err != nil {
			return journal.Job{}, err
		}
		return d.Journal.Job(id)
	}
	return w.track(jobs.Resume(ctx, d, id))
}

// RetryFailed starts a new job of a job's failed rows.
func (w *Session) RetryFailed(c *chat.Service, id int64) (journal.Job, error) {
	d, ctx, err := w.jobDeps(c)
	if err != nil {
		return journal.Job{}, err
	}
	return w.track(jobs.RetryFailed(ctx, d, id))
}

// ownRun is the running job id of the signed-in account.
func (w *Session) ownRun(id int64) (*jobs.Run, error) {
	if _, err := w.ownJob(id); err != nil {
		return nil, err
	}
	r := w.running(id)
	if r == nil {
		return nil, jobs.ErrNotRunning
	}
	return r, nil
}

// ownJob reads a job of the signed-in account (another account's is refused).
func (w *Session) ownJob(id int64) (journal.Job, error) {
	acct, err := w.account()
	if err != nil {
		return journal.Job{}, err
	}
	db, err := w.Journal()
	if err != nil {
		return journal.Job{}, err
	}
	j, err := db.Job(id)
	if err != nil {
		return journal.Job{}, err
	}
	if j.Account.ID != acct.ID {
		return journal.Job{}, journal.OtherAccount(j.Account.Email)
	}
	return j, nil
}

// PauseJob pauses a running job: calls in flight finish and are recorded.
func (w *Session) PauseJob(id int64) (journal.Job, error) {
	r, err := w.ownRun(id)
	if err != nil {
		return journal.Job{}, err
	}
	if err := r.Pause(); err != nil {
		return journal.Job{}, err
	}
	return w.ownJob(id)
}

// CancelJob cancels a job: a running one stops once its calls in flight are recorded; the rows
// never sent are recorded cancelled. An unfinished job not running now is cancelled at once.
func (w *Session) CancelJob(id int64) (journal.Job, error) {
	j, err := w.ownJob(id)
	if err != nil {
		return journal.Job{}, err
	}
	if r := w.running(id); r != nil {
		r.Cancel()
		return r.Wait()
	}
	if !j.Unfinished() {
		return j, nil
	}
	db, _ := w.Journal()
	if err := db.CancelPending(id); err != nil {
		return journal.Job{}, err
	}
	return db.Job(id)
}

// JobProgress is a job's latest progress: a running job's from its run, another's from the
// journal.
func (w *Session) JobProgress(id int64) (jobs.Progress, error) {
	j, err := w.ownJob(id)
	if err != nil {
		return jobs.Progress{}, err
	}
	if r := w.running(id); r != nil {
		return r.Progress(), nil
	}
	c := j.Counts
	return jobs.Progress{Job: id, State: j.State, Done: c.Done, Failed: c.Failed, Left: c.Pending + c.InFlight, Total: c.Total}, nil
}

// JobRows is a job's rows and what became of each (the result table).
func (w *Session) JobRows(id int64) ([]journal.Row, error) {
	if _, err := w.ownJob(id); err != nil {
		return nil, err
	}
	db, _ := w.Journal()
	return db.Rows(id)
}

// UnfinishedJobs are the signed-in account's jobs that can be resumed, newest first: the app
// offers them at start. A job this app is running now (not paused) is left out: there is
// nothing to resume.
func (w *Session) UnfinishedJobs() ([]journal.Job, error) {
	acct, err := w.account()
	if err != nil {
		return nil, err
	}
	db, err := w.Journal()
	if err != nil {
		return nil, err
	}
	all, err := db.Unfinished(acct.ID)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, j := range all {
		if r := w.running(j.ID); r != nil && r.Progress().State == journal.JobRunning {
			continue
		}
		out = append(out, j)
	}
	return out, nil
}

// RecentJobs are the signed-in account's latest jobs, newest first.
func (w *Session) RecentJobs(limit int) ([]journal.Job, error) {
	acct, err := w.account()
	if err != nil {
		return nil, err
	}
	db, err := w.Journal()
	if err != nil {
		return nil, err
	}
	return db.Jobs(acct.ID, limit)
}

// History is the changes recorded on this computer that match q, newest first.
func (w *Session) History(q journal.Query) ([]journal.Entry, error) {
	db, err := w.Journal()
	if err != nil {
		return nil, err
	}
	return db.History(q)
}

// HistoryRows is History as rows for a CSV export, the header first.
func (w *Session) HistoryRows(q journal.Query) ([][]string, error) {
	h, err := w.History(q)
	if err != nil {
		return nil, err
	}
	return journal.CSVRows(h), nil
}

// RecordChange puts a single change (not part of a bulk job) in the history: what was done to
// member in space, and the outcome or err. History must not stop the change it records: a
// failure to write it is logged, not returned.
func (w *Session) RecordChange(op bulk.Op, space, member string, role chat.Role, outcome string, err error) {
	acct, aerr := w.account()
	if aerr != nil {
		return
	}
	db, derr := w.Journal()
	if derr != nil {
		w.log.Warn("history.record", "problem", problem.CodeOf(derr))
		return
	}
	e := journal.Entry{Account: acct, Space: space, Member: member, Op: op, Role: role, Outcome: outcome}
	if err != nil {
		e.Outcome, e.Problem = journal.OutcomeFailed, problem.CodeOf(err)
	}
	if rerr := db.Record(e); rerr != nil {
		w.log.Warn("history.record", "problem", problem.CodeOf(rerr))
	}
}

// stopJobs ends every run of this app (their jobs stay unfinished, to resume) and closes the
// journal.
func (w *Session) stopJobs() {
	h := &w.jobs
	h.mu.Lock()
	stop, runs, db := h.stop, h.runs, h.db
	h.runs, h.db, h.ctx, h.stop = nil, nil, nil, nil
	h.mu.Unlock()
	if stop != nil {
		stop()
	}
	for _, r := range runs {
		<-r.Done()
	}
	if db != nil {
		_ = db.Close()
	}
}

// stopRuns ends the runs when the account leaves (their jobs stay unfinished, for that account
// to resume); calls in flight finish and are recorded. wait waits for them: sign-out does,
// before it revokes the tokens those calls use.
func (w *Session) stopRuns(wait bool) {
	h := &w.jobs
	h.mu.Lock()
	stop, runs := h.stop, h.runs
	h.runs, h.ctx, h.stop = nil, nil, nil
	h.mu.Unlock()
	if stop != nil {
		stop()
	}
	for _, r := range runs {
		if wait {
			<-r.Done()
		}
	}
}

// RecordMemberChange puts a role change or removal of membership ("spaces/…/members/…") in the
// history: m is the member as the call returned them (their address when Google gave it).
func (w *Session) RecordMemberChange(op bulk.Op, membership string, role chat.Role, m chat.Member, err error) {
	space, _, _ := strings.Cut(membership, "/members/")
	member := m.MemberName
	switch {
	case m.Email != "":
		member = "users/" + m.Email
	case member == "":
		_, id, _ := strings.Cut(membership, "/members/")
		member = "users/" + id
	}
	outcome := journal.OutcomeRemoved
	if op == bulk.OpSetRole {
		outcome = journal.OutcomeRoleSet
	}
	w.RecordChange(op, space, member, role, outcome, err)
}

// RecordAdds puts each entry of an add (the add form's people and groups) in the history.
func (w *Session) RecordAdds(space string, role chat.Role, out []adding.Outcome) {
	for _, o := range out {
		member := o.Entry
		if o.Membership != nil && o.Kind == chat.KindGroup && o.Membership.MemberName != "" {
			member = o.Membership.MemberName
		} else if !strings.HasPrefix(member, "users/") && !strings.HasPrefix(member, "groups/") {
			member = "users/" + member
		}
		var err error
		outcome := journal.OutcomeAdded
		switch {
		case o.Membership == nil && o.Problem != nil:
			err = o.Problem
		case o.Membership == nil:
			continue
		case o.Membership.AlreadyMember:
			outcome = journal.OutcomeAlreadyMember
		case o.Membership.State == chat.StateInvited:
			outcome = journal.OutcomeInvited
		}
		w.RecordChange(bulk.OpAdd, space, member, role, outcome, err)
	}
}

// AppOutcome is the add of the Chat app (Members.AddApp) as an add form's outcome, for
// RecordAdds.
func AppOutcome(m chat.Membership, err error) adding.Outcome {
	o := adding.Outcome{Entry: "users/app", Kind: chat.KindApp}
	if err != nil {
		o.Problem = problem.Internal(err) // a problem as it is; anything else as internal
		return o
	}
	o.Membership = &m
	return o
}

// ExportNames are what the UI shows for what the journal keeps as identifiers, so that an
// exported file reads as the screen does: each space's display name by resource name, and each
// problem's sentence (in the UI's language) by code, where {person} and {space} stand for the
// row's person and space. Missing names leave the cell empty.
type ExportNames struct {
	Spaces   map[string]string `json:"spaces"`
	Problems map[string]string `json:"problems"`
}

// ExportJob writes a job of the signed-in account, its rows as the result table shows them, to
// a CSV file at path (csvexport: UTF-8 with BOM, RFC 4180, formulas neutralised).
func (w *Session) ExportJob(id int64, path string, names ExportNames) error {
	rows, err := w.JobRows(id)
	if err != nil {
		return err
	}
	return writeCSV(path, names.add(journal.RowsCSV(rows), 1, 7))
}

// ExportHistory writes the changes that match q to a CSV file at path.
func (w *Session) ExportHistory(q journal.Query, path string, names ExportNames) error {
	h, err := w.History(q)
	if err != nil {
		return err
	}
	return writeCSV(path, names.add(journal.CSVRows(h), 2, 7))
}

// add puts a "space name" column after the space's column and a "problem text" column after
// the problem's (indexes in the rows as the journal makes them, the header first).
func (n ExportNames) add(rows [][]string, spaceCol, problemCol int) [][]string {
	for i, r := range rows {
		spaceName, problemText := "space name", "problem text"
		if i > 0 {
			spaceName, problemText = n.Spaces[r[spaceCol]], n.Problems[r[problemCol]]
			space := spaceName
			if space == "" {
				space = r[spaceCol]
			}
			problemText = strings.NewReplacer("{person}", strings.TrimPrefix(r[spaceCol+1], "users/"), "{space}", space).Replace(problemText)
		}
		out := make([]string, 0, len(r)+2)
		out = append(out, r[:spaceCol+1]...)
		out = append(out, spaceName)
		out = append(out, r[spaceCol+1:problemCol+1]...)
		out = append(out, problemText)
		out = append(out, r[problemCol+1:]...)
		rows[i] = out
	}
	return rows
}

func writeCSV(path string, rows [][]string) error {
	if err := csvexport.WriteFile(path, ',', rows); err != nil {
		return errExportFailed.With("path", path).WithDetail(err.Error())
	}
	return nil
}

// ExportFileName is the name a save dialog proposes for an export: "chat-members-job-7.csv",
// "chat-members-history-2026-12-03.csv".
func ExportFileName(what string, id int64, now time.Time) string {
	if what == "job" {
		return fmt.Sprintf("chat-members-job-%d.csv", id)
	}
	return "chat-members-history-" + now.Format("2006-01-02") + ".csv"
}

// ExportDialogTitle is the save dialog's title in the UI's language.
func ExportDialogTitle(lang string) string {
	if lang == "ru" {
		return "Сохранить таблицу CSV"
	}
	return "Save as a CSV table"
}
