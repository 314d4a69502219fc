// The History screen's filters as Go's query.
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, toQuery } from './history.svelte';

describe('toQuery', () => {
  it('no filter but this account', () => {
    expect(toQuery(NO_FILTERS, 'admin@example.com')).toEqual({
      person: '',
      space: '',
      op: '',
      outcome: '',
      accountEmail: 'admin@example.com',
      from: '',
      to: '',
    });
  });

  it('all accounts; the person trimmed; op, outcome and space as chosen', () => {
    const q = toQuery({ ...NO_FILTERS, mine: false, person: '  ann ', op: 'remove', outcome: 'failed', space: 'spaces/AAA' }, 'admin@example.com');
    expect(q).toMatchObject({ accountEmail: '', person: 'ann', op: 'remove', outcome: 'failed', space: 'spaces/AAA' });
  });

  it('a date range takes whole local days: "to" includes its day', () => {
    const q = toQuery({ ...NO_FILTERS, from: '2026-12-01', to: '2026-12-03' }, '');
    expect(q.from).toBe(new Date(2026, 11, 1).toISOString());
    expect(q.to).toBe(new Date(2026, 11, 4).toISOString());
  });
});
