package emulator_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	chat "google.golang.org/api/chat/v1"
	"google.golang.org/api/googleapi"

	"chatmembers/backend/emulator"
)

// manualClock is a clock the test moves: the quotas' buckets refill only when it is advanced,
// so a test proves a window's reset without sleeping.
type manualClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *manualClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *manualClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func quotaServer(t *testing.T, q emulator.Quota, data *emulator.Dataset) (*emulator.Server, *manualClock) {
	t.Helper()
	clk := &manualClock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)}
	return startChat(t, emulator.Options{Quota: q, Now: clk.now, Data: data}), clk
}

// quotaErr asserts err is Google's quota 429 as the real client parses it: a *googleapi.Error
// with code 429, the quota's metric in the message and an ErrorInfo RATE_LIMIT_EXCEEDED.
func quotaErr(t *testing.T, err error, metric string) {
	t.Helper()
	var ge *googleapi.Error
	if !errors.As(err, &ge) {
		t.Fatalf("error %v (%T), want a *googleapi.Error", err, err)
	}
	if ge.Code != 429 || !strings.HasPrefix(ge.Message, "Quota exceeded for quota metric '"+metric+"'") ||
		!strings.Contains(ge.Message, "of service 'chat.googleapis.com' for consumer 'project_number:") {
		t.Fatalf("code %d message %q", ge.Code, ge.Message)
	}
	if !strings.Contains(ge.Body, `"status":"RESOURCE_EXHAUSTED"`) {
		t.Errorf("body %s", ge.Body)
	}
	reason := ""
	for _, d := range ge.Details {
		if m, ok := d.(map[string]any); ok && m["@type"] == "type.googleapis.com/google.rpc.ErrorInfo" {
			reason, _ = m["reason"].(string)
		}
	}
	if reason != "RATE_LIMIT_EXCEEDED" {
		t.Errorf("ErrorInfo reason %q in %v", reason, ge.Details)
	}
}

func createAs(svc *chat.Service, space, email string) error {
	_, err := svc.Spaces.Members.Create("spaces/"+space,
		&chat.Membership{Member: &chat.User{Name: "users/" + email, Type: "HUMAN"}}).Do()
	return err
}

// Membership writes: the window's allowance at once, then 429 until time refills it; a whole
// window of quiet restores all of it.
func TestQuotaMembershipWritesWindowResets(t *testing.T) {
	data := emulator.GenerateDataset(1, 60)
	srv, clk := quotaServer(t, emulator.Quota{On: true, MembershipWritesPerMinute: 10}, data)
	svc := chatAs(t, srv, emulator.DemoAdminEmail, "chat.memberships")
	space := data.Spaces[0].ID
	next := 5 // users 5.. are not in the space (GenerateDataset)
	add := func() error {
		next++
		return createAs(svc, space, fmt.Sprintf("user%05d@%s", next-1, emulator.DemoDomain))
	}
	for i := range 10 {
		if err := add(); err != nil {
			t.Fatalf("write %d of the window: %v", i+1, err)
		}
	}
	quotaErr(t, add(), "Membership write requests")
	clk.advance(6 * time.Second) // a tenth of the window: one write's worth
	if err := add(); err != nil {
		t.Fatalf("after 6 s: %v", err)
	}
	quotaErr(t, add(), "Membership write requests")
	clk.advance(time.Minute)
	for i := range 10 {
		if err := add(); err != nil {
			t.Fatalf("write %d after a quiet minute: %v", i+1, err)
		}
	}
	quotaErr(t, add(), "Membership write requests")
	st := srv.Stats()
	// A refused create changes nothing: only the 21 allowed ones created a membership.
	if st.MembershipsCreated != 21 || st.QuotaRefusals != 3 || st.DuplicateCreates != 0 {
		t.Errorf("stats %+v", st)
	}
}

// Google's per-space read limit, 15 a second, at Google's figures: the 16th spaces.get in the
// same instant is refused, another space is not affected, and the next second allows 15 again.
func TestQuotaPerSpaceReads(t *testing.T) {
	srv, clk := quotaServer(t, emulator.GoogleQuota(), nil)
	svc := chatAs(t, srv, emulator.DemoAdminEmail, "chat.spaces.readonly", "chat.memberships.readonly")
	get := func() error {
		_, err := svc.Spaces.Get("spaces/" + emulator.DemoInternalSpaceID).Do()
		return err
	}
	for i := range 15 {
		if err := get(); err != nil {
			t.Fatalf("read %d: %v", i+1, err)
		}
	}
	quotaErr(t, get(), "Per space read requests")
	// members.list reads the same space: refused too.
	_, err := svc.Spaces.Members.List("spaces/" + emulator.DemoInternalSpaceID).Do()
	quotaErr(t, err, "Per space read requests")
	// Another space has its own allowance.
	sp, err := svc.Spaces.List().Do()
	if err != nil || len(sp.Spaces) < 2 {
		t.Fatalf("spaces.list: %v", err)
	}
	other := sp.Spaces[0].Name
	if other == "spaces/"+emulator.DemoInternalSpaceID {
		other = sp.Spaces[1].Name
	}
	if _, err := svc.Spaces.Get(other).Do(); err != nil {
		t.Fatalf("another space: %v", err)
	}
	clk.advance(time.Second)
	for i := range 15 {
		if err := get(); err != nil {
			t.Fatalf("read %d in the next second: %v", i+1, err)
		}
	}
	quotaErr(t, get(), "Per space read requests")
}

// With time scale 60 a minute's allowance returns in a second and a second's in 1/60 s.
func TestQuotaTimeScale(t *testing.T) {
	data := emulator.GenerateDataset(1, 40)
	srv, clk := quotaServer(t, emulator.Quota{On: true, TimeScale: 60, MembershipWritesPerMinute: 3}, data)
	svc := chatAs(t, srv, emulator.DemoAdminEmail, "chat.spaces.readonly", "chat.memberships")
	space := data.Spaces[0].ID
	u := 5
	add := func() error {
		u++
		return createAs(svc, space, fmt.Sprintf("user%05d@%s", u-1, emulator.DemoDomain))
	}
	for range 3 {
		if err := add(); err != nil {
			t.Fatal(err)
		}
	}
	quotaErr(t, add(), "Membership write requests")
	clk.advance(time.Second) // one scaled minute
	for range 3 {
		if err := add(); err != nil {
			t.Fatalf("after one scaled minute: %v", err)
		}
	}
	quotaErr(t, add(), "Membership write requests")

	get := func() error {
		_, err := svc.Spaces.Get("spaces/" + space).Do()
		return err
	}
	for range 15 {
		if err := get(); err != nil {
			t.Fatal(err)
		}
	}
	quotaErr(t, get(), "Per space read requests")
	clk.advance(time.Second / 60) // one scaled second
	for range 15 {
		if err := get(); err != nil {
			t.Fatalf("after one scaled second: %v", err)
		}
	}
}

// The zero Options enforce nothing: the other tests and benchmarks send as fast as they like.
func TestQuotaOffByDefault(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	svc := chatAs(t, srv, emulator.DemoAdminEmail, "chat.spaces.readonly")
	for i := range 40 {
		if _, err := svc.Spaces.Get("spaces/" + emulator.DemoInternalSpaceID).Do(); err != nil {
			t.Fatalf("read %d: %v", i+1, err)
		}
	}
	if st := srv.Stats(); st.QuotaRefusals != 0 {
		t.Errorf("stats %+v", st)
	}
}

// A membership created, removed and created again is a duplicate create in Stats.
func TestStatsCountDuplicateCreates(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	svc := chatAs(t, srv, emulator.DemoAdminEmail, "chat.memberships")
	ctx := context.Background()
	m, err := svc.Spaces.Members.Create("spaces/"+emulator.DemoInternalSpaceID,
		&chat.Membership{Member: &chat.User{Name: "users/" + emulator.DemoJoinerEmail, Type: "HUMAN"}}).Context(ctx).Do()
	if err != nil {
		t.Fatal(err)
	}
	if st := srv.Stats(); st.MembershipsCreated != 1 || st.DuplicateCreates != 0 {
		t.Fatalf("stats %+v after one create", st)
	}
	if _, err := svc.Spaces.Members.Delete(m.Name).Context(ctx).Do(); err != nil {
		t.Fatal(err)
	}
	if err := createAs(svc, emulator.DemoInternalSpaceID, emulator.DemoJoinerEmail); err != nil {
		t.Fatal(err)
	}
	if st := srv.Stats(); st.MembershipsCreated != 2 || st.DuplicateCreates != 1 {
		t.Errorf("stats %+v after create, delete, create", st)
	}
}

func TestQuotaValidate(t *testing.T) {
	for _, q := range []emulator.Quota{{On: true, TimeScale: -1}, {On: true, MembershipWritesPerMinute: -3}} {
		if _, err := emulator.Start("127.0.0.1:0", emulator.Options{Quota: q}); err == nil {
			t.Errorf("%+v accepted", q)
		}
	}
}

// A request failed before the API (a 503 from the front) spends no quota; one failed after it
// was carried out (its answer lost) spent it.
func TestQuotaAndFaults(t *testing.T) {
	for _, c := range []struct {
		kind    emulator.FaultKind
		thenOK  int // creates that go through after the two faulted ones
		created int
	}{{emulator.FaultUnavailable, 3, 3}, {emulator.FaultUnavailableAfter, 1, 3}} {
		t.Run(string(c.kind), func(t *testing.T) {
			data := emulator.GenerateDataset(1, 40)
			clk := &manualClock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)}
			srv := startChat(t, emulator.Options{Data: data, Now: clk.now,
				Quota:  emulator.Quota{On: true, MembershipWritesPerMinute: 3},
				Faults: emulator.Faults{Rate: 1, Limit: 2, Kinds: []emulator.FaultKind{c.kind}}})
			svc := chatAs(t, srv, emulator.DemoAdminEmail, "chat.memberships")
			u := 5
			add := func() error {
				u++
				return createAs(svc, data.Spaces[0].ID, fmt.Sprintf("user%05d@%s", u-1, emulator.DemoDomain))
			}
			for range 2 {
				var ge *googleapi.Error
				if err := add(); !errors.As(err, &ge) || ge.Code != 503 {
					t.Fatalf("faulted create: %v", err)
				}
			}
			for i := range c.thenOK {
				if err := add(); err != nil {
					t.Fatalf("create %d after the faults: %v", i+1, err)
				}
			}
			quotaErr(t, add(), "Membership write requests")
			if st := srv.Stats(); st.MembershipsCreated != c.created {
				t.Errorf("stats %+v", st)
			}
		})
	}
}
