// Package jobs runs a bulk job: its rows (bulk.Items) through the scheduler at Google's pace,
// each recorded in the journal before its call is sent and after its answer, so that a job
// survives a crash and is resumed without adding anyone twice. A row found in flight when a job
// is resumed (the app died between sending and recording) is first checked against Google with
// a membership read: done if the change is there, else sent again.
package jobs

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/journal"
	"chatmembers/backend/problem"
	"chatmembers/backend/schedule"
)

// Deps are what a run needs: the signed-in account (jobs belong to it), its Chat service, the
// journal, and the project's scheduler.
type Deps struct {
	Account  journal.Account
	Chat     *chat.Service
	Journal  *journal.DB
	Schedule *schedule.Scheduler
	// OnProgress hears every change of a run's counts; it must not block.
	OnProgress func(Progress)
	// BeforeSend, for tests only, is called after a row is recorded in flight and before its
	// call is sent.
	BeforeSend func(job int64, idx int)
}

// Progress is what a person sees of a running job.
type Progress struct {
	Job    int64            `json:"job"`
	State  journal.JobState `json:"state"`
	Done   int              `json:"done"`
	Failed int              `json:"failed"`
	// Left is rows not yet done or failed (pending or in flight).
	Left  int `json:"left"`
	Total int `json:"total"`
	// PerMinute is the rate of the last minute, from the scheduler.
	PerMinute float64 `json:"perMinute"`
	// SecondsLeft is the time left at the rate the quota allows (schedule.Progress.TimeLeft).
	SecondsLeft float64 `json:"secondsLeft"`
	// WritesPerMinute is the write quota the time left is worked out from (Google's 300 a
	// minute, or the lower figure set for a shared project), so the UI can say where the time
	// left comes from.
	WritesPerMinute int `json:"writesPerMinute"`
}

// Run is one job running. Its methods are safe for concurrent use.
type Run struct {
	d      Deps
	job    journal.Job
	cancel context.CancelFunc
	done   chan struct{}
	err    error

	mu       sync.Mutex
	paused   bool
	unpause  chan struct{} // closed on Resume
	stopping bool          // Cancel was called
	ended    bool          // last is the journal's final word
	last     Progress
	// recorded and failed count the rows this run recorded.
	recorded, failed atomic.Int32
}

// Start records a new job of items for d.Account and runs it. ctx bounds the run (its end is a
// cancel).
func Start(ctx context.Context, d Deps, kind journal.JobKind, admin bool, items []bulk.Item) (*Run, error) {
	if len(items) == 0 {
		return nil, errNoRows
	}
	j, err := d.Journal.CreateJob(d.Account, kind, admin, items)
	if err != nil {
		return nil, err
	}
	return run(ctx, d, j), nil
}

// Resume runs an unfinished job of d.Account again: refused for another account's job. Rows
// left in flight are first checked against Google.
func Resume(ctx context.Context, d Deps, job int64) (*Run, error) {
	j, err := d.Journal.Claim(d.Account, job)
	if err != nil {
		return nil, err
	}
	if j.State != journal.JobRunning {
		if err := d.Journal.SetState(job, journal.JobRunning); err != nil {
			return nil, err
		}
		j.State = journal.JobRunning
	}
	return run(ctx, d, j), nil
}

// RetryFailed makes a new job of job's failed rows and runs it.
func RetryFailed(ctx context.Context, d Deps, job int64) (*Run, error) {
	j, err := d.Journal.RetryFailed(d.Account, job)
	if err != nil {
		return nil, err
	}
	if j.Counts.Total == 0 {
		_ = d.Journal.SetState(j.ID, journal.JobFinished)
		return nil, errNoRows
	}
	return run(ctx, d, j), nil
}

// Unfinished lists d.Account's jobs that can be resumed, newest first.
func Unfinished(d Deps) ([]journal.Job, error) { return d.Journal.Unfinished(d.Account.ID) }

func run(ctx context.Context, d Deps, j journal.Job) *Run {
	// Every attempt of every call (retries and the in-flight checks' reads included) goes
	// through the scheduler's transport, so that it spends quota and a quota 429 holds all calls.
	if paced, err := d.Chat.Through(d.Schedule.Transport); err == nil {
		d.Chat = paced
	}
	ctx, cancel := context.WithCancel(ctx)
	r := &Run{d: d, job: j, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		defer cancel()
		r.err = r.run(ctx)
	}()
	return r
}

// Job is the job's id.
func (r *Run) Job() int64 { return r.job.ID }

// Pause stops new calls from starting; calls in flight finish and are recorded. The job is
// recorded paused, so it is offered for resuming should the app close meanwhile.
func (r *Run) Pause() error {
	r.mu.Lock()
	if r.paused || r.stopping {
		r.mu.Unlock()
		return nil
	}
	r.paused, r.unpause = true, make(chan struct{})
	r.mu.Unlock()
	r.d.Schedule.Pause()
	err := r.d.Journal.SetState(r.job.ID, journal.JobPaused)
	r.emit(nil)
	return err
}

// Resume lets a paused run go on.
func (r *Run) Resume() error {
	r.mu.Lock()
	if !r.paused {
		r.mu.Unlock()
		return nil
	}
	r.paused = false
	close(r.unpause)
	r.mu.Unlock()
	r.d.Schedule.Resume()
	err := r.d.Journal.SetState(r.job.ID, journal.JobRunning)
	r.emit(nil)
	return err
}

// Cancel stops the run: no new call starts, calls in flight finish and are recorded, rows never
// sent are recorded cancelled.
func (r *Run) Cancel() {
	r.mu.Lock()
	r.stopping = true
	wasPaused := r.paused
	if r.paused {
		r.paused = false
		close(r.unpause)
	}
	r.mu.Unlock()
	if wasPaused {
		r.d.Schedule.Resume()
	}
	r.cancel()
}

// Wait waits for the run to end and returns the job as recorded.
func (r *Run) Wait() (journal.Job, error) {
	<-r.done
	j, err := r.d.Journal.Job(r.job.ID)
	if r.err != nil {
		return j, r.err
	}
	return j, err
}

// Done is closed when the run has ended.
func (r *Run) Done() <-chan struct{} { return r.done }

// gate waits while the run is paused; false when the run was cancelled meanwhile.
func (r *Run) gate(ctx context.Context) bool {
	for {
		r.mu.Lock()
		paused, ch, stopping := r.paused, r.unpause, r.stopping
		r.mu.Unlock()
		if stopping || ctx.Err() != nil {
			return false
		}
		if !paused {
			return true
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return false
		}
	}
}

func (r *Run) run(ctx context.Context) error {
	id := r.job.ID
	if err := r.recover(ctx); err != nil {
		return err
	}
	rows, err := r.d.Journal.RowsIn(id, journal.RowPending)
	if err != nil {
		return err
	}
	before, err := r.d.Journal.Job(id)
	if err != nil {
		return err
	}
	r.emitCounts(before.Counts, len(rows), schedule.Progress{Left: len(rows)})
	tasks := make([]schedule.Task, len(rows))
	for i, row := range rows {
		tasks[i] = schedule.Task{Key: row.Item.Key(), Space: row.Item.Space, Kind: schedule.Write}
	}
	// A journal write that fails stops the run: nothing is sent that is not recorded first.
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	var (
		fatalMu sync.Mutex
		fatal   error
	)
	do := func(callCtx context.Context, i int) error {
		if !r.gate(runCtx) {
			return errNotSent
		}
		row := rows[i]
		if err := r.d.Journal.Sending(id, row.Index); err != nil {
			fatalMu.Lock()
			fatal = err
			fatalMu.Unlock()
			stop()
			return err
		}
		if r.d.BeforeSend != nil {
			r.d.BeforeSend(id, row.Index)
		}
		res := r.call(callCtx, row.Item)
		if p, ok := problem.As(errorOf(res)); ok && p.Code == chat.CodeQuota && p.Retryable {
			r.d.Schedule.Backoff(quotaPause)
		}
		if err := r.d.Journal.Finish(id, row.Index, res); err != nil {
			fatalMu.Lock()
			fatal = err
			fatalMu.Unlock()
			stop()
			return err
		}
		if res.Problem != "" {
			r.failed.Add(1)
			return errors.New(res.Problem)
		}
		r.recorded.Add(1)
		return nil
	}
	runErr := r.d.Schedule.Run(runCtx, tasks, do, func(p schedule.Progress) { r.emitCounts(before.Counts, len(rows), p) })
	fatalMu.Lock()
	ferr := fatal
	fatalMu.Unlock()
	if ferr != nil {
		r.end()
		return ferr
	}
	r.mu.Lock()
	stopping := r.stopping
	r.mu.Unlock()
	switch {
	case stopping:
		err = r.d.Journal.CancelPending(id)
	case runErr != nil:
		// The app is closing (ctx ended without Cancel): the job stays unfinished, to resume.
		err = nil
	default:
		err = r.d.Journal.SetState(id, journal.JobFinished)
	}
	r.end()
	return err
}

// end makes the run's progress the journal's final word (state and counts), and sends it.
func (r *Run) end() {
	j, err := r.d.Journal.Job(r.job.ID)
	r.mu.Lock()
	if err == nil {
		r.ended = true
		r.last.State = j.State
		c := j.Counts
		r.last.Done, r.last.Failed, r.last.Left, r.last.Total = c.Done, c.Failed, c.Pending+c.InFlight, c.Total
		r.last.PerMinute, r.last.SecondsLeft = 0, 0
	}
	r.mu.Unlock()
	r.emit(nil)
}

// quotaPause is how long every new call waits after Google said the project is over its quota
// despite the chat client's own retries.
const quotaPause = 10 * time.Second

var (
	errNotSent = errors.New("not sent: the run was cancelled")
	// errGone: the member is not in the space (found by a read).
	errGone = errors.New("not a member")
)

// recover settles rows left in flight by an earlier run that ended without recording them.
func (r *Run) recover(ctx context.Context) error {
	inflight, err := r.d.Journal.RowsIn(r.job.ID, journal.RowInFlight)
	if err != nil {
		return err
	}
	for _, row := range inflight {
		res, settled, err := r.check(ctx, row.Item)
		if err != nil {
			// Google could not be asked: leave the row in flight for the next resume rather than
			// risk a second add.
			return err
		}
		if settled {
			if err := r.d.Journal.Finish(r.job.ID, row.Index, res); err != nil {
				return err
			}
			continue
		}
		if err := r.d.Journal.Requeue(r.job.ID, row.Index); err != nil {
			return err
		}
	}
	return nil
}

// check reads whether an in-flight row's change was carried out: settled with its result if
// so, not settled when the row must be sent again.
func (r *Run) check(ctx context.Context, it bulk.Item) (journal.Result, bool, error) {
	m, found, err := r.d.Chat.FindMember(ctx, it.Space, it.Member, r.job.Admin)
	if err != nil {
		return journal.Result{}, false, err
	}
	switch it.Op {
	case bulk.OpAdd:
		if !found {
			return journal.Result{}, false, nil
		}
		out := journal.OutcomeAdded
		if m.State == chat.StateInvited {
			out = journal.OutcomeInvited
		}
		if it.Role != "" && it.Role != chat.RoleMember && m.Role != it.Role && m.Kind == chat.KindPerson {
			return journal.Result{}, false, nil // added, but not yet promoted: send again (409 then patch)
		}
		return journal.Result{Outcome: out, Membership: m.Name}, true, nil
	case bulk.OpRemove:
		if found {
			return journal.Result{}, false, nil
		}
		return journal.Result{Outcome: journal.OutcomeRemoved}, true, nil
	default: // set_role is idempotent: settled if the role is there, else sent again
		if found && m.Role == it.Role {
			return journal.Result{Outcome: journal.OutcomeRoleSet, Membership: m.Name}, true, nil
		}
		return journal.Result{}, false, nil
	}
}

// call makes one row's change and says what became of it.
func (r *Run) call(ctx context.Context, it bulk.Item) journal.Result {
	admin := r.job.Admin
	c := r.d.Chat
	switch it.Op {
	case bulk.OpAdd:
		if it.Kind == chat.KindGroup || strings.HasPrefix(it.Member, "groups/") {
			m, err := c.AddGroup(ctx, it.Space, it.Member, admin)
			if err != nil {
				return failed(err)
			}
			return addOutcome(m)
		}
		add := c.AddMember
		if admin {
			add = c.AdminAddMember
		}
		role := it.Role
		if role == "" {
			role = chat.RoleMember
		}
		res, err := add(ctx, it.Space, it.Member, role)
		if err != nil {
			return failed(err)
		}
		out := addOutcome(res.Membership)
		if res.RoleProblem != nil {
			// In the space, without the role asked for: a failure the user should see and retry.
			out.Problem = res.RoleProblem.Code
		}
		return out
	case bulk.OpRemove:
		name, err := r.membership(ctx, it)
		if err != nil {
			if errors.Is(err, errGone) {
				return journal.Result{Outcome: journal.OutcomeRemoved} // nobody to remove: as asked
			}
			return failed(err)
		}
		if _, err := c.RemoveMember(ctx, name, chat.RemoveOptions{Admin: admin}); err != nil {
			if problem.CodeOf(err) == chat.CodeMemberGone {
				return journal.Result{Outcome: journal.OutcomeRemoved, Membership: name}
			}
			return failed(err)
		}
		return journal.Result{Outcome: journal.OutcomeRemoved, Membership: name}
	case bulk.OpSetRole:
		name, err := r.membership(ctx, it)
		if errors.Is(err, errGone) {
			return journal.Result{Problem: chat.CodeMemberGone}
		}
		if err != nil {
			return failed(err)
		}
		m, err := c.SetRole(ctx, name, it.Role, chat.ManageOptions{Admin: admin})
		if err != nil {
			return failed(err)
		}
		return journal.Result{Outcome: journal.OutcomeRoleSet, Membership: m.Name}
	}
	return journal.Result{Problem: errBadOp.Code}
}

// membership is the membership name of an item's member: from a user id directly, else read.
func (r *Run) membership(ctx context.Context, it bulk.Item) (string, error) {
	if id, ok := strings.CutPrefix(it.Member, "users/"); ok && id != "" && !strings.Contains(id, "@") {
		return it.Space + "/members/" + id, nil
	}
	m, found, err := r.d.Chat.FindMember(ctx, it.Space, it.Member, r.job.Admin)
	if err != nil {
		return "", err
	}
	if !found {
		return "", errGone
	}
	return m.Name, nil
}

func addOutcome(m chat.Membership) journal.Result {
	out := journal.OutcomeAdded
	switch {
	case m.AlreadyMember:
		out = journal.OutcomeAlreadyMember
	case m.State == chat.StateInvited:
		out = journal.OutcomeInvited
	}
	return journal.Result{Outcome: out, Membership: m.Name}
}

func failed(err error) journal.Result {
	code := problem.CodeOf(err)
	if code == "" {
		code = problem.Internal(err).Code
	}
	return journal.Result{Problem: code}
}

// errorOf is a failed result as a problem, for the quota check.
func errorOf(res journal.Result) error {
	if res.Problem == "" {
		return nil
	}
	return &problem.Problem{Code: res.Problem, Retryable: res.Problem == chat.CodeQuota}
}

// emitCounts sends progress: the counts are the journal's before this run (c) plus the rows this
// run recorded (the scheduler's own counts would take a row not sent at a cancel for a failure);
// the rate and time left are the scheduler's.
func (r *Run) emitCounts(c journal.Counts, sent int, p schedule.Progress) {
	done, failed := int(r.recorded.Load()), int(r.failed.Load())
	r.mu.Lock()
	r.last = Progress{Job: r.job.ID, Done: c.Done + done, Failed: c.Failed + failed, Left: sent - done - failed,
		Total: c.Total, PerMinute: p.PerMinute, SecondsLeft: p.TimeLeft.Seconds()}
	r.mu.Unlock()
	r.emit(nil)
}

// emit sends the latest progress with the run's state.
func (r *Run) emit(_ error) {
	if r.d.OnProgress == nil {
		return
	}
	r.d.OnProgress(r.Progress())
}

// Progress is the run's latest counts.
func (r *Run) Progress() Progress {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.last
	p.Job = r.job.ID
	if r.d.Schedule != nil {
		p.WritesPerMinute = r.d.Schedule.Limits().WritesPerMinute
	}
	switch {
	case r.ended:
	case r.paused:
		p.State = journal.JobPaused
	case r.stopping:
		p.State = journal.JobCancelled
	default:
		p.State = journal.JobRunning
	}
	return p
}
