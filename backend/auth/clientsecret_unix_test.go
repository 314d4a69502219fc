//go:build unix

package auth

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"chatmembers/backend/problem"
)

// A FIFO or a device chosen as the client file must not hang the import: opening a FIFO waits
// for a writer, and /dev/zero never ends. Only regular files are read.
func TestReadClientSecretRefusesFIFOsAndDevices(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "client_secret.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	for _, path := range []string{fifo, "/dev/zero"} {
		if _, err := os.Stat(path); err != nil {
			t.Logf("%s: %v", path, err)
			continue
		}
		done := make(chan error, 1)
		go func() { _, _, err := ReadClientSecret(path); done <- err }()
		select {
		case err := <-done:
			p, _ := problem.As(err)
			if p == nil || p.Code != "auth.secret_not_file" || p.Message == "" || p.Fix == "" {
				t.Errorf("%s: error %v, want auth.secret_not_file", path, err)
			}
		case <-time.After(10 * time.Second):
			// Let the blocked open go (a writer appears), so the test binary can end.
			if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				w.Close()
			}
			t.Fatalf("%s: the import is still waiting", path)
		}
	}
}
