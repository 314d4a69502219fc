package journal

import "chatmembers/backend/problem"

// The problems of the journal.
var (
	errOpen = problem.New("journal.open_failed",
		"Chat Members could not open its record of jobs and history on this computer.",
		"Check that you can save files in your home folder and that the disk is not full, then restart Chat Members.")
	errTooNew = problem.New("journal.too_new",
		"The record of jobs and history was written by a newer version of Chat Members.",
		"Install the newest version of Chat Members, then open it again.")
	errWrite = problem.New("journal.write_failed",
		"Chat Members could not write to its record of jobs and history, so it stopped before sending more.",
		"Check that the disk is not full, then resume the job.")
	errNoJob = problem.New("journal.no_job",
		"That job is not in the record of jobs on this computer.",
		"Start the job again from its list of people and spaces.")
	errOtherAccount = problem.New("journal.other_account",
		"This job was started by {owner}, so it cannot be resumed while you are signed in as another account.",
		"Sign in as {owner} to resume it, or start a new job.", "owner")
	errJobOver = problem.New("journal.job_over",
		"This job has already finished or was cancelled.",
		"Use \"Retry failed\" to run its failed rows again, or start a new job.")
)

// Problems lists every problem this package defines, for the frontend's generated catalogue.
func Problems() []*problem.Problem {
	return []*problem.Problem{errOpen, errTooNew, errWrite, errNoJob, errOtherAccount, errJobOver}
}

// OtherAccount is the refusal of a job that owner's account started, to another account.
func OtherAccount(owner string) error { return errOtherAccount.With("owner", owner) }
