package session

import (
	"context"
	"slices"
	"time"

	"chatmembers/backend/auth"
	"chatmembers/backend/chat"
	"chatmembers/backend/problem"
)

// SignIn runs the browser sign-in for the basic scopes (reading spaces, managing members).
// A second call cancels the first. CancelSignIn abandons it.
func (w *Session) SignIn(ctx context.Context) (_ Status, err error) {
	defer func(start time.Time) { w.logAction(ctx, "session.sign_in", start, err) }(time.Now())
	_, err = w.runAuth(ctx, func(ctx context.Context, a *auth.Service) (auth.Account, error) {
		return a.SignIn(ctx, auth.BaseScopes...)
	})
	return w.Status(), err
}

// authRun is one browser round trip in progress: its cancel, and a channel closed when it ended.
type authRun struct {
	cancel context.CancelFunc
	done   chan struct{}
}

// runAuth runs one browser round trip (sign-in or asking for a further scope) so that
// CancelSignIn can stop it; the lock is not held while the user is in the browser. A new
// round trip cancels the one before and waits for it to end, because the auth service runs one
// flow at a time (its loopback listener must be closed before the next opens).
func (w *Session) runAuth(ctx context.Context, f func(context.Context, *auth.Service) (auth.Account, error)) (auth.Account, error) {
	w.mu.Lock()
	a := w.auth
	w.mu.Unlock()
	if a == nil {
		return auth.Account{}, errNoWorkspace
	}
	return w.runAuthOn(ctx, a, func(ctx context.Context) (auth.Account, error) { return f(ctx, a) })
}

// runAuthOn is runAuth for a round trip whose result is only wanted while a is the active
// service (adding an account runs it on another service, for the active one's world).
func (w *Session) runAuthOn(ctx context.Context, a *auth.Service, f func(context.Context) (auth.Account, error)) (auth.Account, error) {
	w.mu.Lock()
	prev := w.run
	ctx, cancel := context.WithCancel(ctx)
	me := &authRun{cancel: cancel, done: make(chan struct{})}
	w.run = me
	w.mu.Unlock()
	defer close(me.done)
	defer cancel()

	if prev != nil {
		prev.cancel()
		<-prev.done
	}
	acct, err := f(ctx)

	w.mu.Lock()
	defer w.mu.Unlock()
	if w.run == me {
		w.run = nil
	}
	if w.auth != a {
		// The workspace was switched while the browser was open: this result belongs to neither.
		return auth.Account{}, auth.Cancelled()
	}
	return acct, err
}

// CancelSignIn abandons a sign-in (or a request for a further permission) waiting for the browser.
func (w *Session) CancelSignIn() {
	w.logAction(context.Background(), "session.cancel_sign_in", time.Now(), nil)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.run != nil {
		w.run.cancel()
	}
}

// SignOut revokes the active account's tokens at Google and forgets them (SignOutAccount for
// another one). The most recently used other account becomes active; with none left, leaving
// the demo returns to the welcome screen, and leaving your workspace keeps its client file so
// signing in again is one click.
func (w *Session) SignOut(ctx context.Context) (_ Status, err error) {
	defer func(start time.Time) { w.logAction(ctx, "session.sign_out", start, err) }(time.Now())
	w.mu.Lock()
	a, id := w.auth, w.activeIDLocked()
	w.mu.Unlock()
	if a == nil {
		return w.Status(), nil
	}
	w.stopRuns(true) // the account's jobs stop, recorded, while its tokens still work
	ctx, cancel := context.WithTimeout(ctx, signOutTimeout)
	defer cancel()
	err = a.SignOut(ctx)
	w.mu.Lock()
	moved := false
	if w.auth == a {
		// Another remembered account takes over; with none left, the demo ends.
		moved = w.afterSignOutLocked(id)
		if !moved && w.mode == ModeDemo {
			w.mode, moved = ModeNone, true
		}
	}
	w.mu.Unlock()
	if moved {
		w.changed(nil)
	}
	return w.Status(), err
}

// chatService returns the Chat service of the signed-in user, building it on first use.
func (w *Session) chatService() (*chat.Service, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.auth == nil {
		return nil, errNoWorkspace
	}
	acct, ok := w.auth.Account()
	if !ok {
		return nil, errNotSignedIn
	}
	if w.chat == nil {
		// The client refreshes tokens for as long as the app runs, not for one call.
		svc, err := chat.New(context.Background(), w.auth.Client(), w.endpointLocked())
		if err != nil {
			return nil, err
		}
		w.chat = svc.WithCallerEmail(acct.Email)
	}
	return w.chat, nil
}

// endpointLocked is the base URL of every Google API in use: the emulator's in the demo (it
// serves them all under one address), "" (each client's default, Google) otherwise.
func (w *Session) endpointLocked() string {
	if w.mode == ModeDemo && w.emu != nil {
		return w.emu.URL() + "/"
	}
	return w.opts.LiveAPI
}

// Self is the signed-in person as chat names them, to leave out of conversation labels.
func (w *Session) Self() chat.Self {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.auth != nil {
		if acct, ok := w.auth.Account(); ok {
			return chat.Self{Email: acct.Email, UserID: acct.Subject}
		}
	}
	return chat.Self{}
}

// afterCall notices an answer that means Google no longer accepts the sign-in (401), so that
// auth forgets it and the UI hears session:changed. (A refresh refused with invalid_grant is
// noticed by auth itself.)
func (w *Session) afterCall(err error) error {
	if p, ok := problem.As(err); ok && p.Code == chat.CodeSignedOut {
		w.mu.Lock()
		a := w.auth
		w.mu.Unlock()
		if a != nil {
			a.Forget(p)
		}
	}
	return err
}

// Call is how a bound method reaches Google's Chat API for the signed-in user: one action,
// named for the log, within a deadline; the permission it needs asked for first (incremental
// consent) or, when Google says one is missing, asked for and the call made once more; a
// refused sign-in forgotten (session:changed). It logs one line with the outcome.
func Call[T any](ctx context.Context, w *Session, a Action, f func(context.Context, *chat.Service) (T, error)) (T, error) {
	start := time.Now()
	v, err := call(ctx, w, a, f)
	w.logAction(ctx, a.Name, start, err)
	return v, err
}

// Action describes one user action for Call.
type Action struct {
	// Name is what the log calls it ("spaces.list").
	Name string
	// Timeout bounds the action, retries included; 0 means a minute.
	Timeout time.Duration
	// Scope, when set, is asked for in the browser before the call unless already granted.
	Scope string
	// Admin marks an action of administrator mode (admin access): refused with
	// workspace.admin_off unless the mode is on, so nothing uses admin access unasked.
	Admin bool
	// RetryScope, when set, is asked for if Google answers chat.scope_missing, then the call
	// is made once more (a sign-in from before the scope was needed, or with it unticked).
	RetryScope string
}

func call[T any](ctx context.Context, w *Session, a Action, f func(context.Context, *chat.Service) (T, error)) (T, error) {
	var zero T
	// The account the action was asked as: should the person switch accounts meanwhile, it is
	// neither sent as the other account nor answered into the other account's view.
	owner := w.activeAuth()
	if _, err := w.chatService(); err != nil {
		return zero, err
	}
	if a.Admin && !w.Admin() {
		return zero, errAdminOff
	}
	if a.Scope != "" && !w.has(a.Scope) {
		if err := w.ensureScope(ctx, a.Scope); err != nil {
			return zero, err
		}
	}
	timeout := a.Timeout
	if timeout == 0 {
		timeout = time.Minute
	}
	try := func() (T, error) {
		svc, err := w.chatService()
		if err != nil {
			return zero, err
		}
		if w.activeAuth() != owner {
			return zero, errSwitched
		}
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		return f(ctx, svc)
	}
	v, err := try()
	if a.RetryScope != "" && problem.CodeOf(err) == chat.CodeScopeMissing {
		if err := w.ensureScope(ctx, a.RetryScope); err != nil {
			return zero, err
		}
		v, err = try()
	}
	if w.activeAuth() != owner {
		return zero, errSwitched
	}
	return v, w.afterCall(err)
}

// activeAuth is the auth service of the active account (nil before a world is chosen).
func (w *Session) activeAuth() *auth.Service {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.auth
}

func (w *Session) has(scope string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.auth != nil && w.auth.Has(scope)
}

// ensureScope asks the browser for more scopes (one consent page for all of them), for the signed-in account (login_hint). Should
// the person pick another account on the consent page, auth refuses that grant
// (auth.wrong_account) and the sign-in in place stays as it was.
func (w *Session) ensureScope(ctx context.Context, scopes ...string) error {
	need := append(slices.Clone(auth.BaseScopes), scopes...)
	_, err := w.runAuth(ctx, func(ctx context.Context, a *auth.Service) (auth.Account, error) {
		return auth.Account{}, a.EnsureScopes(ctx, need...)
	})
	// auth's OnChange drops the chat client, to be rebuilt with the widened token. If a scope
	// is still missing (unticked on the consent page), the call itself says so.
	return err
}

// Bounds on calls to Google, so a stalled connection ends in a message instead of a busy
// screen forever. The browser round trips have their own limit (auth's 5 minutes).
const (
	// ListTimeout bounds listing every space (many pages).
	ListTimeout    = 2 * time.Minute
	signOutTimeout = 30 * time.Second
)
