package bridge

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// Bound stands in for the app's bound struct: one method of each shape Wails binds.
type Bound struct{ calls int }

func (b *Bound) Greet(name string) (string, error) {
	b.calls++
	if name == "" {
		return "", errors.New(`{"code":"x.empty","message":"No name."}`)
	}
	return "hello " + name, nil
}
func (b *Bound) Sum(a, c int) int              { return a + c }
func (b *Bound) Fail() error                   { return errors.New("it failed") }
func (b *Bound) Nothing()                      { b.calls++ }
func (b *Bound) Pair() (map[string]int, error) { return map[string]int{"a": 1}, nil }

type bridgeUnderTest struct {
	srv   *Server
	bound *Bound
	port  string
	base  string // http://127.0.0.1:PORT
}

// start serves a bridge on a real loopback listener.
func start(t *testing.T) *bridgeUnderTest {
	t.Helper()
	assets := fstest.MapFS{
		"index.html":    {Data: []byte("<!doctype html><html><head><title>t</title></head><body></body></html>")},
		"assets/app.js": {Data: []byte("console.log('app')")},
	}
	b := &Bound{}
	srv, err := New(assets, b)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	return &bridgeUnderTest{srv: srv, bound: b, port: port, base: "http://127.0.0.1:" + port}
}

// req sends method path with the given headers; "Host" in headers replaces the Host header.
func (b *bridgeUnderTest) req(t *testing.T, method, path, body string, headers map[string]string) (*http.Response, string) {
	t.Helper()
	r, err := http.NewRequest(method, b.base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		if k == "Host" {
			r.Host = v
		} else {
			r.Header.Set(k, v)
		}
	}
	res, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.Header.Get("Content-Type") == "text/event-stream" {
		return res, "(an event stream)" // open until the server ends it: do not read it
	}
	got, _ := io.ReadAll(res.Body)
	return res, string(got)
}

// own are the headers Chromium sends on the shim's fetch from the bridge's own page.
func (b *bridgeUnderTest) own() map[string]string {
	return map[string]string{
		"Origin": b.base, "Sec-Fetch-Site": "same-origin", "Content-Type": "application/json", CallHeader: "1",
	}
}

func with(h map[string]string, k, v string) map[string]string {
	out := map[string]string{}
	for a, b := range h {
		out[a] = b
	}
	if v == "" {
		delete(out, k)
	} else {
		out[k] = v
	}
	return out
}

type result struct {
	Result json.RawMessage `json:"result"`
	Error  string          `json:"error"`
}

func decode(t *testing.T, body string) result {
	t.Helper()
	var r result
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("not a call result: %q", body)
	}
	return r
}

func TestSameOriginCallResolvesWithTheResult(t *testing.T) {
	b := start(t)
	for _, base := range []string{b.base, "http://localhost:" + b.port} {
		h := with(b.own(), "Origin", base)
		h["Host"] = strings.TrimPrefix(base, "http://")
		res, body := b.req(t, "POST", CallPath, `{"name":"bridge.Bound.Greet","args":["Ann"]}`, h)
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d: %s", base, res.StatusCode, body)
		}
		if r := decode(t, body); string(r.Result) != `"hello Ann"` || r.Error != "" {
			t.Fatalf("%s: got %s", base, body)
		}
	}
	_, body := b.req(t, "POST", CallPath, `{"name":"bridge.Bound.Sum","args":[2,3]}`, b.own())
	if r := decode(t, body); string(r.Result) != "5" {
		t.Fatalf("Sum: %s", body)
	}
	_, body = b.req(t, "POST", CallPath, `{"name":"bridge.Bound.Pair","args":[]}`, b.own())
	if r := decode(t, body); string(r.Result) != `{"a":1}` {
		t.Fatalf("Pair: %s", body)
	}
	_, body = b.req(t, "POST", CallPath, `{"name":"bridge.Bound.Nothing","args":[]}`, b.own())
	if r := decode(t, body); string(r.Result) != "null" || r.Error != "" {
		t.Fatalf("Nothing: %s", body)
	}
}

// A bulk list file (20 MB at most, base64 in the call) fits in a call; far more does not.
func TestACallCarriesABulkListFile(t *testing.T) {
	b := start(t)
	name := strings.Repeat("x", 27<<20)
	res, body := b.req(t, "POST", CallPath, `{"name":"bridge.Bound.Greet","args":["`+name+`"]}`, b.own())
	if r := decode(t, body); res.StatusCode != 200 || len(r.Result) != len(name)+len(`"hello "`) {
		t.Fatalf("status %d, %d bytes", res.StatusCode, len(body))
	}
	res, _ = b.req(t, "POST", CallPath, `{"name":"bridge.Bound.Greet","args":["`+strings.Repeat("x", 65<<20)+`"]}`, b.own())
	if res.StatusCode != http.StatusBadRequest {
		t.Fatalf("a call over the limit: status %d", res.StatusCode)
	}
}

// frontend/src/lib/api decodes a problem from the rejection's text, so the error must arrive
// as err.Error() unchanged, as Wails sends it.
func TestCallErrorArrivesAsItsText(t *testing.T) {
	b := start(t)
	_, body := b.req(t, "POST", CallPath, `{"name":"bridge.Bound.Greet","args":[""]}`, b.own())
	if r := decode(t, body); r.Error != `{"code":"x.empty","message":"No name."}` {
		t.Fatalf("got %s", body)
	}
	_, body = b.req(t, "POST", CallPath, `{"name":"bridge.Bound.Fail","args":[]}`, b.own())
	if r := decode(t, body); r.Error != "it failed" {
		t.Fatalf("got %s", body)
	}
	_, body = b.req(t, "POST", CallPath, `{"name":"bridge.Bound.Sum","args":[1]}`, b.own())
	if r := decode(t, body); !strings.Contains(r.Error, "expected 2") {
		t.Fatalf("wrong argument count: %s", body)
	}
	_, body = b.req(t, "POST", CallPath, `{"name":"bridge.Bound.Missing","args":[]}`, b.own())
	if r := decode(t, body); !strings.Contains(r.Error, "not registered") {
		t.Fatalf("unknown method: %s", body)
	}
}

func TestPageCarriesTheRuntimeAndTheMethodTable(t *testing.T) {
	b := start(t)
	res, page := b.req(t, "GET", "/", "", map[string]string{"Sec-Fetch-Site": "none"})
	if res.StatusCode != 200 || !strings.Contains(page, `<head><script src="`+RuntimePath+`"></script><title>`) {
		t.Fatalf("status %d, page %q", res.StatusCode, page)
	}
	if res.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("the page may be framed by other sites")
	}
	_, rt := b.req(t, "GET", RuntimePath, "", nil)
	for _, want := range []string{`"bridge":{"Bound":[`, `"Greet"`, `"Nothing"`, "window.go = go", "EventsOnMultiple", "ClipboardSetText", CallHeader} {
		if !strings.Contains(rt, want) {
			t.Errorf("runtime lacks %q", want)
		}
	}
	if res, body := b.req(t, "GET", "/assets/app.js", "", map[string]string{"Sec-Fetch-Site": "same-origin"}); res.StatusCode != 200 || body != "console.log('app')" {
		t.Errorf("asset: %d %q", res.StatusCode, body)
	}
}

// Another site's page, whatever it asks for, gets 403 and calls nothing.
func TestForeignOriginIsRefused(t *testing.T) {
	b := start(t)
	for _, origin := range []string{"http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:" + b.port, "http://127.0.0.1.evil.example:" + b.port} {
		for _, c := range []struct{ method, path string }{
			{"GET", "/"}, {"GET", "/assets/app.js"}, {"GET", RuntimePath}, {"GET", EventsPath}, {"POST", CallPath},
		} {
			res, body := b.req(t, c.method, c.path, `{"name":"bridge.Bound.Nothing","args":[]}`, with(b.own(), "Origin", origin))
			if res.StatusCode != 403 {
				t.Errorf("Origin %s: %s %s answered %d: %.80s", origin, c.method, c.path, res.StatusCode, body)
			}
		}
	}
	if b.bound.calls != 0 {
		t.Fatalf("a foreign page called the app %d times", b.bound.calls)
	}
}

// DNS rebinding: a name the attacker controls resolves to 127.0.0.1, so the browser treats the
// bridge as that name's origin and sends its own Host.
func TestForeignHostIsRefused(t *testing.T) {
	b := start(t)
	for _, host := range []string{"evil.example:" + b.port, "evil.example", "127.0.0.1", "localhost.evil.example:" + b.port, "[::1]:" + b.port} {
		for _, c := range []struct{ method, path string }{
			{"GET", "/"}, {"GET", RuntimePath}, {"GET", EventsPath}, {"POST", CallPath},
		} {
			h := with(b.own(), "Origin", "http://"+host)
			h["Host"] = host
			res, _ := b.req(t, c.method, c.path, `{"name":"bridge.Bound.Nothing","args":[]}`, h)
			if res.StatusCode != 403 {
				t.Errorf("Host %s: %s %s answered %d", host, c.method, c.path, res.StatusCode)
			}
		}
	}
	if b.bound.calls != 0 {
		t.Fatalf("a rebound page called the app %d times", b.bound.calls)
	}
}

// A cross-site form post or no-cors fetch sends no custom header (and, in some browsers, no
// Origin); a call must carry the header even from the right origin.
func TestCallWithoutTheBridgeHeaderIsRefused(t *testing.T) {
	b := start(t)
	for name, h := range map[string]map[string]string{
		"no header, own origin": with(b.own(), CallHeader, ""),
		"no header, no origin":  with(with(b.own(), CallHeader, ""), "Origin", ""),
		"form post":             {"Content-Type": "application/x-www-form-urlencoded"},
		"wrong header value":    with(b.own(), CallHeader, "yes"),
		"preflight":             {"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
	} {
		method := "POST"
		if name == "preflight" {
			method = "OPTIONS"
		}
		res, body := b.req(t, method, CallPath, `{"name":"bridge.Bound.Nothing","args":[]}`, h)
		if res.StatusCode != 403 {
			t.Errorf("%s: answered %d: %s", name, res.StatusCode, body)
		}
		if res.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s: CORS allowed", name)
		}
	}
	if b.bound.calls != 0 {
		t.Fatalf("the app was called %d times", b.bound.calls)
	}
}

// A page on another port of this computer is "same-site" but another origin; a cross-site
// <script>, <img> or frame sends no Origin at all, only Sec-Fetch-Site.
func TestOtherSitesCannotLoadThePageOrFrameIt(t *testing.T) {
	b := start(t)
	for _, site := range []string{"cross-site", "same-site"} {
		for _, path := range []string{"/", RuntimePath, "/assets/app.js", EventsPath} {
			res, _ := b.req(t, "GET", path, "", map[string]string{"Sec-Fetch-Site": site})
			if res.StatusCode != 403 {
				t.Errorf("Sec-Fetch-Site %s: %s answered %d", site, path, res.StatusCode)
			}
		}
	}
}

func TestEventsReachTheOwnPage(t *testing.T) {
	b := start(t)
	r, err := http.NewRequest("GET", b.base+EventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	lines := bufio.NewReader(res.Body)
	if l, _ := lines.ReadString('\n'); l != ": connected\n" {
		t.Fatalf("first line %q", l)
	}
	b.srv.Emit("auth:url", "http://127.0.0.1:9/o/oauth2/auth?x=1")
	b.srv.Emit("ping")
	var got []string
	for len(got) < 2 {
		l, err := lines.ReadString('\n')
		if err != nil {
			t.Fatalf("stream ended: %v (got %v)", err, got)
		}
		if strings.HasPrefix(l, "data: ") {
			got = append(got, strings.TrimSpace(strings.TrimPrefix(l, "data: ")))
		}
	}
	want := []string{`{"name":"auth:url","data":["http://127.0.0.1:9/o/oauth2/auth?x=1"]}`, `{"name":"ping","data":[]}`}
	if got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("got %v, want %v", got, want)
	}

	// Ctrl+C: Shutdown must end an open stream rather than wait for the page to leave.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := b.srv.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown with an open event stream: %v", err)
	}
	if _, err := io.ReadAll(lines); err != nil {
		t.Fatalf("the stream did not end cleanly: %v", err)
	}
}

func TestServeRefusesANonLoopbackListener(t *testing.T) {
	srv, err := New(fstest.MapFS{}, &Bound{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "0.0.0.0:0")
	if err != nil {
		t.Skip("no wildcard listener:", err)
	}
	defer ln.Close()
	if err := srv.Serve(ln); err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Fatalf("Serve on %s: %v", ln.Addr(), err)
	}
}

func TestNewRefusesWhatCannotBeBound(t *testing.T) {
	if _, err := New(fstest.MapFS{}, Bound{}); err == nil {
		t.Error("a struct value was bound")
	}
	if _, err := New(fstest.MapFS{}, &badReturns{}); err == nil {
		t.Error("a method returning (int, int) was bound")
	}
}

type badReturns struct{}

func (badReturns) Two() (int, int) { return 1, 2 }
