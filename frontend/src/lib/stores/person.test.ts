import { describe, expect, it } from 'vitest';
import { checkPerson } from './person';

// The same cases as backend/chat/validate_test.go (TestNormalizeEmail, TestPersonName).
describe('checkPerson mirrors the backend', () => {
  it.each([
    'jane@example.com',
    '  Jane.Doe@Example.COM \t',
    '\u200bjane@example.com\ufeff',
    "o'brien+chat@sub.example.co.uk",
    'a_b-c=d@xn--bcher-kva.example',
    'x@a-b.io',
    'a'.repeat(64) + '@example.com',
    '123456789012345678901',
    'users/42',
    ' users/jane@EXAMPLE.com ',
  ])('accepts %j', (input) => {
    expect(checkPerson(input).ok).toBe(true);
  });

  it.each([
    'jane', 'jane@', '@example.com', 'jane@example', 'jane@@example.com', 'ja ne@example.com',
    'jane@exa mple.com', 'jane@example..com', '.jane@example.com', 'jane.@example.com',
    'ja..ne@example.com', 'jane@-example.com', 'jane@example-.com', 'jane@example.123',
    'jane@127.0.0.1', 'jane/../x@example.com', 'jane?x@example.com', 'jane#x@example.com',
    'jane%40@example.com', 'jane@exa/mple.com', 'jane@example.com/..', 'ja\x00ne@example.com',
    'ja\nne@example.com', '"jane"@example.com', 'jané@example.com', 'jane@bücher.example',
    'jane@example.com.', 'a'.repeat(65) + '@example.com', 'jane@' + 'a'.repeat(64) + '.com',
    'jane@[127.0.0.1]', 'a@b@example.com', 'users/app', '1'.repeat(31), 'users/../spaces/X',
    'users/42/../1', 'groups/123',
    // Letters that lower-case to ASCII (Kelvin sign U+212A to k, U+0130 to i) would send the
    // request to another domain: non-ASCII is refused before any case folding.
    'alice@exampl\u212a.com', 'alice@\u212aexample.com', 'alice@example.\u212a', '\u0130van@example.com',
    'ivan@\u0130nfo.example', 'users/alice@exampl\u212a.com',
  ])('refuses %j', (input) => {
    expect(checkPerson(input)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('calls blank input empty', () => {
    expect(checkPerson('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkPerson('users/')).toEqual({ ok: false, reason: 'empty' });
  });
});
