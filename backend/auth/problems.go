package auth

import (
	"errors"
	"fmt"
	"net/http"

	"golang.org/x/oauth2"

	"chatmembers/backend/problem"
)

// The problems this package returns. Every exported function returns errors of type
// *problem.Problem with one of these codes (the frontend translates by code).
var (
	errSecretNotJSON = problem.New("auth.secret_not_json",
		"This file is not a client_secret.json file from Google Cloud.",
		"In Google Cloud Console open APIs & Services > Credentials, download the JSON of your Desktop app OAuth client and choose that file.")
	errSecretTooLarge = problem.New("auth.secret_too_large",
		"This file is too large to be a client_secret.json file.",
		"Choose the small JSON file you downloaded for your OAuth client in Google Cloud Console.")
	errSecretWebClient = problem.New("auth.secret_web_client",
		"This file is for a web application, but Chat Members needs a Desktop app client.",
		"Create an OAuth client of type Desktop app in Google Cloud Console (APIs & Services > Credentials), download its JSON and choose that file.")
	errSecretServiceAccount = problem.New("auth.secret_service_account",
		"This file is a service account key, not an OAuth client.",
		"Create an OAuth client of type Desktop app in Google Cloud Console (APIs & Services > Credentials), download its JSON and choose that file.")
	errSecretUnknownType = problem.New("auth.secret_unknown_type",
		"This file does not describe a Desktop app OAuth client.",
		"Create an OAuth client of type Desktop app in Google Cloud Console (APIs & Services > Credentials), download its JSON and choose that file.")
	errSecretMissingField = problem.New("auth.secret_missing_field",
		"This client_secret.json file is incomplete: a value is missing.",
		"Download the JSON of your Desktop app OAuth client again from Google Cloud Console and choose the new file.")
	errSecretBadURI = problem.New("auth.secret_bad_uri",
		"This client_secret.json file has an address that is not a web address.",
		"Download the JSON of your Desktop app OAuth client again from Google Cloud Console and choose the new file.")
	errSecretNotGoogle = problem.New("auth.secret_not_google",
		"This client file sends your sign-in somewhere that is not Google.",
		"Download the JSON of your Desktop app OAuth client yourself from Google Cloud Console (APIs & Services > Credentials) and choose that file; do not use a client file someone else sent you.")
	errSecretNotFile = problem.New("auth.secret_not_file",
		"This is not a file that Chat Members can read as a client_secret.json.",
		"Choose the JSON file you downloaded for your Desktop app OAuth client from Google Cloud Console.")
	errSecretUnreadable = problem.New("auth.secret_unreadable",
		"Chat Members could not read this file.",
		"Check that the file still exists and that you may open it, then choose it again.")

	errListen = problem.New("auth.listen_failed",
		"Chat Members could not get ready to receive the sign-in from your browser.",
		"Try again. If it keeps happening, check that security software allows Chat Members to accept connections from this computer.")
	// errStateMismatch is no longer returned: the loopback answers a redirect with a wrong state
	// in the browser and keeps waiting (signin.go). The code stays while the frontend's
	// catalogues, which are checked against this file, still translate it.
	errStateMismatch = problem.New("auth.state_mismatch",
		"The sign-in was stopped because the answer in the browser did not belong to it.",
		"Start signing in again and finish it in the browser tab that Chat Members opens.")
	errDenied = problem.New("auth.denied",
		"You did not allow Chat Members to access your Google account.",
		"Sign in again and choose Allow on Google's page to use Chat Members.")
	errAuthorization = problem.New("auth.authorization_failed",
		"Google did not let you sign in to Chat Members.",
		"Check with your Google Workspace admin that Chat Members' OAuth client may be used, then sign in again.")
	errCancelled = problem.New("auth.cancelled",
		"The sign-in was cancelled.",
		"Sign in again when you are ready.")
	errTimeout = problem.New("auth.timeout",
		"The sign-in took too long and was stopped.",
		"Sign in again and finish the steps in your browser within a few minutes.")
	errBusy = problem.New("auth.busy",
		"A sign-in is already in progress.",
		"Finish the sign-in in your browser, or cancel it before starting a new one.")
	errExchange = problem.New("auth.exchange_failed",
		"Google did not accept the sign-in.",
		"Sign in again. If it keeps happening, download your client_secret.json again from Google Cloud Console.")
	errClientRejected = problem.New("auth.client_rejected",
		"Google did not accept this app's OAuth client.",
		"Check that the client_secret.json is for a Desktop app client that still exists in Google Cloud Console, download it again and choose the new file.")
	errNetwork = problem.New("auth.network",
		"Chat Members could not reach Google.",
		"Check your internet connection and try again.")
	errNoIdentity = problem.New("auth.no_identity",
		"Google did not say which account you signed in with.",
		"Sign in again. If it keeps happening, download your client_secret.json again from Google Cloud Console.")
	errWrongAccount = problem.New("auth.wrong_account",
		"You chose another Google account in the browser than the one signed in to Chat Members, so Chat Members did not use it.",
		"Try again and choose the account you are signed in with. To use the other account, sign out first, then sign in with it.")
	errNotSignedIn = problem.New("auth.not_signed_in",
		"You are not signed in.",
		"Sign in with your Google account.")
	errExpired = problem.New("auth.expired",
		"Your sign-in has expired, so Chat Members needs you to sign in again.",
		"Sign in again. If this happens every week, your OAuth consent screen is in Testing mode, where Google ends sign-ins after 7 days: publish the app (OAuth consent screen > Publish app) or make it Internal.")
	errStore = problem.New("auth.store_failed",
		"Chat Members could not save or read your sign-in on this computer.",
		"You can keep working, but you may have to sign in again next time. Check that your home folder is writable.")
	errRevokeFailed = problem.New("auth.revoke_failed",
		"You are signed out on this computer, but Google could not be told to end the sign-in.",
		"Nothing else is needed here. To be thorough, remove Chat Members at myaccount.google.com/permissions when you are online.")
)

// withField names the field of client_secret.json a problem is about, in the message and as
// the {field} parameter for the translated text.
func withField(p *problem.Problem, field string) *problem.Problem {
	q := p.With("field", field)
	switch p.Code {
	case errSecretMissingField.Code:
		q.Message = "This client_secret.json file is incomplete: " + field + " is missing."
	case errSecretBadURI.Code:
		q.Message = "This client_secret.json file has an address that is not a web address: " + field + "."
	}
	return q
}

// notGoogle names the field of client_secret.json and the host it would send the sign-in to,
// in the message and as the {field} and {host} parameters.
func notGoogle(p *problem.Problem, field, host string) *problem.Problem {
	q := p.With("field", field).With("host", host)
	q.Message = "This client file's " + field + " sends your sign-in to " + host + ", which is not Google."
	return q
}

// withAccounts names the signed-in account and the one chosen in the browser, in the message
// and fix and as the {account} and {chosen} parameters.
func withAccounts(p *problem.Problem, account, chosen string) *problem.Problem {
	q := p.With("account", account).With("chosen", chosen)
	q.Message = "You chose " + chosen + " in the browser, but Chat Members is signed in as " + account + ", so it did not use " + chosen + "."
	q.Fix = "Try again and choose " + account + " on Google's page. To use " + chosen + " instead, sign out first, then sign in with it."
	return q
}

// exchangeProblem turns a token endpoint failure into a problem; detail never holds tokens.
func exchangeProblem(err error, whenGrantInvalid *problem.Problem) *problem.Problem {
	if p, ok := problem.As(err); ok {
		return p
	}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		status := 0
		if re.Response != nil {
			status = re.Response.StatusCode
		}
		detail := fmt.Sprintf("token endpoint: HTTP %d %s", status, re.ErrorCode)
		if re.ErrorDescription != "" {
			detail += ": " + re.ErrorDescription
		}
		switch {
		case re.ErrorCode == "invalid_grant":
			return whenGrantInvalid.WithDetail(detail)
		case re.ErrorCode == "invalid_client", re.ErrorCode == "unauthorized_client",
			re.ErrorCode == "redirect_uri_mismatch", status == http.StatusUnauthorized:
			return errClientRejected.WithDetail(detail)
		case status >= 500 || status == http.StatusTooManyRequests:
			p := errNetwork.WithDetail(detail)
			p.Retryable = true
			return p
		default:
			return errExchange.WithDetail(detail)
		}
	}
	p := errNetwork.WithDetail(err.Error())
	p.Retryable = true
	return p
}
