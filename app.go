package main

import (
	"context"

	"chatmembers/backend/chat"
	"chatmembers/backend/workspace"
)

// App is the only struct bound to the frontend. Each method delegates to backend/workspace.
type App struct {
	ctx context.Context
}

// NewApp creates the App.
func NewApp() *App { return &App{} }

func (a *App) startup(ctx context.Context) { a.ctx = ctx }

// Status tells which screen to show.
func (a *App) Status() workspace.Status { return workspace.Status{} }

// UseDemo switches to the bundled demo workspace.
func (a *App) UseDemo() (workspace.Status, error) { return workspace.Status{}, nil }

// ChooseClientSecret opens a file dialog for client_secret.json and switches to live mode.
func (a *App) ChooseClientSecret() (workspace.Status, error) { return workspace.Status{}, nil }

// SignIn runs the browser sign-in; emits "auth:url" with the URL to show as a fallback link.
func (a *App) SignIn() (workspace.Status, error) { return workspace.Status{}, nil }

// CancelSignIn abandons a running sign-in.
func (a *App) CancelSignIn() {}

// SignOut revokes and forgets the tokens.
func (a *App) SignOut() (workspace.Status, error) { return workspace.Status{}, nil }

// ListSpaces returns every space the user belongs to.
func (a *App) ListSpaces() ([]chat.Space, error) { return nil, nil }

// AddPerson adds or invites a person (email or numeric id) to a space.
func (a *App) AddPerson(space, person string) (chat.Membership, error) {
	return chat.Membership{}, nil
}

// AddApp adds the calling Chat app to a space.
func (a *App) AddApp(space string) (chat.Membership, error) { return chat.Membership{}, nil }

// OpenInBrowser opens a Chat link in the system browser.
func (a *App) OpenInBrowser(url string) error { return nil }

// Language is the OS language ("en", "ru", ...), for the initial UI language.
func (a *App) Language() string { return "en" }
