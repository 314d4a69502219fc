package chat

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/oauth2"
	"google.golang.org/api/googleapi"

	"chatmembers/backend/problem"
)

// Problem codes this package returns. The frontend translates them; Message and Fix are the
// English fallback.
const (
	CodeInvalidSpace       = "chat.invalid_space"
	CodeEmptyPerson        = "chat.empty_person"
	CodeInvalidEmail       = "chat.invalid_email"
	CodeInvalidPerson      = "chat.invalid_person"
	CodeDMAppOnly          = "chat.dm_app_only"
	CodeAppNotConfigured   = "chat.app_not_configured"
	CodeAPIDisabled        = "chat.api_disabled"
	CodeInvalidMember      = "chat.invalid_member"
	CodeScopeMissing       = "chat.scope_missing"
	CodePermissionDenied   = "chat.permission_denied"
	CodeExternalNotAllowed = "chat.external_not_allowed"
	CodeAdminMustGrant     = "chat.admin_must_grant"
	CodeWorkspaceOnly      = "chat.workspace_only"
	CodeChatOff            = "chat.chat_off"
	CodePrecondition       = "chat.precondition"
	CodeSpaceNotFound      = "chat.space_not_found"
	CodePersonNotFound     = "chat.person_not_found"
	CodeAlreadyMember      = "chat.already_member"
	CodeQuota              = "chat.quota"
	CodeSignedOut          = "chat.signed_out"
	CodeGoogleUnavailable  = "chat.google_unavailable"
	CodeNetwork            = "chat.network"
	CodeCancelled          = "chat.cancelled"
	CodeBadRequest         = "chat.bad_request"
	CodeBadResponse        = "chat.bad_response"
	CodeTooManySpaces      = "chat.too_many_spaces"
	CodeTooManyMembers     = "chat.too_many_members"
	CodeInvalidMembership  = "chat.invalid_membership"
	CodeInvalidRole        = "chat.invalid_role"
	CodeRoleNotAllowed     = "chat.role_not_allowed"
	CodeRemoveNotAllowed   = "chat.remove_not_allowed"
	CodeLastOwner          = "chat.last_owner"
	CodeMemberGone         = "chat.member_gone"
	CodeConfirmLeave       = "chat.confirm_leave"
	CodeNoRole             = "chat.no_role"
	CodeRolesOnlyInSpaces  = "chat.roles_only_in_spaces"
	CodeNotInvited         = "chat.not_invited"
	CodeUnexpected         = "chat.unexpected"
)

// Scopes (short names) that the methods need; chat.scope_missing carries the one that was missing
// in Params["scope"] so the caller can ask for exactly that.
const (
	ScopeSpacesReadonly = "chat.spaces.readonly"
	ScopeMemberships    = "chat.memberships"
	// ScopeMembershipsReadonly lets the app see who is in a space.
	ScopeMembershipsReadonly = "chat.memberships.readonly"
	ScopeMembershipsApp      = "chat.memberships.app"
	// Admin access (admin.go).
	ScopeAdminSpacesReadonly = "chat.admin.spaces.readonly"
	ScopeAdminMemberships    = "chat.admin.memberships"
	ScopeAdminMembershipsRO  = "chat.admin.memberships.readonly"
)

// call says what was being done when an error came back, to pick the most helpful problem.
type call struct {
	scope string // scope the method needs
	space string // space resource name, if any
}

// apiError is a *googleapi.Error with the parts of Google's JSON error body that the Go client
// does not expose: the canonical status ("PERMISSION_DENIED") and ErrorInfo reasons.
type apiError struct {
	code       int
	retryAfter string // whole seconds Google asked to wait (Retry-After, RetryInfo), if it did
	status     string
	message    string
	reasons    []string
	// activationURL is the page Google names to switch the API on (ErrorInfo SERVICE_DISABLED).
	activationURL string
}

func parseAPIError(e *googleapi.Error) apiError {
	a := apiError{code: e.Code, message: e.Message}
	if d := askedDelay(e); d > 0 {
		a.retryAfter = strconv.FormatInt(int64((d+time.Second-1)/time.Second), 10)
	}
	var body struct {
		Error struct {
			Message string `json:"message"`
			Status  string `json:"status"`
			Details []struct {
				Type     string            `json:"@type"`
				Reason   string            `json:"reason"`
				Metadata map[string]string `json:"metadata"`
			} `json:"details"`
		} `json:"error"`
	}
	if json.Unmarshal([]byte(e.Body), &body) == nil {
		a.status = body.Error.Status
		if a.message == "" {
			a.message = body.Error.Message
		}
		for _, d := range body.Error.Details {
			if d.Reason != "" {
				a.reasons = append(a.reasons, d.Reason)
			}
			if u := d.Metadata["activationUrl"]; d.Reason == "SERVICE_DISABLED" && isGoogleConsole(u) {
				a.activationURL = u
			}
		}
	}
	for _, it := range e.Errors { // the older "errors":[{"reason":...}] form
		if it.Reason != "" {
			a.reasons = append(a.reasons, it.Reason)
		}
	}
	return a
}

func (a apiError) hasReason(r string) bool {
	for _, x := range a.reasons {
		if x == r {
			return true
		}
	}
	return false
}

// detail is "HTTP 403 PERMISSION_DENIED: <Google's message>" plus any ErrorInfo reason. Google's
// messages carry no credentials; request headers (where the token is) are never included.
func (a apiError) detail() string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP %d", a.code)
	if a.status != "" {
		b.WriteString(" " + a.status)
	}
	if a.message != "" {
		b.WriteString(": " + clip(a.message, 500))
	}
	if len(a.reasons) > 0 {
		b.WriteString(" (reason " + strings.Join(a.reasons, ", ") + ")")
	}
	return b.String()
}

func (a apiError) messageHas(subs ...string) bool {
	m := strings.ToLower(a.message)
	for _, s := range subs {
		if strings.Contains(m, strings.ToLower(s)) {
			return true
		}
	}
	return false
}

// isGoogleConsole reports a link to Google's Cloud console over https: the only place an
// activation link from an error body may send the person (the UI opens it in their browser).
func isGoogleConsole(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "https" && u.User == nil &&
		(u.Host == "console.developers.google.com" || u.Host == "console.cloud.google.com")
}

// isAlreadyExists reports a 409 ALREADY_EXISTS from Google.
func isAlreadyExists(err error) bool {
	var ge *googleapi.Error
	return errors.As(err, &ge) && ge.Code == 409
}

// googleStatus returns the HTTP code of a Google error, 0 for any other error.
func googleStatus(err error) int {
	var ge *googleapi.Error
	if errors.As(err, &ge) {
		return ge.Code
	}
	return 0
}

// toProblem turns any error from the Chat client into a *problem.Problem.
func toProblem(err error, c call) *problem.Problem {
	if err == nil {
		return nil
	}
	var g *gaveUp
	if errors.As(err, &g) {
		// Retries stopped: the last failure, and why no more were made.
		q := *toProblem(g.err, c)
		q.Detail = strings.TrimPrefix(q.Detail+"; "+g.why, "; ")
		return &q
	}
	if p, ok := problem.As(err); ok {
		// Already a problem, e.g. from the auth package's TokenSource inside the HTTP client.
		return p
	}
	if errors.Is(err, context.Canceled) {
		return cancelled()
	}
	var ge *googleapi.Error
	if errors.As(err, &ge) {
		return fromAPIError(parseAPIError(ge), c)
	}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		return fromTokenError(re)
	}
	if strings.Contains(err.Error(), "oauth2: ") {
		// The HTTP client's token source failed without reaching Google's token endpoint
		// (no refresh token, token expired); the user has to sign in again.
		return signedOut("sign-in token unusable: " + clip(tokenFree(err.Error()), 300))
	}
	if isNetworkError(err) {
		return network(err)
	}
	return probBadResponse.WithDetail(clip(err.Error(), 500))
}

func isNetworkError(err error) bool {
	var ne net.Error
	var ue *url.Error
	var oe *net.OpError
	return errors.Is(err, context.DeadlineExceeded) ||
		errors.As(err, &ne) || errors.As(err, &ue) || errors.As(err, &oe) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// tokenFree keeps only the text after the last "oauth2: ", which names the failure and holds no
// token (oauth2 never prints tokens, but the text before it may quote a URL).
func tokenFree(s string) string {
	if i := strings.LastIndex(s, "oauth2: "); i >= 0 {
		return s[i:]
	}
	return s
}

func cancelled() *problem.Problem { return probCancelled }

func network(err error) *problem.Problem {
	d := "network error: " + err.Error()
	if errors.Is(err, context.DeadlineExceeded) {
		d = "timed out waiting for Google: " + err.Error()
	}
	return probNetwork.WithDetail(clip(d, 500)).AsRetryable()
}

// fromTokenError: the HTTP client's token source could not refresh the access token.
func fromTokenError(re *oauth2.RetrieveError) *problem.Problem {
	status := 0
	if re.Response != nil {
		status = re.Response.StatusCode
	}
	d := fmt.Sprintf("token refresh failed: HTTP %d %s", status, re.ErrorCode)
	if status >= 500 {
		return googleUnavailable(d)
	}
	return signedOut(d)
}

func signedOut(detail string) *problem.Problem {
	return probSignedOut.WithDetail(detail)
}

func googleUnavailable(detail string) *problem.Problem {
	return probGoogleUnavailable.WithDetail(detail).AsRetryable()
}

func fromAPIError(a apiError, c call) *problem.Problem {
	d := a.detail()
	p := func(def *problem.Problem) *problem.Problem { return def.WithDetail(d) }
	// Checks by message first: Google uses several codes for the same situation.
	switch {
	case a.hasReason("SERVICE_DISABLED"):
		q := p(probAPIDisabled)
		if a.activationURL != "" {
			q = q.With("activationUrl", a.activationURL)
		}
		return q
	case a.messageHas("Google Chat app not found", "No bot associated with this project", "Invalid project number"):
		return p(probAppNotConfigured)
	case a.messageHas("administrator must grant"):
		return p(probAdminMustGrant)
	case a.code == 403 && (a.hasReason("ACCESS_TOKEN_SCOPE_INSUFFICIENT") || a.messageHas("insufficient authentication scopes")):
		q := p(probScopeMissing)
		if c.scope != "" {
			q = q.With("scope", c.scope)
		}
		return q
	case a.messageHas("only available to Google Workspace", "Workspace users"):
		return p(probWorkspaceOnly)
	case a.status == "FAILED_PRECONDITION" && a.messageHas("turned off", "disabled", "not enabled", "isn't enabled", "is off"):
		return p(probChatOff)
	case a.code == 400 && a.messageHas("direct message"):
		return p(probDMAppOnly)
	case a.messageHas("malformed user resource name"):
		return p(probInvalidMember)
	}
	switch {
	case a.code == 401 || a.status == "UNAUTHENTICATED":
		return signedOut(d)
	case a.code == 403 || a.status == "PERMISSION_DENIED":
		return p(probPermissionDenied)
	case a.code == 404 || a.status == "NOT_FOUND":
		q := p(probSpaceNotFound)
		if c.space != "" {
			q = q.With("space", c.space)
		}
		return q
	case a.code == 409 || a.status == "ALREADY_EXISTS":
		return p(probAlreadyMember)
	case a.code == 429 || a.status == "RESOURCE_EXHAUSTED":
		q := p(probQuota)
		q = q.AsRetryable()
		if a.retryAfter != "" {
			q = q.With("retryAfterSeconds", a.retryAfter)
		}
		return q
	case a.status == "FAILED_PRECONDITION":
		return p(probPrecondition)
	case a.code >= 500:
		return googleUnavailable(d)
	case a.code == 400:
		return p(probBadRequest)
	}
	return p(probUnexpected)
}
