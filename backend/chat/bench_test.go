package chat

import (
	"context"
	"fmt"
	"testing"

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
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		data := emulator.GenerateDataset(1, 1100)
		f := newFixture(b, data)
		space := "spaces/" + data.Spaces[0].ID
		b.StartTimer()
		// Users 0 and 2..4 are already in the space (GenerateDataset); 5..1004 are not.
		for u := 5; u < 1005; u++ {
			m, err := f.svc.AddPerson(ctx, space, fmt.Sprintf("user%05d@%s", u, emulator.DemoDomain))
			if err != nil || m.Name == "" {
				b.Fatalf("user %d: %+v %v", u, m, err)
			}
		}
		b.StopTimer()
		_ = f.srv.Close()
		b.StartTimer()
	}
}
