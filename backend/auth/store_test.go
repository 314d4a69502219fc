package auth

import (
	"os"
	"path/filepath"
	"runtime"
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
	exerciseStore(t, KeyringStore{})
}

func TestMemoryStore(t *testing.T) { exerciseStore(t, NewMemoryStore()) }
