package session

import (
	"context"

	"chatmembers/backend/directory"
)

// Directory returns the People API and Cloud Identity service of the signed-in user, for a
// function run by Call (which has made sure someone is signed in and asked for the action's
// scope). It is built on first use for the auth service in place; its client reads the current
// token, so a permission granted later applies to it at once.
func (w *Session) Directory() (*directory.Service, error) {
	if _, err := w.chatService(); err != nil { // signed in, with the same errors
		return nil, err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.dir == nil || w.dirAuth != w.auth {
		// Tokens are refreshed for as long as the app runs, not for one call.
		d, err := directory.New(context.Background(), w.auth.Client(), w.endpointLocked())
		if err != nil {
			return nil, err
		}
		w.dir, w.dirAuth = d, w.auth
	}
	return w.dir, nil
}

// Ask asks for one more permission (a full scope URL) in the browser unless it is granted: the
// incremental consent of a call that learns only on the way that it needs it (a Google Group
// among the people being added). The UI shows the consent-waiting panel meanwhile.
func (w *Session) Ask(ctx context.Context, scope string) error {
	if w.has(scope) {
		return nil
	}
	return w.ensureScope(ctx, scope)
}
