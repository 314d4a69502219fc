package chat

import "chatmembers/backend/problem"

// The problems this package returns, one definition per code: the English message and fix
// (the frontend's fallback, generated from these) and the parameters translations may use.
var (
	probInvalidSpace = problem.New(CodeInvalidSpace,
		"That isn't a valid Google Chat space.",
		"Pick the space from the list again.", "space")
	probEmptyPerson = problem.New(CodeEmptyPerson,
		"No email address was given.",
		"Type the person's email address, for example jane@example.com.")
	probInvalidEmail = problem.New(CodeInvalidEmail,
		"“{email}” isn’t a valid email address.",
		"Check the address for typos, spaces or missing parts, for example jane@example.com.")
	probInvalidPerson = problem.New(CodeInvalidPerson,
		"“{person}” isn’t an email address or a Google user ID.",
		"Enter the person's email address, for example jane@example.com.")
	probDMAppOnly = problem.New(CodeDMAppOnly,
		"People can't be added to a direct message; only the Chat app can.",
		"Add the people to a space or a group chat instead.", "space")
	probAppNotConfigured = problem.New(CodeAppNotConfigured,
		"The Google Cloud project behind Chat Members has no Chat app set up, so Google refuses its requests.",
		"In the Google Cloud console open Google Chat API > Configuration, fill in the app name, avatar URL and description, and save.")
	probAPIDisabled = problem.New(CodeAPIDisabled,
		"The Google Chat API is switched off in the Google Cloud project behind Chat Members, so Google refuses its requests.",
		"In the Google Cloud console switch on the Google Chat API for the project (APIs & Services > Library > Google Chat API > Enable), wait a few minutes, then try again.", "activationUrl")
	probInvalidMember = problem.New(CodeInvalidMember,
		"Google didn't accept the person's address or ID.",
		"Check the email address or user ID and try again.")
	probScopeMissing = problem.New(CodeScopeMissing,
		"Chat Members needs one more permission from you for this.",
		"Allow the permission Google asks for. If Google doesn't ask, sign out and sign in again.", "scope")
	probPermissionDenied = problem.New(CodePermissionDenied,
		"You aren't allowed to add members to this space.",
		"Ask a manager of the space to make you a manager, or to add the person for you.")
	probExternalNotAllowed = problem.New(CodeExternalNotAllowed,
		"{email} is outside your organisation, and this space only allows people from your organisation.",
		"Add them to a space that allows people from outside; this setting can't be changed once a space exists.", "space", "spaceName")
	probAdminMustGrant = problem.New(CodeAdminMustGrant,
		"Your Google Workspace administrator has to approve Chat Members before it can do this.",
		"Ask your administrator to allow Chat Members in the Admin console (Security > API controls).")
	probWorkspaceOnly = problem.New(CodeWorkspaceOnly,
		"Google Chat's API only works with Google Workspace accounts, not personal Google accounts.",
		"Sign in with your work or school account.")
	probChatOff = problem.New(CodeChatOff,
		"Google Chat is turned off for your account.",
		"Ask your Google Workspace administrator to turn on Google Chat for you.")
	probPrecondition = problem.New(CodePrecondition,
		"Google can't make this change to the space right now.",
		"Open the space in Google Chat to check it, then try again.")
	probSpaceNotFound = problem.New(CodeSpaceNotFound,
		"This space wasn't found, or you're no longer a member of it.",
		"Refresh the list of spaces. If the space is still missing, ask one of its managers to add you.", "space")
	probPersonNotFound = problem.New(CodePersonNotFound,
		"Google couldn't find anyone with the address or user ID {person}.",
		"Check it for typos. The person needs a Google account; if you entered a user ID, try their email address instead.")
	probAlreadyMember = problem.New(CodeAlreadyMember,
		"They are already a member of this space.",
		"Nothing needs to be done.")
	probQuota = problem.New(CodeQuota,
		"Google is limiting how fast Chat Members can work.",
		"Wait a minute, then try again.", "retryAfterSeconds")
	probSignedOut = problem.New(CodeSignedOut,
		"Your Google sign-in has expired or was withdrawn.",
		"Sign in again with your Google account.")
	probGoogleUnavailable = problem.New(CodeGoogleUnavailable,
		"Google Chat isn't answering properly right now.",
		"Try again in a few minutes.")
	probNetwork = problem.New(CodeNetwork,
		"Chat Members can't reach Google.",
		"Check your internet connection, then try again.")
	probCancelled = problem.New(CodeCancelled,
		"The request was cancelled.",
		"Start it again when you're ready.")
	probBadRequest = problem.New(CodeBadRequest,
		"Google refused the request.",
		"Check what you entered and try again; the details show Google's reason.")
	probBadResponse = problem.New(CodeBadResponse,
		"Google sent an answer that Chat Members couldn't read.",
		"Try again. If it keeps happening, send the details to whoever looks after Chat Members.")
	probTooManySpaces = problem.New(CodeTooManySpaces,
		"You are in more spaces than Chat Members can list.",
		"Leave spaces you no longer need, or ask for help from whoever looks after Chat Members.")
	// member_list.go, member_manage.go
	probTooManyMembers = problem.New(CodeTooManyMembers,
		"This space has more members than Chat Members can list.",
		"Open the space in Google Chat to see its members.", "space")
	probInvalidMembership = problem.New(CodeInvalidMembership,
		"That isn't a valid member of a Google Chat space.",
		"Refresh the member list and pick the person again.")
	probInvalidRole = problem.New(CodeInvalidRole,
		"That isn't a role a member of a space can have.",
		"Choose Member, Manager or Owner.")
	probRoleNotAllowed = problem.New(CodeRoleNotAllowed,
		"You aren't allowed to give {member} this role.",
		"Managers can make members managers; only an owner can make someone an owner or change an owner's role. Ask an owner of the space.", "role")
	probRemoveNotAllowed = problem.New(CodeRemoveNotAllowed,
		"You aren't allowed to remove {member} from this space.",
		"Managers can remove members; only owners can remove managers and other owners. Ask an owner of the space.")
	probLastOwner = problem.New(CodeLastOwner,
		"{member} is the only owner of this space, and Google requires every space to keep an owner.",
		"Make someone else an owner first, then try again.")
	probMemberGone = problem.New(CodeMemberGone,
		"This person is no longer in the space: they may have just left or been removed.",
		"Refresh the member list.", "member")
	probConfirmLeave = problem.New(CodeConfirmLeave,
		"This would remove you from the space, and you would no longer see it.",
		"Confirm once more that you want to leave the space.", "space", "spaceName")
	probNoRole = problem.New(CodeNoRole,
		"Chat apps and Google Groups have no role in a space; only people do.",
		"Change the role of a person instead.", "member")
	probRolesOnlyInSpaces = problem.New(CodeRolesOnlyInSpaces,
		"Only spaces have managers and owners; group chats and direct messages don't.",
		"Add the person as a member, or use a space instead.", "space")
	probNotInvited = problem.New(CodeNotInvited,
		"{member} has already accepted the invitation, so there is nothing to cancel.",
		"Refresh the member list. To take them out of the space, remove them instead.")
	// admin.go
	probNotAdmin = problem.New(CodeNotAdmin,
		"Your account doesn't have the Google Workspace administrator privilege for Chat.",
		"Ask a super administrator of your organisation for the \"Manage Chat and spaces conversations\" privilege; without it, Chat Members works with the spaces you belong to.")
	probInvalidSearch = problem.New(CodeInvalidSearch,
		"Space names can't be searched for with quotation marks, backslashes or very long text.",
		"Type part of the space's name, at most 200 characters, without \" or \\.")
	probInvalidPageToken = problem.New(CodeInvalidPageToken,
		"Chat Members lost its place in the list.",
		"Start the list again from the top.")
	probInvalidGroup = problem.New(CodeInvalidGroup,
		"That isn't a Google Group Chat Members can add.",
		"Add the group by its email address.")
	probGroupNamedSpaces = problem.New(CodeGroupNamedSpaces,
		"Google Groups can only be added to spaces, not to group chats or direct messages.",
		"Add the group's people one by one, or choose a space.", "space")
	probAdminNoApps = problem.New(CodeAdminNoApps,
		"Apps can't be added with administrator access.",
		"Switch administrator mode off and add the app as a member of the space.")
	probAdminOutsider = problem.New(CodeAdminOutsider,
		"{email} is outside your organisation, and administrator access can only add people from your organisation.",
		"Switch administrator mode off and add them as a manager of a space that allows people from outside.")
	probGroupUnknown = problem.New(CodeGroupUnknown,
		"Google Chat doesn't know this Google Group.",
		"Check the group's address; only groups of your own organisation can be added.", "group")
	probUnexpected = problem.New(CodeUnexpected,
		"Google gave an answer Chat Members didn't expect.",
		"Try again. If it keeps happening, send the details to whoever looks after Chat Members.")
)

// Problems lists every problem this package returns, for the frontend's generated catalogue.
func Problems() []*problem.Problem {
	return []*problem.Problem{
		probInvalidSpace,
		probEmptyPerson,
		probInvalidEmail,
		probInvalidPerson,
		probDMAppOnly,
		probAppNotConfigured,
		probAPIDisabled,
		probInvalidMember,
		probScopeMissing,
		probPermissionDenied,
		probExternalNotAllowed,
		probAdminMustGrant,
		probWorkspaceOnly,
		probChatOff,
		probPrecondition,
		probSpaceNotFound,
		probPersonNotFound,
		probAlreadyMember,
		probQuota,
		probSignedOut,
		probGoogleUnavailable,
		probNetwork,
		probCancelled,
		probBadRequest,
		probBadResponse,
		probTooManySpaces,
		probTooManyMembers,
		probInvalidMembership,
		probInvalidRole,
		probRoleNotAllowed,
		probRemoveNotAllowed,
		probLastOwner,
		probMemberGone,
		probConfirmLeave,
		probNoRole,
		probRolesOnlyInSpaces,
		probNotInvited,
		probNotAdmin,
		probInvalidSearch,
		probInvalidPageToken,
		probInvalidGroup,
		probGroupNamedSpaces,
		probAdminNoApps,
		probAdminOutsider,
		probGroupUnknown,
		probUnexpected,
	}
}
