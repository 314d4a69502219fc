package logfile

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The log never grows past its limit: past it, the file moves to .1 (the older .1 is dropped)
// and a new one starts; every line stays whole.
func TestRotatesAtTheLimitKeepingOneOlderFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", Name)
	l, err := Open(path, 100, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	line := bytes.Repeat([]byte("x"), 39)
	line = append(line, '\n')
	for i := 0; i < 7; i++ { // 280 bytes: three files' worth
		if _, err := l.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{path, path + ".1"} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Size() > 100 || info.Size()%40 != 0 || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %d bytes, mode %v", filepath.Base(p), info.Size(), info.Mode().Perm())
		}
	}
	if _, err := os.Stat(path + ".2"); !os.IsNotExist(err) {
		t.Errorf("a third file was kept: %v", err)
	}
}

func TestDirFollowsXDGStateHome(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/tmp/state")
	if d, err := Dir(); err != nil || d != "/tmp/state/chat-members" {
		t.Fatalf("Dir = %q, %v", d, err)
	}
}
