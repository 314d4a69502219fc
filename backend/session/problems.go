package session

import "chatmembers/backend/problem"

// The problems this package returns besides those of auth and chat.
var (
	errNoWorkspace = problem.New("workspace.none",
		"No workspace is chosen yet.",
		"Choose the demo workspace or connect your Google Workspace first.")
	errNotSignedIn = problem.New("workspace.signed_out",
		"You are not signed in.",
		"Sign in with Google, then try again.")
	errLiveRefused = problem.New("workspace.live_refused",
		"This test build only works with the demo workspace.",
		"Use the installed Chat Members app to connect your Google Workspace.")
	errSaveFailed = problem.New("workspace.save_failed",
		"Chat Members could not save its settings on this computer.",
		"Check that you can save files in your home folder, then try again.")
	errNoConfigDir = problem.New("workspace.no_config_dir",
		"Chat Members could not find a folder to keep its settings in.",
		"Check that your user account has a home folder, then try again.")
	errBadLink = problem.New("workspace.bad_link",
		"That link does not lead to Google Chat, so it was not opened.",
		"Open Google Chat yourself at chat.google.com.")
	errBadConsoleLink = problem.New("workspace.bad_console_link",
		"That link does not lead to the Google Cloud console, so it was not opened.",
		"Open the Google Cloud console yourself at console.cloud.google.com.")
	errBrowserFailed = problem.New("workspace.browser_failed",
		"Your web browser could not be opened.",
		"Copy this address into your browser yourself: {link}")
	errNoFile = problem.New("workspace.no_file",
		"No file was chosen.",
		"Choose the client_secret.json file you downloaded from the Google Cloud console.")
	errAdminOff = problem.New("workspace.admin_off",
		"Administrator mode is off, so this was not done with administrator access.",
		"Switch on \"Act as administrator\" at the top of the window, then try again.")
	errUnknownAccount = problem.New("workspace.account_unknown",
		"That account is no longer in the list of accounts.",
		"Choose another account, or add it again with \"Add another account\".")
	errSwitched = problem.New("workspace.account_switched",
		"This was not finished because you switched to another account.",
		"Switch back to the account you started it with, then try again.")
	errExportFailed = problem.New("workspace.export_failed",
		"Chat Members could not save the table as {path}.",
		"Choose another folder, or make room on the disk, then try again.")
	errDialog = problem.New("workspace.dialog_failed",
		"The window for choosing a file could not be opened.",
		"Try again. If it keeps failing, restart Chat Members.")
)

// Problems lists every problem this package defines, for the frontend's generated catalogue.
func Problems() []*problem.Problem {
	return []*problem.Problem{errNoWorkspace, errNotSignedIn, errLiveRefused, errSaveFailed, errNoConfigDir, errBadLink, errBadConsoleLink, errBrowserFailed, errNoFile, errDialog, errAdminOff, errUnknownAccount, errSwitched, errFileRead, errNoList, errExportFailed}
}
