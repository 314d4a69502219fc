package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"

	"chatmembers/backend/problem"
)

// DefaultTimeout is how long a sign-in waits for the browser to come back.
const DefaultTimeout = 5 * time.Minute

// errFlowTimeout is the cause of the flow's own deadline, to tell it from a caller's cancel.
var errFlowTimeout = errors.New("auth: sign-in timed out")

// flow is one loopback authorization (RFC 8252 §7.3 with PKCE, RFC 7636).
type flow struct {
	cfg         oauth2.Config // endpoints and client; RedirectURL and Scopes are set per flow
	scopes      []string
	granted     []string // the scopes granted if the token response does not list them
	opts        []oauth2.AuthCodeOption
	openBrowser func(url string) error
	onURL       func(url string)
	httpClient  *http.Client
	timeout     time.Duration
	// finish turns the token into the sign-in, or refuses it (another account). It runs before
	// the browser is answered, so the tab shows its outcome.
	finish func(ctx context.Context, tok *oauth2.Token) (*Record, error)
}

// callback is what the loopback handler hands to the waiting flow: a code or a problem, and a
// channel for the outcome to show in the browser.
type callback struct {
	code  string
	err   *problem.Problem
	reply chan *problem.Problem
}

// run listens on 127.0.0.1:0, has the browser open the consent page, waits for exactly one
// valid redirect, exchanges its code, has finish check the token and returns the sign-in; only
// then does the browser tab hear the outcome. The listener is closed before run returns,
// whatever the outcome.
func (f *flow) run(ctx context.Context) (*Record, error) {
	// 127.0.0.1 rather than localhost (RFC 8252 §8.3): no resolver, no IPv6/IPv4 mismatch.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, errListen.WithDetail(err.Error())
	}
	defer ln.Close()
	host := ln.Addr().String()

	cfg := f.cfg
	cfg.RedirectURL = "http://" + host + "/"
	cfg.Scopes = f.scopes
	verifier := oauth2.GenerateVerifier()
	state := randomString(32)
	authURL := cfg.AuthCodeURL(state, append([]oauth2.AuthCodeOption{
		oauth2.AccessTypeOffline, oauth2.S256ChallengeOption(verifier),
	}, f.opts...)...)

	timeout := f.timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeoutCause(ctx, timeout, errFlowTimeout)
	defer cancel()

	callbacks := make(chan callback)
	var finished atomic.Bool
	srv := &http.Server{
		Handler:           loopbackHandler(ctx, host, state, &finished, callbacks),
		ReadHeaderTimeout: 10 * time.Second,
	}
	served := make(chan struct{})
	go func() {
		_ = srv.Serve(ln)
		close(served)
	}()
	defer func() {
		finished.Store(true)
		cancel() // releases a handler still waiting to hand over its callback
		sctx, scancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer scancel()
		if srv.Shutdown(sctx) != nil { // waits for the result page to be written
			_ = srv.Close()
		}
		<-served
	}()

	if f.onURL != nil {
		f.onURL(authURL)
	}
	if f.openBrowser != nil {
		// The UI also shows the link (onURL), so a browser that fails to open is not fatal.
		// Opening may block (xdg-open, a test playing the browser): do not wait for it.
		go func() { _ = f.openBrowser(authURL) }()
	}

	select {
	case <-ctx.Done():
		return nil, flowEnded(ctx)
	case cb := <-callbacks:
		if cb.err != nil {
			cb.reply <- cb.err
			return nil, cb.err
		}
		rec, err := f.complete(ctx, cfg, cb.code, verifier)
		if err != nil {
			p, ok := problem.As(err)
			if !ok {
				p = problem.Internal(err)
			}
			if ctx.Err() != nil {
				p = flowEnded(ctx)
			}
			cb.reply <- p
			return nil, p
		}
		cb.reply <- nil
		return rec, nil
	}
}

// complete exchanges the code (within CallTimeout) and hands the token to finish.
func (f *flow) complete(ctx context.Context, cfg oauth2.Config, code, verifier string) (*Record, error) {
	xctx, cancel := context.WithTimeout(ctx, CallTimeout)
	defer cancel()
	if f.httpClient != nil {
		xctx = context.WithValue(xctx, oauth2.HTTPClient, f.httpClient)
	}
	tok, err := cfg.Exchange(xctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		return nil, exchangeProblem(err, errExchange)
	}
	return f.finish(ctx, tok)
}

// flowEnded names why ctx ended: the flow's timeout (or the caller's deadline), or a cancel.
func flowEnded(ctx context.Context) *problem.Problem {
	cause := context.Cause(ctx)
	if errors.Is(cause, errFlowTimeout) || errors.Is(cause, context.DeadlineExceeded) {
		return errTimeout
	}
	return errCancelled
}

// loopbackHandler serves the redirect and nothing else: other methods, paths (favicon.ico) and
// Host names, and requests without OAuth parameters get 404 and leave the flow waiting. A
// redirect whose state is missing or does not match gets a 400 page and leaves the flow waiting
// too (RFC 6749 §10.12): it is a forgery or a stale tab, and any local page that finds the port
// could send one, so it must not be able to end the sign-in the user is busy with.
func loopbackHandler(ctx context.Context, host, state string, finished *atomic.Bool, callbacks chan<- callback) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The Host check turns away DNS-rebinding pages that reach 127.0.0.1 under another name.
		if r.Method != http.MethodGet || r.URL.Path != "/" || r.Host != host {
			http.NotFound(w, r)
			return
		}
		q := r.URL.Query()
		if !q.Has("state") && !q.Has("code") && !q.Has("error") {
			http.NotFound(w, r)
			return
		}
		lang := pageLanguage(r)
		if finished.Load() {
			writeResultPage(w, http.StatusGone, resultTexts[lang]["finished"])
			return
		}
		if got := q.Get("state"); got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(state)) != 1 {
			writeResultPage(w, http.StatusBadRequest, resultTexts[lang]["forged"])
			return
		}
		cb := callback{reply: make(chan *problem.Problem, 1)}
		switch {
		case q.Get("error") == "access_denied":
			cb.err = errDenied
		case q.Get("error") != "":
			cb.err = errAuthorization.WithDetail(strings.TrimSpace("authorization endpoint: " + q.Get("error") + " " + q.Get("error_description")))
		case q.Get("code") == "":
			cb.err = errAuthorization.WithDetail("the redirect carried neither a code nor an error")
		default:
			cb.code = q.Get("code")
		}
		select {
		case callbacks <- cb:
		case <-ctx.Done():
			writeResultPage(w, http.StatusGone, resultTexts[lang]["finished"])
			return
		}
		finished.Store(true)
		var outcome *problem.Problem
		select {
		case outcome = <-cb.reply:
		case <-r.Context().Done():
			return
		}
		if outcome != nil {
			page := resultTexts[lang]["failed"]
			if lang == "en" {
				// The problem's own English says what happened; the app shows it translated too.
				page.Message, page.Fix = outcome.Message, outcome.Fix
			}
			writeResultPage(w, http.StatusBadRequest, page)
			return
		}
		writeResultPage(w, http.StatusOK, resultTexts[lang]["signedIn"])
	})
}

// pageLanguage picks the language of the page shown in the person's browser from the browser's
// own Accept-Language (listed in order of preference): Russian or English, as the app's UI.
func pageLanguage(r *http.Request) string {
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		switch {
		case tag == "ru" || strings.HasPrefix(tag, "ru-"):
			return "ru"
		case tag == "en" || strings.HasPrefix(tag, "en-"):
			return "en"
		}
	}
	return "en"
}

// resultTexts are the loopback pages by language and outcome.
var resultTexts = map[string]map[string]resultPage{
	"en": {
		"signedIn": {Lang: "en", Title: "Signed in", Message: "Signed in. You can close this tab and return to Chat Members."},
		"finished": {Lang: "en", Title: "This sign-in has already finished", Message: "You can close this tab and return to Chat Members."},
		"forged": {Lang: "en", Title: "This page is not part of your sign-in", Failed: true,
			Message: "Chat Members ignored it and is still waiting for you to finish signing in.",
			Fix:     "Finish signing in in the browser tab that Chat Members opened."},
		"failed": {Lang: "en", Title: "Sign-in failed", Failed: true},
	},
	"ru": {
		"signedIn": {Lang: "ru", Title: "Вход выполнен", Message: "Вход выполнен. Эту вкладку можно закрыть и вернуться в Chat Members."},
		"finished": {Lang: "ru", Title: "Этот вход уже завершён", Message: "Эту вкладку можно закрыть и вернуться в Chat Members."},
		"forged": {Lang: "ru", Title: "Эта страница не относится к вашему входу", Failed: true,
			Message: "Chat Members не принял её и по-прежнему ждёт, пока вы завершите вход.",
			Fix:     "Завершите вход во вкладке браузера, которую открыл Chat Members."},
		"failed": {Lang: "ru", Title: "Войти не удалось", Failed: true,
			Message: "Вернитесь в Chat Members: там написано, что случилось и что делать дальше."},
	},
}

type resultPage struct {
	Lang, Title, Message, Fix string
	Failed                    bool
}

var resultTmpl = template.Must(template.New("result").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} - Chat Members</title>
<style>
body{font-family:system-ui,sans-serif;background:#f6f7f9;color:#1f2328;margin:0}
main{max-width:32rem;margin:4rem auto;background:#fff;border-radius:1rem;padding:2rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.5rem;margin-top:0}
.failed h1{color:#b3261e}
</style>
</head>
<body>
<main{{if .Failed}} class="failed"{{end}}>
<h1>{{.Title}}</h1>
<p>{{.Message}}</p>
{{if .Fix}}<p>{{.Fix}}</p>{{end}}
</main>
</body>
</html>
`))

func writeResultPage(w http.ResponseWriter, status int, p resultPage) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer") // the URL carried the code
	w.WriteHeader(status)
	_ = resultTmpl.Execute(w, p)
}

// randomString is n random bytes, base64url-encoded.
func randomString(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("auth: no randomness: %v", err))
	}
	return base64.RawURLEncoding.EncodeToString(b)
}
