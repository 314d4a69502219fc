// How spaces and memberships are named on screen.
import type { Key, Translator } from './translator.svelte';
import type { Membership, Space } from '../stores/app.svelte';

const TYPE_KEYS: Record<string, Key> = {
  SPACE: 'spaces.type.SPACE',
  GROUP_CHAT: 'spaces.type.GROUP_CHAT',
  DIRECT_MESSAGE: 'spaces.type.DIRECT_MESSAGE',
};

export function spaceTypeLabel(i18n: Translator, type: string): string {
  return i18n.t(TYPE_KEYS[type] ?? 'spaces.type.other');
}

/**
 * spaceLabel is the display name; for an unnamed conversation (group chats and DMs have none) the
 * names of its members, as Google Chat shows it, once known; until then its kind.
 */
export function spaceLabel(i18n: Translator, space: Pick<Space, 'displayName' | 'type'>, members = ''): string {
  if (space.displayName.trim() !== '') return space.displayName;
  if (space.type !== 'SPACE' && members.trim() !== '') return members;
  return space.type === 'SPACE' ? i18n.t('spaces.untitled') : spaceTypeLabel(i18n, space.type);
}

/** searchLabel is what a search matches for an unnamed conversation: its members and its kind. */
export function searchLabel(i18n: Translator, space: Pick<Space, 'displayName' | 'type'>, members = ''): string {
  const kind = spaceLabel(i18n, space);
  return members.trim() === '' ? kind : `${members} ${kind}`;
}

const STATE_KEYS: Record<string, Key> = {
  JOINED: 'state.JOINED',
  INVITED: 'state.INVITED',
  NOT_A_MEMBER: 'state.NOT_A_MEMBER',
};

/** What adding someone came to: the card's summary and badge follow it. */
export type Outcome = 'joined' | 'invited' | 'already' | 'alreadyInvited' | 'other';

export function outcome(m: Pick<Membership, 'state' | 'alreadyMember'>): Outcome {
  // Someone invited earlier who has not accepted is not "already a member": say so.
  if (m.alreadyMember) return m.state === 'INVITED' ? 'alreadyInvited' : 'already';
  if (m.state === 'INVITED') return 'invited';
  return m.state === 'JOINED' ? 'joined' : 'other';
}

export function stateLabel(i18n: Translator, m: Pick<Membership, 'state' | 'alreadyMember'>): string {
  if (m.alreadyMember && m.state !== 'INVITED') return i18n.t('state.already');
  return i18n.t(STATE_KEYS[m.state] ?? 'state.other');
}

const ROLE_KEYS: Record<string, Key> = {
  ROLE_MEMBER: 'role.ROLE_MEMBER',
  ROLE_ASSISTANT_MANAGER: 'role.ROLE_ASSISTANT_MANAGER',
  ROLE_MANAGER: 'role.ROLE_MANAGER',
};

export function roleLabel(i18n: Translator, role: string): string {
  return i18n.t(ROLE_KEYS[role] ?? 'role.other');
}

export function memberLabel(i18n: Translator, m: Membership): string {
  if (m.displayName) return m.displayName;
  if (m.memberType === 'BOT') return i18n.t('card.app');
  return m.email || m.memberName;
}

/**
 * rowLabel names a row of the member list: the name, else the email; Google tells neither
 * for groups and for some invitees, which are then named by their id.
 */
export function rowLabel(
  i18n: Translator,
  m: { displayName: string; email: string; memberName: string; kind: string },
): string {
  if (m.displayName.trim() !== '') return m.displayName;
  if (m.email.trim() !== '') return m.email;
  const id = m.memberName.replace(/^(users|groups)\//, '');
  return i18n.t(m.kind === 'group' ? 'members.unnamed.group' : 'members.unnamed.person', { id });
}
