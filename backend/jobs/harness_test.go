package jobs

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/journal"
	"chatmembers/backend/schedule"
)

// The tests run jobs against the emulator over real HTTP. The emulator is served behind a
// recorder of every spaces.members.create: per (space, member), how many created a membership
// (200) and how many met one that existed (409 ALREADY_EXISTS). With faults only of the kinds
// that fail before handling (nothing changed), a 409 can only be a second create of a row that
// was carried out: a duplicate.

var admin = journal.Account{ID: "sub-admin", Email: emulator.DemoAdminEmail}

var scopes = []string{"chat.spaces.readonly", "chat.memberships"}

// beforeFaults fail before the emulator handles the request: nothing was changed.
var beforeFaults = []emulator.FaultKind{emulator.FaultQuota, emulator.FaultInternal, emulator.FaultBadGateway,
	emulator.FaultUnavailable, emulator.FaultReset}

type creates struct {
	mu      sync.Mutex
	created map[string]int // space|member -> 200s
	dup     map[string]int // space|member -> 409s
	posts   int
	// hook, if set, runs for the n-th create before it is handled; it may handle it itself with
	// lost (the change is made, the answer is dropped) and returns whether it did, or leave it.
	hook func(n int, key string, lost func()) (handled bool)
}

var createPath = regexp.MustCompile(`^/v1/(spaces/[^/]+)/members$`)

// wrap records creates and lets hook take over a request.
func (c *creates) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m := createPath.FindStringSubmatch(r.URL.Path)
		if r.Method != http.MethodPost || m == nil {
			h.ServeHTTP(w, r)
			return
		}
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		var in struct {
			Member struct{ Name string } `json:"member"`
		}
		_ = json.Unmarshal(body, &in)
		key := m[1] + "|" + in.Member.Name
		c.mu.Lock()
		c.posts++
		n, hook := c.posts, c.hook
		c.mu.Unlock()
		if hook != nil && hook(n, key, func() {
			// Handled into a buffer: the answer is lost, as when the caller dies meanwhile.
			b := &bufferWriter{header: http.Header{}}
			h.ServeHTTP(b, r)
			c.count(key, b.status)
		}) {
			return
		}
		rec := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		c.count(key, rec.status)
	})
}

func (c *creates) count(key string, status int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch status {
	case http.StatusOK:
		c.created[key]++
	case http.StatusConflict:
		c.dup[key]++
	}
}

// statusWriter remembers the status and lets a fault reset the connection.
type statusWriter struct {
	http.ResponseWriter
	status   int
	hijacked bool
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

func (s *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	s.hijacked = true
	return s.ResponseWriter.(http.Hijacker).Hijack()
}

type bufferWriter struct {
	header http.Header
	status int
}

func (b *bufferWriter) Header() http.Header { return b.header }
func (b *bufferWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return len(p), nil
}
func (b *bufferWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

type world struct {
	srv     *emulator.Server
	url     string
	creates *creates
	data    *emulator.Dataset
}

// newWorld serves an organisation of `users` people and `spaces` spaces with faults.
func newWorld(t testing.TB, spaces, users int, faults emulator.Faults) *world {
	t.Helper()
	data := emulator.GenerateDataset(spaces, users)
	srv := emulator.New(emulator.Options{Data: data, Faults: faults})
	c := &creates{created: map[string]int{}, dup: map[string]int{}}
	hs := httptest.NewServer(c.wrap(srv.Handler()))
	t.Cleanup(hs.Close)
	srv.SetBaseURL(hs.URL)
	return &world{srv: srv, url: hs.URL, creates: c, data: data}
}

// items are every person of the organisation but the admin into every space they are not in.
func (w *world) items(limit int) []bulk.Item {
	in := map[string]bool{}
	for _, m := range w.data.Memberships {
		in[m.SpaceID+"|"+m.UserID] = true
	}
	var out []bulk.Item
	for _, u := range w.data.Users[1:] {
		for _, sp := range w.data.Spaces {
			if in[sp.ID+"|"+u.ID] || len(out) == limit {
				continue
			}
			out = append(out, bulk.Item{Op: bulk.OpAdd, Space: "spaces/" + sp.ID, Member: "users/" + u.Email,
				Kind: chat.KindPerson, Role: chat.RoleMember})
		}
	}
	return out
}

// fastRetry keeps the chat client's retries within milliseconds.
var fastRetry = chat.RetryPolicy{Base: 2 * time.Millisecond, Max: 10 * time.Millisecond, Attempts: 8, Timeout: time.Minute}

func chatService(t testing.TB, url, tok string) *chat.Service {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok}), Base: tr}}
	svc, err := chat.New(context.Background(), hc, url+"/")
	if err != nil {
		t.Fatal(err)
	}
	return svc.WithCallerEmail(emulator.DemoAdminEmail).WithRetry(fastRetry)
}

// fastLimits: Google's quota at a time scale that runs 300 writes in a fraction of a second.
func fastLimits() schedule.Limits {
	l := schedule.Google()
	l.TimeScale = 600
	return l
}

func (w *world) token(t testing.TB) string {
	t.Helper()
	tok, err := w.srv.IssueToken(emulator.DemoAdminEmail, scopes...)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func (w *world) deps(t testing.TB, db *journal.DB) Deps {
	return Deps{Account: admin, Chat: chatService(t, w.url, w.token(t)), Journal: db, Schedule: schedule.New(fastLimits())}
}

// checkExactlyOnce: every row done, every person in their space, each created once, no 409.
func (w *world) checkExactlyOnce(t *testing.T, db *journal.DB, job int64, items []bulk.Item) {
	t.Helper()
	rows, err := db.Rows(job)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.State != journal.RowDone {
			t.Errorf("row %d (%s): %s %s", r.Index, r.Item.Key(), r.State, r.Problem)
		}
	}
	w.creates.mu.Lock()
	defer w.creates.mu.Unlock()
	for _, it := range items {
		if n := w.creates.created[it.Key()]; n != 1 {
			t.Errorf("%s created %d times", it.Key(), n)
		}
	}
	if d := len(w.creates.dup); d != 0 {
		t.Errorf("%d rows were sent again after they were carried out (409): %v", d, w.creates.dup)
	}
	// The memberships as Google has them.
	svc := chatService(t, w.url, w.token(t))
	for _, it := range items {
		if _, found, err := svc.FindMember(context.Background(), it.Space, it.Member, false); err != nil || !found {
			t.Errorf("%s: not a member at the end (%v)", it.Key(), err)
		}
	}
}

func (c *creates) duplicates() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, v := range c.dup {
		n += v
	}
	return n
}
