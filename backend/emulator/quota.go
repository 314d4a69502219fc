package emulator

// Google's Chat API quotas (../shared/reference/chat-api.md, developers.google.com/workspace/chat/limits):
// per Cloud project, membership writes (members.create, members.delete) 300 per 60 s, membership
// reads (members.get, members.list) 3,000, space reads (spaces.get, spaces.list) 3,000,
// spaces.search 300; per space, shared by every project, reads (spaces.get, members.get,
// members.list) 15 per second and writes 1 per second. Over any of them Google answers 429
// RESOURCE_EXHAUSTED before doing anything.
//
// How a limit is enforced: Google documents "per 60 seconds" without saying how it counts. The
// emulator models each limit as a token bucket (golang.org/x/time/rate) that holds one window's
// allowance and refills it evenly over the window: from idle a client may send the whole
// allowance at once (300 writes), then the window's rate (5 a second); a window of idleness
// restores the full allowance. Unlike a fixed window it never admits two windows' worth within
// moments across a boundary. A client that keeps to the same bucket never sees a 429; the
// fastest any client can send N > L writes from idle is therefore (N-L)/L windows.
//
// Google's per-space write quota lists spaces.patch and message writes; the emulator counts
// spaces.members.patch there too (Google warns of "additional rate limit checks on the Chat
// backend"), so a bulk role change is paced at a rate Google surely allows.

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
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

// Google's figures.
const (
	GoogleMembershipWritesPerMinute = 300
	GoogleMembershipReadsPerMinute  = 3000
	GoogleSpaceReadsPerMinute       = 3000
	GoogleSearchesPerMinute         = 300
	GoogleSpaceReadsPerSecond       = 15
	GoogleSpaceWritesPerSecond      = 1
)

// GoogleQuota is Google's quotas in real time: what the demo runs with.
func GoogleQuota() Quota { return Quota{On: true, TimeScale: 1} }

// Validate reports a configuration the emulator cannot run; Start checks it.
func (q Quota) Validate() error {
	if q.TimeScale < 0 || q.TimeScale != q.TimeScale || q.TimeScale > 1e6 {
		return fmt.Errorf("quota time scale %v is not between 0 and 1,000,000", q.TimeScale)
	}
	for _, n := range []int{q.MembershipWritesPerMinute, q.MembershipReadsPerMinute, q.SpaceReadsPerMinute,
		q.SearchesPerMinute, q.SpaceReadsPerSecond, q.SpaceWritesPerSecond} {
		if n < 0 {
			return fmt.Errorf("quota limit %d is negative", n)
		}
	}
	return nil
}

// withDefaults fills Google's figures into zero fields.
func (q Quota) withDefaults() Quota {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	if q.TimeScale <= 0 {
		q.TimeScale = 1
	}
	def(&q.MembershipWritesPerMinute, GoogleMembershipWritesPerMinute)
	def(&q.MembershipReadsPerMinute, GoogleMembershipReadsPerMinute)
	def(&q.SpaceReadsPerMinute, GoogleSpaceReadsPerMinute)
	def(&q.SearchesPerMinute, GoogleSearchesPerMinute)
	def(&q.SpaceReadsPerSecond, GoogleSpaceReadsPerSecond)
	def(&q.SpaceWritesPerSecond, GoogleSpaceWritesPerSecond)
	return q
}

// quotaKind is one of Google's quotas: its metric and limit as Google names them in the 429.
type quotaKind struct {
	metric, metricName string // "chat.googleapis.com/membership_write_requests", "Membership writes"
	limit, limitName   string // "MembershipWritesPerMinutePerProject", "... per minute per project"
	perSpace           bool
}

var (
	quotaMemberWrites = quotaKind{"chat.googleapis.com/membership_write_requests", "Membership write requests",
		"MembershipWriteRequestsPerMinutePerProject", "Membership write requests per minute per project", false}
	quotaMemberReads = quotaKind{"chat.googleapis.com/membership_read_requests", "Membership read requests",
		"MembershipReadRequestsPerMinutePerProject", "Membership read requests per minute per project", false}
	quotaSpaceReads = quotaKind{"chat.googleapis.com/space_read_requests", "Space read requests",
		"SpaceReadRequestsPerMinutePerProject", "Space read requests per minute per project", false}
	quotaSearches = quotaKind{"chat.googleapis.com/space_search_requests", "Space search requests",
		"SpaceSearchRequestsPerMinutePerProject", "Space search requests per minute per project", false}
	quotaPerSpaceReads = quotaKind{"chat.googleapis.com/per_space_read_requests", "Per space read requests",
		"PerSpaceReadRequestsPerSecondPerSpace", "Per space read requests per second per space", true}
	quotaPerSpaceWrites = quotaKind{"chat.googleapis.com/per_space_write_requests", "Per space write requests",
		"PerSpaceWriteRequestsPerSecondPerSpace", "Per space write requests per second per space", true}
)

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
func (q *quotaState) size(k quotaKind) (int, time.Duration) {
	c := q.cfg
	window := time.Minute
	n := 0
	switch k {
	case quotaMemberWrites:
		n = c.MembershipWritesPerMinute
	case quotaMemberReads:
		n = c.MembershipReadsPerMinute
	case quotaSpaceReads:
		n = c.SpaceReadsPerMinute
	case quotaSearches:
		n = c.SearchesPerMinute
	case quotaPerSpaceReads:
		n, window = c.SpaceReadsPerSecond, time.Second
	case quotaPerSpaceWrites:
		n, window = c.SpaceWritesPerSecond, time.Second
	}
	return n, time.Duration(float64(window) / c.TimeScale)
}

// charge takes one request from each bucket of kinds at now, all or none; it returns the first
// kind whose bucket is empty (and charges nothing then).
func (q *quotaState) charge(now time.Time, project, space string, kinds []quotaKind) (quotaKind, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	taken := make([]*rate.Reservation, 0, len(kinds))
	for _, k := range kinds {
		owner := project
		if k.perSpace {
			owner = space
		}
		key := k.limit + "|" + owner
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
	return quotaKind{}, true
}

// quotaKinds says which quotas a Chat API request spends, and the space it is in ("" for none).
func quotaKinds(method, path string) ([]quotaKind, string) {
	rest, ok := strings.CutPrefix(path, "/v1/spaces")
	if !ok {
		return nil, ""
	}
	if rest == ":search" {
		if method == http.MethodGet {
			return []quotaKind{quotaSearches}, ""
		}
		return nil, ""
	}
	if rest == "" {
		if method == http.MethodGet {
			return []quotaKind{quotaSpaceReads}, ""
		}
		return nil, ""
	}
	parts := strings.Split(strings.TrimPrefix(rest, "/"), "/")
	space := parts[0]
	switch {
	case len(parts) == 1 && method == http.MethodGet: // spaces.get
		return []quotaKind{quotaSpaceReads, quotaPerSpaceReads}, space
	case len(parts) == 2 && parts[1] == "members" && method == http.MethodPost: // members.create
		return []quotaKind{quotaMemberWrites}, space
	case len(parts) == 2 && parts[1] == "members" && method == http.MethodGet: // members.list
		return []quotaKind{quotaMemberReads, quotaPerSpaceReads}, space
	case len(parts) == 3 && parts[1] == "members" && method == http.MethodGet: // members.get
		return []quotaKind{quotaMemberReads, quotaPerSpaceReads}, space
	case len(parts) == 3 && parts[1] == "members" && method == http.MethodDelete: // members.delete
		return []quotaKind{quotaMemberWrites}, space
	case len(parts) == 3 && parts[1] == "members" && method == http.MethodPatch: // members.patch
		return []quotaKind{quotaPerSpaceWrites}, space
	}
	return nil, ""
}

// enforceQuota wraps the Chat API routes of h with the quotas (see Quota). A request without a
// valid token goes on to be refused with 401, as Google authenticates first.
func (s *Server) enforceQuota(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		kinds, space := quotaKinds(r.Method, r.URL.Path)
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
func writeQuotaExceeded(w http.ResponseWriter, k quotaKind, project string, retryAfter time.Duration) {
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
				"quota_metric":   k.metric,
				"quota_limit":    k.limit,
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
		"Quota exceeded for quota metric '"+k.metricName+"' and limit '"+k.limitName+"' of service '"+
			chatService+"' for consumer 'project_number:"+project+"'.",
		details...)
}
