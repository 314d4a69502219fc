package emulator

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// oauthPageError is a request the authorization endpoint refuses with a page, as Google does:
// until client_id and redirect_uri are known good, nothing may be sent to the redirect_uri.
type oauthPageError struct {
	Status      int
	Code        string // "invalid_request", "redirect_uri_mismatch", ...
	Description string
	// Title is the page's heading; "" is Google's generic "Access blocked: Authorization Error".
	Title string
}

// maxPendingConsent caps the consent pages shown but not yet answered. Each expires after
// consentLifetime, but without a cap a loop of authorization requests could fill memory within
// that hour; at the cap the oldest page is dropped (its Allow then fails as an expired page would).
const maxPendingConsent = 200

// handleAuthorize is GET /o/oauth2/auth: validate the request, then show the consent page.
func (s *Server) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	req, perr := s.parseAuthRequest(q)
	if perr == nil {
		// A request Google accepts may still be refused by the consent screen's settings.
		perr = s.consentRefusal(req.Client.Name)
	}
	if perr != nil {
		s.mu.Unlock()
		writeErrorPage(w, perr)
		return
	}
	// prompt=none: the emulator has no browser session, so a login_hint stands for the signed-in
	// user. Google answers without a page when that user already granted every scope, and with
	// an error on the redirect_uri when it would have to ask (OpenID Connect Core §3.1.2.6).
	if req.Prompt["none"] {
		u := s.oauthUser(req.LoginHint)
		var target string
		switch {
		case req.LoginHint == "" || u == nil || u.External:
			target = redirectWith(req.RedirectURI, url.Values{"error": {"login_required"}, "state": {req.State}})
		case !s.allConsented(u, req):
			target = redirectWith(req.RedirectURI, url.Values{"error": {"consent_required"}, "state": {req.State}})
		default:
			target = s.issueCode(req, u)
		}
		s.mu.Unlock()
		http.Redirect(w, r, target, http.StatusFound)
		return
	}
	id := randomToken("req-")
	s.sweepExpired()
	s.dropOldestPending()
	s.oauth.pending[id] = req
	page := consentPage{RequestID: id, AppName: req.Client.Name, Action: "/o/oauth2/approve"}
	hint := s.oauthUser(req.LoginHint)
	if hint != nil && hint.External {
		hint = nil
	}
	// The chooser lists the organisation's people; External users (another organisation's
	// consultants) sign in elsewhere.
	for _, u := range s.data.Users {
		if u.External {
			continue
		}
		page.Accounts = append(page.Accounts, consentAccount{
			ID:       "account-" + u.ID,
			Email:    u.Email,
			Name:     u.DisplayName,
			Selected: (hint != nil && u == hint) || (hint == nil && len(page.Accounts) == 0),
		})
	}
	for _, sc := range req.Scopes {
		page.Scopes = append(page.Scopes, scopeInfo[sc])
	}
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Frame-Options", "DENY")
	_ = consentTmpl.Execute(w, page)
}

// dropOldestPending makes room for one more consent page when maxPendingConsent are pending,
// dropping the one that expires first (all live equally long, so the oldest). A linear scan:
// the map is small and this runs only at the cap. The caller holds s.mu.
func (s *Server) dropOldestPending() {
	for len(s.oauth.pending) >= maxPendingConsent {
		oldest := ""
		for id, req := range s.oauth.pending {
			if oldest == "" || req.Expiry.Before(s.oauth.pending[oldest].Expiry) {
				oldest = id
			}
		}
		delete(s.oauth.pending, oldest)
	}
}

// parseAuthRequest validates the query of an authorization request; the caller holds s.mu.
func (s *Server) parseAuthRequest(q url.Values) (*authRequest, *oauthPageError) {
	bad := func(desc string) *oauthPageError {
		return &oauthPageError{Status: http.StatusBadRequest, Code: "invalid_request", Description: desc}
	}
	clientID := q.Get("client_id")
	if clientID == "" {
		return nil, bad("Missing required parameter: client_id")
	}
	client := s.oauth.clients[clientID]
	if client == nil {
		return nil, &oauthPageError{Status: http.StatusUnauthorized, Code: "invalid_client", Description: "The OAuth client was not found."}
	}
	redirect := q.Get("redirect_uri")
	if redirect == "" {
		return nil, bad("Missing required parameter: redirect_uri")
	}
	if redirect == "urn:ietf:wg:oauth:2.0:oob" || redirect == "oob" {
		return nil, bad("The out-of-band (OOB) flow has been blocked in order to keep users secure.")
	}
	if !loopbackRedirect(redirect) {
		return nil, &oauthPageError{Status: http.StatusBadRequest, Code: "redirect_uri_mismatch",
			Description: "You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. " +
				"A Desktop app may only use a loopback redirect_uri (http://127.0.0.1:PORT, http://[::1]:PORT or http://localhost:PORT). " +
				"redirect_uri=" + redirect}
	}
	switch rt := q.Get("response_type"); rt {
	case "":
		return nil, bad("Missing required parameter: response_type")
	case "code":
	default:
		return nil, &oauthPageError{Status: http.StatusBadRequest, Code: "unsupported_response_type", Description: "Invalid response_type: " + rt}
	}
	raw := strings.Fields(q.Get("scope"))
	if len(raw) == 0 {
		return nil, bad("Missing required parameter: scope")
	}
	req := &authRequest{
		Client:         client,
		RedirectURI:    redirect,
		State:          q.Get("state"),
		Nonce:          q.Get("nonce"),
		LoginHint:      q.Get("login_hint"),
		IncludeGranted: q.Get("include_granted_scopes") == "true",
		Prompt:         map[string]bool{},
		Expiry:         s.now().Add(consentLifetime),
	}
	seen := map[string]bool{}
	var invalid []string
	for _, sc := range raw {
		n, ok := normalScope(sc)
		if !ok {
			invalid = append(invalid, sc)
			continue
		}
		if !seen[n] {
			seen[n] = true
			req.Scopes = append(req.Scopes, n)
		}
	}
	if len(invalid) > 0 {
		return nil, &oauthPageError{Status: http.StatusBadRequest, Code: "invalid_scope",
			Description: "Some requested scopes were invalid. {invalid=[" + strings.Join(invalid, ", ") + "]}"}
	}
	// PKCE (RFC 7636). Google accepts both S256 and plain, and a request without a challenge
	// (older client libraries send none); a method without a challenge is an error. The
	// emulator mirrors that rather than being stricter than the server it stands in for.
	req.CodeChallenge = q.Get("code_challenge")
	req.CodeChallengeMethod = q.Get("code_challenge_method")
	switch {
	case req.CodeChallenge == "" && req.CodeChallengeMethod != "":
		return nil, bad("Missing code_challenge.")
	case req.CodeChallenge == "":
	case !validPKCEString(req.CodeChallenge):
		return nil, bad("Invalid code_challenge.")
	case req.CodeChallengeMethod == "":
		req.CodeChallengeMethod = "plain" // RFC 7636 §4.3: plain is the default
	case req.CodeChallengeMethod != "S256" && req.CodeChallengeMethod != "plain":
		return nil, bad("Invalid code_challenge_method value: " + req.CodeChallengeMethod)
	}
	switch at := q.Get("access_type"); at {
	case "", "online":
	case "offline":
		req.Offline = true
	default:
		return nil, bad("Invalid access_type value: " + at)
	}
	for _, p := range strings.Fields(q.Get("prompt")) {
		switch p {
		case "none", "consent", "select_account":
			req.Prompt[p] = true
		default:
			return nil, bad("Invalid prompt: " + p)
		}
	}
	if req.Prompt["none"] && len(req.Prompt) > 1 {
		return nil, bad("prompt=none may not be combined with other values.")
	}
	return req, nil
}

// loopbackRedirect reports whether u is a loopback redirect Google accepts for Desktop clients:
// http, host 127.0.0.1, [::1] or localhost, any port (or none), no user info or fragment.
func loopbackRedirect(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" || u.User != nil || u.Fragment != "" || u.Opaque != "" {
		return false
	}
	host := u.Hostname()
	if host != "127.0.0.1" && host != "::1" && host != "localhost" {
		return false
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return false
		}
	}
	return true
}

// validPKCEString checks a code_challenge or code_verifier: 43-128 unreserved characters.
func validPKCEString(v string) bool {
	if len(v) < 43 || len(v) > 128 {
		return false
	}
	for _, c := range v {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '.', c == '_', c == '~':
		default:
			return false
		}
	}
	return true
}

// allConsented reports whether u already granted every scope of req to its client; s.mu held.
func (s *Server) allConsented(u *User, req *authRequest) bool {
	had := s.oauth.consented[consentKey(u.ID, req.Client.ID)]
	for _, sc := range req.Scopes {
		if !had[sc] {
			return false
		}
	}
	return true
}

// issueCode records u's consent to req and returns the redirect carrying a fresh code; s.mu held.
func (s *Server) issueCode(req *authRequest, u *User) string {
	key := consentKey(u.ID, req.Client.ID)
	had := s.oauth.consented[key]
	// Google hands out a refresh token when the user sees a consent screen: on the first grant,
	// when a scope is new, or with prompt=consent. Re-authorising the same scopes yields none.
	newScope := !s.allConsented(u, req)
	granted := map[string]bool{}
	for _, sc := range req.Scopes {
		granted[sc] = true
	}
	if req.IncludeGranted {
		for sc := range had {
			granted[sc] = true
		}
	}
	if had == nil {
		had = map[string]bool{}
		s.oauth.consented[key] = had
	}
	for _, sc := range req.Scopes {
		had[sc] = true
	}
	scopes := make([]string, 0, len(granted))
	for sc := range granted {
		scopes = append(scopes, sc)
	}
	scopes = sortScopes(scopes)
	// Whether Google would have shown its consent screen; the redirect's prompt says which
	// ("consent" or "none"), whatever the request's prompt was.
	consentShown := newScope || req.Prompt["consent"]
	prompt := "none"
	if consentShown {
		prompt = "consent"
	}
	code := randomToken("4/0emu-")
	s.sweepExpired()
	s.oauth.codes[code] = &authCode{
		Req:          req,
		User:         u,
		Scopes:       scopes,
		IssueRefresh: req.Offline && consentShown,
		Expiry:       s.now().Add(authCodeLifetime),
	}
	return redirectWith(req.RedirectURI, url.Values{
		"state":    {req.State},
		"code":     {code},
		"scope":    {strings.Join(scopes, " ")},
		"authuser": {"0"},
		"prompt":   {prompt},
	})
}

// handleApprove is POST /o/oauth2/approve, the consent page's form.
func (s *Server) handleApprove(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeErrorPage(w, &oauthPageError{Status: http.StatusBadRequest, Code: "invalid_request", Description: "The form could not be read."})
		return
	}
	s.mu.Lock()
	id := r.PostForm.Get("request_id")
	req := s.oauth.pending[id]
	delete(s.oauth.pending, id) // one answer per page
	if req == nil || !s.now().Before(req.Expiry) {
		s.mu.Unlock()
		writeErrorPage(w, &oauthPageError{Status: http.StatusBadRequest, Code: "invalid_request",
			Description: "This sign-in page has expired or was already used. Go back to the app and start signing in again."})
		return
	}
	var target string
	switch r.PostForm.Get("action") {
	case "deny":
		target = redirectWith(req.RedirectURI, url.Values{"error": {"access_denied"}, "state": {req.State}})
	case "allow":
		u := s.oauthUser(r.PostForm.Get("account"))
		if u == nil || u.External || r.PostForm.Get("account") == "" {
			s.mu.Unlock()
			writeErrorPage(w, &oauthPageError{Status: http.StatusBadRequest, Code: "invalid_request",
				Description: "No account was chosen. Go back to the app and start signing in again."})
			return
		}
		target = s.issueCode(req, u)
	default:
		s.mu.Unlock()
		writeErrorPage(w, &oauthPageError{Status: http.StatusBadRequest, Code: "invalid_request", Description: "Unknown action."})
		return
	}
	s.mu.Unlock()
	http.Redirect(w, r, target, http.StatusFound)
}

// redirectWith adds params to the redirect_uri's own query, dropping empty values (an absent
// state stays absent).
func redirectWith(redirectURI string, params url.Values) string {
	u, _ := url.Parse(redirectURI) // validated by loopbackRedirect
	q := u.Query()
	for k, vs := range params {
		for _, v := range vs {
			if v != "" {
				q.Add(k, v)
			}
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

func writeErrorPage(w http.ResponseWriter, e *oauthPageError) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(e.Status)
	_ = errorTmpl.Execute(w, e)
}

type consentAccount struct {
	ID, Email, Name string
	Selected        bool
}

type consentPage struct {
	RequestID, AppName, Action string
	Accounts                   []consentAccount
	Scopes                     []string
}

const pageStyle = `
body{font-family:Roboto,Arial,sans-serif;background:#f0f4f9;color:#1f1f1f;margin:0}
main{max-width:36rem;margin:3rem auto;background:#fff;border-radius:1.75rem;padding:2.25rem}
h1{font-size:1.75rem;font-weight:400;margin:.5rem 0 1rem}
.brand{font-size:1.1rem;color:#444746}
.demo{display:inline-block;background:#fef7e0;color:#5f4700;border-radius:.25rem;padding:.1rem .5rem;font-size:.85rem}
fieldset{border:1px solid #c4c7c5;border-radius:.75rem;padding:.75rem 1rem;margin:1rem 0}
legend{padding:0 .25rem;font-weight:500}
label{display:flex;gap:.75rem;align-items:center;padding:.5rem 0;cursor:pointer}
.email{color:#444746;font-size:.9rem}
ul{padding-left:1.25rem}li{margin:.4rem 0}
.buttons{display:flex;justify-content:flex-end;gap:.75rem;margin-top:1.5rem}
button{font:inherit;border-radius:1.25rem;padding:.6rem 1.5rem;cursor:pointer;border:1px solid #747775;background:#fff;color:#0b57d0}
button.primary{background:#0b57d0;color:#fff;border-color:#0b57d0}
button:focus-visible,input:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
`

var consentTmpl = template.Must(template.New("consent").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in - Google Accounts (demo workspace)</title>
<style>` + pageStyle + `</style>
</head>
<body>
<main>
<p class="brand">Google <span class="demo">Demo workspace: nothing leaves this computer</span></p>
<h1>{{.AppName}} wants access to your Google Account</h1>
<form method="post" action="{{.Action}}">
<input type="hidden" name="request_id" value="{{.RequestID}}">
<fieldset>
<legend>Choose an account</legend>
{{range .Accounts}}<label for="{{.ID}}"><input type="radio" id="{{.ID}}" name="account" value="{{.Email}}"{{if .Selected}} checked{{end}} required>
<span><span class="name">{{.Name}}</span><br><span class="email">{{.Email}}</span></span></label>
{{else}}<p>This workspace has no accounts.</p>
{{end}}</fieldset>
<h2 id="scopes-heading">This will allow {{.AppName}} to:</h2>
<ul aria-labelledby="scopes-heading">
{{range .Scopes}}<li>{{.}}</li>
{{end}}</ul>
<p>Make sure you trust {{.AppName}}. You can remove its access at any time in your Google Account.</p>
<div class="buttons">
<button type="submit" name="action" value="deny" formnovalidate>Deny</button>
<button type="submit" name="action" value="allow" class="primary">Allow</button>
</div>
</form>
</main>
</body>
</html>
`))

var errorTmpl = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Error {{.Status}}: {{.Code}}</title>
<style>` + pageStyle + `</style>
</head>
<body>
<main>
<p class="brand">Google <span class="demo">Demo workspace</span></p>
<h1>{{if .Title}}{{.Title}}{{else}}Access blocked: Authorization Error{{end}}</h1>
<p>{{.Description}}</p>
<p><strong>Error {{.Status}}: {{.Code}}</strong></p>
</main>
</body>
</html>
`))
