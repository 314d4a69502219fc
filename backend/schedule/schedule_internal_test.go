package schedule

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// virtualClock is time that passes only when the scheduler waits: After(d) moves it on by d at
// once. Calls take no virtual time, so start times show the pacing alone, exactly. Tests on it
// use one worker, so that a call reads the clock before the scheduler moves it on.
type virtualClock struct {
	mu sync.Mutex
	t  time.Time
}

func newVirtualClock() *virtualClock {
	return &virtualClock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)}
}

func (c *virtualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *virtualClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	ch := make(chan time.Time, 1)
	ch <- c.t
	return ch
}

// starts runs n write tasks and returns each one's virtual start time.
func starts(t *testing.T, s *Scheduler, clk *virtualClock, tasks []Task) []time.Time {
	t.Helper()
	out := make([]time.Time, len(tasks))
	err := s.Run(context.Background(), tasks, func(ctx context.Context, i int) error {
		out[i] = clk.Now()
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func writes(n int) []Task {
	tasks := make([]Task, n)
	for i := range tasks {
		tasks[i] = Task{Key: fmt.Sprint(i), Space: "spaces/A", Kind: Write}
	}
	return tasks
}

// The write bucket: never more than the bucket allows in any interval (burst + rate × length),
// and no slower than that either: 200 writes at 60 a minute (a negligible slack: a burst of 60)
// end at 140 s.
func TestRunKeepsToTheWriteQuota(t *testing.T) {
	clk := newVirtualClock()
	s := newWithClock(Limits{WritesPerMinute: 60, Concurrency: 1, Slack: time.Nanosecond}, clk)
	at := starts(t, s, clk, writes(200))
	sort.Slice(at, func(i, j int) bool { return at[i].Before(at[j]) })
	const burst, perSec = 60, 1.0
	for i := range at {
		for j := i; j < len(at); j++ {
			if n, allowed := j-i+1, burst+perSec*at[j].Sub(at[i]).Seconds()+1e-9; float64(n) > allowed {
				t.Fatalf("%d starts within %v: the bucket allows %.2f", n, at[j].Sub(at[i]), allowed)
			}
		}
	}
	if took := at[len(at)-1].Sub(at[0]); took > 140*time.Second+time.Millisecond {
		t.Errorf("200 writes took %v of virtual time, the quota allows 140 s", took)
	}
}

// Slack keeps a bucket that much time's worth short of full: at time scale 60, 300 writes a
// minute (300 a second) and 50 ms of slack leave a burst of 285.
func TestSlackShortensTheBurst(t *testing.T) {
	clk := newVirtualClock()
	s := newWithClock(Limits{WritesPerMinute: 300, TimeScale: 60, Concurrency: 1, Slack: 50 * time.Millisecond}, clk)
	at := starts(t, s, clk, writes(300))
	t0, n := at[0], 0
	for _, x := range at {
		if x.Equal(t0) {
			n++
		}
	}
	if n != 285 {
		t.Errorf("%d writes at once, want 285", n)
	}
}

// A task whose key is in flight waits without holding a worker: with two workers and three
// tasks for key A first, B, C and D run while the first A is still in flight. (A worker blocked
// on A's lock would leave none for them: the first A would wait for ever.)
func TestBusyKeyDoesNotHoldAWorker(t *testing.T) {
	s := New(Limits{WritesPerMinute: 6000, Concurrency: 2})
	tasks := []Task{{Key: "A"}, {Key: "A"}, {Key: "A"}, {Key: "B"}, {Key: "C"}, {Key: "D"}}
	others := make(chan struct{}, 3)
	var inA atomic.Int32
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := s.Run(ctx, tasks, func(_ context.Context, i int) error {
		if tasks[i].Key != "A" {
			others <- struct{}{}
			return nil
		}
		if inA.Add(1) != 1 {
			t.Errorf("two calls for key A in flight")
		}
		defer inA.Add(-1)
		if i == 0 {
			for range 3 {
				select {
				case <-others:
				case <-ctx.Done():
					return errors.New("B, C and D never ran while A was in flight")
				}
			}
		}
		return nil
	}, func(p Progress) {})
	if err != nil {
		t.Fatal(err)
	}
}

// Many tasks over few keys, many workers: never two of one key in flight, each task once.
func TestNeverTwoOfOneKeyInFlight(t *testing.T) {
	s := New(Limits{WritesPerMinute: 600000, Concurrency: 8})
	tasks := make([]Task, 200)
	for i := range tasks {
		tasks[i] = Task{Key: fmt.Sprint(i % 5)}
	}
	var mu sync.Mutex
	inFlight := map[string]int{}
	ran := make([]int, len(tasks))
	var last Progress
	err := s.Run(context.Background(), tasks, func(_ context.Context, i int) error {
		k := tasks[i].Key
		mu.Lock()
		inFlight[k]++
		ran[i]++
		if inFlight[k] > 1 {
			t.Errorf("key %s: %d calls in flight", k, inFlight[k])
		}
		mu.Unlock()
		time.Sleep(100 * time.Microsecond)
		mu.Lock()
		inFlight[k]--
		mu.Unlock()
		if i%10 == 0 {
			return errors.New("refused")
		}
		return nil
	}, func(p Progress) {
		if p.Done+p.Failed < last.Done+last.Failed {
			t.Errorf("progress went back: %+v after %+v", p, last)
		}
		last = p
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range ran {
		if n != 1 {
			t.Fatalf("task %d ran %d times", i, n)
		}
	}
	if last.Done != 180 || last.Failed != 20 || last.Left != 0 {
		t.Errorf("last progress %+v", last)
	}
}

// Backoff holds every new start for its duration.
func TestBackoffHoldsNewStarts(t *testing.T) {
	clk := newVirtualClock()
	s := newWithClock(Limits{WritesPerMinute: 6000, Concurrency: 1}, clk)
	tasks := writes(6)
	at := make([]time.Time, len(tasks))
	err := s.Run(context.Background(), tasks, func(_ context.Context, i int) error {
		at[i] = clk.Now()
		if i == 2 {
			s.Backoff(10 * time.Second)
		}
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if gap := at[3].Sub(at[2]); gap < 10*time.Second {
		t.Errorf("task 3 started %v after a 10 s backoff began", gap)
	}
	if gap := at[4].Sub(at[3]); gap >= time.Second {
		t.Errorf("the hold outlasted its 10 s: %v between tasks 3 and 4", gap)
	}
}

// Pause: no new start until Resume; the call in flight ends and is reported meanwhile.
func TestPauseHoldsStartsUntilResume(t *testing.T) {
	s := New(Limits{WritesPerMinute: 60000, Concurrency: 1})
	var started atomic.Int32
	paused := make(chan struct{})
	tasks := writes(20)
	var mu sync.Mutex
	var seen []Progress
	done := make(chan error)
	go func() {
		done <- s.Run(context.Background(), tasks, func(_ context.Context, i int) error {
			started.Add(1)
			if i == 5 {
				s.Pause()
				close(paused)
			}
			return nil
		}, func(p Progress) {
			mu.Lock()
			seen = append(seen, p)
			mu.Unlock()
		})
	}()
	<-paused
	time.Sleep(100 * time.Millisecond) // a start that Pause failed to stop would happen by now
	if n := started.Load(); n != 6 || !s.Paused() {
		t.Fatalf("%d tasks started while paused, want 6", n)
	}
	mu.Lock()
	reported := len(seen)
	mu.Unlock()
	if reported != 6 {
		t.Errorf("%d tasks reported while paused: the one in flight must be reported too", reported)
	}
	s.Resume()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := started.Load(); n != 20 {
		t.Errorf("%d tasks started after Resume", n)
	}
}

// Cancel: no new start; the calls in flight finish with a ctx that is not cancelled, and are
// counted; the rest are left.
func TestCancelLetsCallsInFlightFinish(t *testing.T) {
	s := New(Limits{WritesPerMinute: 60000, Concurrency: 2})
	ctx, cancel := context.WithCancel(context.Background())
	tasks := writes(10)
	var started atomic.Int32
	release := make(chan struct{})
	var last Progress
	errc := make(chan error, 1)
	var cancelledInside atomic.Int32
	go func() {
		errc <- s.Run(ctx, tasks, func(cctx context.Context, i int) error {
			if started.Add(1) == 2 {
				cancel()
			}
			<-release
			if cctx.Err() != nil {
				cancelledInside.Add(1)
			}
			return nil
		}, func(p Progress) { last = p })
	}()
	for started.Load() < 2 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // a start after the cancel would happen by now
	close(release)
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("Run returned %v", err)
	}
	if n := started.Load(); n != 2 || cancelledInside.Load() != 0 {
		t.Errorf("%d started, %d saw their ctx cancelled", n, cancelledInside.Load())
	}
	if last.Done != 2 || last.Left != 8 {
		t.Errorf("last progress %+v", last)
	}
}

// TimeLeft comes from the bucket: after the first of 100 writes at 60 a minute (burst 60), 99
// remain and 59 tokens are left, so 40 s.
func TestTimeLeftFromTheQuota(t *testing.T) {
	clk := newVirtualClock()
	s := newWithClock(Limits{WritesPerMinute: 60, Concurrency: 1, Slack: time.Nanosecond}, clk)
	var first *Progress
	err := s.Run(context.Background(), writes(100), func(context.Context, int) error { return nil }, func(p Progress) {
		if first == nil {
			first = &p
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if first == nil || first.Done != 1 || first.Left != 99 ||
		first.TimeLeft < 40*time.Second-time.Millisecond || first.TimeLeft > 40*time.Second+time.Millisecond {
		t.Errorf("first progress %+v, want 40 s left", first)
	}
}

// A task's first request through Transport spends what Run took for it, not a second token:
// 100 creates at 60 a minute (burst 60) take 40 s of virtual time, not the 140 s of 200 tokens.
func TestTransportSpendsRunsToken(t *testing.T) {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "{}")
	}))
	defer api.Close()
	clk := newVirtualClock()
	s := newWithClock(Limits{WritesPerMinute: 60, Concurrency: 1, Slack: time.Nanosecond}, clk)
	hc := &http.Client{Transport: s.Transport(nil)}
	t0 := clk.Now()
	err := s.Run(context.Background(), writes(100), func(ctx context.Context, i int) error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, api.URL+"/v1/spaces/A/members", strings.NewReader("{}"))
		resp, err := hc.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if took := clk.Now().Sub(t0); took != 40*time.Second {
		t.Errorf("100 creates took %v of virtual time, want 40 s", took)
	}
}

// Google's quota 429 seen by one request holds every new start: one second (scaled) at first,
// doubling with each refusal in a row, or what Google asks if longer; a success resets it.
func TestTransportBacksOffOnQuota429(t *testing.T) {
	var status atomic.Int32
	status.Store(429)
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(int(status.Load()))
		if status.Load() == 429 {
			_, _ = io.WriteString(w, `{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"Quota exceeded"}}`)
		}
	}))
	defer api.Close()
	clk := newVirtualClock()
	s := newWithClock(Limits{TimeScale: 10}, clk)
	hc := &http.Client{Transport: s.Transport(nil)}
	get := func() {
		resp, err := hc.Get(api.URL + "/v1/spaces/A/members/1")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 429 && !strings.Contains(string(b), "RESOURCE_EXHAUSTED") {
			t.Errorf("the body is not passed on: %q", b)
		}
	}
	holdLeft := func() time.Duration {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.hold.Sub(clk.Now())
	}
	get()
	if h := holdLeft(); h != 100*time.Millisecond {
		t.Errorf("hold %v after the first refusal, want 100 ms (1 s at scale 10)", h)
	}
	get() // waits out the hold, is refused again
	if h := holdLeft(); h != 200*time.Millisecond {
		t.Errorf("hold %v after the second refusal in a row, want 200 ms", h)
	}
	status.Store(200)
	get()
	status.Store(429)
	get()
	if h := holdLeft(); h != 100*time.Millisecond {
		t.Errorf("hold %v after a success and a refusal, want 100 ms", h)
	}
}

// A quota 429 whose Retry-After is an HTTP date holds new starts until then (the rule chat's
// retrier follows, retrydelay.Asked), not just the transport's own first step.
func TestTransportHonoursRetryAfterDate(t *testing.T) {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
		w.WriteHeader(429)
		_, _ = io.WriteString(w, `{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"Quota exceeded"}}`)
	}))
	defer api.Close()
	clk := newVirtualClock()
	s := newWithClock(Limits{TimeScale: 10}, clk)
	resp, err := (&http.Client{Transport: s.Transport(nil)}).Get(api.URL + "/v1/spaces/A/members/1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	s.mu.Lock()
	h := s.hold.Sub(clk.Now())
	s.mu.Unlock()
	if h < 58*time.Minute {
		t.Errorf("hold %v after a 429 with Retry-After an hour ahead, want about an hour", h)
	}
}

// The slack's bucket never lets more arrive than Google's, even with every request up to the
// slack late: burst + rate·(T + slack) <= n + (n/window)·T for every T >= 0.
func TestSlackenedBucketStaysWithinGooglesUnderJitter(t *testing.T) {
	for _, c := range []struct {
		n      int
		window time.Duration
	}{{300, time.Minute}, {300, time.Second}, {15, time.Second}, {15, time.Second / 60}, {1, time.Second / 60}, {3000, time.Second}} {
		slack := 50 * time.Millisecond
		r, burst := slackened(c.n, c.window, slack)
		g := float64(c.n) / c.window.Seconds()
		if c.n == 1 {
			// One per window: arrivals up to the slack early are still a window apart.
			if burst != 1 || r <= 0 || 1/r-slack.Seconds() < c.window.Seconds()-1e-9 {
				t.Errorf("1 per %v: rate %.2f burst %d", c.window, r, burst)
			}
			continue
		}
		if burst < 1 || r <= 0 || r > g+1e-9 || float64(burst)+r*slack.Seconds() > float64(c.n)+1e-9 {
			t.Errorf("%d per %v: rate %.2f burst %d lets %.2f arrive at once, Google's bucket holds %d",
				c.n, c.window, r, burst, float64(burst)+r*slack.Seconds(), c.n)
		}
	}
	// At Google's real-time figures the slack costs little: 285 of 300 writes at once at scale 60,
	// 14 of 15 reads a second in real time.
	if _, b := slackened(300, time.Second, 50*time.Millisecond); b != 285 {
		t.Errorf("burst %d for 300 writes a scaled minute", b)
	}
	if r, b := slackened(15, time.Second, 50*time.Millisecond); b != 14 || r != 15 {
		t.Errorf("rate %v burst %d for 15 reads a second", r, b)
	}
}
