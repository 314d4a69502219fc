// The add form. Its input survives errors: only a success clears the typed email.
import * as api from '../api/app';
import type { AppProblem, Membership, Space } from '../api/app';
import { checkPerson } from './person';

export type Who = 'person' | 'app';

export class AddStore {
  who = $state<Who>('person');
  email = $state('');
  busy = $state(false);
  /** Why the typed text was refused before any request; '' when it was not. */
  inputError = $state<'' | 'empty' | 'malformed'>('');
  /** The text that was refused, for the message. */
  refused = $state('');
  result = $state<Membership | null>(null);
  problem = $state<AppProblem | null>(null);
  /** Opening the space in the browser failed. */
  linkProblem = $state<AppProblem | null>(null);

  /** forSpace resets the outcome when another space is chosen; the typed email stays. */
  forSpace(space: Space | null): void {
    this.result = null;
    this.problem = null;
    this.linkProblem = null;
    this.inputError = '';
    if (space?.type === 'DIRECT_MESSAGE') this.who = 'app';
  }

  async submit(space: Space | null): Promise<void> {
    if (!space || this.busy) return;
    this.problem = null;
    this.linkProblem = null;
    this.inputError = '';
    let call: () => Promise<Membership>;
    if (this.who === 'person') {
      const check = checkPerson(this.email);
      if (!check.ok) {
        this.inputError = check.reason;
        this.refused = this.email.trim();
        return;
      }
      call = () => api.addPerson(space.name, check.value);
    } else {
      call = () => api.addApp(space.name);
    }
    this.busy = true;
    try {
      this.result = await call();
      if (this.who === 'person') this.email = '';
    } catch (e) {
      this.result = null;
      this.problem = e as AppProblem;
    } finally {
      this.busy = false;
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
    this.who = 'person';
    this.email = '';
    this.busy = false;
    this.inputError = '';
    this.result = null;
    this.problem = null;
    this.linkProblem = null;
  }
}
