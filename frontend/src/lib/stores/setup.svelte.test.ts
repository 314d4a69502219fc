// SetupStore's own logic: a failure seen in a call is laid over a step the check could not judge,
// a later check that judged that step wins, and every failure found asks the guide for the focus.
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { SetupStore } from './setup.svelte';
import { AppProblem } from '../api/app';
import { guide, reset, setupApi } from '../../test/fake';

const expired = new AppProblem({ code: 'auth.expired', message: 'Expired.' });

function store() {
  reset();
  const s = new SetupStore();
  return { s, cleanup: () => {} };
}

describe('SetupStore', () => {
  it('lays a seen failure over an unchecked step, opens it and asks for the focus', async () => {
    const { s, cleanup } = store();
    await s.check();
    expect(s.current).toBe('');
    const before = s.focusRequest;
    await s.observe(expired);
    flushSync();
    expect(s.steps.find((x) => x.id === 'stay_signed_in')).toMatchObject({ state: 'failed', problem: expired });
    expect(s.current).toBe('stay_signed_in');
    expect(s.open).toBe('stay_signed_in');
    expect(s.focusRequest).toBe(before + 1);
    // The same problem seen again asks nothing more.
    await s.observe(expired);
    expect(s.focusRequest).toBe(before + 1);
    cleanup();
  });

  it('a check that judged the step replaces what was seen', async () => {
    const { s, cleanup } = store();
    await s.observe(expired);
    setupApi.Check.mockResolvedValue(guide({ stay_signed_in: 'ok' }) as never);
    await s.check();
    expect(s.seen).toBeNull();
    expect(s.current).toBe('');
    expect(s.steps.find((x) => x.id === 'stay_signed_in')?.state).toBe('ok');
    cleanup();
  });

  it('ignores problems Go ties to no step, and an answer to an older check', async () => {
    const { s, cleanup } = store();
    await s.observe(new AppProblem({ code: 'chat.quota', message: 'Slow down.' }));
    expect(s.seen).toBeNull();
    let first!: (v: unknown) => void;
    setupApi.Check.mockReturnValueOnce(new Promise((r) => (first = r)) as never);
    const older = s.check();
    setupApi.Check.mockResolvedValue(guide({ chat_app: 'failed' }) as never);
    await s.check();
    first(guide({ chat_api: 'failed' }));
    await older;
    expect(s.current).toBe('chat_app');
    cleanup();
  });
});
