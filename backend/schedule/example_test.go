package schedule_test

import (
	"context"
	"fmt"

	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/schedule"
)

// How a bulk runner wires the scheduler: the Chat client's requests go through the scheduler's
// Transport (so retries and follow-up reads spend quota, and a quota 429 holds everybody), and
// Run paces the items. Pause, Resume and Backoff may be called from any goroutine meanwhile;
// cancelling ctx stops new calls, and the calls in flight finish and are reported.
func ExampleScheduler_Run() {
	run := func(ctx context.Context, svc *chat.Service, items []bulk.Item) error {
		sched := schedule.New(schedule.Google())
		paced, err := svc.Through(sched.Transport)
		if err != nil {
			return err
		}
		tasks := make([]schedule.Task, len(items))
		for i, it := range items {
			tasks[i] = schedule.Task{Key: it.Key(), Space: it.Space, Kind: schedule.Write}
		}
		return sched.Run(ctx, tasks, func(ctx context.Context, i int) error {
			// ctx outlives a cancel of the run: record the outcome whatever happens.
			_, err := paced.AddMember(ctx, items[i].Space, items[i].Member, items[i].Role)
			return err
		}, func(p schedule.Progress) {
			fmt.Printf("%d done, %d failed, %d left, %.0f a minute, %v left\n", p.Done, p.Failed, p.Left, p.PerMinute, p.TimeLeft)
		})
	}
	_ = run
}
