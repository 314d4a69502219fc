package emulator

// Google's Chat API quotas: the kinds, Google's figures and which request spends which are
// chatquota's table (../shared/reference/chat-api.md). Over any of them Google answers 429
// RESOURCE_EXHAUSTED before doing anything.
//
// How a limit is enforced: Google documents "per 60 seconds" without saying how it counts. The
// emulator models each limit as a token bucket (golang.org/x/time/rate) that holds one window's
// allowance and refills it evenly over the window: from idle a client may send the whole
// allowance at once (300 writes), then the window's rate (5 a second); a window of idleness
// restores the full allowance. Unlike a fixed window it never admits two windows' worth within
// moments across a boundary. A client that keeps to the same bucket never sees a 429; the
// fastest any client can send N > L writes from idle is therefore (N-L)/L windows.

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"chatmembers/backend/chatquota"
)

// Quota configures quota enforcement on the Chat API. The zero value enforces nothing (tests of
// other features send requests as fast as they like); GoogleQuota() is Google's, in real time.
type Quota struct {
	// On enforces the quotas.
	On bool
	// TimeScale compresses time for tests and benchmarks: with 60 a minute's allowance returns in
	// one second and a second's in 1/60 s. 0 means 1 (real time).
	TimeScale float64
	// Per-project limits per 60 s; 0 means Google's figure.
	MembershipWritesPerMinute int
	MembershipReadsPerMinute  int
	SpaceReadsPerMinute       int
	SearchesPerMinute         int
	// Per-space limits per second; 0 means Google's figure.
	SpaceReadsPerSecond  int
	SpaceWritesPerSecond int
}

// Google's figures (chatquota holds the table).
const (
	GoogleMembershipWritesPerMinute = chatquota.GoogleMembershipWrites
	GoogleMembershipReadsPerMinute  = chatquota.GoogleMembershipReads
	GoogleSpaceReadsPerMinute       = chatquota.GoogleSpaceReads
	GoogleSearchesPerMinute         = chatquota.GoogleSearches
	GoogleSpaceReadsPerSecond       = chatquota.GooglePerSpaceReads
	GoogleSpaceWritesPerSecond      = chatquota.GooglePerSpaceWrites
)

// limit is the field of q that sets kind k's allowance per window: the one place the fields
// meet the kinds.
func (q *Quota) limit(k chatquota.Kind) *int {
	switch k {
	case chatquota.MembershipWrites:
		return &q.MembershipWritesPerMinute
	case chatquota.MembershipReads:
		return &q.MembershipReadsPerMinute
	case chatquota.SpaceReads:
		return &q.SpaceReadsPerMinute
	case chatquota.Searches:
		return &q.SearchesPerMinute
	case chatquota.PerSpaceReads:
		return &q.SpaceReadsPerSecond
	case chatquota.PerSpaceWrites:
		return &q.SpaceWritesPerSecond
	}
	panic("emulator: unknown quota kind")
}

// GoogleQuota is Google's quotas in real time: what the demo runs with.
func GoogleQuota() Quota {
	q := Quota{On: true, TimeScale: 1}
	for _, k := range chatquota.Kinds() {
		*q.limit(k) = k.Google()
	}
	return q
}

// Validate reports a configuration the emulator cannot run; Start checks it.
func (q Quota) Validate() error {
	if q.TimeScale < 0 || q.TimeScale != q.TimeScale || q.TimeScale > 1e6 {
		return fmt.Errorf("quota time scale %v is not between 0 and 1,000,000", q.TimeScale)
	}
	for _, k := range chatquota.Kinds() {
		if n := *q.limit(k); n < 0 {
			return fmt.Errorf("quota limit %d is negative", n)
		}
	}
	return nil
}

// withDefaults fills Google's figures into zero fields.
func (q Quota) withDefaults() Quota {
	if q.TimeScale <= 0 {
		q.TimeScale = 1
	}
	for _, k := range chatquota.Kinds() {
		if v := q.limit(k); *v <= 0 {
			*v = k.Google()
		}
	}
	return q
}

// quotaState holds the buckets. It has its own lock: a quota check must not wait for s.mu.
type quotaState struct {
	cfg     Quota
	mu      sync.Mutex
	buckets map[string]*rate.Limiter // by kind's limit + project number or space id
	refused int
}

// refusals is how many requests the quotas refused (Stats.QuotaRefusals).
func (q *quotaState) refusals() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.refused
}

// size is a kind's allowance per window and the window's length in real (scaled) time.
func (q *quotaState) size(k chatquota.Kind) (int, time.Duration) {
	return *q.cfg.limit(k), time.Duration(float64(k.Window()) / q.cfg.TimeScale)
}

// charge takes one request from each bucket of kinds at now, all or none; it returns the first
// kind whose bucket is empty (and charges nothing then).
func (q *quotaState) charge(now time.Time, project, space string, kinds []chatquota.Kind) (chatquota.Kind, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	taken := make([]*rate.Reservation, 0, len(kinds))
	for _, k := range kinds {
		owner := project
		if k.PerSpace() {
			owner = space
		}
		key := k.Limit() + "|" + owner
		b := q.buckets[key]
		if b == nil {
			n, window := q.size(k)
			b = rate.NewLimiter(rate.Limit(float64(n)/window.Seconds()), n) // starts full
			q.buckets[key] = b
		}
		r := b.ReserveN(now, 1)
		if !r.OK() || r.DelayFrom(now) > 0 {
			r.CancelAt(now)
			for _, t := range taken {
				t.CancelAt(now)
			}
			q.refused++
			return k, false
		}
		taken = append(taken, r)
	}
	return 0, true
}

// enforceQuota wraps the Chat API routes of h with the quotas (see Quota). A request without a
// valid token goes on to be refused with 401, as Google authenticates first.
func (s *Server) enforceQuota(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		kinds, space := chatquota.Classify(r.Method, r.URL.Path)
		if len(kinds) == 0 {
			h.ServeHTTP(w, r)
			return
		}
		g, ok := s.bearer(r)
		if !ok {
			h.ServeHTTP(w, r)
			return
		}
		project := ProjectNumber(g.ClientID)
		if k, ok := s.quota.charge(s.now(), project, space, kinds); !ok {
			writeQuotaExceeded(w, k, project, 0)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// writeQuotaExceeded is Google's 429 for a rate quota: RESOURCE_EXHAUSTED with an ErrorInfo
// (reason RATE_LIMIT_EXCEEDED, the metric and limit) and a Help link to ask for more. Google
// sends no RetryInfo with these; retryAfter, when positive (injected faults only), adds one and
// a Retry-After header.
func writeQuotaExceeded(w http.ResponseWriter, k chatquota.Kind, project string, retryAfter time.Duration) {
	if project == "" {
		project = "0"
	}
	details := []any{
		map[string]any{
			"@type":  "type.googleapis.com/google.rpc.ErrorInfo",
			"reason": "RATE_LIMIT_EXCEEDED",
			"domain": "googleapis.com",
			"metadata": map[string]string{
				"service":        chatService,
				"consumer":       "projects/" + project,
				"quota_metric":   k.Metric(),
				"quota_limit":    k.Limit(),
				"quota_location": "global",
			},
		},
		map[string]any{
			"@type": "type.googleapis.com/google.rpc.Help",
			"links": []map[string]string{{"description": "Request a higher quota limit.",
				"url": "https://cloud.google.com/docs/quotas/help/request_increase"}},
		},
	}
	if retryAfter > 0 {
		details = append(details, map[string]any{
			"@type":      "type.googleapis.com/google.rpc.RetryInfo",
			"retryDelay": protoDuration(retryAfter),
		})
		w.Header().Set("Retry-After", strconv.FormatInt(int64((retryAfter+time.Second-1)/time.Second), 10))
	}
	writeChatError(w, http.StatusTooManyRequests, "RESOURCE_EXHAUSTED",
		"Quota exceeded for quota metric '"+k.MetricName()+"' and limit '"+k.LimitName()+"' of service '"+
			chatService+"' for consumer 'project_number:"+project+"'.",
		details...)
}
