package auth

import (
	"context"
	"errors"
	"net/http"

	"golang.org/x/oauth2"

	"chatmembers/backend/problem"
)

// refreshCall is one refresh of the access token under way. Others who need a token meanwhile
// wait for it, each only as long as its own context allows.
type refreshCall struct {
	done chan struct{}
	tok  *oauth2.Token
	err  error
	// callerEnded: the refresh stopped because the context of the call that ran it ended, not
	// because Google answered; a waiter with time left runs its own.
	callerEnded bool
}

// token returns a valid access token, refreshing it within ctx (and at most CallTimeout) when
// it has expired. Concurrent callers share one refresh. The errors are problems, except that a
// cancelled ctx gives ctx.Err() itself, so an HTTP call cancelled by its caller reads as one.
func (s *Service) token(ctx context.Context) (*oauth2.Token, error) {
	for {
		s.mu.Lock()
		rec, gen := s.rec, s.gen
		if rec == nil {
			s.mu.Unlock()
			return nil, errNotSignedIn
		}
		tok := &oauth2.Token{AccessToken: rec.AccessToken, TokenType: rec.TokenType, RefreshToken: rec.RefreshToken, Expiry: rec.Expiry}
		if tok.Valid() {
			s.mu.Unlock()
			return tok, nil
		}
		if rec.RefreshToken == "" {
			s.forgetLocked(gen)
			s.mu.Unlock()
			p := errExpired.WithDetail("the access token expired and there is no refresh token")
			s.changed(p)
			return nil, p
		}
		call := s.refreshing
		if call == nil {
			call = &refreshCall{done: make(chan struct{})}
			s.refreshing = call
			s.mu.Unlock()
			s.refresh(ctx, call, gen, rec.RefreshToken)
			return call.tok, call.err
		}
		s.mu.Unlock()
		select {
		case <-call.done:
			if call.callerEnded && ctx.Err() == nil {
				continue // the one who ran it gave up; this caller still has time
			}
			return call.tok, call.err
		case <-ctx.Done():
			return nil, endedProblem(ctx)
		}
	}
}

// refresh runs call with the caller's ctx, bounded by CallTimeout, and saves the new token if
// the sign-in is still generation gen.
func (s *Service) refresh(ctx context.Context, call *refreshCall, gen uint64, refreshToken string) {
	rctx, cancel := context.WithTimeout(ctx, CallTimeout)
	defer cancel()
	// A token with only a refresh token is invalid, so Token refreshes it, over rctx.
	tok, err := s.cfg.TokenSource(s.httpCtx(rctx), &oauth2.Token{RefreshToken: refreshToken}).Token()

	var ended *problem.Problem
	defer func() { // last: after the lock is released and the waiters are told
		if ended != nil {
			s.changed(ended)
		}
	}()
	s.mu.Lock()
	defer close(call.done)
	defer s.mu.Unlock()
	if s.refreshing == call {
		s.refreshing = nil
	}
	switch {
	case err == nil:
		call.tok = tok
		if gen == s.gen && s.rec != nil {
			rec := *s.rec
			rec.AccessToken, rec.TokenType, rec.Expiry = tok.AccessToken, tok.TokenType, tok.Expiry
			if tok.RefreshToken != "" {
				rec.RefreshToken = tok.RefreshToken
			}
			s.rec = &rec
			// The token works for this session even if it cannot be kept: StoreProblem says so.
			s.saveLocked(&rec)
		}
	case ctx.Err() != nil:
		call.callerEnded = true
		call.err = endedProblem(ctx)
	case rctx.Err() != nil:
		call.err = endedProblem(rctx)
	default:
		p := exchangeProblem(err, errExpired)
		if p.Code == errExpired.Code && s.forgetLocked(gen) {
			ended = p
		}
		call.err = p
	}
}

// endedProblem says why ctx ended: ctx.Err() itself for a cancel, auth.network for a deadline
// (Google did not answer in time).
func endedProblem(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return ctx.Err()
	}
	p := errNetwork.WithDetail("token endpoint: no answer before the deadline")
	p.Retryable = true
	return p
}

// TokenSource gives the current access token, refreshing it when it expires and saving the
// refreshed token. It follows the Service: after SignOut it fails with auth.not_signed_in, and
// a refresh Google refuses (invalid_grant) signs out and fails with auth.expired. A refresh
// here has no caller's deadline, only CallTimeout: prefer Client, which uses the request's.
func (s *Service) TokenSource() oauth2.TokenSource { return serviceTokenSource{s} }

type serviceTokenSource struct{ s *Service }

func (t serviceTokenSource) Token() (*oauth2.Token, error) { return t.s.token(context.Background()) }

// Client is an HTTP client that authorises requests with the signed-in account's access token.
// A refresh it needs runs within the request's context, so a request's deadline also bounds
// the refresh, and a later request is not held up by one that stalled: it waits for a refresh
// under way only as long as its own deadline allows. A failed refresh fails the request with
// the problem (auth.expired, auth.network, ...) in the error chain.
func (s *Service) Client() *http.Client {
	base := s.opts.HTTPClient.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	return &http.Client{Transport: &transport{s: s, base: base}}
}

// transport adds the bearer token. Unlike oauth2.Transport, whose TokenSource.Token has no
// context, it refreshes with the request's context.
type transport struct {
	s    *Service
	base http.RoundTripper
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	tok, err := t.s.token(req.Context())
	if err != nil {
		if req.Body != nil { // a RoundTripper must close the body, even on error
			_ = req.Body.Close()
		}
		return nil, err
	}
	r := req.Clone(req.Context()) // a RoundTripper must not modify the request
	tok.SetAuthHeader(r)
	return t.base.RoundTrip(r)
}

// CheckRefresh asks Google for a new access token now, whether or not the current one has
// expired: the setup guide's check that Google still honours the sign-in (a consent screen in
// Testing ends it after 7 days). A refusal signs out and fails with auth.expired, as any
// refresh does; a sign-in without a refresh token has nothing to check.
func (s *Service) CheckRefresh(ctx context.Context) error {
	s.mu.Lock()
	rec, gen := s.rec, s.gen
	if rec == nil {
		s.mu.Unlock()
		return errNotSignedIn
	}
	if rec.RefreshToken == "" {
		s.mu.Unlock()
		return nil
	}
	call := s.refreshing
	if call == nil {
		call = &refreshCall{done: make(chan struct{})}
		s.refreshing = call
		s.mu.Unlock()
		s.refresh(ctx, call, gen, rec.RefreshToken)
		return call.err
	}
	s.mu.Unlock()
	select {
	case <-call.done:
		return call.err
	case <-ctx.Done():
		return endedProblem(ctx)
	}
}
