// Package problem holds the one error shape that crosses from the backend to the user:
// a stable code the frontend translates (en/ru catalogues), an English sentence and fix as
// fallback, and technical detail for a "details" disclosure. Wails hands Go errors to JS as
// strings, so Error() is the JSON encoding and the frontend decodes it.
package problem

import (
	"encoding/json"
	"errors"
)

// Problem is a user-facing error. Code is stable and namespaced ("chat.already_member");
// Params fill placeholders in the translated text ({email}, {space}).
// Detail never holds tokens or client secrets.
type Problem struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fix     string            `json:"fix,omitempty"`
	Params  map[string]string `json:"params,omitempty"`
	Detail  string            `json:"detail,omitempty"`
	// Retryable says trying the same thing again later may work (network, quota).
	Retryable bool `json:"retryable,omitempty"`
}

// New builds a Problem.
func New(code, message, fix string) *Problem {
	return &Problem{Code: code, Message: message, Fix: fix}
}

// With returns a copy carrying one more placeholder value.
func (p *Problem) With(key, value string) *Problem {
	q := *p
	q.Params = make(map[string]string, len(p.Params)+1)
	for k, v := range p.Params {
		q.Params[k] = v
	}
	q.Params[key] = value
	return &q
}

// WithDetail returns a copy carrying technical detail.
func (p *Problem) WithDetail(detail string) *Problem {
	q := *p
	q.Detail = detail
	return &q
}

// Error is the JSON form, so the frontend can decode what Wails passes as a string.
func (p *Problem) Error() string {
	b, err := json.Marshal(p)
	if err != nil {
		return p.Message
	}
	return string(b)
}

// As finds a Problem in err's chain.
func As(err error) (*Problem, bool) {
	var p *Problem
	if errors.As(err, &p) {
		return p, true
	}
	return nil, false
}

// CodeOf returns the problem code in err's chain, or "" when there is none.
func CodeOf(err error) string {
	if p, ok := As(err); ok {
		return p.Code
	}
	return ""
}

// Internal wraps an unexpected error so it still reads as a sentence with a next step.
func Internal(err error) *Problem {
	if p, ok := As(err); ok {
		return p
	}
	return &Problem{
		Code:    "internal",
		Message: "Something unexpected went wrong.",
		Fix:     "Try again. If it keeps happening, restart Chat Members.",
		Detail:  err.Error(),
	}
}
