// Wrappers over the Jobs and History bindings: bulk jobs (progress, rows, pause, resume, cancel,
// retry failed, export), the offer to resume after a crash, and the history of changes.
// Only lib/stores imports this module. Every rejection becomes an AppProblem.
import * as Jobs from '../../../wailsjs/go/main/Jobs';
import * as History from '../../../wailsjs/go/main/History';
import { EventsOn } from '../../../wailsjs/runtime/runtime';
import type { bulk, jobs, journal } from '../../../wailsjs/go/models';
import { toProblem } from './problem';
import type { Plain } from './app';

export type JobState = `${journal.JobState}`;
export type RowState = `${journal.RowState}`;
export type Op = `${bulk.Op}`;
export type Progress = Plain<jobs.Progress>;
export type Job = Omit<Plain<journal.Job>, 'created'> & { created: string };
export type Item = Plain<bulk.Item>;
export type Row = Omit<Plain<journal.Row>, 'item' | 'started' | 'finished'> & { item: Item; finished: string };
export type Entry = Omit<Plain<journal.Entry>, 'at'> & { at: string };
/** What to look for in the history; empty fields do not filter. Dates are RFC 3339. */
export interface Query {
  space?: string;
  person?: string;
  op?: Op | '';
  outcome?: string;
  accountEmail?: string;
  from?: string;
  to?: string;
  limit?: number;
}
/** Texts the UI shows for the journal's identifiers, so an exported file reads like the screen. */
export interface ExportNames {
  spaces: Record<string, string>;
  problems: Record<string, string>;
}

async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toProblem(e);
  }
}

// Go's zero time.Time, which a JSON time of "never" carries.
const ZERO = '0001-01-01T00:00:00Z';

export const pause = (id: number) => call(() => Jobs.Pause(id)) as Promise<Job>;
export const resume = (id: number) => call(() => Jobs.Resume(id)) as Promise<Job>;
export const cancel = (id: number) => call(() => Jobs.Cancel(id)) as Promise<Job>;
export const retryFailed = (id: number) => call(() => Jobs.RetryFailed(id)) as Promise<Job>;
export const progress = (id: number) => call(() => Jobs.Progress(id)) as Promise<Progress>;
export const rows = (id: number): Promise<Row[]> =>
  call(() => Jobs.Rows(id)).then((rs) =>
    (rs ?? []).map((r) => ({ ...(r as unknown as Row), finished: String(r.finished ?? '') === ZERO ? '' : String(r.finished ?? '') })),
  );
export const unfinished = (): Promise<Job[]> => call(Jobs.Unfinished).then((j) => (j ?? []) as unknown as Job[]);
export const recent = (): Promise<Job[]> => call(Jobs.Recent).then((j) => (j ?? []) as unknown as Job[]);
/** exportJob saves a job's rows as CSV; the path it was saved to, '' when the dialog was closed. */
export const exportJob = (id: number, names: ExportNames) => call(() => Jobs.Export(id, names));

function goQuery(q: Query): journal.Query {
  return {
    space: q.space ?? '',
    person: q.person ?? '',
    op: (q.op ?? '') as bulk.Op,
    outcome: q.outcome ?? '',
    accountId: '',
    accountEmail: q.accountEmail ?? '',
    // Go's zero time does not filter.
    from: q.from || ZERO,
    to: q.to || ZERO,
    limit: q.limit ?? 0,
  };
}

export const searchHistory = (q: Query): Promise<Entry[]> =>
  call(() => History.Search(goQuery(q))).then((e) => (e ?? []) as unknown as Entry[]);
/** exportHistory saves the matching changes as CSV; the path, '' when the dialog was closed. */
export const exportHistory = (q: Query, names: ExportNames) => call(() => History.Export(goQuery(q), names));

/** The event that carries a running job's progress. */
export const JOB_PROGRESS = 'jobs:progress';

/** onProgress calls fn with every progress Go pushes, of any job. */
export function onProgress(fn: (p: Progress) => void): () => void {
  return EventsOn(JOB_PROGRESS, (p: unknown) => {
    if (typeof p === 'object' && p !== null && typeof (p as Progress).job === 'number') fn(p as Progress);
  });
}
