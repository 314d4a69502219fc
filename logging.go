package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"chatmembers/backend/logfile"
)

// openLog opens the app's log in the user's state directory ($XDG_STATE_HOME/chat-members/
// chat-members.log, 1 MB, one older file kept): JSON lines, one per user action and per Google
// call, never a token, secret or message body. Without a writable state directory the app runs
// unlogged and says so on stderr.
func openLog() (*slog.Logger, io.Closer) {
	dir, err := logfile.Dir()
	var f *logfile.File
	if err == nil {
		f, err = logfile.Open(filepath.Join(dir, logfile.Name), logfile.DefaultMaxBytes, logfile.DefaultKeep)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "chat-members: no log file:", err)
		return slog.New(slog.DiscardHandler), io.NopCloser(nil)
	}
	return newLogger(f), f
}

// newLogger writes JSON lines to w.
func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}
