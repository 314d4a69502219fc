package session

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"chatmembers/backend/auth"
	"chatmembers/backend/problem"
)

// logAction writes one line for a user action: its name, how long it took, and its outcome
// (the problem code, never the problem's detail or any value the user typed).
func (w *Session) logAction(ctx context.Context, name string, start time.Time, err error) {
	LogOutcome(ctx, w.log, name, start, err)
}

// httpClient is the client of every request to Google (OAuth and APIs): auth's, with each
// request logged.
func (w *Session) httpClient() *http.Client {
	c := auth.NewHTTPClient()
	base := w.opts.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	c.Transport = logTransport{base: base, log: w.log}
	return c
}

// logTransport writes one line per request to Google: method, host, path, status, duration.
// Never the query, headers or bodies: they carry tokens, codes and secrets (and the path holds
// none: Google's APIs take them in headers and bodies only).
type logTransport struct {
	base http.RoundTripper
	log  *slog.Logger
}

func (t logTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	start := time.Now()
	res, err := t.base.RoundTrip(req)
	attrs := []slog.Attr{slog.String("method", req.Method), slog.String("host", req.URL.Host),
		slog.String("path", req.URL.Path), slog.Duration("took", time.Since(start).Round(time.Millisecond))}
	if err != nil {
		t.log.LogAttrs(req.Context(), slog.LevelWarn, "google call", append(attrs, slog.String("error", errorKind(req, err)))...)
		return res, err
	}
	t.log.LogAttrs(req.Context(), slog.LevelInfo, "google call", append(attrs, slog.Int("status", res.StatusCode))...)
	return res, err
}

// errorKind names a failed request's cause without its text (which may quote addresses).
func errorKind(req *http.Request, err error) string {
	switch {
	case errors.Is(req.Context().Err(), context.Canceled):
		return "cancelled"
	case errors.Is(req.Context().Err(), context.DeadlineExceeded):
		return "deadline"
	default:
		return "no answer"
	}
}

// LogOutcome writes the one line of an action or call: name, duration and outcome.
func LogOutcome(ctx context.Context, l *slog.Logger, name string, start time.Time, err error) {
	attrs := []slog.Attr{slog.String("action", name), slog.Duration("took", time.Since(start).Round(time.Millisecond))}
	if err == nil {
		l.LogAttrs(ctx, slog.LevelInfo, "done", attrs...)
		return
	}
	code := problem.CodeOf(err)
	if code == "" {
		code = "internal"
	}
	l.LogAttrs(ctx, slog.LevelWarn, "failed", append(attrs, slog.String("problem", code))...)
}
