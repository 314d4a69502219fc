// Package session holds which Google the app talks to (the bundled demo emulator or the user's
// own Workspace through their client_secret.json), the auth service for that choice, which
// owns the signed-in account (nobody else keeps a copy), and the Google clients built on it.
// Demo and live differ only in where requests go: the same auth.Service and chat.Service run
// against the emulator's endpoints or Google's. Every change of the sign-in is pushed to the
// OnChange listener (the session:changed event).
package session

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"chatmembers/backend/appdirs"
	"chatmembers/backend/auth"
	"chatmembers/backend/chat"
	"chatmembers/backend/directory"
	"chatmembers/backend/emulator"
	"chatmembers/backend/logfile"
	"chatmembers/backend/problem"
	"chatmembers/backend/schedule"
)

// Options configure a Session.
type Options struct {
	// LiveAllowed is false in the dev build's browser bridge, which must only run the demo.
	LiveAllowed bool
	// ConfigDir keeps the imported client_secret.json and, without a keyring, the tokens.
	// "" means appdirs.Config().
	ConfigDir string
	// Store keeps live tokens; nil means auth.NewStore (OS keyring, 0600 file fallback).
	Store auth.Store
	// SignInTimeout bounds a sign-in waiting for the browser; 0 means auth's default (5 min).
	SignInTimeout time.Duration
	// LiveEndpoints, for tests only, sends "your Google Workspace" to an emulator instead of
	// Google. nil (as main.go leaves it) means Google's endpoints, and a client file that names
	// any other host is refused (auth.secret_not_google): a file cannot redirect the sign-in.
	LiveEndpoints *auth.Endpoints
	// LiveAPI, for tests only, is the base URL of Google's APIs in live mode ("" is Google's).
	LiveAPI string
	// Log records one line per user action and per Google call (method, path, status,
	// duration, problem code), never a token, secret or message body; nil logs nothing.
	Log *slog.Logger
	// Transport, for tests, carries every request to Google; nil is http.DefaultTransport.
	Transport http.RoundTripper
	// DataDir keeps the journal of jobs and history (jobs.go); "" means ConfigDir when that is
	// set, else journal.Dir().
	DataDir string
	// JobLimits are the quotas bulk jobs keep under; nil means schedule.Google(). Tests and the
	// benchmark compress time.
	JobLimits *schedule.Limits
}

// Session is safe for concurrent use; main.go builds one and the bound structs share it.
type Session struct {
	opts   Options
	recent *logfile.Recent

	mu     sync.Mutex
	mode   Mode
	emu    *emulator.Server
	secret *auth.ClientSecret
	auth   *auth.Service
	// chat is built on first use for the sign-in in place, and dropped when it changes.
	chat        *chat.Service
	openBrowser func(string) error
	onURL       func(string)
	// onBrowserFailed hears that the sign-in page could not be opened, so the UI can say so
	// and put the link first instead of "your browser has opened".
	onBrowserFailed func(string)
	run             *authRun // the browser round trip in progress, if any
	// onChange hears the Status after every change (the session:changed event).
	onChange func(Status)
	// log records user actions and Google calls; never tokens, secrets or message bodies.
	log *slog.Logger
	// admin is administrator mode (SetAdmin), switched on only after Google confirmed the
	// privilege; it ends with the sign-in or the workspace (adminLocked).
	admin bool
	// dir is the directory service (directory.go), built for the auth service dirAuth.
	dir     *directory.Service
	dirAuth *auth.Service
	// jobs is the journal, the scheduler and the running bulk jobs (jobs.go).
	jobs jobHost
	// book lists the accounts of the current world (accounts.go); store keeps their tokens and
	// endpoints are the sign-in's, so that switching accounts needs no new import.
	book      *accountBook
	store     auth.Store
	endpoints auth.Endpoints
}

// Logger is the session's log, for the action lines of the bound structs.
func (w *Session) Logger() *slog.Logger { return w.log }

// New builds a Session with nothing chosen yet.
func New(opts Options) *Session {
	w := &Session{opts: opts, openBrowser: func(string) error { return errNoBrowser },
		onURL: func(string) {}, onBrowserFailed: func(string) {}, onChange: func(Status) {},
		log: opts.Log}
	if w.log == nil {
		w.log = slog.New(slog.DiscardHandler)
	}
	// Every "failed" line also lands in a small ring, for Copy diagnostics (codes only).
	w.recent = logfile.NewRecent(recentProblems)
	w.log = slog.New(w.recent.Handler(w.log.Handler()))
	return w
}

// recentProblems is how many problems Copy diagnostics lists: enough to see a pattern, few
// enough to read.
const recentProblems = 10

// RecentProblems is the last few problems of this run (code, action, time), oldest first.
func (w *Session) RecentProblems() []logfile.Problem { return w.recent.List() }

// OnChange sets who hears the Status after every change of mode, sign-in, account or scopes.
func (w *Session) OnChange(f func(Status)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.onChange = f
}

// changed tells the listener; never called with w.mu held.
func (w *Session) changed(ended *problem.Problem) {
	w.mu.Lock()
	st, f := w.statusLocked(), w.onChange
	w.mu.Unlock()
	st.Ended = ended
	f(st)
}

var errNoBrowser = errors.New("no browser opener configured")

// SetBrowser sets how the sign-in page and links are opened, and who is told the sign-in URL
// (the UI shows it as a copyable fallback). The App calls it once the window exists.
func (w *Session) SetBrowser(open func(string) error, onURL func(string)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.openBrowser, w.onURL = open, onURL
}

// OnBrowserFailed sets who is told the sign-in (or permission) page's URL when the browser
// could not be opened for it. The sign-in goes on waiting: the person can open the link.
func (w *Session) OnBrowserFailed(f func(url string)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.onBrowserFailed = f
}

// Status reports the current mode and sign-in.
func (w *Session) Status() Status {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.statusLocked()
}

func (w *Session) statusLocked() Status {
	st := Status{Mode: w.mode, LiveAllowed: w.opts.LiveAllowed, Scopes: []string{}}
	if w.secret != nil {
		st.ClientID = w.secret.ClientID
		st.ProjectID = w.secret.ProjectID
	}
	st.Accounts = w.book.entries()
	if w.auth == nil {
		return st
	}
	st.AccountID = w.activeIDLocked()
	if acct, ok := w.auth.Account(); ok {
		st.SignedIn, st.Account, st.AccountName = true, acct.Email, acct.Name
		st.Scopes = shortScopes(acct.Scopes)
		st.StoreProblem = w.auth.StoreProblem()
		st.Admin = w.adminLocked()
	}
	return st
}

// UseDemo switches to the demo workspace, starting the emulator on 127.0.0.1 if needed.
func (w *Session) UseDemo() (_ Status, err error) {
	defer func(start time.Time) { w.logAction(context.Background(), "session.use_demo", start, err) }(time.Now())
	if w.Status().Mode != ModeDemo {
		w.stopRuns(true) // the runs are the workspace's before (see SwitchAccount)
	}
	defer w.changed(nil)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.emu != nil {
		// The plain demo: a set-up step missing for practice (PractiseSetup) is back in place.
		_ = w.emu.SetSetup(emulator.SetupComplete)
	}
	if w.mode == ModeDemo && w.auth != nil {
		return w.statusLocked(), nil
	}
	if w.emu == nil {
		// The demo keeps to Google's quotas, in real time, so it behaves as a real project would.
		emu, err := emulator.Start("127.0.0.1:0", emulator.Options{Quota: emulator.GoogleQuota()})
		if err != nil {
			return w.statusLocked(), problem.Internal(err)
		}
		w.emu = emu
	}
	// The demo reaches the emulator by this wiring, not through a client file: a file may only
	// name Google's hosts.
	secret := &auth.ClientSecret{ClientID: emulator.DemoClientID, ClientSecret: emulator.DemoClientSecret, ProjectID: "chat-members-demo"}
	endpoints := auth.Endpoints{AuthURL: w.emu.AuthURL(), TokenURL: w.emu.TokenURL(), RevokeURL: w.emu.RevokeURL(), UserinfoURL: w.emu.UserinfoURL()}
	// Demo tokens are worthless outside this run of the emulator: keep them, and the list of
	// demo accounts, in memory only.
	w.book = &accountBook{}
	w.switchLocked(ModeDemo, secret, endpoints, auth.NewMemoryStore(), nil)
	return w.statusLocked(), nil
}

// CheckLiveAllowed refuses live mode in the dev build's browser bridge.
func (w *Session) CheckLiveAllowed() error {
	if w.opts.LiveAllowed {
		return nil
	}
	return errLiveRefused
}

// ErrNoFile says the file dialog was closed without a choice: nothing changed, and the UI
// should not go on to sign in (with an earlier file) as if a file had been chosen.
func ErrNoFile() error {
	return errNoFile
}

// ErrDialog says the file dialog itself failed, which must not look like "no file chosen".
func ErrDialog(err error) error {
	return errDialog.WithDetail(err.Error())
}

// ImportClientSecretFile reads, validates and keeps a copy of the user's client_secret.json,
// then switches to their workspace. A bad file changes nothing.
func (w *Session) ImportClientSecretFile(path string) (_ Status, err error) {
	defer func(start time.Time) { w.logAction(context.Background(), "session.import_client_file", start, err) }(time.Now())
	if err := w.CheckLiveAllowed(); err != nil {
		return w.Status(), err
	}
	secret, data, err := auth.ReadClientSecret(path)
	if err != nil {
		return w.Status(), err
	}
	return w.useSecret(secret, data)
}

// UseClientSecret validates the JSON of a client_secret.json, saves it (0600) and switches to
// the user's workspace, restoring an earlier sign-in for that client if one is stored.
func (w *Session) UseClientSecret(data []byte) (Status, error) {
	if err := w.CheckLiveAllowed(); err != nil {
		return w.Status(), err
	}
	secret, err := auth.ParseClientSecret(data)
	if err != nil {
		return w.Status(), err
	}
	return w.useSecret(secret, data)
}

func (w *Session) useSecret(secret *auth.ClientSecret, data []byte) (Status, error) {
	dir, err := w.configDir()
	if err != nil {
		return w.Status(), err
	}
	if err := writePrivate(filepath.Join(dir, secretFile), data); err != nil {
		return w.Status(), errSaveFailed.WithDetail(err.Error())
	}
	if err := saveClientFile(dir, secret.ClientID, data); err != nil {
		return w.Status(), errSaveFailed.WithDetail(err.Error())
	}
	store, err := w.liveStore(dir)
	if err != nil {
		return w.Status(), err
	}
	w.stopRuns(true) // another project's account comes: the runs are the account's before
	defer w.changed(nil)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.mode != ModeLive || w.book == nil {
		w.book = loadBook(filepath.Join(dir, accountsFile))
	}
	// An account that signed in with this client before is picked up again; else whoever
	// signs in next is added.
	var known *auth.Account
	w.book.Active = ""
	if e, ok := w.book.latest(secret.ClientID); ok {
		w.book.Active, known = e.ID, e.account()
	}
	w.saveBookLocked()
	w.switchLocked(ModeLive, secret, w.liveEndpoints(secret), store, known)
	return w.statusLocked(), nil
}

// secretFile is the kept copy of the imported client_secret.json, in the config folder.
const secretFile = "client_secret.json"

// Restore reopens the user's workspace with the account that was active last (its client file
// and tokens as saved), so a returning user lands signed in; a user of the single-account
// version keeps their sign-in (restoreLive). Without a saved file it leaves the welcome screen.
func (w *Session) Restore() Status {
	if !w.opts.LiveAllowed {
		return w.Status()
	}
	dir, err := w.configDir()
	if err != nil {
		return w.Status()
	}
	store, err := w.liveStore(dir)
	if err != nil {
		return w.Status()
	}
	if w.restoreLive(dir, store) {
		w.changed(nil)
	}
	return w.Status()
}

// liveEndpoints are Google's, from a client file auth.ParseClientSecret has checked.
func (w *Session) liveEndpoints(secret *auth.ClientSecret) auth.Endpoints {
	if w.opts.LiveEndpoints != nil {
		return *w.opts.LiveEndpoints
	}
	return secret.Endpoints()
}

// switchLocked builds the auth service for a mode and account (nil: whoever signs in next)
// and restores its stored sign-in; the listener hears of the switch once w.mu is released.
// Everything of the account before goes: its chat client, administrator mode, a browser round
// trip under way.
func (w *Session) switchLocked(mode Mode, secret *auth.ClientSecret, endpoints auth.Endpoints, store auth.Store, acct *auth.Account) {
	if w.run != nil {
		w.run.cancel()
	}
	w.mode, w.secret, w.chat, w.admin = mode, secret, nil, false
	w.store, w.endpoints = store, endpoints
	a, live := w.newAuthLocked(secret, endpoints, store, acct)
	a.Restore() // part of the switch, told by the caller
	live.Store(true)
	w.auth = a
}

// newAuthLocked builds an auth service whose changes reach authChanged once live is set, when
// it has become the active one (its restore, or an added account's sign-in, is told by the
// caller, who may hold w.mu meanwhile).
func (w *Session) newAuthLocked(secret *auth.ClientSecret, endpoints auth.Endpoints, store auth.Store, acct *auth.Account) (a *auth.Service, live *atomic.Bool) {
	live = new(atomic.Bool)
	a = auth.New(auth.Options{
		Secret:      secret,
		Endpoints:   endpoints,
		Store:       store,
		Account:     acct,
		OpenBrowser: w.openSignIn,
		OnURL:       w.announceURL,
		Timeout:     w.opts.SignInTimeout,
		HTTPClient:  w.httpClient(),
		OnChange: func(ended *problem.Problem) {
			if live.Load() {
				w.authChanged(a, ended)
			}
		},
	})
	return a, live
}

// authChanged hears auth's OnChange for a: the chat client built for the sign-in before is
// dropped, and the listener told.
func (w *Session) authChanged(a *auth.Service, ended *problem.Problem) {
	w.mu.Lock()
	if w.auth != a {
		w.mu.Unlock()
		return
	}
	w.chat = nil
	_, signedIn := a.Account()
	if !signedIn {
		w.admin = false // a later sign-in starts with the mode off
	} else if w.book != nil && w.book.Active != w.activeIDLocked() {
		w.recordSignInLocked(a) // a first sign-in, or signing in again: the list says who
	}
	w.mu.Unlock()
	if !signedIn {
		w.stopRuns(false) // signed out elsewhere (Google refused the sign-in): the calls fail anyway
	}
	w.changed(ended)
}

// open and announceURL read the opener at call time: the window may set it after a mode is chosen.
func (w *Session) open(u string) error {
	w.mu.Lock()
	f := w.openBrowser
	w.mu.Unlock()
	return f(u)
}

// openSignIn opens a consent page and, when that fails, tells the UI before auth hears of it.
func (w *Session) openSignIn(u string) error {
	err := w.open(u)
	if err != nil {
		w.mu.Lock()
		f := w.onBrowserFailed
		w.mu.Unlock()
		f(u)
	}
	return err
}

func (w *Session) announceURL(u string) {
	w.mu.Lock()
	f := w.onURL
	w.mu.Unlock()
	f(u)
}

func (w *Session) configDir() (string, error) {
	dir := w.opts.ConfigDir
	if dir == "" {
		var err error
		if dir, err = appdirs.Config(); err != nil {
			return "", errNoConfigDir.WithDetail(err.Error())
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", errSaveFailed.WithDetail(err.Error())
	}
	return dir, nil
}

func (w *Session) liveStore(dir string) (auth.Store, error) {
	if w.opts.Store != nil {
		return w.opts.Store, nil
	}
	return auth.NewStore(filepath.Join(dir, "tokens")), nil
}

// OpenLink opens a Google Chat link (a space's spaceUri) in the system browser. Only https
// links to Google Chat may be opened from the UI. In the demo workspace they open the
// emulator's stand-in page for that space: the demo organisation does not exist at Google.
func (w *Session) OpenLink(link string) (err error) {
	defer func(start time.Time) { w.logAction(context.Background(), "spaces.open_link", start, err) }(time.Now())
	u, err := url.Parse(link)
	if err != nil || u.User != nil || u.Scheme != "https" || (u.Host != "chat.google.com" && u.Host != "mail.google.com") {
		return errBadLink
	}
	w.mu.Lock()
	if w.mode == ModeDemo && w.emu != nil {
		if demo, ok := w.emu.WebURL(link); ok {
			link = demo
		}
	}
	w.mu.Unlock()
	if err := w.open(link); err != nil {
		return errBrowserFailed.With("link", link).WithDetail(err.Error())
	}
	return nil
}

// Close stops the emulator and any sign-in in progress.
func (w *Session) Close() {
	w.stopJobs() // before the emulator goes: calls in flight finish and are recorded
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.run != nil {
		w.run.cancel()
	}
	if w.emu != nil {
		_ = w.emu.Close()
		w.emu = nil
	}
}
