package schedule

import (
	"bytes"
	"io"
	"net/http"
	"time"

	"chatmembers/backend/chatquota"
	"chatmembers/backend/retrydelay"
)

// Transport wraps base (nil: http.DefaultTransport) so that every Chat API request waits for the
// tokens of the quotas it spends, as Google's quota table counts them (chatquota.Classify).
//
// Requests wait out a Backoff (not a Pause: calls in flight finish, retries included). A
// request that is the first of a Run task to spend exactly what Run took for it uses that
// instead (see Run). On Google's quota refusal (429 RESOURCE_EXHAUSTED) it calls Backoff for
// everybody: for as long as Google asks (Retry-After, RetryInfo), else one second, doubling with
// each refusal in a row up to a minute (both scaled by TimeScale); a success resets the doubling.
// The caller (chat's retrier) still retries the request itself.
func (s *Scheduler) Transport(base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &transport{s: s, base: base}
}

type transport struct {
	s    *Scheduler
	base http.RoundTripper
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	qs, space := chatquota.Classify(req.Method, req.URL.Path)
	if len(qs) > 0 {
		ctx := req.Context()
		cr, _ := ctx.Value(creditKey{}).(*credit)
		if cr != nil && cr.covers(qs, space) && cr.used.CompareAndSwap(false, true) {
			if err := t.s.waitHold(ctx); err != nil {
				return nil, err
			}
		} else if err := t.s.take(ctx, qs, space, true); err != nil {
			return nil, err
		}
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil || len(qs) == 0 {
		return resp, err
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		_ = resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(b))
		if bytes.Contains(b, []byte("RESOURCE_EXHAUSTED")) || bytes.Contains(b, []byte("RATE_LIMIT_EXCEEDED")) {
			t.s.quotaRefused(retrydelay.Asked(resp.Header, b))
		}
	case resp.StatusCode < 300:
		t.s.mu.Lock()
		t.s.strikes = 0
		t.s.mu.Unlock()
	}
	return resp, err
}

// quotaRefused holds every start after Google refused a request for its quota.
func (s *Scheduler) quotaRefused(asked time.Duration) {
	s.mu.Lock()
	s.strikes++
	n := s.strikes
	s.mu.Unlock()
	step := time.Duration(float64(time.Second) / s.l.TimeScale)
	ceiling := time.Duration(float64(time.Minute) / s.l.TimeScale)
	d := ceiling
	if n <= 6 {
		d = min(step<<(n-1), ceiling)
	}
	s.Backoff(max(d, asked))
}
