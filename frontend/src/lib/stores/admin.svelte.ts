// Administrator mode: the switch (with its permission page) and the organisation's spaces,
// searched by name on the server (spaces.search), a page at a time.
import * as api from '../api/app';
import type { AppProblem, Space, Status } from '../api/app';
import { CANCELLED } from './codes';
import { ConsentWatch } from './consent.svelte';

/** How long typing must pause before the organisation is searched: one request per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 300;

export class AdminSwitchStore {
  /** Switching on is running: a permission page may be open, then the privilege is checked. */
  busy = $state(false);
  /** Why the mode could not be switched on (chat.not_admin, a refused permission…). */
  problem = $state<AppProblem | null>(null);
  /** The permission page while waiting for it (as the add form shows it). */
  readonly consent = new ConsentWatch(() => this.busy);
  private attempt = 0;

  init(): void {
    this.consent.init();
  }

  dispose(): void {
    this.consent.dispose();
  }

  /** set switches the mode; the Status Go answers with (also pushed as session:changed) or null. */
  async set(on: boolean): Promise<Status | null> {
    if (this.busy) return null;
    const id = ++this.attempt;
    this.problem = null;
    this.busy = on;
    this.consent.clear();
    try {
      const s = await api.setAdmin(on);
      return id === this.attempt ? s : null;
    } catch (e) {
      const p = e as AppProblem;
      if (id === this.attempt && p.code !== CANCELLED) this.problem = p;
      return null;
    } finally {
      if (id === this.attempt) {
        this.busy = false;
        this.consent.clear();
      }
    }
  }

  /** cancelConsent stops waiting for the permission page: the mode stays off. */
  async cancelConsent(): Promise<void> {
    if (!this.busy) return;
    this.consent.clear();
    try {
      await api.cancelSignIn();
    } catch {
      // the switch ends as cancelled either way
    }
  }

  dismiss(): void {
    this.problem = null;
  }

  reset(): void {
    this.attempt++;
    this.busy = false;
    this.problem = null;
    this.consent.clear();
  }
}

export class OrgSpacesStore {
  /** What the search box holds; the search follows it after SEARCH_DEBOUNCE_MS. */
  query = $state('');
  /** The pages found so far for the text last searched. */
  found = $state<Space[]>([]);
  total = $state(0);
  nextPageToken = $state('');
  loading = $state(false);
  loadingMore = $state(false);
  /** A first page has arrived (for the text last searched). */
  loaded = $state(false);
  problem = $state<AppProblem | null>(null);
  selectedName = $state('');
  /** The space last chosen, kept while a new search no longer lists it (the add form stays on it). */
  private chosen = $state<Space | null>(null);

  selected: Space | null = $derived(
    this.found.find((s) => s.name === this.selectedName) ??
      (this.chosen?.name === this.selectedName ? this.chosen : null),
  );

  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Counts searches and resets: a page for an older text (or a session ended) is dropped. */
  private generation = 0;
  private searched = '';

  /** typed is called as the search box changes: the search runs once typing pauses. */
  typed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.query.trim() !== this.searched || !this.loaded) void this.search();
    }, SEARCH_DEBOUNCE_MS);
  }

  /** search asks Google for the first page of spaces whose name has the typed words. */
  async search(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const generation = ++this.generation;
    const text = this.query.trim();
    this.searched = text;
    this.loading = true;
    this.loadingMore = false;
    this.problem = null;
    try {
      const page = await api.searchSpaces(text);
      if (generation !== this.generation) return;
      this.found = page.spaces;
      this.total = page.total;
      this.nextPageToken = page.nextPageToken;
      this.loaded = true;
    } catch (e) {
      if (generation !== this.generation) return;
      this.problem = e as AppProblem;
      this.found = [];
      this.total = 0;
      this.nextPageToken = '';
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** more appends the next page of the same search. */
  async more(): Promise<void> {
    if (!this.nextPageToken || this.loading || this.loadingMore) return;
    const generation = this.generation;
    this.loadingMore = true;
    this.problem = null;
    try {
      const page = await api.searchSpaces(this.searched, this.nextPageToken);
      if (generation !== this.generation) return;
      const have = new Set(this.found.map((s) => s.name));
      this.found = [...this.found, ...page.spaces.filter((s) => !have.has(s.name))];
      this.total = page.total;
      this.nextPageToken = page.nextPageToken;
    } catch (e) {
      if (generation === this.generation) this.problem = e as AppProblem;
    } finally {
      if (generation === this.generation) this.loadingMore = false;
    }
  }

  select(name: string): void {
    this.selectedName = name;
    this.chosen = this.found.find((s) => s.name === name) ?? null;
  }

  reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.generation++;
    this.query = '';
    this.searched = '';
    this.found = [];
    this.total = 0;
    this.nextPageToken = '';
    this.loading = false;
    this.loadingMore = false;
    this.loaded = false;
    this.problem = null;
    this.selectedName = '';
    this.chosen = null;
  }
}
