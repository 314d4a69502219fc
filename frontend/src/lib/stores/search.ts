// Searching the space list, in the window as the person types (the list is already here; no
// call to Go). Every word must match, letter case and accents are ignored, the display name or
// the resource name may match, and a pasted Chat link finds its space. A conversation without a
// name (a direct message) also matches the label the list shows for it ("Direct message"), in
// the current language. Speed: src/lib/stores/search.bench.ts (make bench).
import type { Space } from '../api/app';

// Letters that Unicode does not decompose into a base letter plus accent.
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');
const MARKS = /\p{Mn}/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** fold lower-cases s and removes accents, so that comparisons ignore both. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC')
    .replace(SPECIAL_RE, (c) => SPECIAL[c]);
}

/** spaceIdFromLink turns a (folded) Google Chat link into the space id it points at; other words pass through. */
export function spaceIdFromLink(word: string): string {
  if (!word.includes('google.com/')) return word;
  let url: URL;
  try {
    url = new URL(word.includes('://') ? word : `https://${word}`);
  } catch {
    return word;
  }
  const trim = (s: string) => s.replace(/^\/+|\/+$/g, '');
  const parts = `${trim(decodeSafe(url.pathname))}/${trim(decodeSafe(url.hash.slice(1)))}`.split('/');
  for (let i = 0; i + 1 < parts.length; i++) {
    if (['room', 'space', 'dm'].includes(parts[i]) && parts[i + 1] !== '') return parts[i + 1];
  }
  return word;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** words splits a query into folded words, links replaced by the space id they point at. */
export function words(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(spaceIdFromLink);
}

/** haystack is what the words of a search are looked for in: the space's names, folded. */
export function haystack(space: Space): string {
  return fold(`${space.displayName} ${space.name}`);
}

/**
 * matches tells whether the space has every word (from words()) and the type ('' or 'all' for any).
 * label is what the list shows for a space without a display name; as a function it is only
 * asked for such a space when there are words to look for. hay, if given, is haystack(space)
 * computed beforehand (the store keeps them per list, not per keystroke).
 */
export function matches(
  space: Space,
  query: readonly string[],
  type: string,
  label: string | (() => string) = '',
  hay?: string,
): boolean {
  const t = type.trim().toUpperCase();
  if (t !== '' && t !== 'ALL' && space.type.toUpperCase() !== t) return false;
  if (query.length === 0) return true;
  let h = hay ?? haystack(space);
  if (space.displayName.trim() === '') {
    const l = typeof label === 'function' ? label() : label;
    if (l) h += ` ${fold(l)}`;
  }
  return query.every((w) => h.includes(w));
}
