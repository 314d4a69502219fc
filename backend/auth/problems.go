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
		"This is not a client_secret.json file from Google Cloud.",
		"In the Google Cloud console open APIs & Services > Credentials, download the JSON file of your Desktop app OAuth client and choose that file.")
	errSecretTooLarge = problem.New("auth.secret_too_large",
		"This file is too large to be a client_secret.json file.",
		"Choose the small JSON file you downloaded for your OAuth client in the Google Cloud console.")
	errSecretWebClient = problem.New("auth.secret_web_client",
		"This file is for a web application, but Chat Members needs an OAuth client of type Desktop app.",
		"In the Google Cloud console (APIs & Services > Credentials) create an OAuth client ID of type Desktop app, download its JSON file and choose that file.")
	errSecretServiceAccount = problem.New("auth.secret_service_account",
		"This file is a service account key, not an OAuth client.",
		"In the Google Cloud console (APIs & Services > Credentials) create an OAuth client ID of type Desktop app, download its JSON file and choose that file.")
	errSecretUnknownType = problem.New("auth.secret_unknown_type",
		"This file does not describe an OAuth client of type Desktop app.",
		"In the Google Cloud console (APIs & Services > Credentials) create an OAuth client ID of type Desktop app, download its JSON file and choose that file.")
	errSecretMissingField = problem.New("auth.secret_missing_field",
		"This client_secret.json file is incomplete: {field} is missing.",
		"Download the JSON file of your Desktop app OAuth client again from the Google Cloud console and choose the new file.")
	errSecretBadURI = problem.New("auth.secret_bad_uri",
		"This client_secret.json file looks damaged: {field} is not a proper web address.",
		"Download the JSON file of your Desktop app OAuth client again from the Google Cloud console and choose the new file.")
	errSecretNotGoogle = problem.New("auth.secret_not_google",
		"This client file's {field} sends your sign-in to {host}, which is not Google.",
		"Download the JSON file of your Desktop app OAuth client yourself from the Google Cloud console (APIs & Services > Credentials) and choose that file. Do not use a client file someone else sent you.")
	errSecretNotFile = problem.New("auth.secret_not_file",
		"This is not a file that Chat Members can read as a client_secret.json file.",
		"Choose the JSON file you downloaded for your Desktop app OAuth client from the Google Cloud console.")
	errSecretUnreadable = problem.New("auth.secret_unreadable",
		"Chat Members could not read this file.",
		"Check that the file still exists and that you are allowed to open it, then choose it again.")

	errListen = problem.New("auth.listen_failed",
		"Chat Members could not get ready to receive the sign-in from your browser.",
		"Try again. If it keeps happening, check that your security software lets Chat Members accept connections from this computer.")
	errDenied = problem.New("auth.denied",
		"You did not allow Chat Members to access your Google account.",
		"Sign in again and click Allow on Google's page.")
	errAuthorization = problem.New("auth.authorization_failed",
		"Google did not let you sign in to Chat Members.",
		"Ask your Google Workspace administrator whether Chat Members may be used in your organisation, then sign in again.")
	errCancelled = problem.New("auth.cancelled",
		"Sign-in was cancelled.",
		"Sign in again when you are ready.")
	errTimeout = problem.New("auth.timeout",
		"Sign-in took too long and was stopped.",
		"Sign in again and finish the steps in your browser within a few minutes.")
	errBusy = problem.New("auth.busy",
		"A sign-in is already in progress.",
		"Finish the sign-in in your browser, or cancel it before starting a new one.")
	errExchange = problem.New("auth.exchange_failed",
		"Google did not accept the sign-in.",
		"Sign in again. If it keeps happening, download your client_secret.json file again from the Google Cloud console and choose it.")
	errClientRejected = problem.New("auth.client_rejected",
		"Google does not accept the OAuth client in your client_secret.json file.",
		"In the Google Cloud console check that your Desktop app OAuth client still exists, download its JSON file again and choose the new file.")
	errNetwork = problem.New("auth.network",
		"Chat Members could not reach Google.",
		"Check your internet connection, then try again.")
	errNoIdentity = problem.New("auth.no_identity",
		"Google did not say which account you signed in with.",
		"Sign in again. If it keeps happening, download your client_secret.json file again from the Google Cloud console and choose it.")
	errWrongAccount = problem.New("auth.wrong_account",
		"You chose {chosen} in the browser, but Chat Members is signed in as {account}, so it did not use {chosen}.",
		"Try again and choose {account} on Google's page. To use {chosen} instead, sign out first, then sign in with it.")
	errNotSignedIn = problem.New("auth.not_signed_in",
		"You are not signed in.",
		"Sign in with your Google account.")
	errExpired = problem.New("auth.expired",
		"Your sign-in has expired, so you need to sign in again.",
		"Sign in again. If this happens every week, your OAuth consent screen is in Testing mode, where Google ends sign-ins after 7 days: publish the app (OAuth consent screen > Publish app) or make it Internal.")
	errStore = problem.New("auth.store_failed",
		"Chat Members could not save or read your sign-in on this computer.",
		"You can keep working, but you may have to sign in again next time. Check that you can save files in your home folder.")
	errRevokeFailed = problem.New("auth.revoke_failed",
		"You are signed out on this computer, but Google could not be told to end the sign-in.",
		"Nothing else is needed here. To be thorough, remove Chat Members at myaccount.google.com/permissions when you are online.")
)

// withField names the field of client_secret.json a problem is about ({field}).
func withField(p *problem.Problem, field string) *problem.Problem { return p.With("field", field) }

// notGoogle names the field of client_secret.json and the host it would send the sign-in to.
func notGoogle(p *problem.Problem, field, host string) *problem.Problem {
	return p.With("field", field).With("host", host)
}

// withAccounts names the signed-in account and the one chosen in the browser.
func withAccounts(p *problem.Problem, account, chosen string) *problem.Problem {
	return p.With("account", account).With("chosen", chosen)
}

// Cancelled is the problem of a sign-in abandoned by the person or replaced by another.
func Cancelled() *problem.Problem { return errCancelled }

// Problems lists every problem this package returns, for the frontend's generated catalogue.
func Problems() []*problem.Problem {
	return []*problem.Problem{errSecretNotJSON, errSecretTooLarge, errSecretWebClient,
		errSecretServiceAccount, errSecretUnknownType, errSecretMissingField, errSecretBadURI,
		errSecretNotGoogle, errSecretNotFile, errSecretUnreadable, errListen,
		errDenied, errAuthorization, errCancelled, errTimeout, errBusy, errExchange,
		errClientRejected, errNetwork, errNoIdentity, errWrongAccount, errNotSignedIn, errExpired,
		errStore, errRevokeFailed}
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
			return errNetwork.WithDetail(detail).AsRetryable()
		default:
			return errExchange.WithDetail(detail)
		}
	}
	return errNetwork.WithDetail(err.Error()).AsRetryable()
}
