package chat

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/oauth2"
	"google.golang.org/api/googleapi"

	"chatmembers/backend/problem"
)

// googleError builds the error exactly as the client library does from an HTTP response with
// Google's JSON error body.
func googleError(t *testing.T, code int, status, message string, reasons ...string) error {
	t.Helper()
	details := ""
	for i, r := range reasons {
		if i > 0 {
			details += ","
		}
		details += fmt.Sprintf(`{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":%q,"domain":"googleapis.com"}`, r)
	}
	body := fmt.Sprintf(`{"error":{"code":%d,"message":%q,"status":%q,"details":[%s]}}`, code, message, status, details)
	res := &http.Response{StatusCode: code, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body))}
	err := googleapi.CheckResponse(res)
	if _, ok := err.(*googleapi.Error); !ok {
		t.Fatalf("CheckResponse gave %T", err)
	}
	return err
}

// The rows of the error table in reference/chat-api.md, with Google's verbatim messages.
func TestToProblemGoogleErrors(t *testing.T) {
	cases := []struct {
		code                  int
		status, msg, reason   string
		scope                 string
		want                  string
		retryable, wantScoped bool
	}{
		{404, "NOT_FOUND", "Google Chat app not found. To create a Chat app, you must turn on the Chat API and configure the app in the Google Cloud console.", "", "", CodeAppNotConfigured, false, false},
		{404, "NOT_FOUND", "No bot associated with this project.", "", "", CodeAppNotConfigured, false, false},
		{400, "INVALID_ARGUMENT", "Invalid project number.", "", "", CodeAppNotConfigured, false, false},
		{400, "INVALID_ARGUMENT", "Missing or malformed user resource name in the request. Human user resource name must follow this format: users/{user}. App user resource name must be set as users/app.", "", "", CodeInvalidMember, false, false},
		{403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.", "ACCESS_TOKEN_SCOPE_INSUFFICIENT", ScopeMembershipsApp, CodeScopeMissing, false, true},
		{403, "PERMISSION_DENIED", "Something else entirely.", "ACCESS_TOKEN_SCOPE_INSUFFICIENT", ScopeMemberships, CodeScopeMissing, false, true},
		{403, "PERMISSION_DENIED", "The caller does not have permission", "", ScopeMemberships, CodePermissionDenied, false, false},
		{403, "PERMISSION_DENIED", "The administrator must grant the app the required OAuth authorization scope for this action.", "", "", CodeAdminMustGrant, false, false},
		{400, "FAILED_PRECONDITION", "Google Chat API is only available to Google Workspace users", "", "", CodeWorkspaceOnly, false, false},
		{400, "FAILED_PRECONDITION", "Google Chat is turned off for this user.", "", "", CodeChatOff, false, false},
		{400, "FAILED_PRECONDITION", "The space is in import mode.", "", "", CodePrecondition, false, false},
		{409, "ALREADY_EXISTS", "Membership already exists.", "", "", CodeAlreadyMember, false, false},
		{404, "NOT_FOUND", "Requested entity was not found.", "", "", CodeSpaceNotFound, false, false},
		{429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Membership write requests'.", "RATE_LIMIT_EXCEEDED", "", CodeQuota, true, false},
		{401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "ACCESS_TOKEN_EXPIRED", "", CodeSignedOut, false, false},
		{500, "INTERNAL", "Internal error encountered.", "", "", CodeGoogleUnavailable, true, false},
		{503, "UNAVAILABLE", "The service is currently unavailable.", "", "", CodeGoogleUnavailable, true, false},
		{400, "INVALID_ARGUMENT", "Invalid page size.", "", "", CodeBadRequest, false, false},
		{418, "", "teapot", "", "", CodeUnexpected, false, false},
	}
	for _, c := range cases {
		err := googleError(t, c.code, c.status, c.msg, c.reason)
		p := toProblem(fmt.Errorf("wrapped: %w", err), call{scope: c.scope, space: "spaces/AAA"})
		if p.Code != c.want || p.Retryable != c.retryable {
			t.Errorf("%d %s %q -> %s retryable=%v, want %s retryable=%v", c.code, c.status, c.msg, p.Code, p.Retryable, c.want, c.retryable)
		}
		wantDetail := fmt.Sprintf("HTTP %d", c.code)
		if c.status != "" {
			wantDetail += " " + c.status
		}
		wantDetail += ": " + c.msg
		if !strings.HasPrefix(p.Detail, wantDetail) {
			t.Errorf("detail %q, want prefix %q", p.Detail, wantDetail)
		}
		if p.Code != CodeAlreadyMember && (p.Message == "" || p.Fix == "") {
			t.Errorf("%s: message %q fix %q: both are needed", p.Code, p.Message, p.Fix)
		}
		if c.wantScoped && p.Params["scope"] != c.scope {
			t.Errorf("%s: params %v, want scope %s", p.Code, p.Params, c.scope)
		}
		if c.want == CodeSpaceNotFound && p.Params["space"] != "spaces/AAA" {
			t.Errorf("space_not_found params %v", p.Params)
		}
	}
}

func TestToProblemNonGoogleErrors(t *testing.T) {
	urlErr := func(e error) error { return &url.Error{Op: "Get", URL: "http://127.0.0.1:1/v1/spaces", Err: e} }
	existing := problem.New("auth.signed_out", "x", "y")
	cases := []struct {
		err       error
		want      string
		retryable bool
	}{
		{context.Canceled, CodeCancelled, false},
		{urlErr(context.Canceled), CodeCancelled, false},
		{urlErr(context.DeadlineExceeded), CodeNetwork, true},
		{urlErr(syscall.ECONNREFUSED), CodeNetwork, true},
		{urlErr(io.EOF), CodeNetwork, true},
		{urlErr(&oauth2.RetrieveError{Response: &http.Response{StatusCode: 400}, ErrorCode: "invalid_grant"}), CodeSignedOut, false},
		{urlErr(&oauth2.RetrieveError{Response: &http.Response{StatusCode: 503}}), CodeGoogleUnavailable, true},
		{urlErr(&oauth2.RetrieveError{}), CodeSignedOut, false},
		{urlErr(existing), "auth.signed_out", false},
		{urlErr(errors.New("oauth2: token expired and refresh token is not set")), CodeSignedOut, false},
		{errors.New("invalid character '<' looking for beginning of value"), CodeBadResponse, false},
	}
	for _, c := range cases {
		p := toProblem(c.err, call{})
		if p.Code != c.want || p.Retryable != c.retryable {
			t.Errorf("%v -> %s retryable=%v, want %s retryable=%v", c.err, p.Code, p.Retryable, c.want, c.retryable)
		}
	}
	if toProblem(nil, call{}) != nil {
		t.Error("nil error gave a problem")
	}
}

func TestQuotaRetryAfter(t *testing.T) {
	body := `{"error":{"code":429,"message":"Quota exceeded.","status":"RESOURCE_EXHAUSTED"}}`
	res := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"30"}}, Body: io.NopCloser(strings.NewReader(body))}
	p := toProblem(googleapi.CheckResponse(res), call{})
	if p.Code != CodeQuota || !p.Retryable || p.Params["retryAfterSeconds"] != "30" {
		t.Errorf("problem %+v", p)
	}
}

// An activation link that is not Google's console is not handed on: the UI opens it.
func TestServiceDisabledKeepsOnlyConsoleLinks(t *testing.T) {
	for link, want := range map[string]string{
		"https://console.developers.google.com/apis/api/chat.googleapis.com/overview?project=1": "https://console.developers.google.com/apis/api/chat.googleapis.com/overview?project=1",
		"https://evil.example/apis":              "",
		"http://console.developers.google.com/x": "",
	} {
		body := `{"error":{"code":403,"status":"PERMISSION_DENIED","message":"off","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SERVICE_DISABLED","metadata":{"activationUrl":"` + link + `"}}]}}`
		p := fromAPIError(parseAPIError(&googleapi.Error{Code: 403, Body: body}), call{})
		if p.Code != CodeAPIDisabled || p.Params["activationUrl"] != want {
			t.Errorf("%s: %s %q", link, p.Code, p.Params["activationUrl"])
		}
	}
}
