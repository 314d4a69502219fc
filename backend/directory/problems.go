package directory

import "chatmembers/backend/problem"

// The problems this package returns, one definition per code (see backend/problem); the rest of
// its failures are backend/chat's (chat.ProblemOf).
var (
	probEmptyQuery = problem.New(CodeEmptyQuery,
		"Type a name or an email address to search for.",
		"Type at least one letter of the person's name.")
	// The fix names MaxQuery.
	probInvalidQuery = problem.New(CodeInvalidQuery,
		"That doesn't look like a name or an email address.",
		"Type part of a name or address, at most 100 characters.")
	probInvalidAddress = problem.New(CodeInvalidAddress,
		"{email} isn't an email address.",
		"A Google Group's address looks like team@example.com.")
	probGroupNotFound = problem.New(CodeGroupNotFound,
		"No Google Group has the address {email}.",
		"Check the address for typos. Only groups of your own organisation can be added.")
	probNotAGroup = problem.New(CodeNotAGroup,
		"{email} is the address of a person ({person}), not of a Google Group.",
		"Add them as a person instead.")
	probNotAPerson = problem.New(CodeNotAPerson,
		"{email} is the address of a Google Group, not of a person.",
		"Add it as a group instead: everyone in the group joins the space.", "group")
	// A member of a Google Group that Chat cannot add (a service account, a device), met when a
	// group's members are a sync's list.
	probMemberUnsupported = problem.New(CodeMemberUnsupported,
		"{email} is in the group but is neither a person nor a Google Group, so Chat can't add it.",
		"Nothing to do: it is left out of the list.")
	probSearchRefused = problem.New(CodeSearchRefused,
		"Your organisation doesn't let Chat Members search its directory.",
		"Type the person's full email address instead.")
)

// Problems lists every problem this package defines, for the frontend's generated catalogue.
func Problems() []*problem.Problem {
	return []*problem.Problem{probEmptyQuery, probInvalidQuery, probInvalidAddress, probGroupNotFound,
		probNotAGroup, probNotAPerson, probSearchRefused, probMemberUnsupported}
}
