package jobs

import "chatmembers/backend/problem"

// The problems of bulk jobs.
var (
	errNoRows = problem.New("jobs.no_rows",
		"There is nothing to do in this job.",
		"Add at least one person and one space, or pick a job with failed rows.")
	errBadOp = problem.New("jobs.bad_operation",
		"Chat Members does not know how to do one of the rows of this job.",
		"Start the job again from its list of people and spaces.")
	// ErrNotRunning: pause or cancel of a job this run of the app is not running.
	ErrNotRunning = problem.New("jobs.not_running",
		"That job is not running.",
		"Resume it from the list of unfinished jobs.")
)

// Problems lists every problem this package defines, for the frontend's generated catalogue.
func Problems() []*problem.Problem { return []*problem.Problem{errNoRows, errBadOp, ErrNotRunning} }
