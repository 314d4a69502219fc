// Package logfile is the app's log file: in the user's state directory, rotated when it grows
// past a small size so that it never fills a disk, written through log/slog.
package logfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"chatmembers/backend/appdirs"
)

// Defaults: chat-members.log and chat-members.log.1, 1 MB each.
const (
	DefaultMaxBytes = 1 << 20
	DefaultKeep     = 1
	Name            = "chat-members.log"
)

// Dir is where the log lives: the user's state folder (appdirs.State).
func Dir() (string, error) { return appdirs.State() }

// File is an append-only log file that starts afresh past MaxBytes, keeping Keep older files
// (name.1 the newest). Safe for concurrent use.
type File struct {
	path string
	max  int64
	keep int

	mu   sync.Mutex
	f    *os.File
	size int64
}

// Open opens (or creates, 0600: the log names accounts and spaces) the log at path.
func Open(path string, maxBytes int64, keep int) (*File, error) {
	if maxBytes <= 0 || keep < 0 {
		return nil, errors.New("logfile: maxBytes must be positive and keep not negative")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	l := &File{path: path, max: maxBytes, keep: keep}
	if err := l.open(); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *File) open() error {
	f, err := os.OpenFile(l.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	l.f, l.size = f, info.Size()
	return nil
}

// Write appends p (one log line), first rotating if p would take the file past its limit.
func (l *File) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return 0, os.ErrClosed
	}
	if l.size > 0 && l.size+int64(len(p)) > l.max {
		if err := l.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := l.f.Write(p)
	l.size += int64(n)
	return n, err
}

// rotate shifts name.k to name.k+1 (the oldest dropped), name to name.1, and starts name anew.
func (l *File) rotate() error {
	if err := l.f.Close(); err != nil {
		return err
	}
	l.f = nil
	if l.keep == 0 {
		_ = os.Remove(l.path)
	} else {
		_ = os.Remove(fmt.Sprintf("%s.%d", l.path, l.keep))
		for k := l.keep - 1; k >= 1; k-- {
			_ = os.Rename(fmt.Sprintf("%s.%d", l.path, k), fmt.Sprintf("%s.%d", l.path, k+1))
		}
		if err := os.Rename(l.path, l.path+".1"); err != nil {
			return err
		}
	}
	return l.open()
}

// Close closes the file; later writes fail.
func (l *File) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}
