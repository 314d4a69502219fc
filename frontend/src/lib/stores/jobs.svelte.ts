// A bulk job as the Progress view shows it: its progress, live from the jobs:progress event but
// drawn at a calm pace (a job of 1,000 rows sends 1,000 events), a spoken summary now and then,
// pause, resume, cancel, its rows (the result table), retry failed and export. Also the offer,
// after sign-in, to resume a job an earlier run of the app left unfinished.
import * as api from '../api/jobs';
import type { ExportNames, Job, Progress, Row } from '../api/jobs';
import type { AppProblem } from '../api/app';

export type { ExportNames, Job, Progress, Row } from '../api/jobs';

/** How often, at most, new progress is drawn (ms). */
export const DRAW_EVERY = 250;
/** How often, at most, the result table is read again while the job runs (ms). */
export const ROWS_EVERY = 2000;
/** How often, at most, the live region speaks while the job runs (ms). */
export const SAY_EVERY = 15000;

/**
 * Throttle hands on the latest of many values at most once per interval: the first at once, the
 * rest of an interval as one (the last), at its end. Nothing is lost: the final value is always
 * delivered.
 */
export class Throttle<T> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: { v: T } | null = null;
  private last = -Infinity;

  constructor(
    private readonly every: number,
    private readonly deliver: (v: T) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  push(v: T): void {
    const wait = this.last + this.every - this.now();
    if (wait <= 0 && this.timer === null) {
      this.last = this.now();
      this.deliver(v);
      return;
    }
    this.pending = { v };
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), Math.max(0, wait));
  }

  /** flush delivers what is waiting now. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const p = this.pending;
    this.pending = null;
    if (p) {
      this.last = this.now();
      this.deliver(p.v);
    }
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }
}

/** The figures the progress bar and its sentences show. */
export interface Figures {
  total: number;
  done: number;
  failed: number;
  left: number;
  /** Rows finished (done or failed), for the bar. */
  finished: number;
  percent: number;
  perMinute: number;
  /** Whole minutes left, rounded up; 0 when under a minute or unknown. */
  minutesLeft: number;
  /** Seconds left, rounded up (under a minute). */
  secondsLeft: number;
  /** The write quota the time left comes from (changes a minute; 0 when unknown). */
  limit: number;
  /** The rate is at the quota or above: Google's first minute's allowance is sent at once, so
   * the rate of the first seconds, per minute, is far above what the job can keep up. */
  atLimit: boolean;
}

/** figures works out what to show from a progress. */
export function figures(p: Progress): Figures {
  const total = Math.max(0, p.total);
  const finished = Math.min(total, Math.max(0, p.done) + Math.max(0, p.failed));
  const secs = Math.max(0, Math.ceil(p.secondsLeft || 0));
  return {
    total,
    done: p.done,
    failed: p.failed,
    left: Math.max(0, p.left),
    finished,
    percent: total > 0 ? Math.floor((finished * 100) / total) : 0,
    perMinute: Math.round(p.perMinute || 0),
    minutesLeft: secs >= 60 ? Math.ceil(secs / 60) : 0,
    secondsLeft: secs < 60 ? secs : 0,
    limit: p.writesPerMinute || 0,
    atLimit: (p.writesPerMinute || 0) > 0 && (p.perMinute || 0) >= p.writesPerMinute,
  };
}

export const isOver = (s: string) => s === 'finished' || s === 'cancelled';

/**
 * stale reports whether next is older than shown: a job's end is final, and rows once finished
 * stay finished. (An answer asked for before the job ended can arrive after its last event.)
 */
export function stale(shown: Progress | null, next: Progress): boolean {
  if (shown === null || shown.job !== next.job) return false;
  if (isOver(shown.state) && !isOver(next.state)) return true;
  return next.done + next.failed < shown.done + shown.failed;
}

export type RowFilter = 'all' | 'failed';

function empty(job: number): Progress {
  return { job, state: 'running', done: 0, failed: 0, left: 0, total: 0, perMinute: 0, secondsLeft: 0, writesPerMinute: 0 };
}

export class JobStore {
  /** The job shown (journal id), or null. */
  id = $state<number | null>(null);
  /** Its progress as drawn (throttled). */
  progress = $state.raw<Progress | null>(null);
  /** Its rows (the result table); raw: replaced whole. */
  rows = $state.raw<Row[]>([]);
  filter = $state<RowFilter>('all');
  /** What the live region says: a calm summary, not every row. */
  said = $state('');
  problem = $state<AppProblem | null>(null);
  busy = $state(false);
  /** Where the last export was saved ('' none). */
  saved = $state('');
  /** Cancel is waiting for the person's confirmation. */
  confirmingCancel = $state(false);
  /** The journal says running but this run of the app is not running it (left by a crash or a
   * sign-out): it can be resumed, not paused. */
  stalled = $state(false);

  shown: Row[] = $derived(this.filter === 'failed' ? this.rows.filter((r) => r.state === 'failed') : this.rows);
  failedCount: number = $derived(this.rows.filter((r) => r.state === 'failed').length);

  /** say makes the live region's sentence from a progress; set by the screen (it knows the words). */
  say: (p: Progress) => string = () => '';

  private off: (() => void) | null = null;
  private draw = new Throttle<Progress>(DRAW_EVERY, (p) => this.drawn(p));
  private reread = new Throttle<number>(ROWS_EVERY, (id) => void this.loadRows(id));
  private lastSaid = -Infinity;
  private lastState = '';
  private heardAny = false;
  /** Counts progress events heard: an answer asked for before the latest event is older than it. */
  private events = 0;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** open shows job id: its progress and rows from Go, then live. */
  async open(id: number): Promise<void> {
    if (this.id === id && this.off) return;
    this.close();
    this.id = id;
    this.progress = empty(id);
    this.rows = [];
    this.filter = 'all';
    this.said = '';
    this.saved = '';
    this.problem = null;
    this.lastSaid = -Infinity;
    this.lastState = '';
    this.heardAny = false;
    this.stalled = false;
    this.off = api.onProgress((p) => this.heard(p));
    try {
      const [p, rows, left] = await Promise.all([api.progress(id), api.rows(id), api.unfinished()]);
      if (this.id !== id) return;
      this.rows = rows;
      // Unfinished lists no job this run is running (Go leaves those out).
      this.stalled = !this.heardAny && p.state === 'running' && left.some((j) => j.id === id);
      if (!this.heardAny) this.drawn(p); // an event meanwhile is newer
    } catch (e) {
      if (this.id === id) this.problem = e as AppProblem;
    }
  }

  /** heard takes one jobs:progress event: this job's is drawn at a calm pace. */
  private heard(p: Progress): void {
    if (p.job !== this.id) return;
    this.heardAny = true;
    this.events++;
    this.stalled = false;
    // A change of state (paused, finished) is drawn at once; counts wait their turn.
    if (p.state !== this.progress?.state) {
      this.draw.dispose();
      this.drawn(p);
      return;
    }
    this.draw.push(p);
  }

  private drawn(p: Progress): void {
    if (p.job !== this.id || stale(this.progress, p)) return;
    this.progress = p;
    const changed = p.state !== this.lastState;
    this.lastState = p.state;
    if (changed || this.now() - this.lastSaid >= SAY_EVERY) {
      this.lastSaid = this.now();
      this.said = this.say(p);
    }
    if (isOver(p.state) || p.state === 'paused') {
      this.reread.dispose();
      void this.loadRows(p.job);
    } else {
      this.reread.push(p.job);
    }
  }

  private async loadRows(id: number): Promise<void> {
    try {
      const rows = await api.rows(id);
      if (this.id === id) this.rows = rows;
    } catch (e) {
      if (this.id === id) this.problem = e as AppProblem;
    }
  }

  private async act(f: () => Promise<Job>): Promise<Job | null> {
    this.busy = true;
    this.problem = null;
    try {
      return await f();
    } catch (e) {
      this.problem = e as AppProblem;
      return null;
    } finally {
      this.busy = false;
    }
  }

  private async refreshed(id: number): Promise<void> {
    const asked = this.events;
    try {
      const p = await api.progress(id);
      // Events that came meanwhile are newer than this answer.
      if (this.id === id && this.events === asked) {
        this.draw.dispose();
        this.drawn(p);
      }
    } catch (e) {
      if (this.id === id) this.problem = e as AppProblem;
    }
  }

  async pause(): Promise<void> {
    const id = this.id;
    if (id === null) return;
    if (await this.act(() => api.pause(id))) await this.refreshed(id);
  }

  async resume(): Promise<void> {
    const id = this.id;
    if (id === null) return;
    if (await this.act(() => api.resume(id))) {
      this.stalled = false;
      await this.refreshed(id);
    }
  }

  /** cancel stops the job once confirmed: calls in flight finish and are recorded. */
  async cancel(): Promise<void> {
    const id = this.id;
    this.confirmingCancel = false;
    if (id === null) return;
    if (await this.act(() => api.cancel(id))) await this.refreshed(id);
  }

  /** retryFailed starts a new job of the failed rows; its id, to open. */
  async retryFailed(): Promise<number | null> {
    const id = this.id;
    if (id === null) return null;
    const j = await this.act(() => api.retryFailed(id));
    return j?.id ?? null;
  }

  /** exportRows saves the rows as CSV; saved says where ('' when the dialog was closed). */
  async exportRows(names: ExportNames): Promise<void> {
    const id = this.id;
    if (id === null) return;
    this.busy = true;
    this.problem = null;
    this.saved = '';
    try {
      this.saved = await api.exportJob(id, names);
    } catch (e) {
      this.problem = e as AppProblem;
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    this.off?.();
    this.off = null;
    this.draw.dispose();
    this.reread.dispose();
    this.id = null;
  }
}

/** ResumeStore is the offer, after sign-in, of the jobs an earlier run left unfinished. */
export class ResumeStore {
  jobs = $state.raw<Job[]>([]);
  problem = $state<AppProblem | null>(null);
  busy = $state(false);
  /** The account whose jobs were looked for (once per sign-in). */
  private checked = '';

  /** check asks Go once per account for unfinished jobs (only that account's: Go filters). */
  async check(account: string): Promise<void> {
    if (account === '' || account === this.checked) return;
    this.checked = account;
    try {
      this.jobs = await api.unfinished();
    } catch {
      this.jobs = []; // no journal: nothing to offer; the job screens say why
    }
  }

  /** resume goes on with job id; true when it runs (else problem says why, e.g. administrator mode off). */
  async resume(id: number): Promise<boolean> {
    this.busy = true;
    this.problem = null;
    try {
      await api.resume(id);
      this.drop(id);
      return true;
    } catch (e) {
      this.problem = e as AppProblem;
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** discard cancels job id: its rows never sent are recorded cancelled. */
  async discard(id: number): Promise<void> {
    this.busy = true;
    this.problem = null;
    try {
      await api.cancel(id);
      this.drop(id);
    } catch (e) {
      this.problem = e as AppProblem;
    } finally {
      this.busy = false;
    }
  }

  /** dismiss hides the offer of job id (Show: the job screen takes over). */
  drop(id: number): void {
    this.jobs = this.jobs.filter((j) => j.id !== id);
  }

  reset(): void {
    this.jobs = [];
    this.checked = '';
    this.problem = null;
  }
}
