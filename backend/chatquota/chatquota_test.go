package chatquota

import (
	"fmt"
	"testing"
	"time"
)

// Classify follows Google's quota table (../shared/reference/chat-api.md "Quotas").
func TestClassify(t *testing.T) {
	for _, c := range []struct {
		method, path string
		want         []Kind
		space        string
	}{
		{"GET", "/v1/spaces", []Kind{SpaceReads}, ""},
		{"POST", "/v1/spaces", nil, ""},
		{"GET", "/v1/spaces:search", []Kind{Searches}, ""},
		{"GET", "/v1/spaces/AAA", []Kind{SpaceReads, PerSpaceReads}, "spaces/AAA"},
		{"", "/v1/spaces/AAA", []Kind{SpaceReads, PerSpaceReads}, "spaces/AAA"},
		{"POST", "/v1/spaces/AAA/members", []Kind{MembershipWrites}, "spaces/AAA"},
		{"GET", "/v1/spaces/AAA/members", []Kind{MembershipReads, PerSpaceReads}, "spaces/AAA"},
		{"GET", "/v1/spaces/AAA/members/123", []Kind{MembershipReads, PerSpaceReads}, "spaces/AAA"},
		{"DELETE", "/v1/spaces/AAA/members/123", []Kind{MembershipWrites}, "spaces/AAA"},
		{"PATCH", "/v1/spaces/AAA/members/123", []Kind{PerSpaceWrites}, "spaces/AAA"},
		{"POST", "/v1/spaces/AAA/messages", nil, ""},
		{"POST", "/token", nil, ""},
	} {
		got, space := Classify(c.method, c.path)
		if fmt.Sprint(got) != fmt.Sprint(c.want) || space != c.space {
			t.Errorf("%s %s: %v %q, want %v %q", c.method, c.path, got, space, c.want, c.space)
		}
	}
}

// Google's figures and windows, as the reference lists them.
func TestGoogleFigures(t *testing.T) {
	for _, c := range []struct {
		k        Kind
		n        int
		window   time.Duration
		perSpace bool
	}{
		{MembershipWrites, 300, time.Minute, false},
		{MembershipReads, 3000, time.Minute, false},
		{SpaceReads, 3000, time.Minute, false},
		{Searches, 300, time.Minute, false},
		{PerSpaceReads, 15, time.Second, true},
		{PerSpaceWrites, 1, time.Second, true},
	} {
		if c.k.Google() != c.n || c.k.Window() != c.window || c.k.PerSpace() != c.perSpace {
			t.Errorf("%v: %d per %v (per space %v), want %d per %v (%v)", c.k, c.k.Google(), c.k.Window(),
				c.k.PerSpace(), c.n, c.window, c.perSpace)
		}
	}
	if len(Kinds()) != 6 {
		t.Errorf("Kinds() = %v, want 6 kinds", Kinds())
	}
}
