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

/** spaceLabel is the display name, or for an unnamed conversation (DMs have none) its kind. */
export function spaceLabel(i18n: Translator, space: Pick<Space, 'displayName' | 'type'>): string {
  if (space.displayName.trim() !== '') return space.displayName;
  return space.type === 'SPACE' ? i18n.t('spaces.untitled') : spaceTypeLabel(i18n, space.type);
}

const STATE_KEYS: Record<string, Key> = {
  JOINED: 'state.JOINED',
  INVITED: 'state.INVITED',
  NOT_A_MEMBER: 'state.NOT_A_MEMBER',
};

/** What adding someone came to: the card's summary and badge follow it. */
export type Outcome = 'joined' | 'invited' | 'already' | 'alreadyInvited';

export function outcome(m: Pick<Membership, 'state' | 'alreadyMember'>): Outcome {
  // Someone invited earlier who has not accepted is not "already a member": say so.
  if (m.alreadyMember) return m.state === 'INVITED' ? 'alreadyInvited' : 'already';
  return m.state === 'INVITED' ? 'invited' : 'joined';
}

export function stateLabel(i18n: Translator, m: Pick<Membership, 'state' | 'alreadyMember'>): string {
  if (m.alreadyMember) return i18n.t(m.state === 'INVITED' ? 'state.alreadyInvited' : 'state.already');
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
