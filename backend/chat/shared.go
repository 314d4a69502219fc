package chat

// What other packages that call Google APIs (backend/directory) reuse from this one, so that
// every Google call in the app retries and explains failures the same way.

import (
	"context"

	"chatmembers/backend/problem"
)

// Retrier retries transient failures of one Google API call by a RetryPolicy and bounds calls
// without a deadline, exactly as a Service does (retry.go). Safe for concurrent use.
type Retrier struct{ r *retrier }

// NewRetrier builds a Retrier; the zero RetryPolicy is the default one.
func NewRetrier(p RetryPolicy) *Retrier { return &Retrier{newRetrier(p)} }

// Bound gives ctx the policy's deadline if it has none.
func (r *Retrier) Bound(ctx context.Context) (context.Context, context.CancelFunc) {
	return r.r.bound(ctx)
}

// Run calls call until it succeeds, fails for good or retries are used up (see RetryPolicy).
func (r *Retrier) Run(ctx context.Context, call func() error) error { return r.r.run(ctx, call) }

// ProblemOf turns an error from any Google API client (or from Run) into a plain-language
// problem: signed out, network, quota, Google unavailable, a missing scope (Params["scope"] =
// scope, a short scope name) and so on. Callers handle their API's own 403/404 meanings first.
func ProblemOf(err error, scope string) *problem.Problem {
	return toProblem(err, call{scope: scope})
}
