// The bulk input (several spaces × people, a pasted table, a CSV file), its preview row by row,
// and the sync of a space to a list. Held by AppState, so nothing typed is lost when the view
// changes. Go reads and checks; this keeps what the user did to the preview (rows dropped or
// fixed) and starts the job.
import * as api from '../api/bulk';
import type { Change, Item, Job, PreviewRow, RowProblem, SyncOptions, SyncPlan, TableRecord } from '../api/bulk';
import type { AppProblem, Role } from '../api/app';
import { PeopleStore } from './people.svelte';

export type { Change, PreviewRow, RowProblem, SyncPlan } from '../api/bulk';
export type BulkMode = 'spaces' | 'paste' | 'file';
export const BULK_MODES: readonly BulkMode[] = ['spaces', 'paste', 'file'];
export type Verdict = PreviewRow['verdict'];
export const VERDICTS: readonly Verdict[] = ['ready', 'invalid', 'duplicate', 'already_member', 'already_invited', 'outside'];

/** A preview row with the id the list knows it by (a cell of several addresses gives rows of one number). */
export interface Line {
  id: string;
  row: PreviewRow;
}

export type Counts = Record<Verdict, number> & { total: number };

export function countLines(lines: readonly Line[]): Counts {
  const c: Counts = { total: lines.length, ready: 0, invalid: 0, duplicate: 0, already_member: 0, already_invited: 0, outside: 0 };
  for (const l of lines) c[l.row.verdict]++;
  return c;
}

/** A file chosen in the page: read as base64 for Go, once its size is known to be within Go's limit. */
export interface ChosenFile {
  name: string;
  size: number;
}

/** base64 of bytes, in chunks (String.fromCharCode takes a bounded number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The list source shared by the bulk input and the sync: a paste or a file. */
class ListSource {
  text = $state('');
  file = $state.raw<ChosenFile | null>(null);
  /** The file's bytes (base64), or the path the desktop dialog gave. */
  fileBase64 = '';
  path = $state('');
  /** The file is over Go's limit: it was not read. */
  tooBig = $state(false);
  maxBytes = $state(0);

  async limit(): Promise<number> {
    if (this.maxBytes === 0) this.maxBytes = await api.maxFileBytes();
    return this.maxBytes;
  }

  /** pick reads a file chosen in the page, unless it is bigger than Go reads (checked before reading). */
  async pick(f: File | null): Promise<void> {
    this.fileBase64 = '';
    this.path = '';
    this.tooBig = false;
    this.file = f ? { name: f.name, size: f.size } : null;
    if (!f) return;
    if (f.size > (await this.limit())) {
      this.tooBig = true;
      return;
    }
    this.fileBase64 = toBase64(new Uint8Array(await f.arrayBuffer()));
  }

  /** choose asks the desktop's file dialog for a file (the window build; the browser bridge refuses). */
  async choose(): Promise<void> {
    const path = await api.chooseFile();
    if (path === '') return;
    this.fileBase64 = '';
    this.tooBig = false;
    this.path = path;
    this.file = { name: path.split(/[\\/]/).pop() ?? path, size: 0 };
  }

  source(mode: 'paste' | 'file'): api.Source {
    if (mode === 'paste') return { text: this.text };
    return this.path !== '' ? { path: this.path } : { fileBase64: this.fileBase64 };
  }

  reset(): void {
    this.text = '';
    this.file = null;
    this.fileBase64 = '';
    this.path = '';
    this.tooBig = false;
  }
}

export class BulkStore {
  mode = $state<BulkMode>('paste');
  readonly list = new ListSource();
  /** Spaces ticked (resource names), and the search over the user's spaces. */
  ticked = $state<string[]>([]);
  spaceQuery = $state('');
  readonly people = new PeopleStore();
  role = $state<Role>('ROLE_MEMBER');

  lines = $state.raw<Line[]>([]);
  /** records[i] is what lines[i] was checked from: a fixed row is checked again with the others. */
  private records: TableRecord[] = [];
  unchecked = $state.raw<string[]>([]);
  checked = $state(false);
  onlyProblems = $state(false);
  /** The id of the row shown in the detail panel ('' none). */
  selected = $state('');
  busy = $state(false);
  starting = $state(false);
  problem = $state<AppProblem | null>(null);
  private nextId = 1;

  counts: Counts = $derived(countLines(this.lines));
  visible: Line[] = $derived(this.onlyProblems ? this.lines.filter((l) => l.row.verdict !== 'ready') : this.lines);
  current: Line | null = $derived(this.lines.find((l) => l.id === this.selected) ?? null);

  private set(p: api.Preview): void {
    this.records = p.records;
    this.lines = p.rows.map((row) => ({ id: String(this.nextId++), row }));
    this.unchecked = p.unchecked;
    this.checked = true;
    if (!this.lines.some((l) => l.id === this.selected)) this.selected = '';
  }

  private source(): api.Source {
    if (this.mode === 'spaces') {
      return { spaces: this.ticked, people: this.people.valid.map((c) => c.value), role: this.role };
    }
    return this.list.source(this.mode);
  }

  /** check reads the input and checks every row (nothing is sent). */
  async check(admin: boolean): Promise<void> {
    await this.run(async () => this.set(await api.preview(this.source(), admin)));
  }

  private async run(f: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.problem = null;
    try {
      await f();
    } catch (e) {
      this.problem = e as AppProblem;
    } finally {
      this.busy = false;
    }
  }

  toggle(space: string, on: boolean): void {
    this.ticked = on ? [...this.ticked.filter((s) => s !== space), space] : this.ticked.filter((s) => s !== space);
  }

  /** drop removes a row from the job; returns the id of the row now in its place (next, else previous; '' none). */
  drop(id: string): string {
    const i = this.lines.findIndex((l) => l.id === id);
    if (i < 0) return '';
    const vis = this.visible;
    const vi = vis.findIndex((l) => l.id === id);
    const next = vis[vi + 1] ?? vis[vi - 1];
    this.records = this.records.filter((_, j) => j !== i);
    this.lines = this.lines.filter((_, j) => j !== i);
    this.selected = next?.id ?? '';
    return this.selected;
  }

  /** dropProblems removes every row that would not be sent. */
  dropProblems(): void {
    const keep = this.lines.map((l) => l.row.verdict === 'ready');
    this.records = this.records.filter((_, j) => keep[j]);
    this.lines = this.lines.filter((_, j) => keep[j]);
    this.selected = '';
  }

  /** fix replaces a row with what the user typed and checks the list again. */
  async fix(id: string, person: string, space: string, role: string, admin: boolean): Promise<void> {
    const i = this.lines.findIndex((l) => l.id === id);
    if (i < 0) return;
    const rowNo = this.lines[i].row.row;
    await this.run(async () => {
      const fixed = await api.readRow(rowNo, person, space, role);
      const records = [...this.records.slice(0, i), ...fixed, ...this.records.slice(i + 1)];
      const before = this.lines.length;
      this.set(await api.preview({ records }, admin));
      // The fixed row keeps being the one shown.
      this.selected = this.lines[Math.min(i, before - 1)]?.id ?? '';
    });
  }

  /** items are the rows that will be sent. */
  items(): Item[] {
    return this.lines.filter((l) => l.row.verdict === 'ready').map((l) => l.row.item);
  }

  /** start sends the ready rows as a job; the job, or null when it could not start (problem says why). */
  async start(admin: boolean): Promise<Job | null> {
    const items = this.items();
    if (items.length === 0 || this.starting) return null;
    this.starting = true;
    this.problem = null;
    try {
      const job = await api.startAdd(items, admin);
      this.clearPreview();
      return job;
    } catch (e) {
      this.problem = e as AppProblem;
      return null;
    } finally {
      this.starting = false;
    }
  }

  clearPreview(): void {
    this.lines = [];
    this.records = [];
    this.unchecked = [];
    this.checked = false;
    this.selected = '';
    this.onlyProblems = false;
  }

  reset(): void {
    this.clearPreview();
    this.list.reset();
    this.ticked = [];
    this.spaceQuery = '';
    this.people.reset();
    this.problem = null;
  }
}

export const DEFAULT_SYNC: SyncOptions = { includeSelf: false, includeApps: false, includeManagers: false, role: '' };

/** Where a sync's list comes from: a paste, a file, or a Google Group's members. */
export type SyncMode = 'paste' | 'file' | 'group';

export class SyncStore {
  space = $state('');
  spaceQuery = $state('');
  mode = $state<SyncMode>('paste');
  readonly list = new ListSource();
  /** The Google Group's address, when its members are the list (mode group). */
  group = $state('');
  options = $state<SyncOptions>({ ...DEFAULT_SYNC });
  plan = $state.raw<SyncPlan | null>(null);
  /** The user ticked that they read the plan's warnings. */
  confirmed = $state(false);
  busy = $state(false);
  starting = $state(false);
  problem = $state<AppProblem | null>(null);

  /** Changes to send: adds, role changes, removals. */
  get changes(): number {
    const p = this.plan;
    return p ? p.add.length + p.setRole.length + p.remove.length : 0;
  }

  /** The plan may run: something to do, and warnings (if any) confirmed. */
  get canRun(): boolean {
    return this.plan !== null && this.changes > 0 && (this.plan.warnings.length === 0 || this.confirmed);
  }

  /** The list as the backend reads it. */
  source(): api.Source {
    return this.mode === 'group' ? { group: this.group.trim() } : this.list.source(this.mode);
  }

  /** There is a list to plan with: text, a file that is not too big, or a group's address. */
  get hasList(): boolean {
    switch (this.mode) {
      case 'paste':
        return this.list.text.trim() !== '';
      case 'file':
        return this.list.file !== null && !this.list.tooBig;
      case 'group':
        return this.group.trim() !== '';
    }
  }

  async check(admin: boolean): Promise<void> {
    if (this.busy || this.space === '') return;
    this.busy = true;
    this.problem = null;
    this.confirmed = false;
    try {
      this.plan = await api.syncPlan(this.space, this.source(), $state.snapshot(this.options), admin);
    } catch (e) {
      this.plan = null;
      this.problem = e as AppProblem;
    } finally {
      this.busy = false;
    }
  }

  async start(admin: boolean): Promise<Job | null> {
    const p = this.plan;
    if (!p || !this.canRun || this.starting) return null;
    this.starting = true;
    this.problem = null;
    try {
      const items = [...p.add, ...p.setRole, ...p.remove].map((c: Change) => c.item);
      const job = await api.startSync(items, admin);
      this.plan = null;
      this.confirmed = false;
      return job;
    } catch (e) {
      this.problem = e as AppProblem;
      return null;
    } finally {
      this.starting = false;
    }
  }

  reset(): void {
    this.space = '';
    this.spaceQuery = '';
    this.list.reset();
    this.group = '';
    this.mode = 'paste';
    this.options = { ...DEFAULT_SYNC };
    this.plan = null;
    this.confirmed = false;
    this.problem = null;
  }
}
