// Package retrydelay reads the wait Google asks for when it refuses a request (a 429 quota
// refusal, a 503): the one rule that both the Chat client's retrier (backend/chat) and the
// scheduler's transport (backend/schedule) follow.
package retrydelay

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Asked is the longer of the Retry-After header (seconds, or an HTTP date) and Google's
// google.rpc.RetryInfo detail in the error body
// ({"error":{"details":[{"@type":".../google.rpc.RetryInfo","retryDelay":"3s"}]}}); 0 when
// neither is there or readable.
func Asked(h http.Header, body []byte) time.Duration {
	var d time.Duration
	if ra := strings.TrimSpace(h.Get("Retry-After")); ra != "" {
		if allDigits(ra) {
			if n, err := strconv.ParseInt(ra, 10, 64); err == nil && n < 1<<31 {
				d = time.Duration(n) * time.Second
			}
		} else if t, err := http.ParseTime(ra); err == nil {
			d = max(time.Until(t), 0)
		}
	}
	return max(d, retryInfo(body))
}

func retryInfo(body []byte) time.Duration {
	if !bytes.Contains(body, []byte("google.rpc.RetryInfo")) {
		return 0
	}
	var b struct {
		Error struct {
			Details []struct {
				Type       string `json:"@type"`
				RetryDelay string `json:"retryDelay"`
			} `json:"details"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &b) != nil {
		return 0
	}
	var d time.Duration
	for _, x := range b.Error.Details {
		if x.Type != "type.googleapis.com/google.rpc.RetryInfo" {
			continue
		}
		// A proto3 JSON Duration: "3s", "0.250s"; time.ParseDuration reads it.
		if v, err := time.ParseDuration(x.RetryDelay); err == nil && v > 0 && strings.HasSuffix(x.RetryDelay, "s") {
			d = max(d, v)
		}
	}
	return d
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
