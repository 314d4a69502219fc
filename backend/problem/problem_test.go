package problem

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
)

// The frontend decodes the string Wails passes for a Go error: it must be the Problem's JSON.
func TestErrorIsTheJSONTheFrontendDecodes(t *testing.T) {
	p := New("chat.invalid_email", "That isn't an email address.", "Check it.").With("email", "a@@b").WithDetail("HTTP 400")
	var got Problem
	if err := json.Unmarshal([]byte(p.Error()), &got); err != nil {
		t.Fatalf("Error() is not JSON: %v", err)
	}
	if got.Code != p.Code || got.Message != p.Message || got.Fix != p.Fix || got.Params["email"] != "a@@b" || got.Detail != "HTTP 400" {
		t.Fatalf("round trip: %+v", got)
	}
}

// With and WithDetail copy: shared problem values (package-level in auth) must not change.
func TestWithDoesNotChangeTheOriginal(t *testing.T) {
	base := New("auth.secret_missing_field", "Incomplete.", "Download it again.")
	a := base.With("field", "client_id")
	b := base.With("field", "token_uri").WithDetail("x")
	if base.Params != nil || base.Detail != "" {
		t.Fatalf("base changed: %+v", base)
	}
	if a.Params["field"] != "client_id" || b.Params["field"] != "token_uri" {
		t.Fatalf("copies share params: %v %v", a.Params, b.Params)
	}
}

func TestCodeOfFindsWrappedProblems(t *testing.T) {
	err := fmt.Errorf("adding: %w", New("chat.quota", "Slow down.", "Wait."))
	if CodeOf(err) != "chat.quota" {
		t.Fatalf("CodeOf = %q", CodeOf(err))
	}
	if CodeOf(errors.New("plain")) != "" {
		t.Fatal("a plain error has a code")
	}
	if p := Internal(errors.New("boom")); p.Code != "internal" || p.Message == "" || p.Fix == "" || p.Detail != "boom" {
		t.Fatalf("Internal: %+v", p)
	}
}

// The English texts name their parameters; With fills them, and the definition keeps them.
func TestWithFillsTheEnglishTemplate(t *testing.T) {
	base := New("chat.x", "“{email}” is not an address.", "Check {email}.", "space")
	p := base.With("email", "jane")
	if p.Message != "“jane” is not an address." || p.Fix != "Check jane." {
		t.Fatalf("filled: %q %q", p.Message, p.Fix)
	}
	d := p.Def()
	if d.Message != "“{email}” is not an address." || fmt.Sprint(d.Params) != "[email space]" {
		t.Fatalf("definition: %+v", d)
	}
}
