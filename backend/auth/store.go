package auth

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"github.com/zalando/go-keyring"

	"chatmembers/backend/appdirs"
)

// KeyringService is the service name under which tokens sit in the OS keyring.
const KeyringService = "chat-members"

// Record is what a Store keeps for one OAuth client: the signed-in account and its tokens.
type Record struct {
	// Key is where the record is kept (AccountKey); "" in a record of the single-account
	// store of earlier versions, kept under the client id.
	Key          string    `json:"key,omitempty"`
	ClientID     string    `json:"client_id"`
	Account      Account   `json:"account"`
	AccessToken  string    `json:"access_token,omitempty"`
	TokenType    string    `json:"token_type,omitempty"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	Expiry       time.Time `json:"expiry,omitzero"`
}

// Store persists sign-ins, each under its own key: AccountKey(client id, account), one per
// account and OAuth client. (Versions before several accounts kept one record per client,
// under the client id: MigrateLegacy moves it.) Load returns nil, nil when nothing is stored.
// Implementations must be safe for concurrent use.
type Store interface {
	Load(key string) (*Record, error)
	Save(key string, rec *Record) error
	Delete(key string) error
}

// AccountKey is the key of an account's sign-in with an OAuth client: the client id and
// Google's stable user id (sub), so that a changed address keeps its tokens; an account known
// only by address (kept by an older version) falls back to it. It is a plain file name.
func AccountKey(clientID string, a Account) string {
	id := a.Subject
	if id == "" {
		id = "email-" + a.Email
	}
	return clientID + "." + id
}

// MigrateLegacy moves the sign-in an earlier, single-account version kept under the client id
// to its account's own key, and returns that account; nil when there was none. The legacy
// record is deleted only once the new one is saved, so a failure loses nothing.
func MigrateLegacy(store Store, clientID string) (*Account, error) {
	rec, err := store.Load(clientID)
	if err != nil || rec == nil || rec.Account.Email == "" || rec.ClientID != clientID {
		return nil, err
	}
	rec.Key = AccountKey(clientID, rec.Account)
	if err := store.Save(rec.Key, rec); err != nil {
		return nil, err
	}
	if err := store.Delete(clientID); err != nil {
		return nil, err
	}
	acct := rec.Account
	return &acct, nil
}

// NewStore keeps tokens in the OS keyring (Keychain, Credential Manager, Secret Service), with
// a FileStore in fileDir as the fallback ("" means appdirs.Config()/tokens; with
// no config folder at all, memory only): see KeyringStore. It never blocks: the keyring is
// probed on first use, not here.
func NewStore(fileDir string) Store {
	var fallback Store
	if fileDir == "" {
		if dir, err := appdirs.Config(); err == nil {
			fileDir = filepath.Join(dir, "tokens")
		}
	}
	if fileDir == "" {
		fallback = NewMemoryStore()
	} else {
		fallback = &FileStore{Dir: fileDir}
	}
	return &KeyringStore{Fallback: fallback}
}

// keyringProbeTimeout bounds the keyring probe: a D-Bus without a Secret Service can hang.
const keyringProbeTimeout = 3 * time.Second

// sessionKeyringWorks reports whether the OS keyring answers a write and a delete. Whether it
// does is a property of the login session, so it is asked at most once per process, when a
// store first needs to know (never when one is built). Never reassigned: stores take their own
// probe (KeyringStore.probe) when a test needs another answer.
var sessionKeyringWorks = sync.OnceValue(func() bool { return keyringWorks(keyringProbeTimeout) })

func keyringWorks(timeout time.Duration) bool {
	done := make(chan bool, 1)
	go func() {
		user := "probe-" + randomString(8)
		if err := keyring.Set(KeyringService, user, "probe"); err != nil {
			done <- false
			return
		}
		done <- keyring.Delete(KeyringService, user) == nil
	}()
	select {
	case ok := <-done:
		return ok
	case <-time.After(timeout):
		return false
	}
}

// KeyringStore keeps records in the OS keyring, service KeyringService, user = client id.
//
// With a Fallback, the keyring is probed (a write and a delete, at most a few seconds) on the
// first Load, Save or Delete, once per process; when it does not answer, every record goes to the Fallback.
// When it does, a record the keyring refuses to save (Windows Credential Manager caps a
// credential at 2,560 bytes) goes to the Fallback instead, and Load and Delete look in both.
// Without a Fallback it is the keyring alone, unprobed. Use it by pointer.
type KeyringStore struct {
	Fallback Store

	// probe says whether the keyring works; nil means sessionKeyringWorks.
	probe func() bool
	// set writes to the keyring; nil means keyring.Set. Tests give one that refuses large
	// records, as Windows does.
	set func(service, user, password string) error

	probed sync.Once
	usable bool // the keyring answered the probe
}

// keyringUsable probes the keyring the first time it is asked.
func (k *KeyringStore) keyringUsable() bool {
	if k.Fallback == nil {
		return true
	}
	k.probed.Do(func() {
		probe := k.probe
		if probe == nil {
			probe = sessionKeyringWorks
		}
		k.usable = probe()
	})
	return k.usable
}

// Load reads the record of clientID from the keyring, else from the Fallback.
func (k *KeyringStore) Load(clientID string) (*Record, error) {
	if !k.keyringUsable() {
		return k.Fallback.Load(clientID)
	}
	rec, err := keyringLoad(clientID)
	if rec != nil || k.Fallback == nil {
		return rec, err
	}
	frec, ferr := k.Fallback.Load(clientID)
	switch {
	case frec != nil:
		return frec, nil
	case err != nil:
		return nil, err
	default:
		return nil, ferr
	}
}

// Save writes the record of clientID to the keyring, or to the Fallback when the keyring
// refuses it. It fails only when the record could be kept nowhere.
func (k *KeyringStore) Save(clientID string, rec *Record) error {
	if !k.keyringUsable() {
		return k.Fallback.Save(clientID, rec)
	}
	err := k.keyringSave(clientID, rec)
	if k.Fallback == nil {
		return err
	}
	if err == nil {
		// A copy the keyring once refused is stale now; Load prefers the keyring anyway.
		_ = k.Fallback.Delete(clientID)
		return nil
	}
	if ferr := k.Fallback.Save(clientID, rec); ferr != nil {
		return errStore.WithDetail(err.Error() + "; fallback: " + ferr.Error())
	}
	// The keyring may still hold an older record, which Load would prefer to the new one.
	if derr := keyringDelete(clientID); derr != nil {
		if old, _ := keyringLoad(clientID); old != nil {
			return errStore.WithDetail(err.Error() + "; the keyring keeps an older sign-in: " + derr.Error())
		}
	}
	return nil
}

// Delete removes the record of clientID from the keyring and the Fallback; a missing one is
// not an error.
func (k *KeyringStore) Delete(clientID string) error {
	if !k.keyringUsable() {
		return k.Fallback.Delete(clientID)
	}
	err := keyringDelete(clientID)
	if k.Fallback != nil {
		if ferr := k.Fallback.Delete(clientID); err == nil {
			err = ferr
		}
	}
	return err
}

func keyringLoad(clientID string) (*Record, error) {
	s, err := keyring.Get(KeyringService, clientID)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, errStore.WithDetail("keyring: " + err.Error())
	}
	return decodeRecord([]byte(s))
}

func (k *KeyringStore) keyringSave(clientID string, rec *Record) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return errStore.WithDetail(err.Error())
	}
	set := k.set
	if set == nil {
		set = keyring.Set
	}
	if err := set(KeyringService, clientID, string(b)); err != nil {
		return errStore.WithDetail("keyring: " + err.Error())
	}
	return nil
}

func keyringDelete(clientID string) error {
	err := keyring.Delete(KeyringService, clientID)
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return errStore.WithDetail("keyring: " + err.Error())
	}
	return nil
}

// FileStore keeps one JSON file per client in Dir (created 0700; files 0600, written atomically).
type FileStore struct {
	Dir string
	mu  sync.Mutex
}

var safeFileName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$`)

// path names the file of clientID: the id itself when it is a plain name (Google's are), else a hash.
func (f *FileStore) path(clientID string) string {
	name := clientID
	if !safeFileName.MatchString(name) {
		sum := sha256.Sum256([]byte(clientID))
		name = "client-" + hex.EncodeToString(sum[:12])
	}
	return filepath.Join(f.Dir, name+".json")
}

// Load reads the record of clientID.
func (f *FileStore) Load(clientID string) (*Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := os.ReadFile(f.path(clientID))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, errStore.WithDetail(err.Error())
	}
	rec, err := decodeRecord(b)
	if err != nil {
		return nil, err
	}
	want := rec.Key
	if want == "" {
		want = rec.ClientID // a record of the single-account version
	}
	if want != clientID {
		return nil, nil // a file for another key (hash collision, hand edit): nothing stored
	}
	return rec, nil
}

// Save writes the record of clientID: a temporary file in Dir, synced, then renamed over.
func (f *FileStore) Save(clientID string, rec *Record) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return errStore.WithDetail(err.Error())
	}
	if err := os.MkdirAll(f.Dir, 0o700); err != nil {
		return errStore.WithDetail(err.Error())
	}
	if err := os.Chmod(f.Dir, 0o700); err != nil { // tighten a folder someone made wider
		return errStore.WithDetail(err.Error())
	}
	tmp, err := os.CreateTemp(f.Dir, ".tokens-*.tmp") // CreateTemp makes it 0600
	if err != nil {
		return errStore.WithDetail(err.Error())
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return errStore.WithDetail(err.Error())
	}
	if _, err := tmp.Write(b); err != nil {
		return errStore.WithDetail(err.Error())
	}
	if err := tmp.Sync(); err != nil {
		return errStore.WithDetail(err.Error())
	}
	if err := tmp.Close(); err != nil {
		return errStore.WithDetail(err.Error())
	}
	if err := os.Rename(tmp.Name(), f.path(clientID)); err != nil {
		return errStore.WithDetail(err.Error())
	}
	ok = true
	return nil
}

// Delete removes the record of clientID; a missing one is not an error.
func (f *FileStore) Delete(clientID string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	err := os.Remove(f.path(clientID))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return errStore.WithDetail(err.Error())
	}
	return nil
}

// MemoryStore keeps records in memory only: for demo mode (whose emulator forgets its tokens
// on exit anyway) and tests.
type MemoryStore struct {
	mu   sync.Mutex
	recs map[string]Record
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore { return &MemoryStore{recs: map[string]Record{}} }

// Load returns a copy of the record of clientID.
func (m *MemoryStore) Load(clientID string) (*Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	rec, ok := m.recs[clientID]
	if !ok {
		return nil, nil
	}
	rec.Account.Scopes = append([]string(nil), rec.Account.Scopes...)
	return &rec, nil
}

// Save stores a copy of rec.
func (m *MemoryStore) Save(clientID string, rec *Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := *rec
	c.Account.Scopes = append([]string(nil), rec.Account.Scopes...)
	m.recs[clientID] = c
	return nil
}

// Delete forgets the record of clientID.
func (m *MemoryStore) Delete(clientID string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.recs, clientID)
	return nil
}

func decodeRecord(b []byte) (*Record, error) {
	var rec Record
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, errStore.WithDetail("stored sign-in is not valid JSON")
	}
	return &rec, nil
}
