package chat

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/api/googleapi"

	"chatmembers/backend/emulator"
)

// Retries of transient failures, against the emulator's fault injection over real HTTP.

// fastRetry keeps the tests quick: the same logic as the default policy on a millisecond scale.
func fastRetry(seed uint64) RetryPolicy {
	return RetryPolicy{Base: time.Millisecond, Max: 20 * time.Millisecond, Attempts: 8,
		Rand: rand.New(rand.NewPCG(seed, seed))}
}

func newFaultFixture(t testing.TB, f emulator.Faults) *fixture {
	return newOptionsFixture(t, emulator.Options{Faults: f})
}

func newOptionsFixture(t testing.TB, opts emulator.Options) *fixture {
	t.Helper()
	srv, err := emulator.Start("127.0.0.1:0", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	tok, err := srv.IssueToken(emulator.DemoAdminEmail, "chat.spaces.readonly", "chat.memberships", "chat.memberships.app")
	if err != nil {
		t.Fatal(err)
	}
	return newFixtureToken(t, srv, tok)
}

func countPrefix(reqs []string, prefix string) int {
	n := 0
	for _, r := range reqs {
		if strings.HasPrefix(r, prefix) {
			n++
		}
	}
	return n
}

// waits records the waits a policy takes.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) record(p RetryPolicy) RetryPolicy {
	p.OnRetry = func(_ int, d time.Duration, _ error) {
		w.mu.Lock()
		w.d = append(w.d, d)
		w.mu.Unlock()
	}
	return p
}

func (w *waits) all() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Duration(nil), w.d...)
}

// One add under 30 % injected faults of every kind gives the right answer: the membership is
// created exactly once, and the result is that new membership, not "already a member".
func TestAddPersonUnderFaults(t *testing.T) {
	eng := "spaces/" + emulator.DemoInternalSpaceID
	faults, retried, resent := 0, 0, 0
	for seed := uint64(1); seed <= 12; seed++ {
		f := newFaultFixture(t, emulator.Faults{Rate: 0.3, Seed: seed})
		svc := f.svc.WithRetry(fastRetry(seed))
		m, err := svc.AddPerson(context.Background(), eng, emulator.DemoJoinerEmail)
		if err != nil {
			t.Fatalf("seed %d: %v (requests %v)", seed, err, f.rt.requests())
		}
		if m.AlreadyMember || m.State != "JOINED" || !strings.HasPrefix(m.Name, eng+"/members/") || m.CreateTime == "" {
			t.Errorf("seed %d: %+v, want the new membership (requests %v)", seed, m, f.rt.requests())
		}
		st := f.srv.Stats()
		if st.MembershipsCreated != 1 {
			t.Errorf("seed %d: %d memberships created", seed, st.MembershipsCreated)
		}
		// Someone who was in the space all along stays "already a member", faults or not.
		old, err := svc.AddPerson(context.Background(), eng, emulator.DemoSecondAdminEmail)
		if err != nil || !old.AlreadyMember {
			t.Errorf("seed %d: existing member %+v, %v", seed, old, err)
		}
		faults += f.srv.Stats().FaultsInjected
		if len(f.rt.requests()) > 4 {
			retried++
		}
		if posts := countPrefix(f.rt.requests(), "POST"); posts > 2 {
			resent++ // the joiner's create was sent again
		}
	}
	t.Logf("12 seeds: %d faults, %d runs retried, %d creates sent again", faults, retried, resent)
	if faults < 5 || retried < 3 || resent < 2 {
		t.Errorf("only %d faults, %d retried runs and %d creates sent again in 12 seeds: the test tests little", faults, retried, resent)
	}
}

// The important case: the create is carried out, then the answer is lost (504, 503, 500 or a
// reset after handling). The retry meets 409; the person was added by this call.
func TestRetriedCreateMeetsAlreadyExists(t *testing.T) {
	eng := "spaces/" + emulator.DemoInternalSpaceID
	for _, kind := range []emulator.FaultKind{emulator.FaultTimeoutAfter, emulator.FaultUnavailableAfter,
		emulator.FaultInternalAfter, emulator.FaultResetAfter} {
		t.Run(string(kind), func(t *testing.T) {
			f := newFaultFixture(t, emulator.Faults{Rate: 1, Kinds: []emulator.FaultKind{kind}, Limit: 1, Methods: []string{"POST"}})
			svc := f.svc.WithRetry(fastRetry(1))
			for _, who := range []string{emulator.DemoJoinerEmail, emulator.DemoNoAutoAcceptEmail} {
				m, err := svc.AddPerson(context.Background(), eng, who)
				if err != nil {
					t.Fatal(err)
				}
				want := StateJoined
				if who == emulator.DemoNoAutoAcceptEmail {
					want = StateInvited
				}
				if m.AlreadyMember || m.State != want || m.Name == "" {
					t.Errorf("%s: %+v, want a new %s membership", who, m, want)
				}
			}
			if st := f.srv.Stats(); st.MembershipsCreated != 2 || st.FaultsInjected != 1 {
				t.Errorf("stats %+v", st)
			}
			if posts := countPrefix(f.rt.requests(), "POST"); posts != 3 {
				t.Errorf("%d creates sent, want 3 (one retried): %v", posts, f.rt.requests())
			}
		})
	}
}

// A create that fails ambiguously and then meets 409 for someone who was in the space long
// before the call (Google's createTime says so) is still "already a member".
func TestRetriedCreateOfLongStandingMember(t *testing.T) {
	f := newFaultFixture(t, emulator.Faults{Rate: 1, Kinds: []emulator.FaultKind{emulator.FaultUnavailable}, Limit: 1, Methods: []string{"POST"}})
	m, err := f.svc.WithRetry(fastRetry(1)).AddPerson(context.Background(), "spaces/"+emulator.DemoInternalSpaceID, emulator.DemoSecondAdminEmail)
	if err != nil {
		t.Fatal(err)
	}
	if !m.AlreadyMember || m.State != "JOINED" || countPrefix(f.rt.requests(), "POST") != 2 {
		t.Errorf("%+v after %v", m, f.rt.requests())
	}
}

// A 429 with Retry-After (and RetryInfo) is waited out for at least as long as Google asks.
func TestRetryHonoursRetryAfter(t *testing.T) {
	f := newFaultFixture(t, emulator.Faults{Rate: 1, Kinds: []emulator.FaultKind{emulator.FaultQuota},
		RetryAfter: time.Second, Limit: 1})
	var w waits
	svc := f.svc.WithRetry(w.record(fastRetry(1)))
	if _, err := svc.ListSpaces(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := w.all()
	if len(got) != 1 || got[0] < time.Second || got[0] > time.Second+20*time.Millisecond {
		t.Errorf("waits %v, want one of 1s (Retry-After), not the policy's milliseconds", got)
	}
	if f.rt.count() != 2 {
		t.Errorf("requests %v", f.rt.requests())
	}
}

// A deadline shorter than the wait Google asks for: the call returns the last error as a
// plain-language problem at once, rather than sleeping past the deadline.
func TestRetryWithinDeadline(t *testing.T) {
	eng := "spaces/" + emulator.DemoInternalSpaceID
	t.Run("Retry-After beyond the deadline", func(t *testing.T) {
		f := newFaultFixture(t, emulator.Faults{Rate: 1, Kinds: []emulator.FaultKind{emulator.FaultQuota}, RetryAfter: time.Hour})
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, err := f.svc.AddPerson(ctx, eng, emulator.DemoJoinerEmail)
		p := wantCode(t, err, CodeQuota)
		if ctx.Err() != nil {
			t.Error("the call ran into its deadline instead of returning when the wait could not fit")
		}
		if p.Params["retryAfterSeconds"] != "3600" || !strings.Contains(p.Detail, "deadline") || f.rt.count() != 1 {
			t.Errorf("problem %+v after %v", p, f.rt.requests())
		}
	})
	t.Run("backoff beyond the deadline", func(t *testing.T) {
		f := newFaultFixture(t, emulator.Faults{Rate: 1, Kinds: []emulator.FaultKind{emulator.FaultUnavailable}})
		// The default policy (1 s, 2 s, 4 s ... waits) and 3 s: a retry or two, then the next
		// wait would pass the deadline.
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		var w waits
		svc := f.svc.WithRetry(w.record(RetryPolicy{}))
		_, err := svc.ListSpaces(ctx)
		p := wantCode(t, err, CodeGoogleUnavailable)
		if !p.Retryable || !strings.Contains(p.Detail, "HTTP 503") || !strings.Contains(p.Detail, "deadline") {
			t.Errorf("problem %+v", p)
		}
		var total time.Duration
		for _, d := range w.all() {
			total += d
		}
		if total > 3*time.Second || f.rt.count() != len(w.all())+1 {
			t.Errorf("waits %v for requests %v", w.all(), f.rt.requests())
		}
	})
}

// 400, 403 and 404 are answers, not failures: never retried.
func TestNoRetryOnClientErrors(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	svc := f.svc.WithCallerEmail(emulator.DemoAdminEmail).WithRetry(fastRetry(1))
	_, err := svc.GetSpace(ctx, "spaces/"+emulator.DemoNotMemberSpaceID)
	wantCode(t, err, CodeSpaceNotFound)
	if n := f.rt.count(); n != 1 {
		t.Errorf("404: %d requests", n)
	}
	before := f.rt.count()
	_, err = svc.AddPerson(ctx, "spaces/"+emulator.DemoInternalSpaceID, emulator.DemoExternalEmail)
	wantCode(t, err, CodeExternalNotAllowed)
	if reqs := f.rt.requests()[before:]; len(reqs) != 2 { // spaces.get, one create
		t.Errorf("403: requests %v", reqs)
	}
	before = f.rt.count()
	_, err = svc.AddApp(ctx, "spaces/"+emulator.DemoInternalSpaceID) // no chat.memberships.app
	wantCode(t, err, CodeScopeMissing)
	if n := f.rt.count() - before; n != 1 {
		t.Errorf("403 scope: %d requests", n)
	}
	// 400 cannot pass this package's validation to reach the emulator: check the rule itself.
	for _, code := range []int{400, 401, 403, 404, 409, 412} {
		if _, ok := retryHint(&googleapi.Error{Code: code}); ok {
			t.Errorf("HTTP %d would be retried", code)
		}
	}
	for _, code := range []int{429, 500, 502, 503, 504} {
		if _, ok := retryHint(&googleapi.Error{Code: code}); !ok {
			t.Errorf("HTTP %d would not be retried", code)
		}
	}
}

// Retry-After as an HTTP date, and RetryInfo on its own, are read as delays.
func TestRetryHints(t *testing.T) {
	now := time.Now()
	cases := []struct {
		name string
		err  *googleapi.Error
		min  time.Duration
		max  time.Duration
	}{
		{"seconds", &googleapi.Error{Code: 429, Header: http.Header{"Retry-After": {"7"}}}, 7 * time.Second, 7 * time.Second},
		{"date", &googleapi.Error{Code: 503, Header: http.Header{"Retry-After": {now.Add(90 * time.Second).UTC().Format(http.TimeFormat)}}}, 85 * time.Second, 91 * time.Second},
		{"date in the past", &googleapi.Error{Code: 503, Header: http.Header{"Retry-After": {"Wed, 21 Oct 2015 07:28:00 GMT"}}}, 0, 0},
		{"RetryInfo", &googleapi.Error{Code: 429, Body: `{"error":{"code":429,"message":"m","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"3s"}]}}`}, 3 * time.Second, 3 * time.Second},
		{"RetryInfo fraction", &googleapi.Error{Code: 429, Body: `{"error":{"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"0.250s"}]}}`}, 250 * time.Millisecond, 250 * time.Millisecond},
		{"the longer of both", &googleapi.Error{Code: 429, Header: http.Header{"Retry-After": {"2"}}, Body: `{"error":{"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"5s"}]}}`}, 5 * time.Second, 5 * time.Second},
		{"garbage", &googleapi.Error{Code: 429, Header: http.Header{"Retry-After": {"soon"}}, Body: `{"error":{"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"-3s"}]}}`}, 0, 0},
	}
	for _, c := range cases {
		d, ok := retryHint(c.err)
		if !ok || d < c.min || d > c.max {
			t.Errorf("%s: %v, %v; want %v..%v", c.name, d, ok, c.min, c.max)
		}
	}
}

// Resets are retried; a refused connection (nothing is listening) and cancellation are not.
func TestRetryNetworkErrors(t *testing.T) {
	f := newFaultFixture(t, emulator.Faults{Rate: 1, Kinds: []emulator.FaultKind{emulator.FaultReset}, Limit: 2})
	if _, err := f.svc.WithRetry(fastRetry(1)).ListSpaces(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f.rt.count() != 3 {
		t.Errorf("requests %v, want two resets and a success", f.rt.requests())
	}
	_ = f.srv.Close()
	before := f.rt.count()
	_, err := f.svc.WithRetry(fastRetry(1)).GetSpace(context.Background(), "spaces/"+emulator.DemoInternalSpaceID)
	wantCode(t, err, CodeNetwork)
	if n := f.rt.count() - before; n != 1 {
		t.Errorf("refused: %d requests", n)
	}
}

// A call whose caller set no deadline gets one: a server that never answers does not hold it.
func TestCallWithoutDeadlineGetsOne(t *testing.T) {
	stop := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stop:
		case <-r.Context().Done():
		}
	}))
	defer ts.Close()
	defer close(stop)
	svc, err := New(context.Background(), ts.Client(), ts.URL+"/")
	if err != nil {
		t.Fatal(err)
	}
	svc = svc.WithRetry(RetryPolicy{Timeout: 200 * time.Millisecond})
	done := make(chan error, 1)
	go func() { _, err := svc.ListSpaces(context.Background()); done <- err }()
	select {
	case err := <-done:
		if p := wantCode(t, err, CodeNetwork); !strings.Contains(p.Detail, "timed out") {
			t.Errorf("problem %+v", p)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("ListSpaces without a deadline is still waiting")
	}
}
