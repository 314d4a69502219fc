package adding

import (
	"errors"

	"chatmembers/backend/problem"
)

// Problem codes of this package.
const (
	CodeNoEntries   = "adding.no_entries"
	CodeTooMany     = "adding.too_many"
	CodeNobody      = "adding.nobody"
	CodeGroupNoRole = "adding.group_no_role"
)

var errNoDirectory = errors.New("adding: no directory service")

// The problems this package returns, one definition per code (see backend/problem).
var (
	probNoEntries = problem.New(CodeNoEntries,
		"There is nobody to add.",
		"Type or paste at least one email address or name.")
	// The fix names MaxEntries.
	probTooMany = problem.New(CodeTooMany,
		"That is more people than can be added at once.",
		"Add at most 500 people at a time.")
	probNobody = problem.New(CodeNobody,
		"Google knows neither a person nor a Google Group with the address {email}.",
		"Check the address for typos. A person needs a Google account; only groups of your own organisation can be added.")
	probGroupNoRole = problem.New(CodeGroupNoRole,
		"{group} is a Google Group: groups have no role in a space, so its people join as members.",
		"Give someone a higher role one by one, in the member list.")
)

// Problems lists every problem this package defines, for the frontend's generated catalogue.
func Problems() []*problem.Problem {
	return []*problem.Problem{probNoEntries, probTooMany, probNobody, probGroupNoRole}
}
