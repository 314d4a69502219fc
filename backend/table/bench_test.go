package table

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/metrics"
	"testing"
)

// Reading alone, for comparison with plan's BenchmarkParseAndCheck100k (parse and check):
// 100,000 rows of address;space;role built in memory. Reports live-heap-MB, the memory the
// table holds once read (after a GC), besides the usual B/op.
func BenchmarkRead100k(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("\ufeffEmail;Space;Role\r\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&buf, "person%d@example.com;Team %03d;member\r\n", i, i%50)
	}
	data := buf.Bytes()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var live uint64
	for b.Loop() {
		runtime.GC()
		metrics.Read(s)
		before := s[0].Value.Uint64()
		tb, err := Read(bytes.NewReader(data))
		if err != nil || len(tb.Records) != 100_000 {
			b.Fatalf("%d records, %v", len(tb.Records), err)
		}
		runtime.GC()
		metrics.Read(s)
		if after := s[0].Value.Uint64(); after > before {
			live = max(live, after-before)
		}
		runtime.KeepAlive(tb)
	}
	b.ReportMetric(float64(live)/(1<<20), "live-heap-MB")
}
