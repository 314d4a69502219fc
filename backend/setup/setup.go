// Package setup is the Google Cloud set-up guide's knowledge: the steps a new admin takes (a
// Desktop OAuth client, the Chat API switched on, a Chat app configured, the consent screen,
// a sign-in that Google keeps), the console page of each (with the project filled in), which
// problem codes of the auth and chat packages mean that a step is missing, and a check that
// runs what can be run and says, step by step, what is done, what is missing and what was not
// checked yet. It maps codes only: the errors themselves are read once, in auth and chat.
package setup

import (
	"context"
	"net/url"
	"strings"

	"chatmembers/backend/auth"
	"chatmembers/backend/chat"
	"chatmembers/backend/problem"
)

// StepID names a step of the set-up, in the order a new admin takes them.
type StepID string

const (
	// StepProject: a Google Cloud project of the organisation; known once the client file
	// (which names it) is chosen.
	StepProject StepID = "project"
	// StepClientFile: a Desktop app OAuth client, its client_secret.json chosen in the app.
	StepClientFile StepID = "client_file"
	// StepChatAPI: the Google Chat API switched on in the project.
	StepChatAPI StepID = "chat_api"
	// StepChatApp: a Chat app configured for the project (Google requires one even when the
	// app only acts as the signed-in person).
	StepChatApp StepID = "chat_app"
	// StepConsent: the OAuth consent screen lets the account in (Internal for the
	// organisation, or a test user of a Testing app) and the Workspace admin allows the app.
	StepConsent StepID = "consent"
	// StepStaySignedIn: Google keeps the sign-in; a consent screen left in Testing ends it
	// after 7 days.
	StepStaySignedIn StepID = "stay_signed_in"
)

// Steps lists every step in the order a new admin takes them in the console: the Desktop
// client comes after the consent screen because Google asks for a consent screen before it
// creates a client; the checks themselves start from the client file (see Check).
func Steps() []StepID {
	return []StepID{StepProject, StepChatAPI, StepChatApp, StepConsent, StepClientFile, StepStaySignedIn}
}

// State is what the check found for a step.
type State string

const (
	StateOK        State = "ok"
	StateFailed    State = "failed"
	StateUnchecked State = "unchecked"
)

// Enums are the string types the frontend receives as TypeScript enums.
func Enums() []any {
	return []any{
		[]struct {
			Value  StepID
			TSName string
		}{{StepProject, "Project"}, {StepClientFile, "ClientFile"}, {StepChatAPI, "ChatAPI"}, {StepChatApp, "ChatApp"},
			{StepConsent, "Consent"}, {StepStaySignedIn, "StaySignedIn"}},
		[]struct {
			Value  State
			TSName string
		}{{StateOK, "OK"}, {StateFailed, "Failed"}, {StateUnchecked, "Unchecked"}},
	}
}

// Step is one step as the guide shows it. Its plain explanation is the UI's (by ID, in each
// language); a failure carries the problem that showed it (message and fix by code).
type Step struct {
	ID    StepID `json:"id"`
	State State  `json:"state"`
	// Link is the Google Cloud console page where the step is done, with the project filled in
	// when it is known.
	Link    string           `json:"link"`
	Problem *problem.Problem `json:"problem,omitempty"`
}

// Guide is the result of a check.
type Guide struct {
	// ProjectID is the Cloud project's id from client_secret.json ("" before a file is chosen).
	ProjectID string `json:"projectId"`
	// ProjectNumber is the project's number, the part of the client id before the first "-".
	ProjectNumber string `json:"projectNumber"`
	Steps         []Step `json:"steps"`
	// Current is the first step that failed, "" when none did.
	Current StepID `json:"current"`
}

// ProjectNumber is the Cloud project number in a Desktop client id
// ("<number>-<random>.apps.googleusercontent.com"), "" when the id has another form.
func ProjectNumber(clientID string) string {
	n, _, ok := strings.Cut(clientID, "-")
	if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
		return ""
	}
	return n
}

// console is the base of every Google Cloud console link.
const console = "https://console.cloud.google.com/"

// Link is the console page of step for project (an id or a number; "" leaves the choice of
// project to the console).
func Link(step StepID, project string) string {
	var path string
	switch step {
	case StepProject:
		if project == "" {
			return console + "projectcreate"
		}
		path = "home/dashboard"
	case StepClientFile:
		path = "apis/credentials"
	case StepChatAPI:
		path = "apis/library/chat.googleapis.com"
	case StepChatApp:
		path = "apis/api/chat.googleapis.com/hangouts-chat"
	case StepConsent, StepStaySignedIn:
		path = "auth/audience"
	default:
		return ""
	}
	if project == "" {
		return console + path
	}
	return console + path + "?project=" + url.QueryEscape(project)
}

// consoleHosts are the only hosts a guide link may open: the Cloud console, and the older
// console host Google names in its activation links.
var consoleHosts = [...]string{"console.cloud.google.com", "console.developers.google.com"}

// IsConsoleLink reports whether link is an https page of Google's Cloud console, the only kind
// of page the guide opens in the browser (an activation link comes from Google's answer).
func IsConsoleLink(link string) bool {
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "https" || u.User != nil || u.Port() != "" {
		return false
	}
	for _, h := range consoleHosts {
		if u.Host == h {
			return true
		}
	}
	return false
}

// StepOf is the step a problem code of the auth or chat package says is missing; ok is false
// for a problem that is not about the set-up.
func StepOf(code string) (StepID, bool) {
	switch {
	case strings.HasPrefix(code, "auth.secret_"), code == "auth.client_rejected":
		return StepClientFile, true
	}
	switch code {
	case chat.CodeAPIDisabled:
		return StepChatAPI, true
	case chat.CodeAppNotConfigured:
		return StepChatApp, true
	// A refused consent screen mostly never returns to the app (the sign-in times out); an
	// organisation's refusal that does return is auth.authorization_failed; the admin's API
	// controls also refuse single permissions (chat.admin_must_grant).
	case "auth.authorization_failed", "auth.timeout", chat.CodeAdminMustGrant:
		return StepConsent, true
	case "auth.expired":
		return StepStaySignedIn, true
	}
	return "", false
}

// Input is what a check can look at. Probes are nil when they cannot run (nobody signed in).
type Input struct {
	// Secret is the chosen client file, nil before one is chosen.
	Secret *auth.ClientSecret
	// SecretProblem is why the last chosen file was refused, if it was.
	SecretProblem *problem.Problem
	// SignedIn: someone is signed in, so the consent screen let them through.
	SignedIn bool
	// Refresh asks Google for a new access token now (auth.Service.CheckRefresh).
	Refresh func(context.Context) error
	// Chat makes one small Chat API call (chat.Service.Probe).
	Chat func(context.Context) error
}

// Check runs the checks that can run, in the order of the steps, and stops at the first
// failure: a later step cannot be judged while an earlier one is missing.
func Check(ctx context.Context, in Input) Guide {
	g := Guide{}
	if in.Secret != nil {
		g.ProjectID, g.ProjectNumber = in.Secret.ProjectID, ProjectNumber(in.Secret.ClientID)
	}
	project := g.ProjectID
	if project == "" {
		project = g.ProjectNumber
	}
	state := map[StepID]State{}
	probs := map[StepID]*problem.Problem{}
	fail := func(p *problem.Problem) bool {
		step, ok := StepOf(p.Code)
		if !ok {
			return false
		}
		state[step], probs[step] = StateFailed, p
		return true
	}
	switch {
	case in.SecretProblem != nil:
		fail(in.SecretProblem)
	case in.Secret != nil:
		state[StepClientFile] = StateOK
		if project != "" {
			state[StepProject] = StateOK
		}
	}
	if state[StepClientFile] == StateOK && in.SignedIn {
		state[StepConsent] = StateOK
		if in.Refresh != nil {
			if err := in.Refresh(ctx); err != nil {
				if p, ok := problem.As(err); ok {
					fail(p)
				}
			} else {
				state[StepStaySignedIn] = StateOK
			}
		}
		if state[StepStaySignedIn] != StateFailed && in.Chat != nil {
			if err := in.Chat(ctx); err == nil {
				state[StepChatAPI], state[StepChatApp] = StateOK, StateOK
			} else if p, ok := problem.As(err); ok && fail(p) && p.Code == chat.CodeAppNotConfigured {
				state[StepChatAPI] = StateOK // Google got as far as looking for the app
			}
		}
	}
	for _, id := range Steps() {
		st := state[id]
		if st == "" {
			st = StateUnchecked
		}
		s := Step{ID: id, State: st, Link: Link(id, project), Problem: probs[id]}
		if id == StepChatAPI && s.Problem != nil && s.Problem.Params["activationUrl"] != "" {
			s.Link = s.Problem.Params["activationUrl"] // Google's own link for this project
		}
		if st == StateFailed && g.Current == "" {
			g.Current = id
		}
		g.Steps = append(g.Steps, s)
	}
	return g
}
