// Package chat is the app's view of the Google Chat API: the spaces the signed-in person is in,
// and adding people (or the app itself) to them. It talks through the unmodified
// google.golang.org/api/chat/v1 client, validates every identifier before it goes into a URL
// (validate.go), and turns Google's and the network's errors into plain-language problems
// (errors.go). It does not know whether it talks to Google or to the emulator.
package chat

import (
	"context"
	"net/http"
	"strings"
	"sync"

	chatapi "google.golang.org/api/chat/v1"
	"google.golang.org/api/option"

	"chatmembers/backend/problem"
)

// Service calls the Chat API as the user whose credentials the HTTP client carries.
// It is safe for concurrent use. Every call has a deadline (the caller's, or the policy's
// Timeout), and transient failures are retried within it by a RetryPolicy (retry.go); what
// still fails comes back as a problem, Retryable when trying later may help.
type Service struct {
	api   *chatapi.Service
	retry *retrier
	// callerEmail is the signed-in user's address, if known. It is used only to explain a
	// refusal: a 403 when adding someone from another domain most likely means the space does not
	// allow people from outside the organisation.
	callerEmail string
	// callerID is the signed-in user's Google account id (the sign-in's "sub"), if known; Chat
	// names the same person "users/{id}". ListMembers marks their row by it (or by email).
	callerID string
	// spaces remembers spaces seen through ListSpaces/GetSpace, shared by copies made with
	// WithCallerEmail.
	spaces *spaceCache
	// hc and endpoint are what New was given, for Through.
	hc       *http.Client
	endpoint string
}

// New builds a Service. httpClient must add the user's credentials (e.g. oauth2.NewClient).
// endpoint "" means Google's; for the emulator pass srv.URL()+"/".
func New(ctx context.Context, httpClient *http.Client, endpoint string) (*Service, error) {
	opts := []option.ClientOption{option.WithHTTPClient(httpClient)}
	if endpoint != "" {
		opts = append(opts, option.WithEndpoint(endpoint))
	}
	api, err := chatapi.NewService(ctx, opts...)
	if err != nil {
		return nil, problem.Internal(err)
	}
	return &Service{api: api, retry: newRetrier(RetryPolicy{}), spaces: &spaceCache{m: map[string]Space{}},
		hc: httpClient, endpoint: endpoint}, nil
}

// Through returns a Service whose requests pass through wrap(t), t being the transport of the
// HTTP client s was built with (which adds the credentials): every attempt of every call goes
// through it, retries and follow-up reads included. A bulk run paces its calls this way:
// svc.Through(scheduler.Transport) (package schedule), so that retries spend quota too and a
// quota 429 holds every call. It shares the retry policy, the caller and the space cache with s.
func (s *Service) Through(wrap func(http.RoundTripper) http.RoundTripper) (*Service, error) {
	hc := *s.hc
	base := hc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	hc.Transport = wrap(base)
	opts := []option.ClientOption{option.WithHTTPClient(&hc)}
	if s.endpoint != "" {
		opts = append(opts, option.WithEndpoint(s.endpoint))
	}
	api, err := chatapi.NewService(context.Background(), opts...)
	if err != nil {
		return nil, problem.Internal(err)
	}
	c := *s
	c.api, c.hc = api, &hc
	return &c, nil
}

// WithCallerEmail returns a Service that knows who is signed in (see Service.callerEmail); it
// shares the connection and the space cache with s.
func (s *Service) WithCallerEmail(email string) *Service {
	c := *s
	c.callerEmail = strings.TrimSpace(email)
	return &c
}

// WithCallerID returns a Service that knows the signed-in user's Google account id (the OpenID
// "sub" of the sign-in), which Chat uses as their user id; it shares everything else with s.
func (s *Service) WithCallerID(id string) *Service {
	c := *s
	c.callerID = strings.TrimSpace(id)
	return &c
}

// spaceCache holds spaces by name. The fields AddPerson relies on (type, externalUserAllowed)
// do not change in practice (externalUserAllowed is immutable; a DM stays a DM), and a stale
// display name is only a label.
type spaceCache struct {
	mu sync.Mutex
	m  map[string]Space
}

func (c *spaceCache) put(sp ...Space) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, x := range sp {
		c.m[x.Name] = x
	}
}

func (c *spaceCache) get(name string) (Space, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sp, ok := c.m[name]
	return sp, ok
}
