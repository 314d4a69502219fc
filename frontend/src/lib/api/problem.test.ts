import { describe, expect, it } from 'vitest';
import { AppProblem, UNEXPECTED, toProblem } from './problem';

describe('toProblem', () => {
  it('decodes the JSON of a backend Problem', () => {
    const p = toProblem(
      JSON.stringify({
        code: 'chat.invalid_email',
        message: '"jane" isn\'t a valid email address.',
        fix: 'Check the address.',
        params: { email: 'jane' },
        detail: 'HTTP 400',
        retryable: true,
      }),
    );
    expect(p).toBeInstanceOf(AppProblem);
    expect(p).toMatchObject({
      code: 'chat.invalid_email',
      fix: 'Check the address.',
      params: { email: 'jane' },
      detail: 'HTTP 400',
      retryable: true,
    });
    expect(p.message).toBe('"jane" isn\'t a valid email address.');
  });

  it('fills in defaults for omitted fields', () => {
    const p = toProblem('{"code":"chat.quota","message":"Slow down."}');
    expect(p).toMatchObject({ fix: '', params: {}, detail: '', retryable: false });
  });

  it('turns a plain string or an Error into a generic problem that keeps the text as detail', () => {
    for (const reason of ['open /x: permission denied', new Error('boom'), '{"not":"a problem"}', 42]) {
      const p = toProblem(reason);
      expect(p.code).toBe(UNEXPECTED);
      expect(p.message).toBe('');
      expect(p.detail).toBe(reason instanceof Error ? 'boom' : String(reason));
    }
  });
});
