package session

import (
	"chatmembers/backend/chat"
	"chatmembers/backend/problem"
)

// Mode says where requests go.
type Mode string

// The modes.
const (
	ModeNone Mode = ""     // nothing chosen yet: the welcome screen
	ModeDemo Mode = "demo" // the bundled emulator
	ModeLive Mode = "live" // Google, with the user's client_secret.json
)

// Enums lists this package's enums for Wails' EnumBind.
func Enums() []any {
	return []any{[]chat.Enum[Mode]{{Value: ModeNone, TSName: "NONE"}, {Value: ModeDemo, TSName: "DEMO"}, {Value: ModeLive, TSName: "LIVE"}}}
}

// Status is what the frontend needs to draw the current screen.
type Status struct {
	Mode Mode `json:"mode"`
	// SignedIn is true when a token is held for Account.
	SignedIn bool   `json:"signedIn"`
	Account  string `json:"account"`
	// AccountName is the signed-in person's name when Google sent one.
	AccountName string `json:"accountName"`
	// AccountID is the active account's id in Accounts ("" before anyone signed in with this
	// client); it stays set while that account is signed out, to sign in again as it.
	AccountID string `json:"accountId"`
	// Accounts are the remembered accounts of this world (the account menu), active included.
	Accounts []AccountEntry `json:"accounts"`
	// ProjectID is the Cloud project of the client in use.
	ProjectID string `json:"projectId"`
	// ClientID of the imported client_secret.json (not secret), to show which project is used.
	ClientID string `json:"clientId"`
	// LiveAllowed is false in the dev build's browser bridge, which must never hold real tokens.
	LiveAllowed bool `json:"liveAllowed"`
	// Admin is administrator mode (Session.SetAdmin): spaces come from the organisation's
	// search and members are managed with admin access. Only ever true while signed in.
	Admin bool `json:"admin"`
	// Scopes granted so far (short names, e.g. "chat.memberships").
	Scopes []string `json:"scopes"`
	// StoreProblem is set when the sign-in could not be saved on this computer (auth.store_failed):
	// it works now, but the next start will ask to sign in again, and the person should know why.
	StoreProblem *problem.Problem `json:"storeProblem,omitempty"`
	// Ended says why the sign-in ended when Go ended it by itself (auth.expired after Google
	// refused a refresh, chat.signed_out after Google refused a call), in the session:changed
	// event of that moment; the UI shows it on the sign-in screen. nil otherwise.
	Ended *problem.Problem `json:"ended,omitempty"`
}

// ChangedEvent is the event that carries the Status whenever the mode, the sign-in, the account
// or its scopes change: the frontend follows it instead of guessing from problem codes.
const ChangedEvent = "session:changed"
