// Command bulkbench times the headline of bulk adding (issue 6): 1,000 adds (200 people into
// each of 5 spaces) through the scheduler and the real Chat client (chat.Service.AddMember over
// chat/v1) against the emulator with Google's quotas enforced at a time scale, once without
// faults and once with 20 % injected faults. `make bench` runs it; it prints one line per run:
//
//	bulk: 1000 adds in <T> s (quota time scale <k>), <P> % of the quota-bound rate, 0 duplicates
//
// The duplicates figure is the emulator's own count of memberships created twice. It exits
// non-zero if a row failed, a membership is missing or the quotas refused a request.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"time"

	"golang.org/x/oauth2"

	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/schedule"
)

const (
	spaces, perSpace = 5, 200
	adds             = spaces * perSpace
)

// quotaBound is the least time any client can take for n membership writes from idle against
// the emulator's quota (emulator/quota.go): a bucket of L = 300 writes per window W (60 s / k)
// that starts full and refills evenly. The first L go at once; the other n-L cannot go faster
// than L per W. So the bound is (n-L)·W/L: 140 s in real time for 1,000 writes (not the 200 s of
// n/L windows: that ignores the first window's allowance, which any client may spend at once),
// 140/k s at time scale k. P = bound / measured time.
func quotaBound(n int, k float64) time.Duration {
	l := float64(emulator.GoogleMembershipWritesPerMinute)
	w := float64(time.Minute) / k
	return time.Duration(max(0, float64(n)-l) * w / l)
}

func main() {
	scale := flag.Float64("scale", 30, "quota time scale: a minute's allowance returns every 1/scale minute")
	flag.Parse()
	ok := true
	for _, faults := range []float64{0, 0.2} {
		label := ""
		if faults > 0 {
			label = fmt.Sprintf("(%.0f %% faults) ", faults*100)
		}
		if err := run(*scale, faults, label); err != nil {
			fmt.Fprintf(os.Stderr, "bulk %s: %v\n", label, err)
			ok = false
		}
	}
	if !ok {
		os.Exit(1)
	}
}

func run(scale, faults float64, label string) error {
	data := emulator.GenerateDataset(spaces, 400)
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{Data: data,
		Quota:  emulator.Quota{On: true, TimeScale: scale},
		Faults: emulator.Faults{Rate: faults, Seed: 6}})
	if err != nil {
		return err
	}
	defer srv.Close()
	tok, err := srv.IssueToken(emulator.DemoAdminEmail, "chat.spaces.readonly", "chat.memberships")
	if err != nil {
		return err
	}
	tr := &http.Transport{MaxIdleConnsPerHost: 16}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok}), Base: tr}}
	svc, err := chat.New(context.Background(), hc, srv.URL()+"/")
	if err != nil {
		return err
	}
	// Retry waits scaled like the quotas: Google's 1 s first wait and 16 s cap, over k.
	svc = svc.WithRetry(chat.RetryPolicy{Base: time.Duration(float64(time.Second) / scale),
		Max: time.Duration(16 * float64(time.Second) / scale), Attempts: 12, Rand: rand.New(rand.NewPCG(1, 2))})
	lim := schedule.Google()
	lim.TimeScale = scale
	// The quotas are k times faster, a round trip is not: enough calls in flight to keep up with
	// 300 writes a scaled minute even when a loaded machine answers slowly.
	lim.Concurrency = 32
	sched := schedule.New(lim)
	paced, err := svc.Through(sched.Transport)
	if err != nil {
		return err
	}

	type row struct{ space, email string }
	rows := make([]row, 0, adds)
	tasks := make([]schedule.Task, 0, adds)
	for _, sp := range data.Spaces {
		for u := 100; u < 100+perSpace; u++ { // GenerateDataset's spaces hold users 0..15 only
			r := row{"spaces/" + sp.ID, fmt.Sprintf("user%05d@%s", u, emulator.DemoDomain)}
			rows = append(rows, r)
			tasks = append(tasks, schedule.Task{Key: r.space + "|" + r.email, Space: r.space, Kind: schedule.Write})
		}
	}
	errs := make([]error, len(rows))
	start := time.Now()
	err = sched.Run(context.Background(), tasks, func(ctx context.Context, i int) error {
		_, errs[i] = paced.AddMember(ctx, rows[i].space, rows[i].email, chat.RoleMember)
		return errs[i]
	}, nil)
	took := time.Since(start)
	if err != nil {
		return err
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	st := srv.Stats()
	if st.MembershipsCreated-st.DuplicateCreates != adds {
		return fmt.Errorf("%d distinct memberships created, want %d", st.MembershipsCreated-st.DuplicateCreates, adds)
	}
	p := float64(quotaBound(adds, scale)) / float64(took) * 100
	fmt.Printf("%sbulk: %d adds in %.2f s (quota time scale %g), %.1f %% of the quota-bound rate, %d duplicates\n",
		label, adds, took.Seconds(), scale, p, st.DuplicateCreates)
	// Refusals are reported, not fatal: a request that reached the emulator more than the
	// scheduler's slack (100 ms) after its token, on a loaded machine, can meet one; the retrier
	// then waits and the row still ends right. The larger the time scale, the more requests fit
	// in the slack and the more of the burst it costs: at 30 it is 5 % of the first window.
	fmt.Printf("%sbulk check: %d quota refusals, %d faults injected\n", label, st.QuotaRefusals, st.FaultsInjected)
	return nil
}
