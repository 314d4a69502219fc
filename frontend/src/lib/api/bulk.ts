// Thin wrappers over the bound Bulk struct (and Jobs.Start, the bulk add's confirmation). Every
// rejection becomes an AppProblem.
import * as Bulk from '../../../wailsjs/go/main/Bulk';
import * as Jobs from '../../../wailsjs/go/main/Jobs';
import type { bulk, chat, journal, plan, problem, session, table } from '../../../wailsjs/go/models';
import { AppProblem, toProblem } from './problem';
import type { Plain, Role } from './app';

export type Verdict = `${plan.Verdict}`;
export type Item = bulk.Item;
export type TableRecord = table.Record;
export type Member = Plain<chat.Member>;
export type Job = journal.Job;

/**
 * A problem inside a row, as Go sent it: translated by code like an AppProblem, but not made an
 * Error (100,000 rows would make 100,000 stack traces).
 */
export type RowProblem = problem.Problem;

/** One row of a preview. */
export interface PreviewRow extends Omit<plan.Row, 'problem' | 'note' | 'verdict'> {
  verdict: Verdict;
  problem: RowProblem | null;
  note: RowProblem | null;
}

export interface Preview {
  rows: PreviewRow[];
  records: TableRecord[];
  /** Spaces whose member list could not be read: their rows were not checked for people there. */
  unchecked: string[];
}

/** What to read: the first that is set. */
export interface Source {
  records?: TableRecord[];
  /** A Google Group's address whose members are a sync's list. */
  group?: string;
  spaces?: string[];
  people?: string[];
  fileBase64?: string;
  path?: string;
  text?: string;
  role?: Role | '';
}

export interface Change {
  item: Item;
  member: Member;
  row: number;
  why: `${plan.Keep}` | '';
  wanted: Role | '';
}

export interface SyncOptions {
  includeSelf: boolean;
  includeApps: boolean;
  includeManagers: boolean;
  role: Role | '';
}

export interface SyncPlan {
  space: string;
  spaceName: string;
  add: Change[];
  remove: Change[];
  setRole: Change[];
  keep: Change[];
  rejected: PreviewRow[];
  warnings: AppProblem[];
  records: TableRecord[];
}

async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toProblem(e);
  }
}

function source(s: Source): session.BulkSource {
  return {
    records: s.records ?? [],
    group: s.group ?? '',
    spaces: s.spaces ?? [],
    people: s.people ?? [],
    fileBase64: s.fileBase64 ?? '',
    path: s.path ?? '',
    text: s.text ?? '',
    role: (s.role ?? '') as chat.Role,
  } as session.BulkSource;
}

export function plainRow(r: plan.Row): PreviewRow {
  return {
    ...r,
    verdict: r.verdict as Verdict,
    problem: r.problem ?? null,
    note: r.note ?? null,
  };
}

function plainChange(c: plan.Change): Change {
  return { item: c.item, member: c.member as Member, row: c.row ?? 0, why: c.why ?? '', wanted: (c.wanted ?? '') as Role | '' };
}

export const preview = (s: Source, admin: boolean): Promise<Preview> =>
  call(() => Bulk.Preview(source(s), admin)).then((p) => ({
    rows: (p.preview.rows ?? []).map(plainRow),
    records: p.records ?? [],
    unchecked: p.unchecked ?? [],
  }));

export const readRow = (row: number, person: string, space: string, role: string): Promise<TableRecord[]> =>
  call(() => Bulk.ReadRow(row, person, space, role)).then((r) => r ?? []);

export const chooseFile = (): Promise<string> => call(Bulk.ChooseFile);
export const maxFileBytes = (): Promise<number> => call(Bulk.MaxFileBytes);

export const syncPlan = (space: string, s: Source, o: SyncOptions, admin: boolean): Promise<SyncPlan> =>
  call(() =>
    Bulk.SyncPlan(space, source(s), { ...o, role: o.role as chat.Role, domain: '', groups: {} } as plan.SyncOptions, admin),
  ).then((p) => ({
    space: p.plan.space,
    spaceName: p.spaceName,
    add: (p.plan.add ?? []).map(plainChange),
    remove: (p.plan.remove ?? []).map(plainChange),
    setRole: (p.plan.setRole ?? []).map(plainChange),
    keep: (p.plan.keep ?? []).map(plainChange),
    rejected: (p.plan.rejected ?? []).map(plainRow),
    warnings: (p.plan.warnings ?? []).map((w) => toProblem(w)),
    records: p.records ?? [],
  }));

/** startAdd starts the confirmed rows as a bulk add job. */
export const startAdd = (items: Item[], admin: boolean): Promise<Job> => call(() => Jobs.Start(items, admin));
/** startSync starts a confirmed sync plan as a job. */
export const startSync = (items: Item[], admin: boolean): Promise<Job> => call(() => Bulk.StartSync(items, admin));
