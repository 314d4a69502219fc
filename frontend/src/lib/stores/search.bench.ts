// make bench: the space search as it runs per keystroke, over an admin's 10,000 spaces.
import { bench, describe } from 'vitest';
import type { Space } from '../api/app';
import { matches, words } from './search';

const spaces: Space[] = Array.from({ length: 10_000 }, (_, i) => ({
  name: `spaces/AAAA${String(i).padStart(7, '0')}`,
  displayName: i % 7 === 0 ? `Équipe projet ${i}` : `Project ${String(i).padStart(5, '0')}`,
  type: i % 11 === 0 ? 'GROUP_CHAT' : 'SPACE',
  uri: '',
  externalUserAllowed: false,
}));

function search(query: string, type = ''): number {
  const q = words(query);
  const n = spaces.filter((s) => matches(s, q, type)).length;
  if (n === 0) throw new Error(`no match for ${query}`);
  return n;
}

describe('search 10,000 spaces', () => {
  bench('plain words', () => {
    search('project 09999');
  });
  bench('accented query', () => {
    search('équipe 700');
  });
  bench('pasted Chat link', () => {
    search('https://chat.google.com/room/AAAA0000042?cls=7');
  });
});
