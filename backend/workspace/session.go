package workspace

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
func (w *Workspace) SignIn(ctx context.Context) (Status, error) {
	acct, err := w.runAuth(ctx, func(ctx context.Context, a *auth.Service) (auth.Account, error) {
		return a.SignIn(ctx, auth.BaseScopes...)
	})
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		return w.statusLocked(), err
	}
	w.account, w.chat = acct.Email, nil
	return w.statusLocked(), nil
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
func (w *Workspace) runAuth(ctx context.Context, f func(context.Context, *auth.Service) (auth.Account, error)) (auth.Account, error) {
	w.mu.Lock()
	a := w.auth
	if a == nil {
		w.mu.Unlock()
		return auth.Account{}, errNoWorkspace
	}
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
	acct, err := f(ctx, a)

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
func (w *Workspace) CancelSignIn() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.run != nil {
		w.run.cancel()
	}
}

// SignOut revokes the tokens at Google and forgets them. Leaving the demo returns to the
// welcome screen; leaving your workspace keeps its client file so signing in again is one click.
func (w *Workspace) SignOut(ctx context.Context) (Status, error) {
	w.mu.Lock()
	a := w.auth
	w.mu.Unlock()
	if a == nil {
		return w.Status(), nil
	}
	ctx, cancel := context.WithTimeout(ctx, signOutTimeout)
	defer cancel()
	err := a.SignOut(ctx)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.account, w.chat = "", nil
	if w.mode == ModeDemo {
		w.mode = ModeNone
	}
	return w.statusLocked(), err
}

// chatService returns the Chat service of the signed-in user, building it on first use.
func (w *Workspace) chatService() (*chat.Service, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.auth == nil {
		return nil, errNoWorkspace
	}
	if w.account == "" {
		return nil, errNotSignedIn
	}
	if w.chat == nil {
		endpoint := "" // Google's
		if w.mode == ModeDemo && w.emu != nil {
			endpoint = w.emu.URL() + "/"
		}
		// The client refreshes tokens for as long as the app runs, not for one call.
		svc, err := chat.New(context.Background(), w.auth.Client(), endpoint)
		if err != nil {
			return nil, err
		}
		w.chat = svc.WithCallerEmail(w.account)
	}
	return w.chat, nil
}

// afterCall notices answers that mean the sign-in is gone, so the UI returns to sign-in.
func (w *Workspace) afterCall(err error) error {
	switch problem.CodeOf(err) {
	case "chat.signed_out", "auth.expired":
		w.mu.Lock()
		w.account, w.chat = "", nil
		w.mu.Unlock()
	}
	return err
}

// ListSpaces returns every space the signed-in user belongs to.
func (w *Workspace) ListSpaces(ctx context.Context) ([]chat.Space, error) {
	svc, err := w.chatService()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, listTimeout)
	defer cancel()
	spaces, err := svc.ListSpaces(ctx)
	return spaces, w.afterCall(err)
}

// AddPerson adds or invites a person to a space.
func (w *Workspace) AddPerson(ctx context.Context, space, person string) (chat.Membership, error) {
	svc, err := w.chatService()
	if err != nil {
		return chat.Membership{}, err
	}
	m, err := addWithin(ctx, func(ctx context.Context) (chat.Membership, error) { return svc.AddPerson(ctx, space, person) })
	if problem.CodeOf(err) == "chat.scope_missing" {
		// The sign-in predates the memberships scope (or it was unticked): ask once, then retry.
		if err := w.ensureScope(ctx, auth.ScopeMemberships); err != nil {
			return chat.Membership{}, err
		}
		if svc, err = w.chatService(); err != nil {
			return chat.Membership{}, err
		}
		m, err = addWithin(ctx, func(ctx context.Context) (chat.Membership, error) { return svc.AddPerson(ctx, space, person) })
	}
	return m, w.afterCall(err)
}

// AddApp adds the calling Chat app to a space. The first time, the user is asked in the
// browser for the one extra permission it needs (chat.memberships.app): incremental consent.
func (w *Workspace) AddApp(ctx context.Context, space string) (chat.Membership, error) {
	if err := chat.ValidateSpaceName(space); err != nil {
		return chat.Membership{}, err
	}
	if _, err := w.chatService(); err != nil {
		return chat.Membership{}, err
	}
	w.mu.Lock()
	has := w.auth.Has(auth.ScopeMembershipsApp)
	w.mu.Unlock()
	if !has {
		if err := w.ensureScope(ctx, auth.ScopeMembershipsApp); err != nil {
			return chat.Membership{}, err
		}
	}
	svc, err := w.chatService()
	if err != nil {
		return chat.Membership{}, err
	}
	m, err := addWithin(ctx, func(ctx context.Context) (chat.Membership, error) { return svc.AddApp(ctx, space) })
	return m, w.afterCall(err)
}

// ensureScope asks the browser for one more scope, for the signed-in account (login_hint). Should
// the person pick another account on the consent page, auth refuses that grant
// (auth.wrong_account) and the sign-in in place stays as it was.
func (w *Workspace) ensureScope(ctx context.Context, scope string) error {
	need := append(slices.Clone(auth.BaseScopes), scope)
	_, err := w.runAuth(ctx, func(ctx context.Context, a *auth.Service) (auth.Account, error) {
		return auth.Account{}, a.EnsureScopes(ctx, need...)
	})
	if err != nil {
		return err
	}
	w.mu.Lock()
	w.chat = nil // rebuild with the widened token
	w.mu.Unlock()
	// If a scope is still missing (unticked on the consent page), the call itself says so.
	return nil
}

// Bounds on calls to Google, so a stalled connection ends in a message instead of a busy
// screen forever. The browser round trips have their own limit (auth's 5 minutes).
const (
	listTimeout    = 2 * time.Minute
	addTimeout     = time.Minute
	signOutTimeout = 30 * time.Second
)

func addWithin(ctx context.Context, f func(context.Context) (chat.Membership, error)) (chat.Membership, error) {
	ctx, cancel := context.WithTimeout(ctx, addTimeout)
	defer cancel()
	return f(ctx)
}
