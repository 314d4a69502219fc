package jobs

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"chatmembers/backend/bulk"
	"chatmembers/backend/emulator"
	"chatmembers/backend/journal"
	"chatmembers/backend/schedule"
)

// The kill tests run a job of 300 adds in a child process (this test binary, re-executed into
// TestKillChild) against an emulator served by the parent over real HTTP with 10 % injected
// faults, SIGKILL the child at a point drawn per run, resume the job (in a second child, or
// here), and check every row is done exactly once: each (space, member) created once, no create
// sent again after it was carried out (no 409), every membership there.

// Environment of the child.
const (
	envChild   = "CHATMEMBERS_KILL_CHILD" // set: this process is the child
	envURL     = "CHATMEMBERS_KILL_URL"
	envToken   = "CHATMEMBERS_KILL_TOKEN"
	envDB      = "CHATMEMBERS_KILL_DB"
	envItems   = "CHATMEMBERS_KILL_ITEMS" // a JSON file of []bulk.Item: create the job first
	envJob     = "CHATMEMBERS_KILL_JOB"   // resume this job
	envStallAt = "CHATMEMBERS_KILL_STALL" // block the n-th send once it is recorded in flight
	envHold    = "CHATMEMBERS_KILL_HOLD"  // block once the job is recorded, before running it
	envSeed    = "CHATMEMBERS_KILL_SEED"  // the parent's seed, to repeat a run
)

// TestKillChild is the child process of the kill tests; it does nothing in a normal run. It
// prints "job ID", "sending N" before the N-th call, "finished N" after each recorded row, and
// "stalled" or "held" when told to block.
func TestKillChild(t *testing.T) {
	if os.Getenv(envChild) == "" {
		t.Skip("the child process of TestKilledJobResumesWithEveryRowDoneOnce")
	}
	db, err := journal.Open(os.Getenv(envDB))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	say := func(format string, a ...any) { fmt.Printf(format+"\n", a...) }
	var id int64
	if f := os.Getenv(envItems); f != "" {
		var items []bulk.Item
		b, err := os.ReadFile(f)
		if err == nil {
			err = json.Unmarshal(b, &items)
		}
		if err != nil {
			say("error %v", err)
			os.Exit(2)
		}
		j, err := db.CreateJob(admin, journal.KindBulkAdd, false, items)
		if err != nil {
			say("error %v", err)
			os.Exit(2)
		}
		id = j.ID
	} else {
		id, _ = strconv.ParseInt(os.Getenv(envJob), 10, 64)
	}
	say("job %d", id)
	if os.Getenv(envHold) != "" {
		say("held")
		select {}
	}
	stallAt, _ := strconv.Atoi(os.Getenv(envStallAt))
	var sends atomic.Int32
	d := Deps{Account: admin, Chat: chatService(t, os.Getenv(envURL), os.Getenv(envToken)), Journal: db,
		Schedule: schedule.New(fastLimits()),
		BeforeSend: func(int64, int) {
			n := int(sends.Add(1))
			say("sending %d", n)
			if n == stallAt {
				say("stalled")
				select {}
			}
		},
		OnProgress: func(p Progress) { say("finished %d", p.Done+p.Failed) },
	}
	r, err := Resume(context.Background(), d, id)
	if err != nil {
		say("error %v", err)
		os.Exit(2)
	}
	if _, err := r.Wait(); err != nil {
		say("error %v", err)
		os.Exit(2)
	}
	say("end")
}

// child is a running child process and the lines it printed.
type child struct {
	cmd    *exec.Cmd
	lines  chan string
	exited chan struct{}
	once   sync.Once
}

func startChild(t *testing.T, env ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), envChild+"=1"), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, lines: make(chan string, 4096), exited: make(chan struct{})}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
	}()
	go func() { _ = cmd.Wait(); close(c.exited) }()
	t.Cleanup(func() { c.kill() })
	return c
}

// kill sends SIGKILL and waits for the process to be gone.
func (c *child) kill() {
	c.once.Do(func() { _ = c.cmd.Process.Kill() })
	<-c.exited
}

// until reads lines until one satisfies f; false if the child ended first.
func (c *child) until(t *testing.T, f func(line string) bool) bool {
	t.Helper()
	timeout := time.After(2 * time.Minute) // a generous bound: a stuck child fails, not hangs
	for {
		select {
		case line, ok := <-c.lines:
			if !ok {
				return false
			}
			if strings.HasPrefix(line, "error") {
				t.Fatalf("child: %s", line)
			}
			if f(line) {
				return true
			}
		case <-timeout:
			t.Fatal("the child printed nothing useful for 2 minutes")
		}
	}
}

func count(line, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(line, prefix+" ")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil
}

// A kill point: how a run is started and when it is killed. n is drawn per run.
type killPoint struct {
	name string
	// draw picks n for a job of rows.
	draw func(rng *rand.Rand, rows int) int
	// env is the child's extra environment for n.
	env func(n int) []string
	// hook, when set, is the create hook (the child is killed from the server side).
	hook func(n int, c func() *child) func(int, string, func()) bool
	// wait blocks until the child should be killed (after hook-based kills: until it is dead).
	wait func(t *testing.T, c *child, n int)
	// again: a second child resumes and is killed after that many more rows finish.
	again bool
}

func killPoints() []killPoint {
	afterRows := func(t *testing.T, c *child, n int) {
		c.until(t, func(l string) bool { k, ok := count(l, "finished"); return ok && k >= n })
	}
	onLine := func(want string) func(t *testing.T, c *child, n int) {
		return func(t *testing.T, c *child, n int) { c.until(t, func(l string) bool { return l == want }) }
	}
	serverSide := func(t *testing.T, c *child, n int) { <-c.exited }
	// killOnCreate kills the child at its n-th create request, after the change was made
	// (lost answer) or before (nothing changed).
	killOnCreate := func(after bool) func(n int, c func() *child) func(int, string, func()) bool {
		return func(n int, c func() *child) func(int, string, func()) bool {
			return func(k int, _ string, lost func()) bool {
				if k != n {
					return false
				}
				for c() == nil { // the child's first request can come before startChild returns
					time.Sleep(time.Millisecond)
				}
				if after {
					lost()
				}
				c().kill()
				return true
			}
		}
	}
	return []killPoint{
		{name: "job recorded, no row sent",
			draw: func(*rand.Rand, int) int { return 0 }, env: func(int) []string { return []string{envHold + "=1"} },
			wait: onLine("held")},
		{name: "after N rows recorded",
			draw: func(rng *rand.Rand, rows int) int { return 1 + rng.IntN(rows-20) }, wait: afterRows},
		{name: "row N recorded in flight, its call not sent",
			draw: func(rng *rand.Rand, rows int) int { return 1 + rng.IntN(rows-20) },
			env:  func(n int) []string { return []string{envStallAt + "=" + strconv.Itoa(n)} },
			wait: onLine("stalled")},
		{name: "create N reached Google, killed before it was carried out",
			draw: func(rng *rand.Rand, rows int) int { return 1 + rng.IntN(rows-20) }, hook: killOnCreate(false), wait: serverSide},
		{name: "create N carried out, killed before its answer",
			draw: func(rng *rand.Rand, rows int) int { return 1 + rng.IntN(rows-20) }, hook: killOnCreate(true), wait: serverSide},
		{name: "after N rows, and the resumed run again after N more",
			draw: func(rng *rand.Rand, rows int) int { return 1 + rng.IntN(rows/3) }, wait: afterRows, again: true},
	}
}

func TestKilledJobResumesWithEveryRowDoneOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv(envSeed), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d (set %s to repeat)", seed, envSeed)
	rng := rand.New(rand.NewPCG(seed, seed>>1))
	for _, kp := range killPoints() {
		t.Run(kp.name, func(t *testing.T) {
			w := newWorld(t, 3, 110, emulator.Faults{Rate: 0.1, Seed: rng.Uint64(), Kinds: beforeFaults})
			items := w.items(300)
			dir := t.TempDir()
			itemsFile := filepath.Join(dir, "items.json")
			b, _ := json.Marshal(items)
			if err := os.WriteFile(itemsFile, b, 0o600); err != nil {
				t.Fatal(err)
			}
			dbPath := filepath.Join(dir, journal.FileName)
			tok := w.token(t)
			n := kp.draw(rng, len(items))
			env := []string{envURL + "=" + w.url, envToken + "=" + tok, envDB + "=" + dbPath, envItems + "=" + itemsFile}
			if kp.env != nil {
				env = append(env, kp.env(n)...)
			}
			var cur atomic.Pointer[child]
			if kp.hook != nil {
				h := kp.hook(n, cur.Load)
				w.creates.mu.Lock()
				w.creates.hook = h
				w.creates.mu.Unlock()
			}
			c := startChild(t, env...)
			cur.Store(c)
			kp.wait(t, c, n)
			c.kill()
			w.creates.mu.Lock()
			w.creates.hook = nil
			w.creates.mu.Unlock()

			db, err := journal.Open(dbPath)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			atKill, err := db.Job(1)
			if err != nil {
				t.Fatal(err)
			}
			report := fmt.Sprintf("N=%d: killed with %d done, %d failed, %d in flight, %d pending",
				n, atKill.Counts.Done, atKill.Counts.Failed, atKill.Counts.InFlight, atKill.Counts.Pending)
			if kp.again {
				m := atKill.Counts.Done + atKill.Counts.Failed + n
				c2 := startChild(t, envURL+"="+w.url, envToken+"="+tok, envDB+"="+dbPath, envJob+"=1")
				c2.until(t, func(l string) bool { k, ok := count(l, "finished"); return ok && k >= m })
				c2.kill()
				again, _ := db.Job(1)
				report += fmt.Sprintf("; resumed and killed again with %d done, %d in flight", again.Counts.Done, again.Counts.InFlight)
			}
			j, err := db.Job(1)
			if err != nil {
				t.Fatal(err)
			}
			if j.Unfinished() {
				r, err := Resume(context.Background(), w.deps(t, db), 1)
				if err != nil {
					t.Fatal(err)
				}
				if j, err = r.Wait(); err != nil {
					t.Fatal(err)
				}
			} else {
				report += "; the child had finished the job before the kill"
			}
			if j.State != journal.JobFinished || j.Counts.Done != len(items) {
				t.Errorf("job after resume: %+v", j)
			}
			w.checkExactlyOnce(t, db, 1, items)
			t.Logf("%s; %d rows, all done after resume, %d duplicate creates, %d faults injected",
				report, len(items), w.creates.duplicates(), w.srv.Stats().FaultsInjected)
		})
	}
}
