// Who is signed in where, and the sign-in in progress.
import * as api from '../api/app';
import { AppProblem, type Status } from '../api/app';
import { CANCELLED, NO_FILE } from './codes';

export type Screen = 'loading' | 'welcome' | 'signing-in' | 'main';
export type Busy = '' | 'demo' | 'live' | 'signout' | 'switch';

export class SessionStore {
  #status = $state<Status | null>(null);
  /** The status as Go last gave it; every new one is also told to onChange (who is shown may have changed). */
  get status(): Status | null {
    return this.#status;
  }
  set status(s: Status | null) {
    this.#status = s;
    if (s) this.onChange(s);
  }
  loading = $state(true);
  busy = $state<Busy>('');
  signingIn = $state(false);
  /** The sign-in URL from the `auth:url` event, shown as a fallback link. */
  authURL = $state('');
  problem = $state<AppProblem | null>(null);
  /** The sign-in page could not be opened in a browser: the link is all the person has. */
  browserFailed = $state(false);
  /** The last sign-in was cancelled by the user. */
  cancelled = $state(false);
  /** What started the last sign-in, so that focus can go back to it after Cancel. */
  startedBy = $state<'' | 'demo' | 'live' | 'again'>('');

  screen: Screen = $derived(
    this.loading ? 'loading' : this.signingIn ? 'signing-in' : this.status?.signedIn ? 'main' : 'welcome',
  );
  isDemo = $derived(this.status?.mode === 'demo');
  /** Signed out of your workspace whose client file is still imported: one click signs in again. */
  canSignInAgain = $derived(
    this.status?.mode === 'live' && this.status.clientId !== '' && !this.status.signedIn,
  );

  /** Called after every status Go pushes (session:changed), e.g. to clear what a signed-out person must not see. */
  onChange: (s: Status) => void = () => {};

  private attempt = 0;
  private unsubscribeChanged: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private unsubscribeFailed: (() => void) | null = null;

  async init(): Promise<void> {
    this.unsubscribeChanged ??= api.onSessionChanged((s) => this.changed(s));
    this.unsubscribe ??= api.onAuthURL((url) => {
      if (this.signingIn) this.authURL = url;
    });
    this.unsubscribeFailed ??= api.onBrowserFailed((url) => {
      if (!this.signingIn) return;
      this.authURL = url;
      this.browserFailed = true;
    });
    try {
      this.status = await api.status();
    } catch (e) {
      this.problem = e as AppProblem;
    } finally {
      this.loading = false;
    }
  }

  dispose(): void {
    this.unsubscribeChanged?.();
    this.unsubscribeChanged = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.unsubscribeFailed?.();
    this.unsubscribeFailed = null;
  }

  /** useDemo switches to the demo workspace and signs in. */
  async useDemo(): Promise<void> {
    await this.start('demo', api.useDemo);
  }

  /** connect asks for client_secret.json and, once one is imported, signs in. */
  async connect(): Promise<void> {
    await this.start('live', api.chooseClientSecret);
  }

  private async start(kind: Busy, choose: () => Promise<Status>): Promise<void> {
    if (this.busy || this.signingIn) return;
    this.busy = kind;
    this.startedBy = kind === 'demo' ? 'demo' : 'live';
    this.problem = null;
    this.cancelled = false;
    try {
      this.status = await choose();
    } catch (e) {
      const p = e as AppProblem;
      if (p.code !== NO_FILE) this.problem = p;
      return;
    } finally {
      this.busy = '';
    }
    if (this.status?.mode === (kind === 'demo' ? 'demo' : 'live')) await this.signIn();
  }

  /** signInAgain signs in with the client file imported before, without asking for it. */
  async signInAgain(): Promise<void> {
    if (this.busy || this.signingIn) return;
    this.startedBy = 'again';
    await this.signIn();
  }

  /**
   * changed follows the status Go pushes whenever the sign-in, the account or the mode changes,
   * whoever caused it. When Go ended the sign-in itself (expired, withdrawn), it says why, and
   * that is shown on the sign-in screen.
   */
  changed(s: Status): void {
    if (!s.signedIn && s.ended) {
      this.cancelled = false;
      this.problem = s.ended;
    }
    this.status = s;
  }

  /** addAccount signs one more account in through the browser, as a sign-in; cancelling keeps the account of before. */
  async addAccount(): Promise<void> {
    if (this.busy || this.signingIn) return;
    this.startedBy = 'again';
    await this.signIn(api.addAccount);
  }

  /** switchAccount makes another remembered account the active one. */
  async switchAccount(id: string): Promise<void> {
    if (this.busy || this.signingIn) return;
    this.busy = 'switch';
    this.problem = null;
    try {
      this.status = await api.switchAccount(id);
    } catch (e) {
      this.problem = e as AppProblem;
    } finally {
      this.busy = '';
    }
  }

  /** signOutAccount signs out of one account (the active one: as signOut). */
  async signOutAccount(id: string): Promise<void> {
    if (this.busy) return;
    this.busy = 'signout';
    this.problem = null;
    try {
      this.status = await api.signOutAccount(id);
    } catch (e) {
      this.problem = e as AppProblem;
      try {
        this.status = await api.status();
      } catch {
        // keep the status we had; the problem is shown either way
      }
    } finally {
      this.busy = '';
    }
  }

  async signIn(run: () => Promise<Status> = api.signIn): Promise<void> {
    const id = ++this.attempt;
    this.signingIn = true;
    this.authURL = '';
    this.browserFailed = false;
    this.problem = null;
    this.cancelled = false;
    try {
      const s = await run();
      if (id === this.attempt) this.status = s;
    } catch (e) {
      const p = e as AppProblem;
      if (id === this.attempt && !this.cancelled && p.code !== CANCELLED) this.problem = p;
    } finally {
      if (id === this.attempt) {
        this.signingIn = false;
        this.authURL = '';
        this.browserFailed = false;
      }
    }
  }

  /** cancel abandons the sign-in; its pending promise is ignored from now on. */
  async cancel(): Promise<void> {
    if (!this.signingIn) return;
    this.attempt++;
    this.signingIn = false;
    this.authURL = '';
    this.browserFailed = false;
    this.cancelled = true;
    try {
      await api.cancelSignIn();
    } catch {
      // nothing to undo: the sign-in is abandoned either way
    }
  }

  async signOut(): Promise<void> {
    if (this.busy) return;
    this.busy = 'signout';
    this.problem = null;
    try {
      this.status = await api.signOut();
    } catch (e) {
      this.problem = e as AppProblem;
      // The backend forgets the sign-in even when it then fails (auth.revoke_failed: Google was
      // not told; auth.store_failed): the rejection drops the status it returned, so ask again.
      try {
        this.status = await api.status();
      } catch {
        // keep the status we had; the problem is shown either way
      }
    } finally {
      this.busy = '';
    }
  }
}
