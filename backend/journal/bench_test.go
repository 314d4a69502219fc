package journal

import (
	"path/filepath"
	"testing"
)

// BenchmarkRowRecordedBeforeAndAfter is the journal's cost per row of a job: the in-flight mark
// and the outcome with its history entry, each committed and synced (synchronous=FULL). It
// bounds how fast a job can go whatever the quota: rows/s = 1e9 / (ns/op).
func BenchmarkRowRecordedBeforeAndAfter(b *testing.B) {
	d, err := Open(filepath.Join(b.TempDir(), FileName))
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	j, err := d.CreateJob(alice, KindBulkAdd, false, items(1))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if err := d.Sending(j.ID, 0); err != nil {
			b.Fatal(err)
		}
		if err := d.Finish(j.ID, 0, Result{Outcome: OutcomeAdded}); err != nil {
			b.Fatal(err)
		}
	}
}
