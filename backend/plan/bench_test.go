package plan

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"chatmembers/backend/chat"
	"chatmembers/backend/table"
)

// peakHeap samples the bytes of live heap objects every millisecond while f runs and returns
// the highest figure above what was live before (after a GC), the run's peak memory.
func peakHeap(f func()) uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	base := s[0].Value.Uint64()
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(stop)
	wg.Wait()
	metrics.Read(s)
	peak = max(peak, s[0].Value.Uint64())
	if peak < base {
		return 0
	}
	return peak - base
}

// bigList is a 100,000-row CSV of people for 50 spaces, a few rows of each kind of problem,
// built in memory (it is not committed).
func bigList(rows int) ([]byte, Context) {
	var b bytes.Buffer
	b.WriteString("\ufeffEmail;Space;Role\r\n")
	c := Context{Domain: "example.com", Members: map[string][]chat.Member{}}
	for s := 0; s < 50; s++ {
		sp := chat.Space{Name: fmt.Sprintf("spaces/S%03d", s), DisplayName: fmt.Sprintf("Team %03d", s), Type: chat.TypeSpace}
		c.Spaces = append(c.Spaces, sp)
		ms := make([]chat.Member, 1000)
		for i := range ms {
			ms[i] = chat.Member{Kind: chat.KindPerson, MemberName: fmt.Sprintf("users/%d", s*1000+i),
				Email: fmt.Sprintf("person%d@example.com", s*1000+i), Role: chat.RoleMember, State: chat.StateJoined}
		}
		c.Members[sp.Name] = ms
	}
	for i := 0; i < rows; i++ {
		switch i % 1000 {
		case 1:
			fmt.Fprintf(&b, "broken@;Team %03d;member\r\n", i%50)
		case 2:
			fmt.Fprintf(&b, "\"\"\"Doe, Jane\"\" <person%d@example.com>\";https://chat.google.com/room/S%03d;manager\r\n", i-1, i%50)
		default:
			fmt.Fprintf(&b, "person%d@example.com;Team %03d;member\r\n", i, i%50)
		}
	}
	return b.Bytes(), c
}

// Parse and check a 100,000-row CSV: table.Read then Check against 50 spaces of 1,000 members.
// Reports ns/op (the time for the whole list), peak-heap-MB and, with -benchmem, B/op.
func BenchmarkParseAndCheck100k(b *testing.B) {
	data, c := bigList(100_000)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	var peak uint64
	for b.Loop() {
		peak = max(peak, peakHeap(func() {
			tb, err := table.Read(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			pv := Check(tb.Records, c)
			if pv.Counts.Total != 100_000 || pv.Counts.Invalid != 100 {
				b.Fatalf("counts %+v", pv.Counts)
			}
			runtime.KeepAlive(pv)
		}))
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(len(data))/(1<<20), "file-MB")
}
