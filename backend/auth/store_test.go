package auth

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

func sampleRecord(clientID string) *Record {
	return &Record{
		ClientID:     clientID,
		Account:      Account{Email: "ada@example.com", Subject: "1001", Scopes: []string{"openid", ScopeMemberships}},
		AccessToken:  "ya29.fake-access",
		TokenType:    "Bearer",
		RefreshToken: "1//fake-refresh",
		Expiry:       time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC),
	}
}

// exerciseStore checks the Store contract: empty Load, round trip, overwrite, Delete twice.
func exerciseStore(t *testing.T, st Store) {
	t.Helper()
	const id = "123-abc.apps.googleusercontent.com"
	if rec, err := st.Load(id); rec != nil || err != nil {
		t.Fatalf("empty store: %v %v", rec, err)
	}
	want := sampleRecord(id)
	if err := st.Save(id, want); err != nil {
		t.Fatal(err)
	}
	got, err := st.Load(id)
	if err != nil || got == nil {
		t.Fatalf("load: %v %v", got, err)
	}
	if got.AccessToken != want.AccessToken || got.RefreshToken != want.RefreshToken || !got.Expiry.Equal(want.Expiry) ||
		got.Account.Email != want.Account.Email || len(got.Account.Scopes) != 2 {
		t.Errorf("round trip: %+v", got)
	}
	want.AccessToken = "ya29.fake-access-2"
	if err := st.Save(id, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Load(id); got == nil || got.AccessToken != "ya29.fake-access-2" {
		t.Errorf("overwrite: %+v", got)
	}
	if other, _ := st.Load("other-client"); other != nil {
		t.Error("a record for another client")
	}
	if err := st.Delete(id); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(id); err != nil {
		t.Fatalf("second delete: %v", err)
	}
	if rec, err := st.Load(id); rec != nil || err != nil {
		t.Fatalf("after delete: %v %v", rec, err)
	}
}

func TestFileStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "chat-members", "tokens")
	st := &FileStore{Dir: dir}
	exerciseStore(t, st)

	const id = "123-abc.apps.googleusercontent.com"
	if err := st.Save(id, sampleRecord(id)); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != id+".json" {
		t.Fatalf("files %v: want exactly %s.json (no temporary files left)", entries, id)
	}
	if runtime.GOOS == "windows" {
		return
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, id+".json"): 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", path, got, want)
		}
	}
}

func TestFileStoreTightensFolderAndHashesOddIDs(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	st := &FileStore{Dir: dir}
	odd := "../../etc/passwd"
	if err := st.Save(odd, sampleRecord(odd)); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || filepath.Dir(filepath.Join(dir, entries[0].Name())) != dir {
		t.Fatalf("files %v", entries)
	}
	if rec, err := st.Load(odd); err != nil || rec == nil {
		t.Fatalf("load odd id: %v %v", rec, err)
	}
	if fi, _ := os.Stat(dir); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %o, want 700", fi.Mode().Perm())
	}
}

func TestFileStoreCorruptFile(t *testing.T) {
	dir := t.TempDir()
	const id = "123-abc.apps.googleusercontent.com"
	if err := os.WriteFile(filepath.Join(dir, id+".json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := (&FileStore{Dir: dir}).Load(id)
	if code := codeOf(err); code != "auth.store_failed" {
		t.Fatalf("corrupt file: %v", err)
	}
}

func TestKeyringStore(t *testing.T) {
	keyring.MockInit() // the in-memory keyring of go-keyring
	exerciseStore(t, &KeyringStore{})
}

func TestMemoryStore(t *testing.T) { exerciseStore(t, NewMemoryStore()) }

// probeAnswering is a keyring probe that answers ok, counting its calls.
func probeAnswering(ok bool, calls *atomic.Int32) func() bool {
	return func() bool {
		calls.Add(1)
		return ok
	}
}

func answers(ok bool) func() bool { return probeAnswering(ok, new(atomic.Int32)) }

// windowsSizedSet refuses passwords over 2,560 bytes, as Windows Credential Manager does.
func windowsSizedSet(service, user, password string) error {
	if len(password) > 2560 {
		return keyring.ErrSetDataTooBig
	}
	return keyring.Set(service, user, password)
}

func bigRecord(clientID string) *Record {
	rec := sampleRecord(clientID)
	rec.Account.Name = strings.Repeat("Ada Lovelace ", 250) // > 2,560 bytes of JSON
	return rec
}

func filesIn(t *testing.T, dir string) int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return len(entries)
}

func TestKeyringStoreFallsBackToFileWhenRecordTooBig(t *testing.T) {
	keyring.MockInit()
	dir := filepath.Join(t.TempDir(), "tokens")
	st := &KeyringStore{Fallback: &FileStore{Dir: dir}, probe: answers(true), set: windowsSizedSet}
	exerciseStore(t, st)

	const id = "123-abc.apps.googleusercontent.com"
	if err := st.Save(id, sampleRecord(id)); err != nil {
		t.Fatal(err)
	}
	if _, err := keyring.Get(KeyringService, id); err != nil || filesIn(t, dir) != 0 {
		t.Fatalf("a small record: keyring %v, %d files", err, filesIn(t, dir))
	}

	big := bigRecord(id)
	if err := st.Save(id, big); err != nil {
		t.Fatalf("a record the keyring refuses: %v", err)
	}
	if filesIn(t, dir) != 1 {
		t.Fatal("the refused record is not in the file")
	}
	if _, err := keyring.Get(KeyringService, id); !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("the keyring still holds the older record: %v", err)
	}
	if got, err := st.Load(id); err != nil || got == nil || got.Account.Name != big.Account.Name {
		t.Fatalf("load of the refused record: %v %v", got, err)
	}

	// Small again: back to the keyring, and the stale file goes.
	if err := st.Save(id, sampleRecord(id)); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Load(id); got == nil || got.Account.Name != "" || filesIn(t, dir) != 0 {
		t.Fatalf("after a small save: %+v, %d files", got, filesIn(t, dir))
	}

	// Delete clears both.
	if err := st.Save(id, big); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(id); err != nil {
		t.Fatal(err)
	}
	if got, err := st.Load(id); got != nil || err != nil || filesIn(t, dir) != 0 {
		t.Fatalf("after delete: %v %v, %d files", got, err, filesIn(t, dir))
	}
}

// A keyring that answered the probe but fails later (locked, its daemon gone): the record
// goes to the file and is read back from there.
func TestKeyringStoreFallsBackWhenKeyringFails(t *testing.T) {
	keyring.MockInit()
	t.Cleanup(keyring.MockInit)
	dir := t.TempDir()
	st := &KeyringStore{Fallback: &FileStore{Dir: dir}, probe: answers(true)}
	const id = "123-abc.apps.googleusercontent.com"
	if err := st.Save(id, sampleRecord(id)); err != nil {
		t.Fatal(err)
	}
	keyring.MockInitWithError(errors.New("the keyring is locked"))
	want := sampleRecord(id)
	want.AccessToken = "ya29.saved-to-file"
	if err := st.Save(id, want); err != nil {
		t.Fatalf("save with a failing keyring: %v", err)
	}
	if got, err := st.Load(id); err != nil || got == nil || got.AccessToken != want.AccessToken {
		t.Fatalf("load with a failing keyring: %v %v", got, err)
	}
	keyring.MockInit() // the keyring is back, and empty
	if got, err := st.Load(id); err != nil || got == nil || got.AccessToken != want.AccessToken {
		t.Fatalf("load from the file: %v %v", got, err)
	}
	if err := st.Delete(id); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Load(id); got != nil || filesIn(t, dir) != 0 {
		t.Fatal("delete left the file")
	}

	// Both failing: Save says so.
	keyring.MockInitWithError(errors.New("the keyring is locked"))
	st = &KeyringStore{Fallback: failingStore{}, probe: answers(true)}
	if err := st.Save(id, sampleRecord(id)); codeOf(err) != "auth.store_failed" || !strings.Contains(err.Error(), "locked") {
		t.Fatalf("save with nowhere to go: %v", err)
	}
}

// With no keyring at all, NewStore keeps everything in the file.
func TestNewStoreWithoutKeyring(t *testing.T) {
	keyring.MockInitWithError(errors.New("no secret service"))
	t.Cleanup(keyring.MockInit)
	dir := t.TempDir()
	st := NewStore(dir)
	st.(*KeyringStore).probe = answers(false)
	exerciseStore(t, st)
	const id = "123-abc.apps.googleusercontent.com"
	if err := st.Save(id, sampleRecord(id)); err != nil || filesIn(t, dir) != 1 {
		t.Fatalf("save: %v, %d files", err, filesIn(t, dir))
	}
}

// Building a store never probes the keyring; a store probes once, on first use, however many
// goroutines ask.
func TestNewStoreProbesLazilyOnce(t *testing.T) {
	keyring.MockInit()
	var calls atomic.Int32
	st := NewStore(t.TempDir()).(*KeyringStore)
	st.probe = probeAnswering(true, &calls)
	if calls.Load() != 0 {
		t.Fatalf("NewStore probed %d times", calls.Load())
	}
	const id = "123-abc.apps.googleusercontent.com"
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := st.Load(id); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Fatalf("probed %d times, want once", calls.Load())
	}
}

// failingStore refuses every save, with a plain error as a Store of someone else's might.
type failingStore struct{}

func (failingStore) Load(string) (*Record, error) { return nil, nil }
func (failingStore) Save(string, *Record) error {
	return errors.New("disk full")
}
func (failingStore) Delete(string) error { return nil }
