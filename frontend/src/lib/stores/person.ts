// The client-side check of "who to add". It mirrors backend/chat/validate.go (PersonName,
// NormalizeEmail) rule for rule, so a typo is caught before any request and the backend, which
// checks again, never disagrees: an email address, a numeric user id, or either as "users/...".

const USER_ID = /^[0-9]{1,30}$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const LOCAL_CHAR = /^[A-Za-z0-9.!$&'*+=^_`{|}~-]$/;
// White space (Go's unicode.IsSpace) and the invisible characters that come with pasted text.
const EDGE = /^[\s\u0085\u200b\u200c\u200d\u2060\ufeff]+|[\s\u0085\u200b\u200c\u200d\u2060\ufeff]+$/g;

export type PersonCheck = { ok: true; value: string } | { ok: false; reason: 'empty' | 'malformed' };

// ASCII only, checked before any case folding: toLowerCase() turns the Kelvin sign (U+212A) into
// "k", so "alice@exampl\u212a.com" would otherwise pass as example.com. With ASCII only, string
// lengths are byte lengths, as in Go.
const ASCII = /^[\x00-\x7f]*$/;

export function validEmail(e: string): boolean {
  if (!ASCII.test(e) || e.length > 254 || e.split('@').length !== 2) return false;
  const at = e.indexOf('@');
  const local = e.slice(0, at);
  const domain = e.slice(at + 1).toLowerCase();
  if (local.length === 0 || local.length > 64) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  for (const c of local) if (!LOCAL_CHAR.test(c)) return false;
  if (domain.length === 0 || domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return false;
  return /[^0-9]/.test(labels[labels.length - 1]);
}

export function checkPerson(input: string): PersonCheck {
  const value = input.replace(EDGE, '');
  let p = value;
  if (p.startsWith('users/')) {
    p = p.slice('users/'.length);
    if (p === 'app') return { ok: false, reason: 'malformed' };
  }
  if (p === '') return { ok: false, reason: 'empty' };
  if (p.includes('@')) return validEmail(p) ? { ok: true, value } : { ok: false, reason: 'malformed' };
  if (USER_ID.test(p)) return { ok: true, value };
  return { ok: false, reason: 'malformed' };
}
