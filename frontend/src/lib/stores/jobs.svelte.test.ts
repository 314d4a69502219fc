// The job store's arithmetic and pacing: the figures of the bar, the throttle that draws at most
// every DRAW_EVERY ms however many events come, and the guard against an older progress.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAW_EVERY, JobStore, SAY_EVERY, Throttle, figures, stale, type Progress } from './jobs.svelte';
import { emit, jobsApi, reset, deferred } from '../../test/fake';

const progress = (p: Partial<Progress> = {}): Progress => ({
  job: 1,
  state: 'running',
  done: 0,
  failed: 0,
  left: 0,
  total: 0,
  perMinute: 0,
  secondsLeft: 0,
  writesPerMinute: 300,
  ...p,
});

describe('figures', () => {
  it('counts finished rows, the share and the time left in whole minutes, rounded up', () => {
    const f = figures(progress({ done: 250, failed: 50, left: 700, total: 1000, secondsLeft: 140.2, perMinute: 299.6 }));
    expect(f).toMatchObject({ finished: 300, percent: 30, left: 700, minutesLeft: 3, secondsLeft: 0, perMinute: 300, limit: 300 });
  });

  it('says seconds under a minute, and nothing for an empty job', () => {
    expect(figures(progress({ total: 10, left: 2, secondsLeft: 12.1 }))).toMatchObject({ minutesLeft: 0, secondsLeft: 13 });
    expect(figures(progress({ total: 0 })).percent).toBe(0);
  });

  it('a rate at or above the quota is "at the limit", not a figure to believe', () => {
    expect(figures(progress({ perMinute: 13085 })).atLimit).toBe(true);
    expect(figures(progress({ perMinute: 120 })).atLimit).toBe(false);
    expect(figures(progress({ perMinute: 500, writesPerMinute: 0 })).atLimit).toBe(false);
  });
});

describe('stale', () => {
  it('an ended job stays ended and finished rows stay finished', () => {
    const finished = progress({ state: 'finished', done: 30, total: 30 });
    expect(stale(finished, progress({ state: 'running', done: 10, total: 30 }))).toBe(true);
    expect(stale(progress({ done: 12 }), progress({ done: 11 }))).toBe(true);
    expect(stale(progress({ done: 12 }), progress({ done: 12, state: 'paused' }))).toBe(false);
    expect(stale(progress({ done: 12 }), progress({ job: 2, done: 0 }))).toBe(false);
  });
});

describe('Throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers the first value at once and then the latest once per interval, never losing the last', () => {
    const seen: number[] = [];
    const t = new Throttle<number>(250, (v) => seen.push(v));
    for (let i = 1; i <= 1000; i++) t.push(i); // 1,000 events in the same instant
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(250);
    expect(seen).toEqual([1, 1000]);
    t.push(1001);
    expect(seen).toEqual([1, 1000]); // within the interval after the last delivery
    vi.advanceTimersByTime(250);
    expect(seen).toEqual([1, 1000, 1001]);
  });
});

describe('JobStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    reset();
    jobsApi.Progress.mockResolvedValue(progress({ total: 1000, left: 1000 }) as never);
    jobsApi.Rows.mockResolvedValue([] as never);
    jobsApi.Unfinished.mockResolvedValue([] as never);
  });
  afterEach(() => vi.useRealTimers());

  async function opened() {
    let now = 0;
    const store = new JobStore(() => now);
    const said: string[] = [];
    store.say = (p) => {
      const s = `${p.state} ${p.done}`;
      said.push(s);
      return s;
    };
    await store.open(1);
    return { store, said, tick: (ms: number) => ((now += ms), vi.advanceTimersByTime(ms)) };
  }

  it('1,000 progress events are drawn a few times, spoken once, and the end at once', async () => {
    const { store, said, tick } = await opened();
    const drawn = vi.spyOn(store, 'progress', 'set');
    for (let i = 1; i <= 1000; i++) {
      emit('jobs:progress', progress({ done: i, left: 1000 - i, total: 1000 }));
      if (i % 100 === 0) tick(100); // 1,000 rows over one second
    }
    await vi.advanceTimersByTimeAsync(DRAW_EVERY);
    // One second of events: the first at once, then one per DRAW_EVERY ms.
    expect(drawn.mock.calls.length).toBeGreaterThan(0);
    expect(drawn.mock.calls.length).toBeLessThanOrEqual(1000 / DRAW_EVERY + 2);
    expect(store.progress?.done).toBe(1000);
    // Spoken when the job was first drawn, then not again within SAY_EVERY.
    expect(said.length).toBe(1);
    tick(SAY_EVERY);
    emit('jobs:progress', progress({ state: 'finished', done: 1000, total: 1000 }));
    expect(store.progress?.state).toBe('finished'); // a change of state is drawn at once
    expect(store.said).toBe('finished 1000');
    store.close();
  });

  it('an answer asked for before the end, arriving after it, does not draw the job running again', async () => {
    const { store } = await opened();
    const answer = deferred<Progress>();
    jobsApi.Resume.mockResolvedValue({ id: 1 } as never);
    jobsApi.Progress.mockReturnValueOnce(answer.promise as never);
    const resumed = store.resume();
    await vi.advanceTimersByTimeAsync(0);
    emit('jobs:progress', progress({ state: 'finished', done: 1000, total: 1000 }));
    answer.resolve(progress({ state: 'running', done: 10, total: 1000 }));
    await resumed;
    expect(store.progress).toMatchObject({ state: 'finished', done: 1000 });
    store.close();
  });

  it('another job’s events are not drawn', async () => {
    const { store } = await opened();
    emit('jobs:progress', progress({ job: 2, done: 5, total: 5 }));
    await vi.advanceTimersByTimeAsync(DRAW_EVERY);
    expect(store.progress?.done).toBe(0);
    store.close();
  });
});
