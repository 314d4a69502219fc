package emulator

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// A client that sends its headers and then trickles (or stops sending) the body must not hold a
// connection and a handler forever: the server cuts it off after Options.ReadTimeout.
func TestSlowRequestBodyIsCutOff(t *testing.T) {
	srv, err := Start("127.0.0.1:0", Options{ReadTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	for _, path := range []string{"/v1/spaces/AAAAq3Tz9Ek/members", "/token"} {
		t.Run(path, func(t *testing.T) {
			conn, err := net.Dial("tcp", srv.listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			_, err = io.WriteString(conn, "POST "+path+" HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x\r\n"+
				"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"member\":")
			if err != nil {
				t.Fatal(err)
			}
			// The rest of the body never comes. A generous limit, far beyond ReadTimeout, tells a
			// server that cuts the connection from one that waits forever.
			_ = conn.SetReadDeadline(time.Now().Add(20 * time.Second))
			_, err = io.Copy(io.Discard, bufio.NewReader(conn))
			if errors.Is(err, os.ErrDeadlineExceeded) {
				t.Fatal("the server still holds a connection whose body stalled")
			}
		})
	}
}

// Consent pages nobody answers are capped: a flood of authorization requests keeps at most
// maxPendingConsent, dropping the oldest, and the newest page still works.
func TestPendingConsentPagesCapped(t *testing.T) {
	srv, clk := startOAuth(t)
	cfg := demoConfig(srv, 0, "openid", testScopeSpaces)
	first := ""
	for i := range maxPendingConsent + 50 {
		clk.Add(time.Millisecond) // pages opened one after another
		resp, err := noRedirect.Get(cfg.AuthCodeURL("s"))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("authorize %d: HTTP %d", i, resp.StatusCode)
		}
		if i == 0 {
			first = string(requestIDRe.FindSubmatch(body)[1])
		}
		srv.mu.Lock()
		n := len(srv.oauth.pending)
		srv.mu.Unlock()
		if n > maxPendingConsent {
			t.Fatalf("after %d authorization requests %d consent pages are kept, cap %d", i+1, n, maxPendingConsent)
		}
	}
	srv.mu.Lock()
	_, kept := srv.oauth.pending[first]
	srv.mu.Unlock()
	if kept {
		t.Error("the oldest consent page was not the one dropped")
	}
	// The newest page is still answerable.
	if q := consent(t, cfg.AuthCodeURL("s"), "ada@example.com", "allow"); q.Get("code") == "" {
		t.Errorf("consent after the flood gave %v", q)
	}
}

// A consent page holds what its URL carried: an authorization request with a 200 KB state is
// refused before it is parsed, so the cap above bounds memory too.
func TestOversizedAuthorizationRefused(t *testing.T) {
	srv, _ := startOAuth(t)
	cfg := demoConfig(srv, 0, "openid", testScopeSpaces)
	resp, err := noRedirect.Get(cfg.AuthCodeURL(strings.Repeat("s", 200<<10)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("HTTP %d, want 431", resp.StatusCode)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if n := len(srv.oauth.pending); n != 0 {
		t.Errorf("%d consent pages pending", n)
	}
}
