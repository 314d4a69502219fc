import { describe, expect, it } from 'vitest';
import type { Space, SpaceType } from '../api/app';
import { fold, matches, words } from './search';

const space = (name: string, displayName: string, type: SpaceType): Space => ({
  name,
  displayName,
  type,
  uri: '',
  externalUserAllowed: false,
});

// Spaces with accents, special letters, a nameless DM and a group chat.
const ALL = [
  space('spaces/AAA111', 'Café Team', 'SPACE'),
  space('spaces/BBB222', 'Marketing – Q3 plans', 'SPACE'),
  space('spaces/CCC333', 'Ёлка 2026', 'SPACE'),
  space('spaces/DDD444', '', 'DIRECT_MESSAGE'),
  space('spaces/EEE555', 'Team lunch', 'GROUP_CHAT'),
  space('spaces/FFF666', 'Straße Project', 'SPACE'),
];
const EVERY = ALL.map((s) => s.name);

const filter = (query: string, type: string, label = (_: Space) => '') =>
  ALL.filter((s) => matches(s, words(query), type, label(s))).map((s) => s.name);

describe('space search mirrors the backend', () => {
  it.each<[string, string, string[]]>([
    ['', '', EVERY],
    ['   ', '', EVERY],
    ['team', '', ['spaces/AAA111', 'spaces/EEE555']],
    ['TEAM', 'SPACE', ['spaces/AAA111']],
    ['team', 'group_chat', ['spaces/EEE555']],
    ['cafe', '', ['spaces/AAA111']],
    ['CAFÉ', '', ['spaces/AAA111']],
    ['елка', '', ['spaces/CCC333']],
    ['strasse', '', ['spaces/FFF666']],
    ['  q3   marketing ', '', ['spaces/BBB222']],
    ['marketing lunch', '', []],
    ['bbb222', '', ['spaces/BBB222']],
    ['spaces/ccc', '', ['spaces/CCC333']],
    ['https://chat.google.com/room/AAA111?cls=7', '', ['spaces/AAA111']],
    ['mail.google.com/chat/u/0/#chat/space/EEE555', '', ['spaces/EEE555']],
    ['', 'DIRECT_MESSAGE', ['spaces/DDD444']],
    ['nothing-like-this', '', []],
    ['team', 'NO_SUCH_TYPE', []],
    // The frontend's own: its "all" filter, DM links, and more letters without a decomposition.
    ['team', 'all', ['spaces/AAA111', 'spaces/EEE555']],
    ['chat.google.com/dm/DDD444', '', ['spaces/DDD444']],
    ['STRAßE', '', ['spaces/FFF666']],
  ])('%j of type %j finds %j', (query, type, want) => {
    expect(filter(query, type)).toEqual(want);
  });

  it('finds an unnamed conversation by the label the list shows, in any case and language', () => {
    const label = (s: Space) => (s.type === 'DIRECT_MESSAGE' ? 'Личные сообщения' : 'Group chat');
    expect(filter('личные', '', label)).toEqual(['spaces/DDD444']);
    expect(filter('ЛИЧНЫЕ сообщения', '', label)).toEqual(['spaces/DDD444']);
    // Only a conversation without a name: a named one is not found by its kind.
    expect(filter('group chat', '', label)).toEqual([]);
  });

  it.each([
    ['Æsir Œuvre', 'aesir oeuvre'],
    ['Søren Łódź', 'soren lodz'],
    ['Đorđe Ðóra Þór', 'dorde dora thor'],
    ['Iİı', 'iii'],
    ['Ёж', 'еж'],
  ])('folds %j to %j', (input, want) => {
    expect(fold(input)).toBe(want);
  });
});
