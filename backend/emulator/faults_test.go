package emulator_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"chatmembers/backend/emulator"
)

// faultServer starts an emulator with faults and returns it with a demo admin token.
func faultServer(t *testing.T, f emulator.Faults) (*emulator.Server, string) {
	t.Helper()
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{Faults: f})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	tok, err := srv.IssueToken(emulator.DemoAdminEmail, "chat.spaces.readonly", "chat.memberships")
	if err != nil {
		t.Fatal(err)
	}
	return srv, tok
}

// send makes one request on a fresh connection and describes the outcome: "200", "503", "reset".
func send(t *testing.T, srv *emulator.Server, tok, method, path, body string) (string, *http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Close = true
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		if errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return "reset", nil, nil
		}
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return fmt.Sprint(resp.StatusCode), resp, b
}

func TestFaultsAreReproducible(t *testing.T) {
	run := func(seed uint64) ([]string, emulator.Stats) {
		srv, tok := faultServer(t, emulator.Faults{Rate: 0.3, Seed: seed})
		var out []string
		for range 60 {
			o, _, _ := send(t, srv, tok, "GET", "/v1/spaces/"+emulator.DemoInternalSpaceID, "")
			out = append(out, o)
		}
		return out, srv.Stats()
	}
	a, sa := run(7)
	b, sb := run(7)
	c, _ := run(8)
	if strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("seed 7 gave\n%v\nthen\n%v", a, b)
	}
	if strings.Join(a, " ") == strings.Join(c, " ") {
		t.Errorf("seeds 7 and 8 gave the same faults: %v", a)
	}
	failed := 0
	for _, o := range a {
		if o != "200" {
			failed++
		}
	}
	if failed != sa.FaultsInjected || sa != sb || failed < 6 || failed > 36 {
		t.Errorf("%d of 60 requests failed, stats %+v: want about 30 %%", failed, sa)
	}
}

// A fault after handling: the membership is created, the client is told it failed, and a second
// create meets ALREADY_EXISTS.
func TestFaultAfterHandlingKeepsTheChange(t *testing.T) {
	for _, kind := range []emulator.FaultKind{emulator.FaultTimeoutAfter, emulator.FaultUnavailableAfter,
		emulator.FaultInternalAfter, emulator.FaultResetAfter} {
		t.Run(string(kind), func(t *testing.T) {
			srv, tok := faultServer(t, emulator.Faults{Rate: 1, Kinds: []emulator.FaultKind{kind}, Limit: 1})
			body := `{"member":{"name":"users/` + emulator.DemoJoinerEmail + `","type":"HUMAN"}}`
			path := "/v1/spaces/" + emulator.DemoInternalSpaceID + "/members"
			if o, _, _ := send(t, srv, tok, "POST", path, body); o == "200" {
				t.Fatalf("first create %s, want a fault", o)
			}
			if st := srv.Stats(); st.MembershipsCreated != 1 || st.FaultsInjected != 1 {
				t.Errorf("stats %+v after a fault after handling", st)
			}
			if o, _, b := send(t, srv, tok, "POST", path, body); o != "409" {
				t.Errorf("second create %s %s, want 409", o, b)
			}
		})
	}
}

// A fault before handling changes nothing.
func TestFaultBeforeHandlingChangesNothing(t *testing.T) {
	for _, kind := range []emulator.FaultKind{emulator.FaultQuota, emulator.FaultInternal, emulator.FaultBadGateway,
		emulator.FaultUnavailable, emulator.FaultReset} {
		t.Run(string(kind), func(t *testing.T) {
			srv, tok := faultServer(t, emulator.Faults{Rate: 1, Kinds: []emulator.FaultKind{kind}, Limit: 1})
			body := `{"member":{"name":"users/` + emulator.DemoJoinerEmail + `","type":"HUMAN"}}`
			path := "/v1/spaces/" + emulator.DemoInternalSpaceID + "/members"
			o, _, _ := send(t, srv, tok, "POST", path, body)
			want := strings.TrimSuffix(string(kind), "-after")
			if o != want {
				t.Fatalf("create %s, want %s", o, want)
			}
			if st := srv.Stats(); st.MembershipsCreated != 0 {
				t.Errorf("stats %+v after a fault before handling", st)
			}
			if o, _, b := send(t, srv, tok, "POST", path, body); o != "200" {
				t.Errorf("second create %s %s, want 200", o, b)
			}
		})
	}
}

// The 429 is Google's: RESOURCE_EXHAUSTED with a RetryInfo detail and a Retry-After header.
func TestFaultQuotaShape(t *testing.T) {
	srv, tok := faultServer(t, emulator.Faults{Rate: 1, Kinds: []emulator.FaultKind{emulator.FaultQuota},
		RetryAfter: 1500 * time.Millisecond})
	o, resp, b := send(t, srv, tok, "GET", "/v1/spaces", "")
	if o != "429" || resp.Header.Get("Retry-After") != "2" {
		t.Fatalf("%s Retry-After %q", o, resp.Header.Get("Retry-After"))
	}
	var body struct {
		Error struct {
			Code    int
			Status  string
			Details []map[string]any
		}
	}
	if err := json.Unmarshal(b, &body); err != nil {
		t.Fatal(err)
	}
	var delay any
	for _, d := range body.Error.Details {
		if d["@type"] == "type.googleapis.com/google.rpc.RetryInfo" {
			delay = d["retryDelay"]
		}
	}
	if body.Error.Code != 429 || body.Error.Status != "RESOURCE_EXHAUSTED" || delay != "1.500s" {
		t.Errorf("body %s", b)
	}
	// OAuth is never faulted.
	if _, err := srv.IssueToken(emulator.DemoAdminEmail, "chat.memberships"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(srv.URL() + "/oauth2/v3/certs")
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("certs: %v %v", resp, err)
	}
	resp.Body.Close()
}

func TestFaultsValidate(t *testing.T) {
	for _, f := range []emulator.Faults{{Rate: -0.1}, {Rate: 1.5}, {Rate: 0.5, Kinds: []emulator.FaultKind{"418"}}} {
		if _, err := emulator.Start("127.0.0.1:0", emulator.Options{Faults: f}); err == nil {
			t.Errorf("%+v accepted", f)
		}
	}
}
