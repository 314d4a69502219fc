//go:generate go run ./cmd/problemgen

package main

import (
	"context"

	"chatmembers/backend/browser"
	"chatmembers/backend/chat"
	"chatmembers/backend/workspace"
)

// App is the only struct bound to the frontend. Each method delegates to the workspace; the
// only things done here are those that need the desktop (dialogs, events, the opener), reached
// through a desktop so that the same App runs in the window and in the browser bridge.
type App struct {
	ctx       context.Context
	desk      desktop
	ws        *workspace.Workspace
	startDemo bool
}

// NewApp creates the App around a workspace.
func NewApp(ws *workspace.Workspace, startDemo bool) *App {
	return &App{ws: ws, startDemo: startDemo}
}

func (a *App) startup(ctx context.Context, desk desktop) {
	a.ctx, a.desk = ctx, desk
	opener := browser.Opener{Fallback: desk.OpenURL}
	a.ws.SetBrowser(opener.Open, func(u string) { desk.Emit("auth:url", u) })
	a.ws.OnBrowserFailed(func(u string) { desk.Emit("auth:browser_failed", u) })
	if a.startDemo {
		_, _ = a.ws.UseDemo()
	} else {
		a.ws.Restore()
	}
}

func (a *App) shutdown(context.Context) { a.ws.Close() }

// Status tells which screen to show.
func (a *App) Status() workspace.Status { return a.ws.Status() }

// UseDemo switches to the bundled demo workspace.
func (a *App) UseDemo() (workspace.Status, error) { return a.ws.UseDemo() }

// ChooseClientSecret opens a file dialog for client_secret.json and switches to your workspace.
// Closing the dialog changes nothing and answers workspace.no_file.
func (a *App) ChooseClientSecret() (workspace.Status, error) {
	if err := a.ws.CheckLiveAllowed(); err != nil {
		return a.ws.Status(), err
	}
	title, filter := workspace.SecretDialogText(workspace.SystemLanguage())
	path, err := a.desk.OpenFileDialog(title, filter, "*.json")
	if err != nil {
		return a.ws.Status(), workspace.ErrDialog(err)
	}
	if path == "" {
		return a.ws.Status(), workspace.ErrNoFile()
	}
	return a.ws.ImportClientSecretFile(path)
}

// SignIn runs the browser sign-in; "auth:url" carries the URL to show as a fallback link.
func (a *App) SignIn() (workspace.Status, error) { return a.ws.SignIn(a.ctx) }

// CancelSignIn abandons a running sign-in.
func (a *App) CancelSignIn() { a.ws.CancelSignIn() }

// SignOut revokes and forgets the tokens.
func (a *App) SignOut() (workspace.Status, error) { return a.ws.SignOut(a.ctx) }

// ListSpaces returns every space the user belongs to.
func (a *App) ListSpaces() ([]chat.Space, error) { return a.ws.ListSpaces(a.ctx) }

// SpaceLabels names group chats and direct messages (which have no name) by their other members.
func (a *App) SpaceLabels(spaces []string) (map[string]string, error) {
	return a.ws.SpaceLabels(a.ctx, spaces)
}

// AddPerson adds or invites a person (email or numeric id) to a space.
func (a *App) AddPerson(space, person string) (chat.Membership, error) {
	return a.ws.AddPerson(a.ctx, space, person)
}

// AddApp adds the calling Chat app to a space, asking for the extra permission first if needed.
func (a *App) AddApp(space string) (chat.Membership, error) { return a.ws.AddApp(a.ctx, space) }

// OpenInBrowser opens a link in the system browser.
func (a *App) OpenInBrowser(url string) error { return a.ws.OpenLink(url) }

// Language is the OS language ("en", "ru", ...), for the initial UI language.
func (a *App) Language() string { return workspace.SystemLanguage() }

// bound is every struct whose methods the frontend calls, the same in the window build (Wails'
// Bind) and the browser bridge, so `wails generate module` describes both.
func bound(app *App) []any { return []any{app} }

// enums are the Go string types the frontend receives, bound so that TypeScript gets them as
// enums in wailsjs/go/models.ts (Wails' EnumBind).
func enums() []any { return append(chat.Enums(), workspace.Enums()...) }
