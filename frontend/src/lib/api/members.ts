// Wrappers over the member-list bindings (Members.List, SetRole, Remove, CancelInvitation).
// Only lib/stores imports this module. Every rejection becomes an AppProblem.
import * as Members from '../../../wailsjs/go/main/Members';
import { chat } from '../../../wailsjs/go/models';
import { toProblem } from './problem';
import type { Plain, Space } from './app';

export type Role = `${chat.Role}`;
export type Kind = `${chat.Kind}`;
export type State = `${chat.State}`;
export type MemberActions = { roles: Role[]; remove: boolean; cancelInvitation: boolean };
export type Member = Omit<Plain<chat.Member>, 'may'> & { may: MemberActions };
export interface MemberList {
  space: Space;
  members: Member[];
  myRole: Role | '';
  addRoles: Role[];
  joined: number;
  invited: number;
}

async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toProblem(e);
  }
}

// Go sends roles as the enum's strings; a list or action missing from an answer is empty.
function plainMember(m: chat.Member): Member {
  return {
    ...(m as unknown as Plain<chat.Member>),
    may: {
      roles: (m.may?.roles ?? []) as Role[],
      remove: m.may?.remove ?? false,
      cancelInvitation: m.may?.cancelInvitation ?? false,
    },
  };
}

export const listMembers = (space: string, admin: boolean): Promise<MemberList> =>
  call(() => Members.List(space, admin)).then((l) => ({
    space: l.space as unknown as Space,
    members: (l.members ?? []).map(plainMember),
    myRole: (l.myRole ?? '') as Role | '',
    addRoles: (l.addRoles ?? []) as Role[],
    joined: l.joined ?? 0,
    invited: l.invited ?? 0,
  }));
export const setRole = (membership: string, role: Role, admin: boolean): Promise<Member> =>
  call(() => Members.SetRole(membership, role as chat.Role, admin)).then(plainMember);
export const removeMember = (membership: string, confirmedSelf: boolean, admin: boolean): Promise<Member> =>
  call(() => Members.Remove(membership, confirmedSelf, admin)).then(plainMember);
export const cancelInvitation = (membership: string, admin: boolean): Promise<Member> =>
  call(() => Members.CancelInvitation(membership, admin)).then(plainMember);
