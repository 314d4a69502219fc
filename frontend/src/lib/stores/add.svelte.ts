// The add form. Its input survives errors: only a success clears the typed email, and only if
// it is still what was sent (the field stays usable while an add is running).
import * as api from '../api/app';
import type { AppProblem, Membership, Space } from '../api/app';
import { CANCELLED, EMPTY_PERSON } from './codes';
import { PeopleStore } from './people.svelte';
import { isOutsider } from './outsider';

export { isOutsider } from './outsider';

/** people: names, addresses, lists and Google Groups as chips; person: one address; app: the Chat app. */
export type Who = 'people' | 'person' | 'app';

export class AddStore {
  who = $state<Who>('person');
  /** The chips, suggestions, role and outcomes of adding several people or groups. */
  readonly people = new PeopleStore(
    () => {
      // The card of an earlier single add would read as this attempt's outcome.
      this.result = null;
      this.problem = null;
      this.consentURL = '';
      this.consentBrowserFailed = false;
    },
    (space) => this.changedIn(space),
  );
  /**
   * The last add that put someone in a space, by either path (one address, or chips): a new
   * object each time, so the member list can reload when it names the space shown.
   */
  changed = $state.raw<{ space: string } | null>(null);
  email = $state('');
  busy = $state(false);
  /** Why the typed text was refused before any request; '' when it was not. */
  inputError = $state<'' | 'empty' | 'malformed' | 'outsider'>('');
  /** The text that was refused, for the message. */
  refused = $state('');
  result = $state<Membership | null>(null);
  problem = $state<AppProblem | null>(null);
  /** The space the failed add was for: it may no longer be the chosen one. */
  problemSpace = $state<Space | null>(null);
  /** Opening the space in the browser failed. */
  linkProblem = $state<AppProblem | null>(null);
  /**
   * The link of the permission page the backend opened in the browser while an add is running
   * (incremental consent: the Chat app needs one more permission); '' when not waiting for it.
   */
  consentURL = $state('');
  /** The permission page could not be opened in a browser: the link is all the person has. */
  consentBrowserFailed = $state(false);

  private unsubscribe: (() => void) | null = null;
  private unsubscribeFailed: (() => void) | null = null;
  /** Counts adds and resets: an add that outlived a reset (signing out) is ignored. */
  private attempt = 0;

  init(): void {
    this.unsubscribe ??= api.onAuthURL((url) => {
      if (this.working) this.consentURL = url;
    });
    this.unsubscribeFailed ??= api.onBrowserFailed((url) => {
      if (!this.working) return;
      this.consentURL = url;
      this.consentBrowserFailed = true;
    });
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.unsubscribeFailed?.();
    this.unsubscribeFailed = null;
  }

  /** working: a call that may ask for a permission is running (an add or a directory search). */
  get working(): boolean {
    return this.busy || this.people.busy || this.people.searching;
  }

  private changedIn(space: string): void {
    this.changed = { space };
  }

  /** edited is called as the person types: a refusal of the earlier text no longer applies. */
  edited(): void {
    this.inputError = '';
  }

  /** forSpace resets the outcome when another space is chosen; the typed email stays. */
  forSpace(space: Space | null): void {
    this.people.forSpace();
    this.result = null;
    this.problem = null;
    this.linkProblem = null;
    this.inputError = '';
    if (space?.type === 'DIRECT_MESSAGE') this.who = 'app';
  }

  /**
   * submit adds to space. With admin (administrator mode: the organisation's domain), the add
   * uses administrator access, and an address of another domain is refused here, before
   * sending, as Google would refuse it.
   */
  async submit(space: Space | null, admin: { domain: string } | null = null): Promise<void> {
    if (!space || this.busy) return;
    // The card of the previous add goes: shown beside a new attempt or a refusal of the typed
    // text, it would read as this attempt's outcome.
    this.result = null;
    this.problem = null;
    this.linkProblem = null;
    this.inputError = '';
    const who = this.who;
    const typed = this.email;
    let call: () => Promise<Membership>;
    if (who === 'person') {
      // Go reads and checks the entry by the rules of the request itself; one person at a time here.
      let entries: api.Recipient[];
      try {
        entries = (await api.checkPeople(typed)).entries;
      } catch (e) {
        this.problem = e as AppProblem;
        return;
      }
      const only = entries.length === 1 ? entries[0] : null;
      if (!only || only.problem) {
        this.inputError = entries.length === 0 || only?.problem?.code === EMPTY_PERSON ? 'empty' : 'malformed';
        this.refused = typed.trim();
        return;
      }
      const value = only.value;
      if (admin && isOutsider(value, admin.domain)) {
        this.inputError = 'outsider';
        this.refused = value;
        return;
      }
      call = admin ? () => api.adminAdd(space.name, value) : () => api.addPerson(space.name, value);
    } else if (admin) {
      return; // the form offers no app in administrator mode: Google refuses it
    } else {
      call = () => api.addApp(space.name);
    }
    const id = ++this.attempt;
    this.busy = true;
    this.consentURL = '';
    this.consentBrowserFailed = false;
    // An add that outlived a reset (signing out) is ignored. One for a space the person has left
    // meanwhile is still shown: the card names its space, and a failure says which space it was
    // for, so nothing done (or not done) goes unreported.
    const stale = () => id !== this.attempt;
    try {
      const m = await call();
      if (stale()) return;
      this.result = m;
      this.changedIn(m.spaceName || space.name);
      if (who === 'person' && this.email === typed) this.email = '';
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
        this.consentURL = '';
        this.consentBrowserFailed = false;
      }
    }
  }

  /** cancelConsent stops waiting for the permission page; the running add then ends as cancelled. */
  async cancelConsent(): Promise<void> {
    if (!this.consentURL) return;
    this.consentURL = '';
    this.consentBrowserFailed = false;
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
    this.who = 'person';
    this.email = '';
    this.busy = false;
    this.consentURL = '';
    this.consentBrowserFailed = false;
    this.inputError = '';
    this.result = null;
    this.problem = null;
    this.linkProblem = null;
    this.changed = null;
  }
}
