package emulator

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// joinBody adds DemoJoinerEmail, who is in neither space of dotPath.
const joinBody = `{"member":{"name":"users/` + DemoJoinerEmail + `","type":"HUMAN"}}`

// dotPath names the members of DemoInternalSpaceID, where the admin may add people, through a
// space the admin is not in: cleaned, it would reach the internal space.
const dotPath = "/v1/spaces/" + DemoNotMemberSpaceID + "/../" + DemoInternalSpaceID + "/members"

// joined reports whether DemoJoinerEmail is in space id.
func joined(t *testing.T, srv *Server, id string) bool {
	t.Helper()
	srv.mu.Lock()
	defer srv.mu.Unlock()
	u := srv.data.UserByEmail(DemoJoinerEmail)
	sp := srv.chat.spaces[id]
	if u == nil || sp == nil {
		t.Fatalf("demo data: user %v space %v", u, sp)
	}
	return sp.members[u.ID] != nil
}

// The server New builds answers 404 for paths with dot or empty segments, rather than letting
// ServeMux clean them and redirect (307, which clients follow with the same body) to another
// resource.
func TestGuardDotSegments(t *testing.T) {
	srv := New(Options{})
	tok, err := srv.IssueToken(DemoAdminEmail, "chat.memberships", "chat.spaces.readonly")
	if err != nil {
		t.Fatal(err)
	}
	h := srv.Handler() // as New built it: the guard must be part of it
	for path, want := range map[string]int{
		"/v1/spaces/" + DemoInternalSpaceID + "/../" + DemoNotMemberSpaceID: 404,
		"/v1/spaces/" + DemoInternalSpaceID + "/./members":                  404,
		"/v1/spaces//members":                       404,
		"/v1/spaces/" + DemoInternalSpaceID + "/..": 404,
		"/v1/spaces/" + DemoInternalSpaceID:         401, // reaches the API: no token
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "http://emulator"+path, nil)
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("%s: %d, want %d", path, rec.Code, want)
		}
	}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "http://emulator"+dotPath, strings.NewReader(joinBody))
	req.Header.Set("Authorization", "Bearer "+tok)
	h.ServeHTTP(rec, req)
	if rec.Code != 404 || joined(t, srv, DemoInternalSpaceID) || joined(t, srv, DemoNotMemberSpaceID) {
		t.Fatalf("POST %s: %d %s", dotPath, rec.Code, rec.Body)
	}
}

// The same over real HTTP, with the literal "/../" on the wire: from a client that follows
// redirects, and from a raw connection.
func TestGuardDotSegmentsOverHTTP(t *testing.T) {
	srv, err := Start("127.0.0.1:0", Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	tok, err := srv.IssueToken(DemoAdminEmail, "chat.memberships", "chat.spaces.readonly")
	if err != nil {
		t.Fatal(err)
	}

	// http.Client keeps the path as given and follows a 307 with the body.
	req, err := http.NewRequest(http.MethodPost, srv.URL()+dotPath, bytes.NewReader([]byte(joinBody)))
	if err != nil {
		t.Fatal(err)
	}
	req.URL.Opaque = dotPath // sent verbatim
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 404 || resp.Request.URL.Path != dotPath {
		t.Errorf("client POST %s: %d at %s %s", dotPath, resp.StatusCode, resp.Request.URL, body)
	}
	if joined(t, srv, DemoInternalSpaceID) || joined(t, srv, DemoNotMemberSpaceID) {
		t.Fatal("the membership was created through the dot-segment path")
	}

	// A raw request, as any program could send it.
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	raw := "POST " + dotPath + " HTTP/1.1\r\nHost: " + strings.TrimPrefix(srv.URL(), "http://") +
		"\r\nAuthorization: Bearer " + tok + "\r\nContent-Type: application/json\r\nContent-Length: " +
		itoa(len(joinBody)) + "\r\nConnection: close\r\n\r\n" + joinBody
	if _, err := io.WriteString(conn, raw); err != nil {
		t.Fatal(err)
	}
	rresp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	rbody, _ := io.ReadAll(rresp.Body)
	rresp.Body.Close()
	if rresp.StatusCode != 404 || rresp.Header.Get("Location") != "" || !strings.Contains(string(rbody), `"NOT_FOUND"`) {
		t.Errorf("raw POST %s: %d Location %q %s", dotPath, rresp.StatusCode, rresp.Header.Get("Location"), rbody)
	}
	if joined(t, srv, DemoInternalSpaceID) || joined(t, srv, DemoNotMemberSpaceID) {
		t.Fatal("the membership was created through the raw dot-segment path")
	}
}
