package logfile

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// Problem is one failed action as the log recorded it: its problem code, the action's name
// and when. Never the problem's text or what the user typed (those may hold addresses).
type Problem struct {
	Code   string    `json:"code"`
	Action string    `json:"action"`
	At     time.Time `json:"at"`
}

// Recent keeps the last few problems written to a log, for "Copy diagnostics": a person can
// send which actions failed without sending the log file. Safe for concurrent use.
type Recent struct {
	max int

	mu    sync.Mutex
	items []Problem
}

// NewRecent keeps the last n problems.
func NewRecent(n int) *Recent { return &Recent{max: max(n, 1)} }

// Handler wraps next: every record with a "problem" attribute (session.LogOutcome's "failed"
// lines) is also kept here. Records go on to next as before.
func (r *Recent) Handler(next slog.Handler) slog.Handler { return recentHandler{next: next, r: r} }

// List is the kept problems, oldest first.
func (r *Recent) List() []Problem {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Problem(nil), r.items...)
}

func (r *Recent) add(p Problem) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.items) == r.max {
		r.items = append(r.items[:0], r.items[1:]...)
	}
	r.items = append(r.items, p)
}

type recentHandler struct {
	next  slog.Handler
	r     *Recent
	attrs []slog.Attr // from WithAttrs: an action name given to the logger once
}

// Enabled is true for warnings even when next would drop them (an app without a log file
// still remembers its problems).
func (h recentHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn || h.next.Enabled(ctx, l)
}

func (h recentHandler) Handle(ctx context.Context, rec slog.Record) error {
	p := Problem{At: rec.Time}
	look := func(a slog.Attr) bool {
		switch a.Key {
		case "problem":
			p.Code = a.Value.String()
		case "action":
			p.Action = a.Value.String()
		}
		return true
	}
	for _, a := range h.attrs {
		look(a)
	}
	rec.Attrs(look)
	if p.Code != "" {
		h.r.add(p)
	}
	if !h.next.Enabled(ctx, rec.Level) {
		return nil
	}
	return h.next.Handle(ctx, rec)
}

func (h recentHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return recentHandler{next: h.next.WithAttrs(as), r: h.r, attrs: append(append([]slog.Attr(nil), h.attrs...), as...)}
}

func (h recentHandler) WithGroup(name string) slog.Handler {
	return recentHandler{next: h.next.WithGroup(name), r: h.r, attrs: h.attrs}
}
