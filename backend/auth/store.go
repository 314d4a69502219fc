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
)

// KeyringService is the service name under which tokens sit in the OS keyring.
const KeyringService = "chat-members"

// Record is what a Store keeps for one OAuth client: the signed-in account and its tokens.
type Record struct {
	ClientID     string    `json:"client_id"`
	Account      Account   `json:"account"`
	AccessToken  string    `json:"access_token,omitempty"`
	TokenType    string    `json:"token_type,omitempty"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	Expiry       time.Time `json:"expiry,omitzero"`
}

// Store persists the sign-in of one OAuth client (one account per client: the app shows one
// signed-in account at a time). Load returns nil, nil when nothing is stored.
// Implementations must be safe for concurrent use.
type Store interface {
	Load(clientID string) (*Record, error)
	Save(clientID string, rec *Record) error
	Delete(clientID string) error
}

// NewStore picks where tokens live: the OS keyring (Keychain, Credential Manager, Secret
// Service) when it answers a probe, else a FileStore in fileDir ("" means
// os.UserConfigDir()/chat-members/tokens; with no config folder at all, memory only).
// The probe gives up after a few seconds, as a D-Bus without a Secret Service can hang.
func NewStore(fileDir string) Store {
	if keyringWorks(3 * time.Second) {
		return KeyringStore{}
	}
	if fileDir == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return NewMemoryStore()
		}
		fileDir = filepath.Join(dir, "chat-members", "tokens")
	}
	return &FileStore{Dir: fileDir}
}

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
type KeyringStore struct{}

// Load reads the record of clientID from the keyring.
func (KeyringStore) Load(clientID string) (*Record, error) {
	s, err := keyring.Get(KeyringService, clientID)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, errStore.WithDetail("keyring: " + err.Error())
	}
	return decodeRecord([]byte(s))
}

// Save writes the record of clientID to the keyring.
func (KeyringStore) Save(clientID string, rec *Record) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return errStore.WithDetail(err.Error())
	}
	if err := keyring.Set(KeyringService, clientID, string(b)); err != nil {
		return errStore.WithDetail("keyring: " + err.Error())
	}
	return nil
}

// Delete removes the record of clientID; a missing one is not an error.
func (KeyringStore) Delete(clientID string) error {
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
	if err != nil || rec.ClientID != clientID {
		return nil, err // a file for another client (hash collision, hand edit): nothing stored
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
