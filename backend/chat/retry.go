package chat

// Retries of transient failures, and the deadline every call has.
//
// Where: around each Chat call (Service.retry.run wraps one chat/v1 Do), not in an
// http.RoundTripper under the client. Around the call:
//   - a create knows it is a create: when an attempt failed in a way that may have been carried
//     out (a 5xx or a reset after the request went out) and the retry meets 409 ALREADY_EXISTS,
//     add() reports the membership as added by this call. A transport sees only bytes and would
//     pass the 409 up as "already a member";
//   - each attempt is a fresh request built by the client, so a body never needs replaying
//     (a transport can only replay bodies that have GetBody);
//   - Google's RetryInfo is read from the same parsed error body that errors.go reads;
//   - 401 and token refreshes stay with the oauth2 transport below, untouched.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"time"

	"google.golang.org/api/googleapi"

	"chatmembers/backend/retrydelay"
)

// RetryPolicy says how a Service retries 429, 500, 502, 503, 504 and connection resets:
// truncated exponential backoff with jitter, never sooner than Google asks (Retry-After,
// RetryInfo), never past the call's deadline. The zero value is the default policy.
type RetryPolicy struct {
	// Base is the first backoff ceiling; it doubles with each retry up to Max. 0 means 1 s.
	Base time.Duration
	// Max caps one backoff wait (not a wait Google asks for). 0 means 16 s.
	Max time.Duration
	// Attempts is the most tries of one request, the first included. 0 means 6.
	Attempts int
	// Timeout is the deadline of a call whose context has none. 0 means 2 minutes.
	Timeout time.Duration
	// Rand draws the jitter; nil means math/rand/v2's shared source. Tests seed it. The Service
	// locks around it, so one *rand.Rand may serve concurrent calls.
	Rand *rand.Rand
	// OnRetry, if set, is told of each retry before its wait: the attempt that failed (1 for the
	// first), the wait, and the error. For tests and logs; it must not block.
	OnRetry func(attempt int, wait time.Duration, err error)
}

const (
	defaultBase     = time.Second
	defaultMax      = 16 * time.Second
	defaultAttempts = 6
	// defaultTimeout bounds a call whose caller set no deadline: a listing of thousands of spaces
	// with retries fits; a stalled network does not keep the app busy for good.
	defaultTimeout = 2 * time.Minute
	// clockSkew is how far Google's createTime may be from this computer's clock when telling a
	// membership created by a lost attempt of this call from one that was there before.
	clockSkew = 10 * time.Minute
)

// retrier applies a RetryPolicy; it is shared by the copies of a Service.
type retrier struct {
	p  RetryPolicy
	mu sync.Mutex // guards p.Rand, which is not safe for concurrent use
}

func newRetrier(p RetryPolicy) *retrier {
	if p.Base <= 0 {
		p.Base = defaultBase
	}
	if p.Max <= 0 {
		p.Max = defaultMax
	}
	p.Max = max(p.Max, p.Base)
	if p.Attempts <= 0 {
		p.Attempts = defaultAttempts
	}
	if p.Timeout <= 0 {
		p.Timeout = defaultTimeout
	}
	return &retrier{p: p}
}

// WithRetry returns a Service that retries by p; it shares the connection and the space cache
// with s.
func (s *Service) WithRetry(p RetryPolicy) *Service {
	c := *s
	c.retry = newRetrier(p)
	return &c
}

// bound gives ctx the policy's deadline if it has none.
func (r *retrier) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, r.p.Timeout)
}

// run calls call until it succeeds, fails for good, has been tried Attempts times, or the next
// wait would pass ctx's deadline; then it returns the last error (wrapped in *gaveUp when it
// stopped retrying a transient failure, so the problem says why).
func (r *retrier) run(ctx context.Context, call func() error) error {
	for attempt := 1; ; attempt++ {
		err := call()
		if err == nil || ctx.Err() != nil {
			return err
		}
		hint, transient := retryHint(err)
		if !transient {
			return err
		}
		if attempt >= r.p.Attempts {
			return &gaveUp{err: err, why: fmt.Sprintf("gave up after %d attempts", attempt)}
		}
		wait := max(hint, r.backoff(attempt))
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= wait {
			return &gaveUp{err: err, why: fmt.Sprintf("attempt %d; waiting %v more would pass the call's deadline",
				attempt, wait.Round(time.Millisecond))}
		}
		if r.p.OnRetry != nil {
			r.p.OnRetry(attempt, wait, err)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			if errors.Is(ctx.Err(), context.Canceled) {
				return ctx.Err()
			}
			return &gaveUp{err: err, why: fmt.Sprintf("attempt %d; the call's deadline passed while waiting", attempt)}
		case <-t.C:
		}
	}
}

// backoff is the wait after the attempt-th failure: "equal jitter", half of the truncated
// exponential ceiling plus a random share of the other half, so waits grow and clients that
// failed together spread out.
func (r *retrier) backoff(attempt int) time.Duration {
	ceiling := r.p.Max
	if attempt <= 30 && r.p.Base<<(attempt-1) < r.p.Max {
		ceiling = r.p.Base << (attempt - 1)
	}
	half := ceiling / 2
	if half <= 0 {
		return ceiling
	}
	var j int64
	if r.p.Rand != nil {
		r.mu.Lock()
		j = r.p.Rand.Int64N(int64(half) + 1)
		r.mu.Unlock()
	} else {
		j = rand.Int64N(int64(half) + 1)
	}
	return ceiling - half + time.Duration(j)
}

// gaveUp is the last error of a transient failure that was retried no further, and why.
type gaveUp struct {
	err error
	why string
}

func (g *gaveUp) Error() string { return g.err.Error() + " (" + g.why + ")" }
func (g *gaveUp) Unwrap() error { return g.err }

// retryHint reports whether err is transient (429, 500, 502, 503, 504, or the connection was
// reset or cut), and the wait Google asked for (0 if none). 400, 401, 403, 404, 409 and other
// answers are final; so is a refused connection (nothing is listening: the network or the
// endpoint is down, and waiting inside one call rarely helps) and a cancelled or expired context.
func retryHint(err error) (time.Duration, bool) {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return 0, false
	}
	var ge *googleapi.Error
	if errors.As(err, &ge) {
		switch ge.Code {
		case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
			http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			return askedDelay(ge), true
		}
		return 0, false
	}
	return 0, isReset(err)
}

// isReset reports a connection reset or closed by the server mid-request.
func isReset(err error) bool {
	if errors.Is(err, syscall.ECONNREFUSED) {
		return false
	}
	if errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	// net/http's own texts for a connection that died under a request.
	s := err.Error()
	return strings.Contains(s, "connection reset") || strings.Contains(s, "server closed") ||
		strings.Contains(s, "transport connection broken")
}

// mayHaveApplied reports whether a failed create may still have been carried out: any transient
// failure but a 429, which Google answers before doing anything.
func mayHaveApplied(err error) bool {
	if _, transient := retryHint(err); !transient {
		return false
	}
	var ge *googleapi.Error
	return !errors.As(err, &ge) || ge.Code != http.StatusTooManyRequests
}

// askedDelay is the wait Google asked for in ge (retrydelay.Asked: Retry-After, RetryInfo).
func askedDelay(ge *googleapi.Error) time.Duration {
	return retrydelay.Asked(ge.Header, []byte(ge.Body))
}

// createdBefore reports whether Google's createTime (RFC 3339) is clearly before t, allowing for
// clockSkew; false when it is missing or unreadable.
func createdBefore(createTime string, t time.Time) bool {
	ct, err := time.Parse(time.RFC3339Nano, createTime)
	return err == nil && ct.Before(t.Add(-clockSkew))
}
