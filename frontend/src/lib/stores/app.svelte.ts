// AppState gathers the stores of one window; App.svelte makes it and hands it down by context.
import { createContext } from 'svelte';
import { searchLabel } from '../i18n/names';
import { AddStore } from './add.svelte';
import { LanguageStore } from './language.svelte';
import { SessionStore } from './session.svelte';
import { SpacesStore } from './spaces.svelte';

export class AppState {
  readonly language = new LanguageStore();
  readonly i18n = this.language.i18n;
  readonly session = new SessionStore();
  readonly spaces: SpacesStore = new SpacesStore((s) => searchLabel(this.i18n, s, this.spaces.memberLabels[s.name]));
  readonly add = new AddStore();
  /** The language and the session are known: until then the window shows only "Loading…". */
  ready = $state(false);

  constructor() {
    this.session.onChange = () => this.leftIfSignedOut();
  }

  async init(): Promise<void> {
    this.add.init();
    await Promise.all([this.language.init(), this.session.init()]);
    this.ready = true;
  }

  /** chooseSpace selects a space for the add form, clearing the previous outcome. */
  chooseSpace(name: string): void {
    this.spaces.select(name);
    this.add.forSpace(this.spaces.selected);
  }

  /** refreshSpaces reloads the list; the chosen space stays chosen while it still exists. */
  async refreshSpaces(): Promise<void> {
    const before = this.spaces.selectedName;
    await this.spaces.load();
    if (this.spaces.selectedName !== before) this.add.forSpace(this.spaces.selected);
  }

  async signOut(): Promise<void> {
    await this.session.signOut();
    this.leftIfSignedOut();
  }

  private leftIfSignedOut(): void {
    if (!this.session.status?.signedIn) {
      this.spaces.reset();
      this.add.reset();
    }
  }

  dispose(): void {
    this.session.dispose();
    this.add.dispose();
  }
}

export const [getApp, setApp] = createContext<AppState>();
export type { AddOutcome, AppProblem, Membership, Person, Role, Space, Status } from '../api/app';
export type { Translator } from '../i18n/translator.svelte';
