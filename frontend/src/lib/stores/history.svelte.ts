// The History view: every change the app made on this computer (single adds, role changes,
// removals, bulk rows), newest first, searched and filtered by Go (journal.Query), exported to
// CSV; and the account's recent jobs, to open in the Progress view.
import * as api from '../api/jobs';
import type { Entry, ExportNames, Job, Op, Query } from '../api/jobs';
import type { AppProblem } from '../api/app';

export type { Entry, Op } from '../api/jobs';

export const OPS: readonly Op[] = ['add', 'set_role', 'remove'];
export const OUTCOMES = ['added', 'invited', 'already_member', 'role_set', 'removed', 'failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The filters as the screen holds them. */
export interface Filters {
  /** Part of a person's address or id. */
  person: string;
  /** A space's resource name ('' any). */
  space: string;
  op: Op | '';
  outcome: Outcome | '';
  /** Dates from <input type="date"> (YYYY-MM-DD, local), both days included; '' open. */
  from: string;
  to: string;
  /** Only the signed-in account's changes. */
  mine: boolean;
}

export const NO_FILTERS: Filters = { person: '', space: '', op: '', outcome: '', from: '', to: '', mine: true };

/** localDay is the start of a local calendar day (YYYY-MM-DD) as RFC 3339, plus days. */
function localDay(day: string, plus = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return '';
  return new Date(y, m - 1, d + plus).toISOString();
}

/** toQuery turns the screen's filters into Go's query: "to" includes its whole day. */
export function toQuery(f: Filters, account: string): Query {
  return {
    person: f.person.trim(),
    space: f.space,
    op: f.op,
    outcome: f.outcome,
    accountEmail: f.mine ? account : '',
    from: f.from ? localDay(f.from) : '',
    to: f.to ? localDay(f.to, 1) : '',
  };
}

/** How many entries Go returns when the query does not say (journal.DefaultLimit). */
export const DEFAULT_LIMIT = 1000;

/** How long typing in the search box waits before asking Go (ms). */
export const SEARCH_DELAY = 250;

export class HistoryStore {
  filters = $state<Filters>({ ...NO_FILTERS });
  entries = $state.raw<Entry[]>([]);
  recent = $state.raw<Job[]>([]);
  loading = $state(false);
  loaded = $state(false);
  problem = $state<AppProblem | null>(null);
  busy = $state(false);
  saved = $state('');
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** load asks Go for the entries matching the filters, and the recent jobs. */
  async load(account: string): Promise<void> {
    const generation = ++this.generation;
    this.loading = true;
    this.problem = null;
    try {
      const [entries, recent] = await Promise.all([api.searchHistory(toQuery(this.filters, account)), api.recent()]);
      if (generation !== this.generation) return;
      this.entries = entries;
      this.recent = recent;
      this.loaded = true;
    } catch (e) {
      if (generation === this.generation) this.problem = e as AppProblem;
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** later loads after a pause in typing. */
  later(account: string): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.load(account);
    }, SEARCH_DELAY);
  }

  /** exportEntries saves the entries matching the filters as CSV; saved says where. */
  async exportEntries(account: string, names: ExportNames): Promise<void> {
    this.busy = true;
    this.problem = null;
    this.saved = '';
    try {
      this.saved = await api.exportHistory(toQuery(this.filters, account), names);
    } catch (e) {
      this.problem = e as AppProblem;
    } finally {
      this.busy = false;
    }
  }

  reset(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.generation++;
    this.filters = { ...NO_FILTERS };
    this.entries = [];
    this.recent = [];
    this.loaded = false;
    this.loading = false;
    this.problem = null;
    this.saved = '';
  }
}
