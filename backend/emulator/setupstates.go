package emulator

// Setup states: a Google Cloud project with one set-up step left undone, reproduced on request,
// so that the app's setup guide is tested end to end and can be practised in the demo. Each
// state answers exactly as Google does when that step is missing (../shared/reference/
// google-setup.md): the Chat API switched off, no Chat app configured, a consent screen that
// refuses the account, a consent screen in Testing whose refresh tokens have expired.

import (
	"fmt"
	"net/http"
	"strings"
)

// SetupState names the one step of a project's set-up the emulator pretends is missing.
type SetupState string

const (
	// SetupComplete is a project with every step done: the emulator's normal behaviour.
	SetupComplete SetupState = ""
	// SetupAPIDisabled: the Google Chat API is not switched on in the project. Every Chat API
	// request is answered 403 PERMISSION_DENIED with an ErrorInfo of reason SERVICE_DISABLED
	// and the activation URL.
	SetupAPIDisabled SetupState = "api-disabled"
	// SetupAppNotConfigured: the API is on but no Chat app is configured for the project.
	// Every Chat API request is answered 404 "Google Chat app not found. ...".
	SetupAppNotConfigured SetupState = "app-not-configured"
	// SetupNotTestUser: the consent screen is External in Testing and the account is not one
	// of its test users. Google shows "Access blocked" (403 access_denied) and never redirects.
	SetupNotTestUser SetupState = "not-test-user"
	// SetupOrgInternal: the consent screen is Internal and the account belongs to another
	// organisation. Google shows 403 org_internal and never redirects.
	SetupOrgInternal SetupState = "org-internal"
	// SetupAdminBlocked: the Workspace admin blocks unconfigured third-party apps (Admin
	// console > Security > API controls). Google shows 400 admin_policy_enforced.
	SetupAdminBlocked SetupState = "admin-blocked"
	// SetupTestingExpired: the consent screen is in Testing and the consent is more than 7 days
	// old: every refresh is answered invalid_grant "Token has been expired or revoked.".
	SetupTestingExpired SetupState = "testing-expired"
)

// SetupStates lists every state but SetupComplete.
func SetupStates() []SetupState {
	return []SetupState{SetupAPIDisabled, SetupAppNotConfigured, SetupNotTestUser,
		SetupOrgInternal, SetupAdminBlocked, SetupTestingExpired}
}

// Validate reports a state the emulator does not know.
func (st SetupState) Validate() error {
	if st == SetupComplete {
		return nil
	}
	for _, k := range SetupStates() {
		if k == st {
			return nil
		}
	}
	return fmt.Errorf("unknown setup state %q", st)
}

// SetSetup switches the missing set-up step at run time (the demo's "practise the setup").
func (s *Server) SetSetup(st SetupState) error {
	if err := st.Validate(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.setup = st
	return nil
}

// Setup is the set-up step the emulator currently pretends is missing.
func (s *Server) Setup() SetupState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.setup
}

// Google's verbatim texts for the missing steps.
const (
	msgAppNotFound = "Google Chat app not found. To create a Chat app, you must turn on the Chat API and configure the app in the Google Cloud console."
	chatService    = "chat.googleapis.com"
	chatTitle      = "Google Chat API"
)

// ProjectNumber is the Cloud project number in a client id ("<number>-<random>.apps...").
func ProjectNumber(clientID string) string {
	n, _, ok := strings.Cut(clientID, "-")
	if !ok {
		return ""
	}
	return n
}

// ActivationURL is the page Google names to switch the Chat API on in project n.
func ActivationURL(n string) string {
	return "https://console.developers.google.com/apis/api/" + chatService + "/overview?project=" + n
}

// guardSetup answers Chat API requests as a project missing the current chat-side step does.
// Like Google, it authenticates first: a request without a valid token still gets 401.
func (s *Server) guardSetup(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := s.Setup()
		if (st != SetupAPIDisabled && st != SetupAppNotConfigured) || !strings.HasPrefix(r.URL.Path, "/v1/spaces") {
			h.ServeHTTP(w, r)
			return
		}
		g, ok := s.bearer(r)
		if !ok {
			h.ServeHTTP(w, r) // chatAuth answers 401
			return
		}
		if st == SetupAppNotConfigured {
			writeChatError(w, http.StatusNotFound, "NOT_FOUND", msgAppNotFound)
			return
		}
		writeServiceDisabled(w, ProjectNumber(g.ClientID))
	})
}

// writeServiceDisabled is Google's 403 for an API not enabled in the caller's project n.
func writeServiceDisabled(w http.ResponseWriter, n string) {
	activation := ActivationURL(n)
	msg := chatTitle + " has not been used in project " + n + " before or it is disabled. Enable it by visiting " +
		activation + " then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry."
	writeChatError(w, http.StatusForbidden, "PERMISSION_DENIED", msg,
		map[string]any{
			"@type":  "type.googleapis.com/google.rpc.ErrorInfo",
			"reason": "SERVICE_DISABLED",
			"domain": "googleapis.com",
			"metadata": map[string]string{"service": chatService, "serviceTitle": chatTitle,
				"consumer": "projects/" + n, "containerInfo": n, "activationUrl": activation},
		},
		map[string]any{
			"@type":   "type.googleapis.com/google.rpc.LocalizedMessage",
			"locale":  "en-US",
			"message": msg,
		},
		map[string]any{
			"@type": "type.googleapis.com/google.rpc.Help",
			"links": []map[string]string{{"description": "Google developers console API activation", "url": activation}},
		})
}

// consentRefusal is the page Google shows instead of the consent page when the consent screen
// refuses the account; nil when the current state lets the account through. The caller holds
// s.mu. Google does not redirect to the app in these cases: the sign-in simply never returns.
func (s *Server) consentRefusal(app string) *oauthPageError {
	switch s.setup {
	case SetupNotTestUser:
		return &oauthPageError{Status: http.StatusForbidden, Code: "access_denied",
			Title: "Access blocked: " + app + " has not completed the Google verification process",
			Description: app + " has not completed the Google verification process. The app is currently being tested, " +
				"and can only be accessed by developer-approved testers. If you think you should have access, contact the developer."}
	case SetupOrgInternal:
		return &oauthPageError{Status: http.StatusForbidden, Code: "org_internal",
			Title:       "Access blocked: " + app + " can only be used within its organization",
			Description: "This client is restricted to users within its organization."}
	case SetupAdminBlocked:
		return &oauthPageError{Status: http.StatusBadRequest, Code: "admin_policy_enforced",
			Title:       "Access blocked: Your institution's admin needs to review " + app,
			Description: "The administrator of your account doesn't allow you to use " + app + ". This application is currently blocked."}
	}
	return nil
}
