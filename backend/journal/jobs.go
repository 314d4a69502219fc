package journal

import (
	"database/sql"
	"errors"
	"strconv"
	"time"

	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
)

// Account is who a job or a change belongs to: the signed-in user's stable Google account id
// (the OpenID sub, which survives a change of address) and their address, for people to read.
type Account struct {
	ID    string `json:"id"`
	Email string `json:"email"`
}

// JobKind is what started a job.
type JobKind string

// Job kinds.
const (
	KindBulkAdd JobKind = "bulk_add" // people × spaces from the bulk input
	KindSync    JobKind = "sync"     // a space brought in step with a list
)

// JobState is where a job is.
type JobState string

// Job states. Running and paused are unfinished: the next start offers to resume them (a job
// left running by a crash is unfinished too).
const (
	JobRunning   JobState = "running"
	JobPaused    JobState = "paused"
	JobCancelled JobState = "cancelled"
	JobFinished  JobState = "finished"
)

// RowState is where one row of a job is.
type RowState string

// Row states. A row is in_flight from just before its call is sent until its outcome is
// recorded: after a crash, an in_flight row may or may not have been carried out by Google.
const (
	RowPending   RowState = "pending"
	RowInFlight  RowState = "in_flight"
	RowDone      RowState = "done"
	RowFailed    RowState = "failed"
	RowCancelled RowState = "cancelled"
)

// Counts are a job's rows by state.
type Counts struct {
	Pending   int `json:"pending"`
	InFlight  int `json:"inFlight"`
	Done      int `json:"done"`
	Failed    int `json:"failed"`
	Cancelled int `json:"cancelled"`
	Total     int `json:"total"`
}

// Job is one bulk job.
type Job struct {
	ID      int64     `json:"id"`
	Account Account   `json:"account"`
	Kind    JobKind   `json:"kind"`
	Admin   bool      `json:"admin"`
	Created time.Time `json:"created"`
	State   JobState  `json:"state"`
	// RetryOf is the job whose failed rows this job runs again (0: none).
	RetryOf int64  `json:"retryOf"`
	Counts  Counts `json:"counts"`
}

// Unfinished reports whether the job can be resumed.
func (j Job) Unfinished() bool { return j.State == JobRunning || j.State == JobPaused }

// Row is one item of a job and what became of it.
type Row struct {
	Job   int64     `json:"job"`
	Index int       `json:"index"`
	Item  bulk.Item `json:"item"`
	State RowState  `json:"state"`
	// Outcome is what happened when done ("added", "invited", "already_member", "removed",
	// "role_set", ...), set by the runner.
	Outcome string `json:"outcome"`
	// Problem is the problem code when failed.
	Problem string `json:"problem"`
	// Membership is the membership's resource name once known.
	Membership string    `json:"membership"`
	Attempts   int       `json:"attempts"`
	Started    time.Time `json:"started"`
	Finished   time.Time `json:"finished"`
}

// CreateJob records a new running job of items for acct, all rows pending, in one transaction.
func (d *DB) CreateJob(acct Account, kind JobKind, admin bool, items []bulk.Item) (Job, error) {
	return d.createJob(acct, kind, admin, items, 0)
}

func (d *DB) createJob(acct Account, kind JobKind, admin bool, items []bulk.Item, retryOf int64) (Job, error) {
	now := d.now().UTC()
	var id int64
	err := d.write(func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO jobs (account_id, account_email, kind, admin, created, state, retry_of)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, acct.ID, acct.Email, kind, admin, ms(now), JobRunning, retryOf)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		st, err := tx.Prepare(`INSERT INTO rows (job, idx, op, space, member, member_kind, role, state)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, it := range items {
			if _, err := st.Exec(id, i, it.Op, it.Space, it.Member, it.Kind, it.Role, RowPending); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Job{}, err
	}
	return d.Job(id)
}

// Job reads a job with its counts.
func (d *DB) Job(id int64) (Job, error) {
	jobs, err := d.jobs(`WHERE id = ?`, id)
	if err != nil {
		return Job{}, err
	}
	if len(jobs) == 0 {
		return Job{}, errNoJob.WithDetail("job " + strconv.FormatInt(id, 10))
	}
	return jobs[0], nil
}

// Unfinished lists the account's jobs that can be resumed (running or paused), newest first.
func (d *DB) Unfinished(accountID string) ([]Job, error) {
	return d.jobs(`WHERE account_id = ? AND state IN ('running', 'paused') ORDER BY id DESC`, accountID)
}

// Jobs lists the account's jobs, newest first, at most limit (0: all).
func (d *DB) Jobs(accountID string, limit int) ([]Job, error) {
	if limit <= 0 {
		limit = -1
	}
	return d.jobs(`WHERE account_id = ? ORDER BY id DESC LIMIT ?`, accountID, limit)
}

func (d *DB) jobs(where string, args ...any) ([]Job, error) {
	rs, err := d.db.Query(`SELECT id, account_id, account_email, kind, admin, created, state, retry_of,
		(SELECT count(*) FROM rows r WHERE r.job = j.id AND r.state = 'pending'),
		(SELECT count(*) FROM rows r WHERE r.job = j.id AND r.state = 'in_flight'),
		(SELECT count(*) FROM rows r WHERE r.job = j.id AND r.state = 'done'),
		(SELECT count(*) FROM rows r WHERE r.job = j.id AND r.state = 'failed'),
		(SELECT count(*) FROM rows r WHERE r.job = j.id AND r.state = 'cancelled')
		FROM jobs j `+where, args...)
	if err != nil {
		return nil, errWrite.WithDetail(err.Error())
	}
	defer rs.Close()
	var out []Job
	for rs.Next() {
		var j Job
		var created int64
		c := &j.Counts
		if err := rs.Scan(&j.ID, &j.Account.ID, &j.Account.Email, &j.Kind, &j.Admin, &created, &j.State, &j.RetryOf,
			&c.Pending, &c.InFlight, &c.Done, &c.Failed, &c.Cancelled); err != nil {
			return nil, errWrite.WithDetail(err.Error())
		}
		c.Total = c.Pending + c.InFlight + c.Done + c.Failed + c.Cancelled
		j.Created = fromMS(created)
		out = append(out, j)
	}
	return out, rs.Err()
}

// Claim returns the job for acct to run or resume: refused (journal.other_account) when
// another account started it, and (journal.job_over) when it is over.
func (d *DB) Claim(acct Account, id int64) (Job, error) {
	j, err := d.Job(id)
	if err != nil {
		return Job{}, err
	}
	if j.Account.ID != acct.ID {
		return Job{}, errOtherAccount.With("owner", j.Account.Email).
			WithDetail("job " + strconv.FormatInt(id, 10) + " belongs to another account id")
	}
	if !j.Unfinished() {
		return Job{}, errJobOver
	}
	return j, nil
}

// SetState records the job's state.
func (d *DB) SetState(id int64, st JobState) error {
	return d.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE jobs SET state = ? WHERE id = ?`, st, id)
		return err
	})
}

// Rows reads a job's rows in order.
func (d *DB) Rows(job int64) ([]Row, error) {
	return d.rows(`WHERE job = ? ORDER BY idx`, job)
}

// RowsIn reads a job's rows in one state, in order.
func (d *DB) RowsIn(job int64, st RowState) ([]Row, error) {
	return d.rows(`WHERE job = ? AND state = ? ORDER BY idx`, job, st)
}

func (d *DB) rows(where string, args ...any) ([]Row, error) {
	rs, err := d.db.Query(`SELECT job, idx, op, space, member, member_kind, role, state, outcome, problem,
		membership, attempts, started, finished FROM rows `+where, args...)
	if err != nil {
		return nil, errWrite.WithDetail(err.Error())
	}
	defer rs.Close()
	var out []Row
	for rs.Next() {
		var r Row
		var started, finished int64
		if err := rs.Scan(&r.Job, &r.Index, &r.Item.Op, &r.Item.Space, &r.Item.Member, &r.Item.Kind, &r.Item.Role,
			&r.State, &r.Outcome, &r.Problem, &r.Membership, &r.Attempts, &started, &finished); err != nil {
			return nil, errWrite.WithDetail(err.Error())
		}
		r.Started, r.Finished = fromMS(started), fromMS(finished)
		out = append(out, r)
	}
	return out, rs.Err()
}

// Sending records that row idx of job is about to be sent (in_flight, one more attempt). It
// returns once that is on disk: only then may the call go out.
func (d *DB) Sending(job int64, idx int) error {
	return d.write(func(tx *sql.Tx) error {
		return exec1(tx, `UPDATE rows SET state = 'in_flight', attempts = attempts + 1, started = ?
			WHERE job = ? AND idx = ?`, ms(d.now()), job, idx)
	})
}

// Requeue puts an in-flight row back to pending: Google was asked and the change is not there,
// so it must be sent again.
func (d *DB) Requeue(job int64, idx int) error {
	return d.write(func(tx *sql.Tx) error {
		return exec1(tx, `UPDATE rows SET state = 'pending' WHERE job = ? AND idx = ? AND state = 'in_flight'`, job, idx)
	})
}

// Result is what a call did to one row.
type Result struct {
	// Problem is the problem code when the row failed; "" when done.
	Problem    string
	Outcome    string
	Membership string
}

// Finish records a row's outcome (done, or failed when res.Problem is set) and its history
// entry, in one transaction.
func (d *DB) Finish(job int64, idx int, res Result) error {
	now := d.now().UTC()
	st := RowDone
	if res.Problem != "" {
		st = RowFailed
	}
	return d.write(func(tx *sql.Tx) error {
		if err := exec1(tx, `UPDATE rows SET state = ?, outcome = ?, problem = ?, membership = ?, finished = ?
			WHERE job = ? AND idx = ?`, st, res.Outcome, res.Problem, res.Membership, ms(now), job, idx); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO history (at, account_id, account_email, space, member, op, role, outcome, problem, job)
			SELECT ?, j.account_id, j.account_email, r.space, r.member, r.op, r.role, ?, ?, j.id
			FROM rows r JOIN jobs j ON j.id = r.job WHERE r.job = ? AND r.idx = ?`,
			ms(now), historyOutcome(res), res.Problem, job, idx)
		return err
	})
}

func historyOutcome(res Result) string {
	if res.Problem != "" {
		return OutcomeFailed
	}
	return res.Outcome
}

// CancelPending marks the job's rows that were never sent cancelled, and the job cancelled.
func (d *DB) CancelPending(job int64) error {
	return d.write(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`UPDATE rows SET state = 'cancelled', finished = ? WHERE job = ? AND state = 'pending'`,
			ms(d.now()), job); err != nil {
			return err
		}
		_, err := tx.Exec(`UPDATE jobs SET state = 'cancelled' WHERE id = ?`, job)
		return err
	})
}

// RetryFailed makes a new running job, for the same account, of job's failed rows.
func (d *DB) RetryFailed(acct Account, job int64) (Job, error) {
	j, err := d.Job(job)
	if err != nil {
		return Job{}, err
	}
	if j.Account.ID != acct.ID {
		return Job{}, errOtherAccount.With("owner", j.Account.Email)
	}
	failed, err := d.RowsIn(job, RowFailed)
	if err != nil {
		return Job{}, err
	}
	items := make([]bulk.Item, len(failed))
	for i, r := range failed {
		items[i] = r.Item
	}
	return d.createJob(acct, j.Kind, j.Admin, items, job)
}

func exec1(tx *sql.Tx, q string, args ...any) error {
	res, err := tx.Exec(q, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n != 1 {
		return errors.New("no such row")
	}
	return nil
}

// Enums lists this package's enums, and bulk.Op, for Wails' EnumBind.
func Enums() []any {
	return []any{
		[]chat.Enum[bulk.Op]{{Value: bulk.OpAdd, TSName: "ADD"}, {Value: bulk.OpRemove, TSName: "REMOVE"}, {Value: bulk.OpSetRole, TSName: "SET_ROLE"}},
		[]chat.Enum[JobKind]{{Value: KindBulkAdd, TSName: "BULK_ADD"}, {Value: KindSync, TSName: "SYNC"}},
		[]chat.Enum[JobState]{{Value: JobRunning, TSName: "RUNNING"}, {Value: JobPaused, TSName: "PAUSED"},
			{Value: JobCancelled, TSName: "CANCELLED"}, {Value: JobFinished, TSName: "FINISHED"}},
		[]chat.Enum[RowState]{{Value: RowPending, TSName: "PENDING"}, {Value: RowInFlight, TSName: "IN_FLIGHT"},
			{Value: RowDone, TSName: "DONE"}, {Value: RowFailed, TSName: "FAILED"}, {Value: RowCancelled, TSName: "CANCELLED"}},
	}
}
