package workspace

import (
	"context"

	"chatmembers/backend/auth"
	"chatmembers/backend/chat"
	"chatmembers/backend/problem"
)

func errNoWorkspace() *problem.Problem {
	return problem.New("workspace.none",
		"No workspace is chosen yet.",
		"Choose the demo workspace or connect your Google Workspace first.")
}

func errNotSignedIn() *problem.Problem {
	return problem.New("workspace.signed_out",
		"You are not signed in.",
		"Sign in with Google, then try again.")
}

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

// runAuth runs one browser round trip (sign-in or asking for a further scope) so that
// CancelSignIn can stop it; the lock is not held while the user is in the browser.
func (w *Workspace) runAuth(ctx context.Context, f func(context.Context, *auth.Service) (auth.Account, error)) (auth.Account, error) {
	w.mu.Lock()
	a := w.auth
	if a == nil {
		w.mu.Unlock()
		return auth.Account{}, errNoWorkspace()
	}
	if w.cancelSignIn != nil {
		w.cancelSignIn()
	}
	ctx, cancel := context.WithCancel(ctx)
	w.cancelSignIn = cancel
	w.mu.Unlock()

	acct, err := f(ctx, a)

	w.mu.Lock()
	defer w.mu.Unlock()
	cancel()
	if ctx.Err() == nil || w.auth == a {
		w.cancelSignIn = nil
	}
	if w.auth != a {
		// The workspace was switched while the browser was open: this result belongs to neither.
		return auth.Account{}, problem.New("auth.cancelled", "Sign-in was cancelled.", "Sign in again when you are ready.")
	}
	return acct, err
}

// CancelSignIn abandons a sign-in waiting for the browser.
func (w *Workspace) CancelSignIn() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cancelSignIn != nil {
		w.cancelSignIn()
		w.cancelSignIn = nil
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
		return nil, errNoWorkspace()
	}
	if w.account == "" {
		return nil, errNotSignedIn()
	}
	if w.chat == nil {
		endpoint := "" // Google's
		if w.mode == ModeDemo && w.emu != nil {
			endpoint = w.emu.URL() + "/"
		}
		// The client refreshes tokens for as long as the app runs, not for one call.
		svc, err := chat.New(context.Background(), w.auth.Client(context.Background()), endpoint)
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
	spaces, err := svc.ListSpaces(ctx)
	return spaces, w.afterCall(err)
}

// AddPerson adds or invites a person to a space.
func (w *Workspace) AddPerson(ctx context.Context, space, person string) (chat.Membership, error) {
	svc, err := w.chatService()
	if err != nil {
		return chat.Membership{}, err
	}
	m, err := svc.AddPerson(ctx, space, person)
	if problem.CodeOf(err) == "chat.scope_missing" {
		// The sign-in predates the memberships scope (or it was unticked): ask once, then retry.
		if err := w.ensureScope(ctx, auth.ScopeMemberships); err != nil {
			return chat.Membership{}, err
		}
		if svc, err = w.chatService(); err != nil {
			return chat.Membership{}, err
		}
		m, err = svc.AddPerson(ctx, space, person)
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
	m, err := svc.AddApp(ctx, space)
	return m, w.afterCall(err)
}

func (w *Workspace) ensureScope(ctx context.Context, scope string) error {
	_, err := w.runAuth(ctx, func(ctx context.Context, a *auth.Service) (auth.Account, error) {
		return auth.Account{}, a.EnsureScopes(ctx, scope)
	})
	if err == nil {
		w.mu.Lock()
		w.chat = nil // rebuild with the widened token
		w.mu.Unlock()
	}
	return err
}
