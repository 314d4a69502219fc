package emulator_test

import (
	"fmt"
	"testing"

	"chatmembers/backend/emulator"

	chat "google.golang.org/api/chat/v1"
)

// BenchmarkListSpaces10k lists all 10,000 spaces of the admin at pageSize 1000 (10 requests
// per iteration) through chat/v1 over loopback HTTP.
func BenchmarkListSpaces10k(b *testing.B) {
	srv := startChat(b, emulator.Options{Data: emulator.GenerateDataset(10000, 200)})
	svc := chatAs(b, srv, emulator.DemoAdminEmail, spacesRO)
	b.ReportAllocs()
	for b.Loop() {
		names, pages := listAllSpaces(b, svc, 1000, "")
		if len(names) != 10000 || pages != 10 {
			b.Fatalf("%d spaces in %d pages", len(names), pages)
		}
	}
}

// BenchmarkCreateMemberships1k adds 1,000 people to a space through chat/v1, one request each,
// on a fresh server per iteration (set-up not timed).
func BenchmarkCreateMemberships1k(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		data := emulator.GenerateDataset(1, 1100)
		srv := startChat(b, emulator.Options{Data: data})
		svc := chatAs(b, srv, emulator.DemoAdminEmail, members)
		space := "spaces/" + data.Spaces[0].ID
		b.StartTimer()
		// Users 0 and 2..4 are already in the space (GenerateDataset); 5..1004 are not.
		for u := 5; u < 1005; u++ {
			m := &chat.Membership{Member: &chat.User{Name: "users/" + fmt.Sprintf("user%05d@%s", u, emulator.DemoDomain), Type: "HUMAN"}}
			if _, err := svc.Spaces.Members.Create(space, m).Do(); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		_ = srv.Close()
		b.StartTimer()
	}
}
