package session

import (
	"context"
	"time"

	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
	"chatmembers/backend/setup"
)

// CheckSetup runs the setup guide's checks on the workspace in use: the client file, whether
// Google still honours the sign-in, and one Chat API call.
func (w *Session) CheckSetup(ctx context.Context) setup.Guide {
	w.mu.Lock()
	in := setup.Input{Secret: w.secret}
	a := w.auth
	w.mu.Unlock()
	if a != nil {
		if _, ok := a.Account(); ok {
			in.SignedIn = true
			in.Refresh = a.CheckRefresh
			in.Chat = func(ctx context.Context) error {
				c, err := w.chatService()
				if err != nil {
					return err
				}
				return c.Probe(ctx)
			}
		}
	}
	return setup.Check(ctx, in)
}

// PractiseSetup switches to the demo workspace with one Google Cloud set-up step missing
// (emulator.SetupState; "" is a complete set-up), so the guide can be practised.
func (w *Session) PractiseSetup(state string) (Status, error) {
	st := emulator.SetupState(state)
	if err := st.Validate(); err != nil {
		return w.Status(), problem.Internal(err)
	}
	status, err := w.UseDemo()
	if err != nil {
		return status, err
	}
	w.mu.Lock()
	emu := w.emu
	w.mu.Unlock()
	if err := emu.SetSetup(st); err != nil {
		return status, problem.Internal(err)
	}
	return status, nil
}

// OpenSetupLink opens a page of the setup guide (a Google Cloud console page, as setup.Check
// gave it) in the system browser; any other link is refused, since the UI passes it back.
func (w *Session) OpenSetupLink(link string) (err error) {
	defer func(start time.Time) { w.logAction(context.Background(), "setup.open_link", start, err) }(time.Now())
	if !setup.IsConsoleLink(link) {
		return errBadConsoleLink
	}
	if err := w.open(link); err != nil {
		return errBrowserFailed.With("link", link).WithDetail(err.Error())
	}
	return nil
}
