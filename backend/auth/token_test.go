package auth

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
)

// stall holds back the token endpoint's answers while on, until the request's own context ends
// (the client gave up) or release is closed: a network that went quiet after a laptop slept.
type stall struct {
	on      atomic.Bool
	arrived chan struct{} // a request is being held
	release chan struct{}
	once    sync.Once
}

// end lets every held request through (and any later one).
func (s *stall) end() {
	s.on.Store(false)
	s.once.Do(func() { close(s.release) })
}

func newStall() *stall {
	return &stall{arrived: make(chan struct{}, 16), release: make(chan struct{})}
}

// drain forgets the requests held so far.
func (s *stall) drain() {
	for {
		select {
		case <-s.arrived:
		default:
			return
		}
	}
}

func (s *stall) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/token" && s.on.Load() {
			s.arrived <- struct{}{}
			select {
			case <-r.Context().Done():
				return
			case <-s.release:
			}
		}
		next.ServeHTTP(w, r)
	})
}

// listSpaces is a Chat call as the app makes it (the chat service over Google's Chat client),
// authorised by svc.Client.
func listSpaces(ctx context.Context, svc *Service, f *fixture) error {
	c, err := chat.New(ctx, svc.Client(), f.srv.URL()+"/")
	if err != nil {
		return err
	}
	_, err = c.ListSpaces(ctx)
	return err
}

// whoAmI is a plain request through svc.Client (userinfo), whose error is the transport's own.
func whoAmI(ctx context.Context, svc *Service, f *fixture) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, f.endpoints.UserinfoURL, nil)
	resp, err := svc.Client().Do(req)
	if err == nil {
		resp.Body.Close()
	}
	return err
}

// within runs call and fails the test if it has not returned long after the deadline it was
// given (a generous margin: this checks that it returns at all, not how fast).
func within(t *testing.T, what string, call func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- call() }()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatalf("%s is still waiting for the token endpoint", what)
		return nil
	}
}

// assertNetworkProblem: the person is told Google could not be reached (and may try again).
// The chat service words a deadline as chat.network; a bare request carries auth's problem.
func assertNetworkProblem(t *testing.T, what string, err error, code string) {
	t.Helper()
	p, ok := problem.As(err)
	if !ok || p.Code != code || !p.Retryable || p.Message == "" || p.Fix == "" {
		t.Errorf("%s: error %v, want %s", what, err, code)
	}
}

// A token endpoint that stops answering must not leave the app busy for good: a Chat call whose
// access token needs a refresh fails within its own deadline with auth.network, a call that
// waits for someone else's stalled refresh gives up at its own deadline too, and once Google
// answers again the next call refreshes and works. The service uses its default HTTP client.
func TestStalledTokenEndpointFailsWithinTheCallsDeadline(t *testing.T) {
	st := newStall()
	f := newWrappedFixture(t, st.wrap)
	t.Cleanup(st.end) // before the server closes, which waits for held requests
	signedIn(t, f, BaseScopes...)
	old := expireStoredToken(t, f)
	svc := New(Options{Secret: f.secret, Endpoints: f.endpoints, Store: f.store, Account: f.savedAccount()}) // the next run of the app
	if _, ok := svc.Restore(); !ok {
		t.Fatal("Restore failed")
	}
	st.on.Store(true)

	// Calls whose own refresh stalls.
	err := within(t, "a Chat call with a short deadline", func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		return listSpaces(ctx, svc, f)
	})
	assertNetworkProblem(t, "Chat call, stalled refresh", err, "chat.network")
	err = within(t, "a request with a short deadline", func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		return whoAmI(ctx, svc, f)
	})
	assertNetworkProblem(t, "request, stalled refresh", err, "auth.network")
	st.drain()

	// A call with no deadline of its own stalls in the refresh (the service's CallTimeout would
	// end it); one that comes meanwhile waits for that refresh only as long as its deadline.
	first, cancelFirst := context.WithCancel(context.Background())
	firstDone := make(chan error, 1)
	go func() { firstDone <- listSpaces(first, svc, f) }()
	select {
	case <-st.arrived:
	case <-time.After(20 * time.Second):
		t.Fatal("the refresh never reached the token endpoint")
	}
	err = within(t, "a Chat call waiting for a stalled refresh", func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		return listSpaces(ctx, svc, f)
	})
	assertNetworkProblem(t, "Chat call waiting for a stalled refresh", err, "chat.network")
	err = within(t, "a request waiting for a stalled refresh", func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		return whoAmI(ctx, svc, f)
	})
	assertNetworkProblem(t, "request waiting for a stalled refresh", err, "auth.network")
	cancelFirst()
	err = within(t, "a cancelled call", func() error { return <-firstDone })
	if problem.CodeOf(err) != "chat.cancelled" {
		t.Errorf("cancelled call: %v, want chat.cancelled", err)
	}

	// Google answers again: the next call refreshes and works, and the new token is saved.
	st.end()
	err = within(t, "a call once Google answers", func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return listSpaces(ctx, svc, f)
	})
	if err != nil {
		t.Fatalf("after the stall: %v", err)
	}
	if rec, _ := f.saved(); rec == nil || rec.AccessToken == old.AccessToken {
		t.Fatalf("the refreshed token was not saved: %+v", rec)
	}
	if acct, ok := svc.Account(); !ok || acct.Email != emulator.DemoAdminEmail {
		t.Fatalf("signed out by a stalled network: %+v", acct)
	}
}

// Concurrent calls that need a refresh share one request to the token endpoint.
func TestConcurrentCallsShareOneRefresh(t *testing.T) {
	var refreshes atomic.Int32
	f := newWrappedFixture(t, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/token" && r.ParseForm() == nil && r.PostForm.Get("grant_type") == "refresh_token" {
				refreshes.Add(1)
			}
			next.ServeHTTP(w, r)
		})
	})
	signedIn(t, f, BaseScopes...)
	expireStoredToken(t, f)
	svc := New(Options{Secret: f.secret, Endpoints: f.endpoints, Store: f.store, Account: f.savedAccount()})
	if _, ok := svc.Restore(); !ok {
		t.Fatal("Restore failed")
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() { errs <- listSpaces(context.Background(), svc, f) }()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if n := refreshes.Load(); n != 1 {
		t.Fatalf("%d refreshes, want 1", n)
	}
}
