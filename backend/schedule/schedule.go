// Package schedule runs many Chat calls as fast as Google's quotas allow, and no faster.
//
// A Scheduler keeps one token bucket (golang.org/x/time/rate) per quota: the project's
// membership writes, membership reads, space reads and searches, and each space's reads and
// writes. Google counts "per 60 seconds" (../shared/reference/chat-api.md); a bucket that holds
// a window's allowance and refills it evenly never sends more than Google allows in any window
// and, from idle, sends the first window's allowance at once.
//
// Two levels of pacing:
//   - Run paces tasks: before a task starts it takes one token of the task's Kind (and, for a
//     Read, one of its space's reads), holds at most Concurrency tasks in flight, never two with
//     one Key, and waits while paused or backing off.
//   - Transport paces requests: wrapped around the HTTP transport of the Chat client (see
//     chat.Service.Through), it takes the right tokens for every request a task sends, its
//     retries and follow-up reads included, classified by method and path exactly as Google's
//     quota table does. The first request of a task that matches what Run already took for it
//     spends that token instead of a new one. It also sees Google's quota 429s and calls
//     Backoff, so that one call's refusal holds everybody.
//
// A runner uses both: svc, _ := chatSvc.Through(sched.Transport); sched.Run(ctx, tasks, do, progress).
package schedule

import (
	"context"
	"math"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"chatmembers/backend/chatquota"
)

// Limits are the quotas the scheduler keeps under. A zero quota field means Google's figure
// (chatquota's table, ../shared/reference/chat-api.md).
type Limits struct {
	// WritesPerMinute is the project's membership write quota (create + delete) per 60 s; a
	// project that shares its quota with other tools sets a lower figure than Google's.
	WritesPerMinute int
	// ReadsPerMinute is the project's membership read quota (get + list) per 60 s.
	ReadsPerMinute int
	// SpaceReadsPerSecond is the per-space read limit (spaces.get, members.get, members.list)
	// per second.
	SpaceReadsPerSecond int
	// Concurrency is the most calls in flight at once.
	Concurrency int
	// TimeScale compresses time: 60 makes a minute's quota last one second. Tests and the
	// benchmark run the emulator with the same scale. 0 means 1 (real time).
	TimeScale float64
	// SpaceWritesPerSecond is the per-space write limit (members.patch, as the emulator counts
	// it) per second.
	SpaceWritesPerSecond int
	// SpaceReadsPerMinute is the project's space read quota (spaces.get, spaces.list) per 60 s.
	SpaceReadsPerMinute int
	// SearchesPerMinute is the project's spaces.search quota per 60 s.
	SearchesPerMinute int
	// Slack is how late, at most, a request may reach Google after its token was taken here (the
	// time to hand it to the network, plus the network's jitter). Each bucket starts that much
	// time's worth of requests short of full, so that requests bunched up in transit never
	// arrive faster than Google's own bucket allows. 0 means 100 ms.
	Slack time.Duration
}

// Google is the default: Google's published quotas (chatquota's table), in real time.
func Google() Limits {
	l := Limits{Concurrency: 8, TimeScale: 1}
	for _, k := range chatquota.Kinds() {
		*l.limit(k) = k.Google()
	}
	return l
}

func (l Limits) withDefaults() Limits {
	for _, k := range chatquota.Kinds() {
		if v := l.limit(k); *v <= 0 {
			*v = k.Google()
		}
	}
	if l.Concurrency <= 0 {
		l.Concurrency = 1
	}
	if l.TimeScale <= 0 || math.IsNaN(l.TimeScale) || math.IsInf(l.TimeScale, 0) {
		l.TimeScale = 1
	}
	if l.Slack <= 0 {
		l.Slack = 100 * time.Millisecond
	}
	return l
}

// Kind is which quota a task spends.
type Kind int

// Task kinds.
const (
	Write Kind = iota // membership create, delete (and patch)
	Read              // membership get, list
)

// Task is one call to make.
type Task struct {
	// Key: never two tasks with the same key in flight (one member of one space). "" means no
	// such constraint.
	Key   string
	Space string
	Kind  Kind
}

// Progress is what a person sees while a run goes on.
type Progress struct {
	Done, Failed, Left int
	// PerMinute is the rate of the last minute (in the scheduler's time scale's real time): tasks
	// finished per scaled minute over the last scaled minute (or since the start, if shorter).
	PerMinute float64
	// TimeLeft comes from the quota, not a guess: Left tasks at the rate the limits allow (what
	// the buckets hold now, then their refill rate), plus any backoff still to wait, plus the
	// time the calls in flight still take (their average duration so far). Real time.
	TimeLeft time.Duration
	// InFlight is the number of calls under way.
	InFlight int
}

// Scheduler paces calls. One Scheduler serves one Cloud project (its quota is project-wide); it
// may serve several Runs and any number of Transports at once.
type Scheduler struct {
	l     Limits
	clock clock

	mu      sync.Mutex
	buckets map[bucketKey]*rate.Limiter
	paused  bool
	resume  chan struct{} // closed by Resume; nil while not paused
	hold    time.Time     // no new start before this (Backoff)
	strikes int           // quota 429s in a row without a success in between (Transport)
}

type bucketKey struct {
	q     chatquota.Kind
	space string
}

// New makes a scheduler for the limits.
func New(l Limits) *Scheduler {
	return newWithClock(l, realClock{})
}

func newWithClock(l Limits, c clock) *Scheduler {
	return &Scheduler{l: l.withDefaults(), clock: c, buckets: map[bucketKey]*rate.Limiter{}}
}

// Limits returns the limits in force, defaults filled in.
func (s *Scheduler) Limits() Limits { return s.l }

// limit is the field of l that sets kind k's allowance per window: the one place the fields
// meet the kinds.
func (l *Limits) limit(k chatquota.Kind) *int {
	switch k {
	case chatquota.MembershipWrites:
		return &l.WritesPerMinute
	case chatquota.MembershipReads:
		return &l.ReadsPerMinute
	case chatquota.SpaceReads:
		return &l.SpaceReadsPerMinute
	case chatquota.Searches:
		return &l.SearchesPerMinute
	case chatquota.PerSpaceReads:
		return &l.SpaceReadsPerSecond
	case chatquota.PerSpaceWrites:
		return &l.SpaceWritesPerSecond
	}
	panic("schedule: unknown quota kind")
}

// size is a quota's allowance and its window in real (scaled) time.
func (s *Scheduler) size(q chatquota.Kind) (int, time.Duration) {
	return *s.l.limit(q), time.Duration(float64(q.Window()) / s.l.TimeScale)
}

// bucket returns q's bucket (for space, if per space). Caller holds s.mu.
func (s *Scheduler) bucket(q chatquota.Kind, space string) *rate.Limiter {
	if !q.PerSpace() {
		space = ""
	}
	k := bucketKey{q, space}
	b := s.buckets[k]
	if b == nil {
		n, window := s.size(q)
		r, burst := slackened(n, window, s.l.Slack)
		b = rate.NewLimiter(rate.Limit(r), burst) // starts full
		s.buckets[k] = b
	}
	return b
}

// slackened is the bucket (rate per second, burst) for n requests per window that stays within
// Google's bucket of the same size when requests reach Google up to slack late, bunched up: in
// any time T this bucket lets burst + rate·(T + slack) requests arrive, Google's allows n + r·T
// (r = n/window). So the burst is n less slack's worth of requests; where slack's worth is n or
// more (a per-space quota at a large time scale: 15 a second at scale 60 is 900 a second, 45
// in 50 ms), the burst is 1 and the rate drops to (n-1)/slack. A quota of 1 per window gets one
// request per window plus slack: two arrivals are then never closer than a window.
func slackened(n int, window, slack time.Duration) (float64, int) {
	if n <= 1 {
		return 1 / (window + slack).Seconds(), 1
	}
	r := float64(n) / window.Seconds()
	inTransit := r * slack.Seconds()
	if inTransit <= float64(n-1) {
		return r, n - int(math.Ceil(inTransit-1e-9))
	}
	return float64(n-1) / slack.Seconds(), 1
}

// take waits until one token of each of qs (for space) is available and takes them; with
// respectHold it also waits out a Backoff, before and after. It returns ctx's error, having
// taken nothing, if ctx ends while it waits for the tokens.
func (s *Scheduler) take(ctx context.Context, qs []chatquota.Kind, space string, respectHold bool) error {
	if respectHold {
		if err := s.waitHold(ctx); err != nil {
			return err
		}
	}
	s.mu.Lock()
	now := s.clock.Now()
	var wait time.Duration
	rs := make([]*rate.Reservation, 0, len(qs))
	for _, q := range qs {
		r := s.bucket(q, space).ReserveN(now, 1)
		rs = append(rs, r)
		wait = max(wait, r.DelayFrom(now))
	}
	s.mu.Unlock()
	if wait > 0 {
		if err := s.sleep(ctx, wait); err != nil {
			s.cancel(rs)
			return err
		}
	}
	if respectHold {
		// A Backoff may have come while waiting: the tokens stay taken (a request sent later
		// than its token is always within the quota) and the hold is waited out.
		return s.waitHold(ctx)
	}
	return nil
}

func (s *Scheduler) cancel(rs []*rate.Reservation) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	for _, r := range rs {
		r.CancelAt(now)
	}
}

// sleep waits d or until ctx ends.
func (s *Scheduler) sleep(ctx context.Context, d time.Duration) error {
	t := s.clock.After(d)
	select {
	case <-t:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// waitHold waits until no Backoff holds new starts.
func (s *Scheduler) waitHold(ctx context.Context) error {
	for {
		s.mu.Lock()
		d := s.hold.Sub(s.clock.Now())
		s.mu.Unlock()
		if d <= 0 {
			return nil
		}
		if err := s.sleep(ctx, d); err != nil {
			return err
		}
	}
}

// waitGate waits while paused or backing off.
func (s *Scheduler) waitGate(ctx context.Context) error {
	for {
		s.mu.Lock()
		if s.paused {
			ch := s.resume
			s.mu.Unlock()
			select {
			case <-ch:
				continue
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		s.mu.Unlock()
		if err := s.waitHold(ctx); err != nil {
			return err
		}
		s.mu.Lock()
		open := !s.paused && !s.hold.After(s.clock.Now())
		s.mu.Unlock()
		if open {
			return nil
		}
	}
}

// Pause stops new calls from starting; calls in flight finish (their retries too).
func (s *Scheduler) Pause() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.paused {
		s.paused = true
		s.resume = make(chan struct{})
	}
}

// Resume lets calls start again after Pause.
func (s *Scheduler) Resume() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.paused {
		s.paused = false
		close(s.resume)
		s.resume = nil
	}
}

// Paused reports whether Pause is in force.
func (s *Scheduler) Paused() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.paused
}

// Backoff holds every new call for d (scaled by the time scale's inverse is the caller's
// business: d is real time), for a quota refusal seen by one call that says the project is over.
// A later, longer Backoff extends the hold; a shorter one changes nothing. Requests through
// Transport (retries of calls in flight included) wait it out too. Transport calls it by itself
// on Google's quota 429; a runner that sees a quota refusal some other way calls it.
func (s *Scheduler) Backoff(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if until := s.clock.Now().Add(d); until.After(s.hold) {
		s.hold = until
	}
}

// taskQuotas is what Run takes for a task before it starts.
func taskQuotas(t Task) []chatquota.Kind {
	if t.Kind == Read {
		if t.Space != "" {
			return []chatquota.Kind{chatquota.MembershipReads, chatquota.PerSpaceReads}
		}
		return []chatquota.Kind{chatquota.MembershipReads}
	}
	return []chatquota.Kind{chatquota.MembershipWrites}
}

// spaceName normalises "AAAA" and "spaces/AAAA" (and a membership's name) to "spaces/AAAA".
func spaceName(s string) string {
	s = strings.TrimPrefix(s, "spaces/")
	s, _, _ = strings.Cut(s, "/")
	if s == "" {
		return ""
	}
	return "spaces/" + s
}

// timeLeft is the time the limits need for left tasks not yet started, from what the buckets
// hold now. Caller holds s.mu.
func (s *Scheduler) timeLeft(writes, reads int) time.Duration {
	now := s.clock.Now()
	var d time.Duration
	for _, x := range []struct {
		q chatquota.Kind
		n int
	}{{chatquota.MembershipWrites, writes}, {chatquota.MembershipReads, reads}} {
		if x.n <= 0 {
			continue
		}
		b := s.bucket(x.q, "")
		short := float64(x.n) - b.TokensAt(now)
		if short > 0 {
			d = max(d, time.Duration(short/float64(b.Limit())*float64(time.Second)))
		}
	}
	if h := s.hold.Sub(now); h > 0 {
		d += h
	}
	return d
}

// clock is time for the scheduler; tests use a virtual one.
type clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }
