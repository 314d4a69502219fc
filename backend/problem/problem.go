// Package problem holds the one error shape that crosses from the backend to the user:
// a stable code the frontend translates (en/ru catalogues), an English sentence and fix as
// fallback, and technical detail for a "details" disclosure. Wails hands Go errors to JS as
// strings, so Error() is the JSON encoding and the frontend decodes it.
//
// Every problem is defined once, by New, in the package that returns it; that package lists its
// definitions in a Problems function, and cmd/problemgen writes them all, with their English
// texts, into the frontend (frontend/src/lib/api/problems.gen.ts). English texts name their
// parameters as {name}; With fills them.
package problem

import (
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strings"
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

	// def is the definition this problem was made from: its English templates, which With
	// fills again as parameters arrive.
	def *Def
}

// Def is the definition of a problem as the generator sees it: the code, the English message
// and fix with {name} placeholders, and every parameter a translation may use.
type Def struct {
	Code    string
	Message string
	Fix     string
	Params  []string
}

var placeholder = regexp.MustCompile(`\{(\w+)\}`)

// New defines a problem: its code, English message and fix (which may name {parameters}),
// and further parameters the problem carries for translations without naming them in English.
// Packages call it once per code, at package level, and return copies (With, WithDetail).
func New(code, message, fix string, params ...string) *Problem {
	d := &Def{Code: code, Message: message, Fix: fix}
	for _, m := range placeholder.FindAllStringSubmatch(message+" "+fix, -1) {
		params = append(params, m[1])
	}
	slices.Sort(params)
	d.Params = slices.Compact(params)
	return &Problem{Code: code, Message: message, Fix: fix, def: d}
}

// Def returns the definition the problem was made from.
func (p *Problem) Def() Def {
	if p.def == nil {
		return Def{Code: p.Code, Message: p.Message, Fix: p.Fix}
	}
	return *p.def
}

// AsRetryable returns a copy that says trying again later may work.
func (p *Problem) AsRetryable() *Problem {
	q := *p
	q.Retryable = true
	return &q
}

// With returns a copy carrying one more placeholder value, filled into the English texts.
func (p *Problem) With(key, value string) *Problem {
	q := *p
	q.Params = make(map[string]string, len(p.Params)+1)
	for k, v := range p.Params {
		q.Params[k] = v
	}
	q.Params[key] = value
	if q.def != nil {
		q.Message, q.Fix = fill(q.def.Message, q.Params), fill(q.def.Fix, q.Params)
	}
	return &q
}

func fill(text string, params map[string]string) string {
	return placeholder.ReplaceAllStringFunc(text, func(whole string) string {
		if v, ok := params[strings.Trim(whole, "{}")]; ok {
			return v
		}
		return whole
	})
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

var errInternal = New("internal",
	"Something unexpected went wrong.",
	"Try again. If it keeps happening, restart Chat Members.")

// Problems lists the problems this package defines.
func Problems() []*Problem { return []*Problem{errInternal} }

// Internal wraps an unexpected error so it still reads as a sentence with a next step.
func Internal(err error) *Problem {
	if p, ok := As(err); ok {
		return p
	}
	return errInternal.WithDetail(err.Error())
}
