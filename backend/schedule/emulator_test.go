package schedule_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/schedule"
)

// The scheduler against the emulator with Google's quotas enforced (at time scale 60: a
// minute's allowance each second), through the real Chat client (chat.Service.AddMember over
// chat/v1 and loopback HTTP), under 20 % injected faults of every kind: 1,000 rows (200 people
// into each of 5 spaces). Every row ends added, nobody is created twice (the emulator's own
// count), and with the scheduler's limits equal to the emulator's the quotas refuse nothing.
func TestBulkAddAtGooglesQuotaUnderFaults(t *testing.T) {
	const scale = 60
	data := emulator.GenerateDataset(5, 400)
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{Data: data,
		Quota:  emulator.Quota{On: true, TimeScale: scale},
		Faults: emulator.Faults{Rate: 0.2, Seed: 6}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	tok, err := srv.IssueToken(emulator.DemoAdminEmail, "chat.spaces.readonly", "chat.memberships")
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok}), Base: tr}}
	svc, err := chat.New(context.Background(), hc, srv.URL()+"/")
	if err != nil {
		t.Fatal(err)
	}
	// Retry waits scaled like the quotas (Google's 1 s first wait, 16 s cap, over 60).
	svc = svc.WithRetry(chat.RetryPolicy{Base: time.Second / scale, Max: 16 * time.Second / scale, Attempts: 12,
		Rand: rand.New(rand.NewPCG(1, 2))})

	lim := schedule.Google()
	lim.TimeScale = scale
	// A request may reach the emulator this late after its token (the race detector on a loaded
	// machine): not a limit, the allowance for time in transit (see Limits.Slack).
	lim.Slack = 200 * time.Millisecond
	sched := schedule.New(lim)
	paced, err := svc.Through(sched.Transport)
	if err != nil {
		t.Fatal(err)
	}

	type row struct{ space, email string }
	var rows []row
	var tasks []schedule.Task
	for _, sp := range data.Spaces {
		for u := 100; u < 300; u++ { // GenerateDataset's spaces hold users 0..15 only
			r := row{"spaces/" + sp.ID, fmt.Sprintf("user%05d@%s", u, emulator.DemoDomain)}
			rows = append(rows, r)
			tasks = append(tasks, schedule.Task{Key: r.space + "|" + r.email, Space: r.space, Kind: schedule.Write})
		}
	}
	results := make([]chat.AddResult, len(rows))
	errs := make([]error, len(rows))
	var mu sync.Mutex
	var last schedule.Progress
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	err = sched.Run(ctx, tasks, func(ctx context.Context, i int) error {
		results[i], errs[i] = paced.AddMember(ctx, rows[i].space, rows[i].email, chat.RoleMember)
		return errs[i]
	}, func(p schedule.Progress) {
		mu.Lock()
		last = p
		mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if errs[i] != nil {
			t.Fatalf("row %d (%s into %s): %v", i, r.email, r.space, errs[i])
		}
		if m := results[i].Membership; m.Name == "" || m.AlreadyMember {
			t.Fatalf("row %d: %+v", i, m)
		}
	}
	if last.Done != 1000 || last.Failed != 0 || last.Left != 0 {
		t.Errorf("last progress %+v", last)
	}
	// Every row's final state, read back from the emulator: a member (invited for the people
	// whose auto-accept is off), under the membership name the add reported.
	state := map[string]chat.State{}
	for _, sp := range data.Spaces {
		l, err := svc.ListMembers(context.Background(), "spaces/"+sp.ID, chat.ListMembersOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range l.Members {
			state[m.Name] = m.State
		}
	}
	for i, r := range rows {
		want := chat.StateJoined
		if u := data.UserByEmail(r.email); !u.AutoAccept {
			want = chat.StateInvited
		}
		if got := state[results[i].Membership.Name]; got != want {
			t.Errorf("row %d (%s into %s): %q, want %q", i, r.email, r.space, got, want)
		}
	}
	st := srv.Stats()
	if st.MembershipsCreated != 1000 || st.DuplicateCreates != 0 || st.QuotaRefusals != 0 || st.FaultsInjected < 100 {
		t.Errorf("emulator stats %+v: want 1000 created, no duplicate, no quota refusal, faults injected", st)
	}
	t.Logf("stats %+v", st)
}
