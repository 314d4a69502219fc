// BulkStore and SyncStore: what the user does to a preview (drop, drop the problems, fix, the
// counts that follow), what is sent on confirmation, the file size checked before reading, and a
// sync plan with warnings that runs only once they are confirmed. The bindings are mocked here
// (this file's own mocks: Bulk and Jobs).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as Bulk from '../../../wailsjs/go/main/Bulk';
import * as Jobs from '../../../wailsjs/go/main/Jobs';
import { BulkStore, SyncStore, countLines, toBase64 } from './bulk.svelte';

vi.mock('../../../wailsjs/go/main/Bulk', () => ({
  ChooseFile: vi.fn(),
  MaxFileBytes: vi.fn(),
  Preview: vi.fn(),
  ReadRow: vi.fn(),
  StartSync: vi.fn(),
  SyncPlan: vi.fn(),
}));
vi.mock('../../../wailsjs/go/main/Jobs', () => ({ Start: vi.fn() }));

const bulk = vi.mocked(Bulk);
const jobs = vi.mocked(Jobs);

type Verdict = 'ready' | 'invalid' | 'duplicate' | 'already_member' | 'already_invited' | 'outside';
function row(n: number, verdict: Verdict, who = `p${n}@example.com`) {
  return {
    row: n,
    who,
    spaceName: 'Berlin Office',
    verdict,
    item: { op: 'add', space: 'spaces/B', member: `users/${who}`, kind: 'person', role: 'ROLE_MEMBER' },
    problem: verdict === 'ready' ? undefined : { code: 'chat.invalid_email', message: 'Bad.', fix: '', params: {} },
  };
}
const record = (n: number) => ({ row: n, kind: 'person', member: `users/p${n}@example.com`, cells: [] });

function preview(rows: ReturnType<typeof row>[]) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { preview: { rows, counts: {} }, records: rows.map((r) => record(r.row)), unchecked: [] } as any;
}

beforeEach(() => {
  vi.resetAllMocks();
});

describe('BulkStore', () => {
  it('counts the verdicts; drop moves the choice to the next row, and to the previous at the end', async () => {
    const s = new BulkStore();
    s.list.text = 'x';
    bulk.Preview.mockResolvedValue(preview([row(2, 'ready'), row(3, 'invalid'), row(4, 'duplicate'), row(5, 'ready')]));
    await s.check(false);
    expect(bulk.Preview).toHaveBeenCalledWith(expect.objectContaining({ text: 'x' }), false);
    expect(s.counts).toMatchObject({ total: 4, ready: 2, invalid: 1, duplicate: 1 });

    const [, bad, , last] = s.lines;
    s.selected = bad.id;
    expect(s.drop(bad.id)).toBe(s.lines[1].id);
    expect(s.lines.map((l) => l.row.row)).toEqual([2, 4, 5]);
    expect(s.counts).toMatchObject({ total: 3, invalid: 0 });
    s.drop(last.id);
    expect(s.current?.row.row).toBe(4);
  });

  it('drops every row that would not be sent, and sends only the ready rows', async () => {
    const s = new BulkStore();
    s.list.text = 'x';
    bulk.Preview.mockResolvedValue(preview([row(2, 'ready'), row(3, 'outside'), row(4, 'ready')]));
    await s.check(true);
    s.onlyProblems = true;
    expect(s.visible.map((l) => l.row.row)).toEqual([3]);
    s.dropProblems();
    expect(s.counts).toMatchObject({ total: 2, ready: 2 });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    jobs.Start.mockResolvedValue({ id: 7 } as any);
    const job = await s.start(true);
    expect(job?.id).toBe(7);
    expect(jobs.Start).toHaveBeenCalledWith([row(2, 'ready').item, row(4, 'ready').item], true);
    expect(s.checked).toBe(false);
  });

  it('a fixed row is read and the records checked again, the fixed one in its place', async () => {
    const s = new BulkStore();
    s.list.text = 'x';
    bulk.Preview.mockResolvedValueOnce(preview([row(2, 'ready'), row(3, 'invalid', 'bad')]));
    await s.check(false);
    const fixed = { ...record(3), member: 'users/good@example.com' };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    bulk.ReadRow.mockResolvedValue([fixed] as any);
    bulk.Preview.mockResolvedValueOnce(preview([row(2, 'ready'), row(3, 'ready', 'good@example.com')]));
    await s.fix(s.lines[1].id, 'good@example.com', 'Berlin Office', '', false);
    expect(bulk.ReadRow).toHaveBeenCalledWith(3, 'good@example.com', 'Berlin Office', '');
    expect(bulk.Preview).toHaveBeenLastCalledWith(expect.objectContaining({ records: [record(2), fixed] }), false);
    expect(s.counts.ready).toBe(2);
    expect(s.current?.row.who).toBe('good@example.com');
  });

  it("refuses a file over Go's limit before reading it", async () => {
    const s = new BulkStore();
    bulk.MaxFileBytes.mockResolvedValue(10);
    const big = new File(['01234567890'], 'big.csv');
    const read = vi.spyOn(big, 'arrayBuffer');
    await s.list.pick(big);
    expect(s.list.tooBig).toBe(true);
    expect(read).not.toHaveBeenCalled();
    await s.list.pick(new File(['a,b'], 'ok.csv'));
    expect(s.list.tooBig).toBe(false);
    expect(s.list.source('file')).toEqual({ fileBase64: btoa('a,b') });
  });

  it('base64 of large byte arrays, in chunks', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(atob(toBase64(bytes)).length).toBe(100_000);
    expect(countLines([]).total).toBe(0);
  });
});

describe('SyncStore', () => {
  const change = (member: string) => ({ item: { op: 'add', space: 'spaces/N', member, kind: 'person', role: '' }, member: {} });
  it('runs a plan with warnings only once they are confirmed', async () => {
    const s = new SyncStore();
    s.space = 'spaces/N';
    s.list.text = 'a@example.com';
    bulk.SyncPlan.mockResolvedValue({
      plan: {
        space: 'spaces/N',
        add: [change('users/a@example.com')],
        remove: [change('users/b')],
        setRole: [],
        keep: [],
        rejected: [],
        warnings: [{ code: 'plan.removes_all_but_you', message: 'Careful.', fix: '' }],
      },
      spaceName: 'New',
      records: [],
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
    } as any);
    await s.check(false);
    expect(bulk.SyncPlan).toHaveBeenCalledWith(
      'spaces/N',
      expect.objectContaining({ text: 'a@example.com' }),
      expect.objectContaining({ includeSelf: false, includeApps: false, includeManagers: false }),
      false,
    );
    expect(s.changes).toBe(2);
    expect(s.canRun).toBe(false);
    expect(await s.start(false)).toBeNull();
    expect(bulk.StartSync).not.toHaveBeenCalled();
    s.confirmed = true;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    bulk.StartSync.mockResolvedValue({ id: 9 } as any);
    expect((await s.start(false))?.id).toBe(9);
    expect(bulk.StartSync).toHaveBeenCalledWith(
      [change('users/a@example.com').item, change('users/b').item],
      false,
    );
  });
});

describe('SyncStore with a Google Group', () => {
  it("plans with the group's address (trimmed) as the list, and needs one", async () => {
    const s = new SyncStore();
    s.space = 'spaces/N';
    s.mode = 'group';
    s.list.text = 'left@example.com'; // a paste left from before is not the list
    expect(s.hasList).toBe(false);
    s.group = '  engineering@example.com ';
    expect(s.hasList).toBe(true);
    bulk.SyncPlan.mockResolvedValue({
      plan: {
        space: 'spaces/N',
        add: [{ item: { op: 'add', space: 'spaces/N', member: 'users/a@example.com', kind: 'person', role: '' }, member: {} }],
        remove: [], setRole: [],
        keep: [],
        rejected: [],
        warnings: [],
      },
      spaceName: 'New',
      records: [],
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
    } as any);
    await s.check(false);
    const sent = bulk.SyncPlan.mock.calls[0][1];
    expect(sent.group).toBe('engineering@example.com');
    expect(sent.text).toBe('');
    expect(s.changes).toBe(1);
    s.reset();
    expect(s.group).toBe('');
    expect(s.mode).toBe('paste');
  });
});
