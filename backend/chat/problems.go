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
		probUnexpected,
	}
}
