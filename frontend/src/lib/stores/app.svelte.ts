// AppState gathers the stores of one window; App.svelte makes it and hands it down by context.
import { createContext } from 'svelte';
import { searchLabel } from '../i18n/names';
import { AddStore } from './add.svelte';
import { AdminSwitchStore, OrgSpacesStore } from './admin.svelte';
import { BulkStore, SyncStore } from './bulk.svelte';
import { LanguageStore } from './language.svelte';
import { MembersStore } from './members.svelte';
import { SessionStore } from './session.svelte';
import { SetupStore } from './setup.svelte';
import { SpacesStore } from './spaces.svelte';
import type { Space } from '../api/app';

export class AppState {
  readonly language = new LanguageStore();
  readonly i18n = this.language.i18n;
  readonly session = new SessionStore();
  readonly spaces: SpacesStore = new SpacesStore((s) => searchLabel(this.i18n, s, this.spaces.memberLabels[s.name]));
  readonly add = new AddStore();
  readonly adminSwitch = new AdminSwitchStore();
  /** The organisation's spaces in administrator mode (instead of `spaces`, the user's own). */
  readonly orgSpaces = new OrgSpacesStore();
  /** Administrator mode is on (Go says so in the status, after checking the privilege). */
  admin: boolean = $derived(this.session.status?.admin === true);
  /** The domain of the signed-in account: administrator access adds only people of it. */
  domain: string = $derived(domainOf(this.session.status?.account ?? ''));
  /** The space the add form is for: from the organisation's list in administrator mode. */
  selectedSpace: Space | null = $derived(this.admin ? this.orgSpaces.selected : this.spaces.selected);
  /** Names of the spaces the user is a member of, to mark the others in administrator mode. */
  memberOf: Set<string> = $derived(new Set(this.spaces.all.map((s) => s.name)));
  private wasAdmin = false;
  /** The account whose spaces, members and form are shown: on a switch they all start afresh. */
  private shownAccount = '';
  readonly members = new MembersStore();
  /** The bulk input and its preview, and the sync (kept while the view changes). */
  readonly bulk = new BulkStore();
  readonly sync = new SyncStore();
  /** The Google Cloud setup guide. */
  readonly setup = new SetupStore();
  /** The language and the session are known: until then the window shows only "Loading…". */
  ready = $state(false);
  /** Which work view the signed-in window shows (the Views tabs). */
  view: View = $state('members');
  /** The bulk job the 'job' view shows (journal job id), once one was started or opened. */
  jobId: number | null = $state(null);

  constructor() {
    this.session.onChange = () => this.statusChanged();
  }

  async init(): Promise<void> {
    this.add.init();
    this.adminSwitch.init();
    await Promise.all([this.language.init(), this.session.init()]);
    this.ready = true;
  }

  /** openJob shows a bulk job's progress and results (the 'job' view). */
  openJob(id: number): void {
    this.jobId = id;
    this.view = 'job';
  }

  /** chooseSpace selects a space for the add form, clearing the previous outcome. */
  chooseSpace(name: string): void {
    if (this.admin) this.orgSpaces.select(name);
    else this.spaces.select(name);
    this.add.forSpace(this.selectedSpace);
    void this.members.load(this.selectedSpace, this.admin);
  }

  /** setAdmin switches administrator mode (on asks Go to check the privilege first). */
  async setAdmin(on: boolean): Promise<void> {
    const s = await this.adminSwitch.set(on);
    if (s) this.session.status = s;
    this.adminChanged();
  }

  /** adminChanged starts the other list afresh when the mode changed: the form's space and outcome go with it. */
  private adminChanged(): void {
    if (this.admin === this.wasAdmin) return;
    this.wasAdmin = this.admin;
    this.orgSpaces.reset();
    // No app with administrator access; the chip form follows the mode.
    if (this.admin && this.add.who === 'app') this.add.who = 'people';
    this.add.forSpace(this.selectedSpace);
    void this.members.load(this.selectedSpace, this.admin);
  }

  /** refreshSpaces reloads the list; the chosen space stays chosen while it still exists. */
  async refreshSpaces(): Promise<void> {
    const before = this.spaces.selectedName;
    await this.spaces.load();
    // In administrator mode the form and the member list follow the organisation's list instead.
    if (this.spaces.selectedName !== before && !this.admin) {
      this.add.forSpace(this.spaces.selected);
      void this.members.load(this.spaces.selected, false);
    }
  }

  async signOut(): Promise<void> {
    await this.session.signOut();
    this.statusChanged();
  }

  /** switchAccount makes another remembered account active; nothing of the one before stays on screen. */
  async switchAccount(id: string): Promise<void> {
    await this.session.switchAccount(id);
    this.statusChanged();
  }

  /** addAccount signs one more account in (the browser round trip of a sign-in). */
  async addAccount(): Promise<void> {
    await this.session.addAccount();
    this.statusChanged();
  }

  /** signOutAccount signs out of one account; signing out of the active one may make another active. */
  async signOutAccount(id: string): Promise<void> {
    await this.session.signOutAccount(id);
    this.statusChanged();
  }

  /** statusChanged follows every new status: signed out, or another account, clears what was shown. */
  private statusChanged(): void {
    this.leftIfSignedOut();
    this.accountChanged();
    this.adminChanged();
  }

  /**
   * accountChanged starts afresh when the active account is another one: its spaces, members,
   * chips and outcome, administrator mode go (and answers still on their way for the account
   * before are dropped by the stores' resets), then its own list loads.
   */
  private accountChanged(): void {
    const s = this.session.status;
    const now = s?.signedIn ? `${s.accountId}|${s.account}` : '';
    if (now === this.shownAccount) return;
    const before = this.shownAccount;
    this.shownAccount = now;
    if (before === '' || now === '') return; // a first sign-in, or signed out (leftIfSignedOut)
    this.clear();
    this.wasAdmin = false;
    if (!this.session.signingIn) void this.refreshSpaces();
  }

  private leftIfSignedOut(): void {
    if (!this.session.status?.signedIn) this.clear();
  }

  private clear(): void {
    this.spaces.reset();
    this.add.reset();
    this.adminSwitch.reset();
    this.orgSpaces.reset();
    this.members.reset();
    this.bulk.reset();
    this.sync.reset();
    this.view = 'members';
    this.jobId = null;
  }

  dispose(): void {
    this.session.dispose();
    this.add.dispose();
    this.adminSwitch.dispose();
  }
}

/** The work views of the signed-in window: one space's members, bulk add (several spaces, a
 * pasted table or a CSV file), sync a space to a list, a bulk job's progress and results, and
 * the history of changes. */
export const VIEWS = ['members', 'bulk', 'sync', 'job', 'history'] as const;
export type View = (typeof VIEWS)[number];

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}

export const [getApp, setApp] = createContext<AppState>();
export type { AccountEntry, AddOutcome, AppProblem, Membership, Person, Role, Space, Status } from '../api/app';
export type { Translator } from '../i18n/translator.svelte';
