//go:build unix

package session

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"chatmembers/backend/problem"
)

// Choosing a FIFO in the file dialog returns at once with a problem and changes nothing.
func TestImportOfAFIFOReturnsAtOnce(t *testing.T) {
	w := New(Options{LiveAllowed: true, ConfigDir: t.TempDir()})
	t.Cleanup(w.Close)
	fifo := filepath.Join(t.TempDir(), "client_secret.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := w.ImportClientSecretFile(fifo); done <- err }()
	select {
	case err := <-done:
		if problem.CodeOf(err) != "auth.secret_not_file" {
			t.Fatalf("want auth.secret_not_file, got %v", err)
		}
	case <-time.After(10 * time.Second):
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
		t.Fatal("the import is still waiting on the FIFO")
	}
	if st := w.Status(); st.Mode != ModeNone {
		t.Fatalf("mode %q after a refused file", st.Mode)
	}
}
