// The add form: people and Google Groups as chips (PeopleStore, one outcome per entry, one
// entry or many), or this Chat app (a membership card).
import * as api from '../api/app';
import type { AppProblem, Membership, Space } from '../api/app';
import { CANCELLED } from './codes';
import { ConsentWatch } from './consent.svelte';
import { PeopleStore } from './people.svelte';

/** people: one or many names, addresses and Google Groups as chips; app: the Chat app. */
export type Who = 'people' | 'app';

export class AddStore {
  who = $state<Who>('people');
  /** The chips, suggestions, role and outcomes of adding several people or groups. */
  readonly people = new PeopleStore(
    () => {
      // The card of an earlier app add would read as this attempt's outcome.
      this.result = null;
      this.problem = null;
      this.linkProblem = null;
      this.consent.clear();
    },
    (space) => this.changedIn(space),
  );
  /**
   * The last add that put someone in a space, by either path (one address, or chips): a new
   * object each time, so the member list can reload when it names the space shown.
   */
  changed = $state.raw<{ space: string } | null>(null);
  busy = $state(false);
  result = $state<Membership | null>(null);
  problem = $state<AppProblem | null>(null);
  /** The space the failed add was for: it may no longer be the chosen one. */
  problemSpace = $state<Space | null>(null);
  /** Opening the space in the browser failed. */
  linkProblem = $state<AppProblem | null>(null);
  /**
   * The permission page the backend opened in the browser while an add or a directory search
   * runs (incremental consent: the Chat app, the directory, Google Groups).
   */
  readonly consent = new ConsentWatch(() => this.working);
  /** Counts adds and resets: an add that outlived a reset (signing out) is ignored. */
  private attempt = 0;

  init(): void {
    this.consent.init();
  }

  dispose(): void {
    this.consent.dispose();
  }

  /** working: a call that may ask for a permission is running (an add or a directory search). */
  get working(): boolean {
    return this.busy || this.people.busy || this.people.searching;
  }

  private changedIn(space: string): void {
    this.changed = { space };
  }

  /** forSpace resets the outcome when another space is chosen; the typed email stays. */
  forSpace(space: Space | null): void {
    this.people.forSpace();
    this.result = null;
    this.problem = null;
    this.linkProblem = null;
    if (space?.type === 'DIRECT_MESSAGE') this.who = 'app';
  }

  /**
   * submit adds this Chat app to space. In administrator mode (admin set) nothing is sent:
   * Google refuses apps with administrator access, and the form does not offer them.
   */
  async submit(space: Space | null, admin: { domain: string } | null = null): Promise<void> {
    if (!space || this.busy) return;
    // The card of the previous add goes: shown beside a new attempt it would read as its outcome.
    this.result = null;
    this.problem = null;
    this.linkProblem = null;
    // People and groups go through the chips (PeopleStore); this form sends only the app, which
    // administrator access cannot add: the form does not offer it then.
    if (this.who !== 'app' || admin) return;
    const call = () => api.addApp(space.name);
    const id = ++this.attempt;
    this.busy = true;
    this.consent.clear();
    // An add that outlived a reset (signing out) is ignored. One for a space the person has left
    // meanwhile is still shown: the card names its space, and a failure says which space it was
    // for, so nothing done (or not done) goes unreported.
    const stale = () => id !== this.attempt;
    try {
      const m = await call();
      if (stale()) return;
      this.result = m;
      this.changedIn(m.spaceName || space.name);
    } catch (e) {
      const p = e as AppProblem;
      // Cancelling the permission page leaves the form as it was: nothing happened.
      if (p.code === CANCELLED) return;
      if (stale()) return;
      this.result = null;
      this.problem = p;
      this.problemSpace = space;
    } finally {
      if (id === this.attempt) {
        this.busy = false;
        this.consent.clear();
      }
    }
  }

  /** cancelConsent stops waiting for the permission page; the running add then ends as cancelled. */
  async cancelConsent(): Promise<void> {
    if (!this.consent.url) return;
    this.consent.clear();
    try {
      await api.cancelSignIn();
    } catch {
      // nothing to undo: the add ends either way
    }
  }

  async open(url: string): Promise<void> {
    this.linkProblem = null;
    try {
      await api.openInBrowser(url);
    } catch (e) {
      this.linkProblem = e as AppProblem;
    }
  }

  reset(): void {
    this.people.reset();
    this.attempt++;
    this.who = 'people';
    this.busy = false;
    this.consent.clear();
    this.result = null;
    this.problem = null;
    this.linkProblem = null;
    this.changed = null;
  }
}
