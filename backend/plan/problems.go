package plan

import "chatmembers/backend/problem"

// Problem codes of this package: why a row is not ready (the verdict's reason), and what a sync
// plan must show before the user confirms it.
const (
	CodeNoSpace         = "plan.no_space"
	CodeSpaceUnknown    = "plan.space_unknown"
	CodeSpaceAmbiguous  = "plan.space_ambiguous"
	CodeDirectMessage   = "plan.direct_message"
	CodeGroupSpaceOnly  = "plan.group_space_only"
	CodeGroupUnresolved = "plan.group_unresolved"
	CodeGroupNoRole     = "plan.group_no_role"
	CodeDuplicate       = "plan.duplicate"
	CodeAlreadyMember   = "plan.already_member"
	CodeAlreadyInvited  = "plan.already_invited"
	CodeOutside         = "plan.outside"

	CodeRemovesEveryone  = "plan.removes_everyone"
	CodeRemovesAllButYou = "plan.removes_all_but_you"
	CodeListHasInvalid   = "plan.list_has_invalid"
	CodeUnmatchedKept    = "plan.unmatched_kept"
)

var (
	probNoSpace = problem.New(CodeNoSpace,
		"Row {row} names no space.",
		"Fill in the space's name or link, or remove the row.", "row")
	probSpaceUnknown = problem.New(CodeSpaceUnknown,
		"Row {row}: you aren't in a space called “{space}”, or it doesn't exist.",
		"Check the name against your list of spaces, or use the space's link from Google Chat.", "row")
	probSpaceAmbiguous = problem.New(CodeSpaceAmbiguous,
		"Row {row}: {count} of your spaces are called “{space}”, so it isn't clear which one is meant.",
		"Use the space's link from Google Chat instead of its name.", "row")
	probDirectMessage = problem.New(CodeDirectMessage,
		"Row {row}: “{space}” is a direct message; people can't be added to one.",
		"Pick a space or a group chat instead.", "row")
	probGroupSpaceOnly = problem.New(CodeGroupSpaceOnly,
		"Row {row}: Google Groups can only be added to named spaces, not to “{space}”.",
		"Pick a named space, or add the group's people one by one.", "row")
	probGroupUnresolved = problem.New(CodeGroupUnresolved,
		"Row {row}: no Google Group with the address {group} was found.",
		"Check the address for typos; only groups of your own organisation can be added.", "row")
	probGroupNoRole = problem.New(CodeGroupNoRole,
		"Row {row}: groups have no role in a space, so the group's people join as members.",
		"Give someone a higher role one by one, in the member list.", "row")
	probDuplicate = problem.New(CodeDuplicate,
		"Row {row} is the same person and space as row {first}.",
		"Nothing to do: the row is skipped. Remove it if you like.", "row")
	probAlreadyMember = problem.New(CodeAlreadyMember,
		"Row {row}: {who} is already a member of “{space}”.",
		"Nothing to do: the row is skipped.", "row")
	probAlreadyInvited = problem.New(CodeAlreadyInvited,
		"Row {row}: {who} has already been invited to “{space}” and hasn't joined yet.",
		"Nothing to do: the row is skipped. They join when they accept the invitation.", "row")
	probOutside = problem.New(CodeOutside,
		"Row {row}: {who} is outside your organisation, and “{space}” only allows people from your organisation.",
		"Add them to a space that allows people from outside; this setting can't be changed once a space exists.", "row")

	// Counts in these texts follow a colon, so that one text reads right for 1 and for 1,000 in
	// English and Russian alike (a problem's text has no plural forms).
	probRemovesEveryone = problem.New(CodeRemovesEveryone,
		"This would remove everyone in “{space}” (members to remove: {count}): nobody on the list is in the space now.",
		"Check that you chose the right list and the right space. Confirm only if you mean to replace everyone.")
	probRemovesAllButYou = problem.New(CodeRemovesAllButYou,
		"This would remove everyone in “{space}” except you (members to remove: {count}): nobody else on the list is in the space now.",
		"Check that you chose the right list and the right space. Confirm only if you mean to replace everyone.")
	probListHasInvalid = problem.New(CodeListHasInvalid,
		"Some rows of the list can't be read (rows: {count}); anyone they were meant to name who is in the space now would be removed.",
		"Fix or remove those rows first; they are marked in the list.")
	probUnmatchedKept = problem.New(CodeUnmatchedKept,
		"Google doesn't show the address of some members, people invited who haven't joined (members: {count}), so they are kept whatever the list says.",
		"Remove them by hand in the member list if they shouldn't be there.")
)

// Problems lists every problem this package defines, for the frontend's generated catalogue.
func Problems() []*problem.Problem {
	return []*problem.Problem{probNoSpace, probSpaceUnknown, probSpaceAmbiguous, probDirectMessage,
		probGroupSpaceOnly, probGroupUnresolved, probGroupNoRole, probDuplicate, probAlreadyMember,
		probAlreadyInvited, probOutside, probRemovesEveryone, probRemovesAllButYou, probListHasInvalid,
		probUnmatchedKept}
}
