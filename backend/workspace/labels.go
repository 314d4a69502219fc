package workspace

import (
	"context"

	"chatmembers/backend/chat"
)

// SpaceLabels names group chats and direct messages by their members other than the signed-in
// person ("Priya Raman, Chen Wei"), as Google Chat does; Google sends them without a name. Spaces
// that could not be labelled are missing from the result; the list then shows their kind.
func (w *Workspace) SpaceLabels(ctx context.Context, spaces []string) (map[string]string, error) {
	svc, err := w.chatService()
	if err != nil {
		return nil, err
	}
	var me chat.Self
	w.mu.Lock()
	if w.auth != nil {
		if acct, ok := w.auth.Account(); ok {
			me = chat.Self{Email: acct.Email, UserID: acct.Subject}
		}
	}
	w.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, listTimeout)
	defer cancel()
	labels, err := svc.SpaceLabels(ctx, spaces, me)
	return labels, w.afterCall(err)
}
