// The member list of the chosen space and the actions on it (change a role, remove, cancel an
// invitation). Go lists every page, sorts and says per row what the user may do; this store
// searches in the window and reloads after every change, so what is shown is what Google has.
import * as api from '../api/members';
import type { Member, MemberList, Role } from '../api/members';
import type { AppProblem, Space } from '../api/app';
import { fold, words } from './search';

export type { Member, MemberList, Role } from '../api/members';

/** The roles in the order a menu offers them, highest first. */
export const ROLES: readonly Role[] = ['ROLE_MANAGER', 'ROLE_ASSISTANT_MANAGER', 'ROLE_MEMBER'];

/** An action waiting for the person's confirmation. */
export type Pending =
  | { kind: 'role'; member: Member; role: Role }
  | { kind: 'remove'; member: Member }
  | { kind: 'cancel'; member: Member };

export class MembersStore {
  /** The listing of the space shown; raw: thousands of rows are replaced, never mutated. */
  list = $state.raw<MemberList | null>(null);
  /** The space whose members are shown (or being loaded). */
  space = $state.raw<Space | null>(null);
  /** Whether the list was (and actions are) made with administrator access. */
  admin = $state(false);
  loading = $state(false);
  problem = $state<AppProblem | null>(null);
  query = $state('');
  /** An action is running. */
  busy = $state(false);
  /** Why the last action failed (shown in its dialog). */
  actionProblem = $state<AppProblem | null>(null);

  /** Folded "name email id" per membership, made once per listing for the search. */
  private hay = new Map<string, string>();
  /** Counts loads and resets: an answer for a space no longer shown is dropped. */
  private generation = 0;

  visible: Member[] = $derived.by(() => {
    const members = this.list?.members ?? [];
    const q = words(this.query);
    if (q.length === 0) return members;
    return members.filter((m) => {
      const h = this.hay.get(m.name) ?? '';
      return q.every((w) => h.includes(w));
    });
  });

  /** load lists the members of space (null: no space chosen). */
  async load(space: Space | null, admin = this.admin): Promise<void> {
    const generation = ++this.generation;
    const other = space?.name !== this.space?.name;
    this.space = space;
    this.admin = admin;
    this.problem = null;
    if (other) {
      this.list = null;
      this.query = '';
    }
    if (!space) {
      this.loading = false;
      return;
    }
    this.loading = true;
    try {
      const list = await api.listMembers(space.name, admin);
      if (generation !== this.generation) return;
      this.hay = new Map(list.members.map((m) => [m.name, fold(`${m.displayName} ${m.email} ${m.memberName}`)]));
      this.list = list;
    } catch (e) {
      if (generation === this.generation) this.problem = e as AppProblem;
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** refresh lists the shown space again (after an add, or after an action). */
  refresh(): Promise<void> {
    return this.load(this.space, this.admin);
  }

  /**
   * run carries out a confirmed action; true when Google did it (the list is then reloaded).
   * confirmedSelf is the second confirmation for removing oneself.
   */
  async run(p: Pending, confirmedSelf = false): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.actionProblem = null;
    const generation = this.generation;
    try {
      if (p.kind === 'role') await api.setRole(p.member.name, p.role, this.admin);
      else if (p.kind === 'cancel') await api.cancelInvitation(p.member.name, this.admin);
      else await api.removeMember(p.member.name, confirmedSelf, this.admin);
    } catch (e) {
      if (generation === this.generation) this.actionProblem = e as AppProblem;
      return false;
    } finally {
      this.busy = false;
    }
    // A change made, then reload: roles and "may" of other rows can follow from it (the last
    // owner). Someone who left the space can no longer list it: the caller reloads the spaces.
    if (generation === this.generation && !(p.kind === 'remove' && p.member.me && !this.admin)) await this.refresh();
    return true;
  }

  clearActionProblem(): void {
    this.actionProblem = null;
  }

  reset(): void {
    this.generation++;
    this.list = null;
    this.space = null;
    this.admin = false;
    this.loading = false;
    this.problem = null;
    this.query = '';
    this.busy = false;
    this.actionProblem = null;
    this.hay = new Map();
  }
}
