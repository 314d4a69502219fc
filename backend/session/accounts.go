package session

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"time"

	"chatmembers/backend/auth"
)

// AccountEntry is one account the app remembers (signed in at least once, not signed out of),
// as the account menu shows it. Its tokens are not here: auth's Store keeps them under the
// account's own key.
type AccountEntry struct {
	// ID is auth.AccountKey(ClientID, account): Google's stable user id with the OAuth client,
	// so that a changed address is the same account and one person with two projects is two.
	ID    string `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
	// Subject is Google's stable user id (sub).
	Subject string `json:"subject"`
	// ClientID and ProjectID say which client file (Cloud project) the account signed in with.
	ClientID  string `json:"clientId"`
	ProjectID string `json:"projectId"`
	// LastUsed is when the account was last made the active one (Unix seconds).
	LastUsed int64 `json:"lastUsed"`
}

// accountBook is the list of accounts of one world: kept in accountsFile in the config folder
// for your Workspace, in memory only for the demo (whose tokens end with the run).
type accountBook struct {
	path     string         // "" keeps the book in memory
	Active   string         `json:"active"`
	Accounts []AccountEntry `json:"accounts"`
}

// accountsFile lists the accounts of your Workspace, in the config folder (no tokens in it).
const accountsFile = "accounts.json"

// clientsDir keeps a 0600 copy of each imported client file, by client id, so that switching
// to an account of another project needs no new import.
const clientsDir = "clients"

func loadBook(path string) *accountBook {
	b := &accountBook{path: path}
	data, err := os.ReadFile(path)
	if err == nil && json.Unmarshal(data, b) != nil {
		// A damaged list forgets the accounts, not their tokens: each signs in again.
		b.Active, b.Accounts = "", nil
	}
	b.path = path
	return b
}

func (b *accountBook) save() error {
	if b.path == "" {
		return nil
	}
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return writePrivate(b.path, data)
}

func (b *accountBook) find(id string) (AccountEntry, bool) {
	i := slices.IndexFunc(b.Accounts, func(e AccountEntry) bool { return e.ID == id })
	if i < 0 {
		return AccountEntry{}, false
	}
	return b.Accounts[i], true
}

// use records acct (of the client secret) as signed in and active, now.
func (b *accountBook) use(secret *auth.ClientSecret, acct auth.Account, now time.Time) AccountEntry {
	e := AccountEntry{ID: auth.AccountKey(secret.ClientID, acct), Email: acct.Email, Name: acct.Name,
		Subject: acct.Subject, ClientID: secret.ClientID, ProjectID: secret.ProjectID, LastUsed: now.Unix()}
	b.remove(e.ID)
	b.Accounts = append(b.Accounts, e)
	b.Active = e.ID
	return e
}

func (b *accountBook) remove(id string) {
	b.Accounts = slices.DeleteFunc(b.Accounts, func(e AccountEntry) bool { return e.ID == id })
	if b.Active == id {
		b.Active = ""
	}
}

// latest is the most recently used account, optionally only of one client; ok false if none.
func (b *accountBook) latest(clientID string) (AccountEntry, bool) {
	var best AccountEntry
	found := false
	for _, e := range b.Accounts {
		if clientID != "" && e.ClientID != clientID {
			continue
		}
		if !found || e.LastUsed > best.LastUsed {
			best, found = e, true
		}
	}
	return best, found
}

// entries lists the accounts, in the order they were first added (stable in the menu).
func (b *accountBook) entries() []AccountEntry {
	if b == nil {
		return []AccountEntry{}
	}
	return slices.Clone(b.Accounts)
}

func (e AccountEntry) account() *auth.Account {
	return &auth.Account{Email: e.Email, Name: e.Name, Subject: e.Subject}
}

var safeClientName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$`)

// clientPath is where the copy of clientID's client file is kept.
func clientPath(dir, clientID string) string {
	name := clientID
	if !safeClientName.MatchString(name) {
		sum := sha256.Sum256([]byte(clientID))
		name = "client-" + hex.EncodeToString(sum[:12])
	}
	return filepath.Join(dir, clientsDir, name+".json")
}

// saveClientFile keeps a copy of a client file by its client id (folder 0700, file 0600).
func saveClientFile(dir, clientID string, data []byte) error {
	if err := os.MkdirAll(filepath.Join(dir, clientsDir), 0o700); err != nil {
		return err
	}
	return writePrivate(clientPath(dir, clientID), data)
}

// Accounts lists the remembered accounts of the current world; Status.AccountID is the active one.
func (w *Session) Accounts() []AccountEntry {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.book.entries()
}

// secretForLocked is the client of an account: the one in use, else the kept copy of its file.
func (w *Session) secretForLocked(clientID string) (*auth.ClientSecret, error) {
	if w.secret != nil && w.secret.ClientID == clientID {
		return w.secret, nil
	}
	dir, err := w.configDir()
	if err != nil {
		return nil, err
	}
	secret, _, err := auth.ReadClientSecret(clientPath(dir, clientID))
	if err != nil {
		return nil, err
	}
	return secret, nil
}

// SwitchAccount makes a remembered account the active one, without importing its client file
// again. Whatever was shown or under way for the account before is over: the chat client,
// administrator mode and a sign-in waiting in the browser go, and a call still running for it
// answers workspace.account_switched instead of its result.
func (w *Session) SwitchAccount(id string) (_ Status, err error) {
	defer func(start time.Time) { w.logAction(context.Background(), "session.switch_account", start, err) }(time.Now())
	w.stopRuns(true) // as in AddAccount: the runs are the account's before
	w.mu.Lock()
	if err := w.switchToLocked(id); err != nil {
		w.mu.Unlock()
		return w.Status(), err
	}
	w.mu.Unlock()
	w.changed(nil)
	return w.Status(), nil
}

func (w *Session) switchToLocked(id string) error {
	if w.book == nil || w.auth == nil {
		return errNoWorkspace
	}
	e, ok := w.book.find(id)
	if !ok {
		return errUnknownAccount
	}
	secret, err := w.secretForLocked(e.ClientID)
	if err != nil {
		return err
	}
	w.switchLocked(w.mode, secret, w.endpointsFor(secret), w.store, e.account())
	w.book.remove(e.ID)
	e.LastUsed = time.Now().Unix()
	w.book.Accounts = append(w.book.Accounts, e)
	w.book.Active = e.ID
	w.saveBookLocked()
	return nil
}

// endpointsFor are the sign-in endpoints of a client in the current world.
func (w *Session) endpointsFor(secret *auth.ClientSecret) auth.Endpoints {
	if w.mode == ModeDemo {
		return w.endpoints
	}
	return w.liveEndpoints(secret)
}

// saveBookLocked writes the list; a failure is logged, not fatal: the sign-ins themselves are
// kept by auth, and the worst case is a menu that forgets an account after a restart.
func (w *Session) saveBookLocked() {
	if err := w.book.save(); err != nil {
		w.log.Warn("accounts.save", "error", err.Error())
	}
}

// AddAccount signs in one more account with the client in use, in the browser, keeping the
// account signed in now until that succeeds. Any account may be chosen on the consent page:
// a new one is added, one already in the list is signed in again (its own tokens replaced).
// The new account becomes the active one.
func (w *Session) AddAccount(ctx context.Context) (_ Status, err error) {
	defer func(start time.Time) { w.logAction(ctx, "session.add_account", start, err) }(time.Now())
	w.mu.Lock()
	cur := w.auth
	if cur == nil {
		w.mu.Unlock()
		return w.Status(), errNoWorkspace
	}
	fresh, live := w.newAuthLocked(w.secret, w.endpointsFor(w.secret), w.store, nil)
	w.mu.Unlock()
	_, err = w.runAuthOn(ctx, cur, func(ctx context.Context) (auth.Account, error) {
		return fresh.SignIn(ctx, auth.BaseScopes...)
	})
	if err != nil {
		return w.Status(), err
	}
	// The bulk runs of the account before stop first (their calls in flight are recorded; the
	// jobs stay resumable by it): they must not go on, or report, in the new account's view.
	w.stopRuns(true)
	w.mu.Lock()
	if w.auth != cur {
		w.mu.Unlock()
		return w.Status(), auth.Cancelled()
	}
	if w.run != nil {
		w.run.cancel()
	}
	w.auth, w.chat, w.admin = fresh, nil, false
	live.Store(true)
	w.recordSignInLocked(fresh)
	w.mu.Unlock()
	w.changed(nil)
	return w.Status(), nil
}

// recordSignInLocked puts the signed-in account of a (the active service) in the list as the
// active account.
func (w *Session) recordSignInLocked(a *auth.Service) {
	acct, ok := a.Account()
	if !ok || w.book == nil || w.secret == nil {
		return
	}
	w.book.use(w.secret, acct, time.Now())
	w.saveBookLocked()
}

// SignOutAccount revokes one account's tokens at Google and forgets it; the other accounts
// are untouched. Signing out of the active account makes the most recently used other one
// active; with none left, it is SignOut of old (the demo returns to the welcome screen).
func (w *Session) SignOutAccount(ctx context.Context, id string) (_ Status, err error) {
	defer func(start time.Time) { w.logAction(ctx, "session.sign_out_account", start, err) }(time.Now())
	w.mu.Lock()
	if w.auth == nil || w.book == nil {
		w.mu.Unlock()
		return w.Status(), nil
	}
	if id == w.activeIDLocked() {
		w.mu.Unlock()
		return w.SignOut(ctx)
	}
	e, ok := w.book.find(id)
	if !ok {
		w.mu.Unlock()
		return w.Status(), errUnknownAccount
	}
	secret, serr := w.secretForLocked(e.ClientID)
	var other *auth.Service
	if serr == nil {
		other, _ = w.newAuthLocked(secret, w.endpointsFor(secret), w.store, e.account()) // never live
	}
	w.book.remove(id)
	w.saveBookLocked()
	w.mu.Unlock()
	if other != nil {
		ctx, cancel := context.WithTimeout(ctx, signOutTimeout)
		defer cancel()
		other.Restore()
		err = other.SignOut(ctx)
	}
	w.changed(nil)
	return w.Status(), err
}

// activeIDLocked is the id of the account the active service is for ("" for none yet).
func (w *Session) activeIDLocked() string {
	if w.auth == nil || w.secret == nil {
		return ""
	}
	if acct, ok := w.auth.Account(); ok {
		return auth.AccountKey(w.secret.ClientID, acct)
	}
	if k := w.auth.Known(); k != nil {
		return auth.AccountKey(w.secret.ClientID, *k)
	}
	return ""
}

// afterSignOutLocked drops the signed-out active account from the list and makes the most
// recently used other one active; it reports whether there was one.
func (w *Session) afterSignOutLocked(id string) bool {
	if w.book == nil {
		return false
	}
	if id != "" {
		w.book.remove(id)
	}
	next, ok := w.book.latest("")
	if !ok {
		w.saveBookLocked()
		return false
	}
	if err := w.switchToLocked(next.ID); err != nil {
		w.book.remove(next.ID) // its client file is gone: it cannot be used again
		w.saveBookLocked()
		return false
	}
	return true
}

// restoreLive opens your Workspace at start: the active account of the list, or, for a user of
// the single-account version, its client file and sign-in, moved to the list (migration).
func (w *Session) restoreLive(dir string, store auth.Store) bool {
	book := loadBook(filepath.Join(dir, accountsFile))
	if e, ok := book.find(book.Active); ok {
		secret, _, err := auth.ReadClientSecret(clientPath(dir, e.ClientID))
		if err == nil {
			w.mu.Lock()
			w.book = book
			w.switchLocked(ModeLive, secret, w.liveEndpoints(secret), store, e.account())
			w.mu.Unlock()
			return true
		}
	}
	secret, data, err := auth.ReadClientSecret(filepath.Join(dir, secretFile))
	if err != nil {
		return false
	}
	if err := saveClientFile(dir, secret.ClientID, data); err != nil {
		w.log.Warn("accounts.save_client", "error", err.Error())
	}
	acct, err := auth.MigrateLegacy(store, secret.ClientID)
	if err != nil {
		w.log.Warn("accounts.migrate", "error", err.Error())
	}
	var known *auth.Account
	if acct != nil {
		book.use(secret, *acct, time.Now())
		known = acct
	} else if e, ok := book.latest(secret.ClientID); ok {
		book.Active, known = e.ID, e.account()
	}
	w.mu.Lock()
	w.book = book
	w.saveBookLocked()
	w.switchLocked(ModeLive, secret, w.liveEndpoints(secret), store, known)
	w.mu.Unlock()
	return true
}
