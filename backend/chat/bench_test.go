package chat

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"chatmembers/backend/emulator"
)

// The app's own path (Service over chat/v1, validation and mapping included) against the
// emulator over loopback HTTP. The emulator package benchmarks the raw client alone.

// BenchmarkServiceListSpaces10k lists every space of an admin who is in 10,000.
func BenchmarkServiceListSpaces10k(b *testing.B) {
	f := newFixture(b, emulator.GenerateDataset(10000, 200))
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		spaces, err := f.svc.ListSpaces(ctx)
		if err != nil || len(spaces) != 10000 {
			b.Fatalf("%d spaces, %v", len(spaces), err)
		}
	}
}

// BenchmarkServiceAddPerson1k adds 1,000 people to one space, one AddPerson each, on a fresh
// emulator per iteration (set-up not timed).
func BenchmarkServiceAddPerson1k(b *testing.B) {
	benchAdd1k(b, emulator.Faults{}, nil)
}

// BenchmarkServiceAddPerson1kFaults20 is the same under 20 % injected faults of every kind, with
// retry waits on a millisecond scale (1 ms base, 20 ms cap; Google's real waits are seconds): the
// cost of retrying itself. It checks every person is added exactly once.
func BenchmarkServiceAddPerson1kFaults20(b *testing.B) {
	p := RetryPolicy{Base: time.Millisecond, Max: 20 * time.Millisecond, Attempts: 10,
		Rand: rand.New(rand.NewPCG(1, 1))}
	benchAdd1k(b, emulator.Faults{Rate: 0.2, Seed: 1}, &p)
}

func benchAdd1k(b *testing.B, faults emulator.Faults, p *RetryPolicy) {
	ctx := context.Background()
	b.ReportAllocs()
	injected := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		data := emulator.GenerateDataset(1, 1100)
		f := newOptionsFixture(b, emulator.Options{Data: data, Faults: faults})
		svc := f.svc
		if p != nil {
			svc = svc.WithRetry(*p)
		}
		space := "spaces/" + data.Spaces[0].ID
		b.StartTimer()
		// Users 0 and 2..4 are already in the space (GenerateDataset); 5..1004 are not.
		for u := 5; u < 1005; u++ {
			m, err := svc.AddPerson(ctx, space, fmt.Sprintf("user%05d@%s", u, emulator.DemoDomain))
			if err != nil || m.Name == "" || m.AlreadyMember {
				b.Fatalf("user %d: %+v %v", u, m, err)
			}
		}
		b.StopTimer()
		st := f.srv.Stats()
		if st.MembershipsCreated != 1000 {
			b.Fatalf("%d memberships created, want 1000", st.MembershipsCreated)
		}
		injected += st.FaultsInjected
		_ = f.srv.Close()
		b.StartTimer()
	}
	if faults.Rate > 0 {
		b.ReportMetric(float64(injected)/float64(b.N), "faults/op")
	}
}

// BenchmarkServiceListMembers10k lists a space of 10,000 memberships (owners, managers,
// members, invitations, the app and a group) as the member list does: every page, sorted, with
// the signed-in user marked and each row's actions.
func BenchmarkServiceListMembers10k(b *testing.B) {
	f := newFixture(b, emulator.GenerateMembersDataset(10000), "chat.spaces.readonly", "chat.memberships.readonly")
	svc := f.svc.WithCallerEmail(emulator.DemoAdminEmail)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		l, err := svc.ListMembers(ctx, "spaces/"+emulator.BigSpaceID, ListMembersOptions{})
		if err != nil || len(l.Members) != 10000 || l.MyRole != RoleOwner {
			b.Fatalf("%d members, my role %q, %v", len(l.Members), l.MyRole, err)
		}
	}
}
