package session

import (
	"context"
	"time"

	"chatmembers/backend/auth"
)

// AdminScopes are what administrator mode needs on top of the sign-in's: finding every space
// of the organisation and managing its members with admin access. They are asked for only when
// the mode is switched on (incremental consent, like the Chat app's permission).
var AdminScopes = []string{auth.ScopeAdminSpacesReadonly, auth.ScopeAdminMemberships}

// adminCheckTimeout bounds the one request that checks the privilege.
const adminCheckTimeout = time.Minute

// SetAdmin switches administrator mode. Switching on asks the browser for AdminScopes (for the
// signed-in account), then checks with one real request that the account holds Google's Chat
// administrator privilege: without it the answer is chat.not_admin and the mode stays off.
// Switching off is immediate and asks nothing. The mode ends with the sign-in.
func (w *Session) SetAdmin(ctx context.Context, on bool) (_ Status, err error) {
	name := "session.admin_off"
	if on {
		name = "session.admin_on"
	}
	defer func(start time.Time) { w.logAction(ctx, name, start, err) }(time.Now())
	if !on {
		w.mu.Lock()
		was := w.admin
		w.admin = false
		w.mu.Unlock()
		if was {
			w.changed(nil)
		}
		return w.Status(), nil
	}
	if _, err := w.chatService(); err != nil { // signed in?
		return w.Status(), err
	}
	w.mu.Lock()
	a := w.auth
	w.mu.Unlock()
	if err := w.ensureScope(ctx, AdminScopes...); err != nil {
		return w.Status(), err
	}
	svc, err := w.chatService()
	if err != nil {
		return w.Status(), err
	}
	cctx, cancel := context.WithTimeout(ctx, adminCheckTimeout)
	defer cancel()
	if err := w.afterCall(svc.CheckAdmin(cctx)); err != nil {
		return w.Status(), err
	}
	w.mu.Lock()
	_, signedIn := a.Account()
	ok := w.auth == a && signedIn
	if ok {
		w.admin = true
	}
	w.mu.Unlock()
	if !ok {
		// Signed out or switched workspace while the check ran: the check was for nobody now.
		return w.Status(), errNotSignedIn
	}
	w.changed(nil)
	return w.Status(), nil
}

// Admin reports whether administrator mode is on.
func (w *Session) Admin() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.adminLocked()
}

// adminLocked: the mode holds only while someone is signed in.
func (w *Session) adminLocked() bool {
	if !w.admin || w.auth == nil {
		return false
	}
	_, ok := w.auth.Account()
	return ok
}
