package retrydelay

import (
	"net/http"
	"testing"
	"time"
)

const retryInfo3s = `{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[` +
	`{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED"},` +
	`{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"3s"}]}}`

// Asked reads Retry-After in seconds and Google's RetryInfo, takes the longer, and ignores what
// it cannot read.
func TestAsked(t *testing.T) {
	h := func(v string) http.Header { return http.Header{"Retry-After": {v}} }
	for _, c := range []struct {
		name   string
		header http.Header
		body   string
		want   time.Duration
	}{
		{"nothing", http.Header{}, `{"error":{"code":429}}`, 0},
		{"retry-after seconds", h("7"), "", 7 * time.Second},
		{"retry-after garbage", h("soon"), "", 0},
		{"retryinfo", http.Header{}, retryInfo3s, 3 * time.Second},
		{"retryinfo fraction", http.Header{}, `{"error":{"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"0.250s"}]}}`, 250 * time.Millisecond},
		{"retryinfo not a proto duration", http.Header{}, `{"error":{"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"3m"}]}}`, 0},
		{"longer of both: header", h("9"), retryInfo3s, 9 * time.Second},
		{"longer of both: body", h("1"), retryInfo3s, 3 * time.Second},
		{"body not json", http.Header{}, "google.rpc.RetryInfo <html>", 0},
	} {
		if got := Asked(c.header, []byte(c.body)); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// A Retry-After HTTP date is the time until then (the margin covers the test's own run).
func TestAskedHTTPDate(t *testing.T) {
	at := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	got := Asked(http.Header{"Retry-After": {at}}, nil)
	if got < 58*time.Minute || got > time.Hour {
		t.Errorf("Retry-After %s: %v, want about an hour", at, got)
	}
	past := time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)
	if got := Asked(http.Header{"Retry-After": {past}}, nil); got != 0 {
		t.Errorf("Retry-After in the past: %v, want 0", got)
	}
}
