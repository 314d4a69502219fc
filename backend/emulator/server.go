// Package emulator is a faithful, offline stand-in for the parts of Google that Chat Members
// uses: the Chat API (spaces, memberships, spaces.search, administrator access), the People
// API's directory search, Cloud Identity's group lookup and Google's OAuth 2.0 endpoints. Their
// paths do not collide, so one base URL serves them all. It speaks
// Google's wire format (paths, query parameters, JSON names, error bodies) so that unmodified
// Google client libraries work against it. Demo mode and the tests run it in-process on
// 127.0.0.1:0; `go run ./cmd/emulator` runs it alone.
//
// Files: server.go (lifecycle, shared state), data.go (the model and demo organisation),
// chat*.go (Chat API), admin.go (useAdminAccess and Google Group memberships), people.go (People
// API and Cloud Identity), oauth*.go (authorization, token, revoke endpoints and the grants they
// mint), quota.go (Google's rate quotas, with a time scale), faults.go (fault injection and the
// counters of Stats).
package emulator

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Options configure a Server.
type Options struct {
	// Data is the organisation the server starts with; nil means DemoData().
	Data *Dataset
	// Now returns the current time; nil means time.Now. Tests may pin it.
	Now func() time.Time
	// Faults makes a share of Chat API requests fail (faults.go); the zero value injects none.
	Faults Faults
	// ReadTimeout bounds how long Start's server waits for a whole request, headers and body;
	// 0 means defaultReadTimeout. Tests shorten it.
	ReadTimeout time.Duration
	// Quota enforces Google's rate quotas (quota.go); the zero value enforces none, GoogleQuota()
	// is Google's in real time (the demo), tests and benchmarks set a TimeScale.
	Quota Quota
	// Setup is a set-up step of the Cloud project to pretend missing (setupstates.go);
	// SetupComplete, the zero value, is a fully set-up project. SetSetup changes it later.
	Setup SetupState
}

// Server holds all emulated state in memory. It is safe for concurrent use.
type Server struct {
	mu     sync.Mutex
	now    func() time.Time
	data   *Dataset
	grants grants     // grants.go: tokens, shared by OAuth and Chat
	oauth  oauthState // oauth*.go
	chat   chatState  // chat*.go
	faults faultState // faults.go
	quota  quotaState // quota.go
	setup  SetupState // setupstates.go
	// nextSweep is when minting next purges expired codes and tokens (grants.go).
	nextSweep time.Time

	baseURL  string
	listener net.Listener
	httpSrv  *http.Server
	handler  http.Handler
}

// New builds a Server that is not yet listening; use Handler with your own listener, or Start.
func New(opts Options) *Server {
	s := &Server{now: opts.Now, data: opts.Data, setup: opts.Setup}
	if s.now == nil {
		s.now = time.Now
	}
	if s.data == nil {
		s.data = DemoData()
	}
	s.grants.init()
	s.oauth.init()
	s.chat.init(s.data)
	mux := http.NewServeMux()
	s.registerOAuth(mux)
	s.registerChat(mux)
	s.registerDirectory(mux) // people.go: People API and Cloud Identity
	// ServeMux would clean "/.." and redirect (307, which clients follow with the same body), so a
	// request for spaces/A/../B/members would land in B; Google answers 404 instead.
	s.handler = guardDotSegments(mux)
	s.quota.cfg = opts.Quota.withDefaults()
	s.quota.buckets = map[string]*rate.Limiter{}
	if opts.Quota.On {
		// Inside the set-up guard (a project without the API spends no quota) and the fault
		// injector (a request failed before the API, a reset or a front end's 502, spends none;
		// one failed after handling did).
		s.handler = s.enforceQuota(s.handler)
	}
	s.handler = s.guardSetup(s.handler)
	if opts.Faults.Rate > 0 {
		s.faults.init(opts.Faults)
		s.handler = s.injectFaults(s.handler)
	}
	return s
}

// Connection limits of the server Start runs. Every emulated request is small and answered at
// once: a client that needs longer is stalled or hostile.
const (
	defaultReadTimeout = 30 * time.Second
	// writeTimeout is the time to write a response, on top of the read time (http.Server counts
	// WriteTimeout from the end of the request headers).
	writeTimeout = 30 * time.Second
	idleTimeout  = 2 * time.Minute
	// maxHeaderBytes is far above any real request (Google's URLs stay within a few KiB) and far
	// below net/http's 1 MiB default, which let each unanswered consent page hold a megabyte.
	maxHeaderBytes = 64 << 10
)

// Start builds a Server and serves it on addr (use "127.0.0.1:0" for a free port).
func Start(addr string, opts Options) (*Server, error) {
	if err := opts.Faults.Validate(); err != nil {
		return nil, err
	}
	if err := opts.Quota.Validate(); err != nil {
		return nil, err
	}
	if err := opts.Setup.Validate(); err != nil {
		return nil, err
	}
	s := New(opts)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s.listener = ln
	s.baseURL = "http://" + ln.Addr().String()
	read := opts.ReadTimeout
	if read <= 0 {
		read = defaultReadTimeout
	}
	// Every phase of a connection is bounded, so a slow or stalled client (a slowloris) cannot hold
	// a connection and its handler forever; small request headers cap what an authorization
	// request (and so a pending consent page) can hold.
	s.httpSrv = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: min(10*time.Second, read),
		ReadTimeout:       read,
		WriteTimeout:      read + writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
	}
	go func() { _ = s.httpSrv.Serve(ln) }()
	return s, nil
}

// Handler serves every emulated endpoint.
func (s *Server) Handler() http.Handler { return s.handler }

// SetBaseURL tells a Server built with New (and served by the caller) its own address,
// used in consent pages, client secrets and id tokens.
func (s *Server) SetBaseURL(u string) { s.baseURL = u }

// URL is the server's base address, e.g. "http://127.0.0.1:41234". The endpoint of every emulated API for
// option.WithEndpoint is URL()+"/".
func (s *Server) URL() string { return s.baseURL }

// Close stops serving.
func (s *Server) Close() error {
	if s.httpSrv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := s.httpSrv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return s.httpSrv.Close()
	}
	return err
}
