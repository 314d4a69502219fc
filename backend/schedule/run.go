package schedule

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"chatmembers/backend/chatquota"
)

// Run calls do(ctx, i) for each task i within the limits, until all have run or ctx ends.
// When ctx ends no new call starts; calls in flight finish (their ctx is not ctx: do gets one
// that outlives the cancel, so that what was sent is also recorded). do returns nil for done
// and an error for failed. progress, if not nil, is called after each task. Run returns
// ctx.Err() when it stopped early.
//
// Tasks start in order, except that a task whose Key is in flight waits (without holding a
// worker) and starts as soon as that call ends, ahead of later tasks. progress is called from
// one goroutine at a time, in order, as each call ends (also while paused); keep it quick.
//
// do's ctx carries what Run took from the buckets for the task; the first matching request
// through Transport spends it (see Transport). A call that meets a quota refusal some way other
// than through Transport reports it with Backoff.
func (s *Scheduler) Run(ctx context.Context, tasks []Task, do func(ctx context.Context, i int) error, progress func(Progress)) error {
	r := &runState{s: s, tasks: tasks, progress: progress, start: s.clock.Now(),
		busy: map[string]bool{}, waiting: map[string][]int{}, notify: make(chan struct{}, 1)}
	for _, t := range tasks {
		if t.Kind == Read {
			r.readsLeft++
		} else {
			r.writesLeft++
		}
	}
	base := context.WithoutCancel(ctx)
	pos := 0
	for ctx.Err() == nil {
		r.mu.Lock()
		i := r.nextLocked(&pos)
		finished := i < 0 && pos >= len(tasks) && len(r.ready) == 0 && r.inflight == 0
		if i >= 0 {
			r.inflight++ // only this goroutine starts calls: the slot is ours until start or abort
			if k := tasks[i].Key; k != "" {
				r.busy[k] = true
			}
		}
		r.mu.Unlock()
		if finished {
			break
		}
		if i < 0 { // every worker busy, or only tasks whose key is in flight: wait for a call to end
			select {
			case <-r.notify:
			case <-ctx.Done():
			}
			continue
		}
		t := tasks[i]
		err := s.waitGate(ctx)
		if err == nil {
			err = s.take(ctx, taskQuotas(t), spaceName(t.Space), true)
		}
		if err == nil {
			err = s.waitGate(ctx) // paused while waiting for the tokens: they stay taken
		}
		if err != nil {
			r.abort(i)
			break
		}
		r.mu.Lock()
		if t.Kind == Read {
			r.readsLeft--
		} else {
			r.writesLeft--
		}
		r.mu.Unlock()
		cr := &credit{qs: taskQuotas(t), space: spaceName(t.Space)}
		r.calls.Add(1)
		go r.call(context.WithValue(base, creditKey{}, cr), i, do)
	}
	// Calls in flight finish and are counted and reported, cancelled or not.
	r.calls.Wait()
	return ctx.Err()
}

// runState is one Run's bookkeeping.
type runState struct {
	s        *Scheduler
	tasks    []Task
	progress func(Progress)
	start    time.Time
	notify   chan struct{}  // a call ended (capacity 1: a pending signal is enough)
	calls    sync.WaitGroup // calls started and not yet reported

	pmu sync.Mutex // serialises progress calls, in order
	mu  sync.Mutex
	// busy keys are in flight (or about to start); waiting holds the tasks deferred behind
	// them, ready those whose key came free, to start before the rest.
	busy                  map[string]bool
	waiting               map[string][]int
	ready                 []int
	inflight              int
	done, failed          int
	writesLeft, readsLeft int         // not yet started
	finishes              []time.Time // ends within the last rate window
	callTime              time.Duration
	ended                 int
}

// nextLocked picks the next task to start, or -1: none while every worker is busy, else a
// deferred task whose key came free, else the next in order whose key is not in flight (those
// whose key is are set aside behind it). Caller holds r.mu.
func (r *runState) nextLocked(pos *int) int {
	if r.inflight >= r.s.l.Concurrency {
		return -1
	}
	if len(r.ready) > 0 {
		i := r.ready[0]
		r.ready = r.ready[1:]
		return i
	}
	for *pos < len(r.tasks) {
		i := *pos
		*pos++
		if k := r.tasks[i].Key; k != "" && r.busy[k] {
			r.waiting[k] = append(r.waiting[k], i)
			continue
		}
		return i
	}
	return -1
}

// abort gives back task i's slot and key: it will not start (Run is stopping).
func (r *runState) abort(i int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.inflight--
	r.freeKeyLocked(i)
}

func (r *runState) freeKeyLocked(i int) {
	k := r.tasks[i].Key
	if k == "" {
		return
	}
	delete(r.busy, k)
	if w := r.waiting[k]; len(w) > 0 {
		r.ready = append(r.ready, w[0])
		if len(w) == 1 {
			delete(r.waiting, k)
		} else {
			r.waiting[k] = w[1:]
		}
	}
}

func (r *runState) call(ctx context.Context, i int, do func(context.Context, int) error) {
	defer r.calls.Done()
	start := r.s.clock.Now()
	err := do(ctx, i)
	r.pmu.Lock()
	defer r.pmu.Unlock()
	r.mu.Lock()
	now := r.s.clock.Now()
	r.inflight--
	r.freeKeyLocked(i)
	if err != nil {
		r.failed++
	} else {
		r.done++
	}
	r.ended++
	r.callTime += now.Sub(start)
	r.finishes = append(r.finishes, now)
	p := r.progressLocked(now)
	r.mu.Unlock()
	select {
	case r.notify <- struct{}{}:
	default:
	}
	if r.progress != nil {
		r.progress(p)
	}
}

// progressLocked is the progress now. Caller holds r.mu.
func (r *runState) progressLocked(now time.Time) Progress {
	window := time.Duration(float64(time.Minute) / r.s.l.TimeScale) // a scaled minute, in real time
	cut := 0
	for cut < len(r.finishes) && !r.finishes[cut].After(now.Add(-window)) {
		cut++
	}
	r.finishes = r.finishes[cut:]
	p := Progress{Done: r.done, Failed: r.failed, Left: len(r.tasks) - r.done - r.failed, InFlight: r.inflight}
	if span := min(window, now.Sub(r.start)); span > 0 {
		p.PerMinute = float64(len(r.finishes)) * float64(window) / float64(span)
	}
	r.s.mu.Lock()
	p.TimeLeft = r.s.timeLeft(r.writesLeft, r.readsLeft)
	r.s.mu.Unlock()
	if r.inflight > 0 && r.ended > 0 {
		p.TimeLeft += r.callTime / time.Duration(r.ended) // the calls under way, side by side
	}
	return p
}

// credit is what Run took from the buckets for one task, for the task's first request that
// spends exactly those quotas (see Transport).
type credit struct {
	qs    []chatquota.Kind
	space string
	used  atomic.Bool
}

type creditKey struct{}

// covers reports whether the credit pays for a request spending qs in space.
func (c *credit) covers(qs []chatquota.Kind, space string) bool {
	if len(qs) != len(c.qs) {
		return false
	}
	for i, q := range qs {
		if q != c.qs[i] || (q.PerSpace() && space != c.space) {
			return false
		}
	}
	return true
}
