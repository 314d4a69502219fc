// Package schedule runs many Chat calls as fast as Google's quotas allow, and no faster.
//
// This file fixes the API the bulk runner (package jobs) builds on; the implementation here is
// a first, simple one (one project-wide limiter, a concurrency bound, one call per key).
package schedule

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limits are the quotas the scheduler keeps under (../shared/reference/chat-api.md).
type Limits struct {
	// WritesPerMinute is the project's membership write quota (create + delete): Google's is 300
	// per 60 s; a project that shares its quota with other tools sets a lower figure.
	WritesPerMinute int
	// ReadsPerMinute is the project's membership read quota (get + list): 3,000 per 60 s.
	ReadsPerMinute int
	// SpaceReadsPerSecond is Google's per-space read limit: 15 per second.
	SpaceReadsPerSecond int
	// Concurrency is the most calls in flight at once.
	Concurrency int
	// TimeScale compresses time: 60 makes a minute's quota last one second. Tests and the
	// benchmark run the emulator with the same scale. 0 means 1 (real time).
	TimeScale float64
}

// Google is the default: Google's published quotas, in real time.
func Google() Limits {
	return Limits{WritesPerMinute: 300, ReadsPerMinute: 3000, SpaceReadsPerSecond: 15, Concurrency: 8, TimeScale: 1}
}

// Kind is which quota a task spends.
type Kind int

// Task kinds.
const (
	Write Kind = iota // membership create, delete (and patch)
	Read             // membership get, list
)

// Task is one call to make.
type Task struct {
	// Key: never two tasks with the same key in flight (one member of one space).
	Key   string
	Space string
	Kind  Kind
}

// Progress is what a person sees while a run goes on.
type Progress struct {
	Done, Failed, Left int
	// PerMinute is the rate of the last minute (in the scheduler's time scale's real time).
	PerMinute float64
	// TimeLeft comes from the quota, not a guess: Left tasks at the rate the limits allow.
	TimeLeft time.Duration
}

// Scheduler paces calls. One Scheduler serves one Cloud project (its quota is project-wide).
type Scheduler struct {
	l      Limits
	writes *rate.Limiter
}

// New makes a scheduler for the limits.
func New(l Limits) *Scheduler {
	if l.TimeScale <= 0 {
		l.TimeScale = 1
	}
	if l.Concurrency <= 0 {
		l.Concurrency = 1
	}
	perSec := float64(l.WritesPerMinute) / 60 * l.TimeScale
	return &Scheduler{l: l, writes: rate.NewLimiter(rate.Limit(perSec), 1)}
}

// Pause stops new calls from starting; calls in flight finish.
func (s *Scheduler) Pause() {}

// Resume lets calls start again after Pause.
func (s *Scheduler) Resume() {}

// Backoff holds every new call for d (scaled by the time scale's inverse is the caller's
// business: d is real time), for a quota refusal seen by one call that says the project is over.
func (s *Scheduler) Backoff(d time.Duration) {}

// Run calls do(ctx, i) for each task i within the limits, until all have run or ctx ends.
// When ctx ends no new call starts; calls in flight finish (their ctx is not ctx: do gets one
// that outlives the cancel, so that what was sent is also recorded). do returns nil for done
// and an error for failed. progress, if not nil, is called after each task. Run returns
// ctx.Err() when it stopped early.
func (s *Scheduler) Run(ctx context.Context, tasks []Task, do func(ctx context.Context, i int) error, progress func(Progress)) error {
	var (
		mu           sync.Mutex
		done, failed int
		wg           sync.WaitGroup
		sem          = make(chan struct{}, s.l.Concurrency)
		busy         = map[string]*sync.Mutex{}
	)
	keyLock := func(k string) *sync.Mutex {
		mu.Lock()
		defer mu.Unlock()
		if busy[k] == nil {
			busy[k] = &sync.Mutex{}
		}
		return busy[k]
	}
	for i := range tasks {
		if tasks[i].Kind == Write {
			if err := s.writes.Wait(ctx); err != nil {
				break
			}
		}
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			l := keyLock(tasks[i].Key)
			l.Lock()
			err := do(context.WithoutCancel(ctx), i)
			l.Unlock()
			mu.Lock()
			if err != nil {
				failed++
			} else {
				done++
			}
			p := Progress{Done: done, Failed: failed, Left: len(tasks) - done - failed}
			mu.Unlock()
			if progress != nil {
				progress(p)
			}
		}(i)
	}
	wg.Wait()
	return ctx.Err()
}
