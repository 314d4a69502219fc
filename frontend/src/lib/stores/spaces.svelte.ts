// The spaces the user belongs to; search and type filter are applied here, not by the backend.
import * as api from '../api/app';
import type { AppProblem, Space } from '../api/app';
import { SIGNED_OUT } from './codes';
import { matches, words } from './search';

export type TypeFilter = 'all' | 'SPACE' | 'GROUP_CHAT' | 'DIRECT_MESSAGE';
export const TYPE_FILTERS: readonly TypeFilter[] = ['all', 'SPACE', 'GROUP_CHAT', 'DIRECT_MESSAGE'];

export class SpacesStore {
  all = $state<Space[]>([]);
  loading = $state(false);
  loaded = $state(false);
  problem = $state<AppProblem | null>(null);
  query = $state('');
  type = $state<TypeFilter>('all');
  selectedName = $state('');

  /** Called when listing shows that the sign-in is gone (expired or withdrawn). */
  onSignedOut: (problem: AppProblem) => void = () => {};

  /** label names a space as the list shows it, so that "direct message" finds unnamed DMs. */
  private readonly label: (space: Space) => string;

  constructor(label: (space: Space) => string = () => '') {
    this.label = label;
  }

  visible: Space[] = $derived.by(() => {
    const q = words(this.query);
    return this.all.filter((s) => matches(s, q, this.type, this.label(s)));
  });
  selected: Space | null = $derived(this.all.find((s) => s.name === this.selectedName) ?? null);

  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.problem = null;
    try {
      this.all = await api.listSpaces();
      this.loaded = true;
      if (!this.all.some((s) => s.name === this.selectedName)) this.selectedName = '';
    } catch (e) {
      this.problem = e as AppProblem;
      if (SIGNED_OUT.has(this.problem.code)) this.onSignedOut(this.problem);
    } finally {
      this.loading = false;
    }
  }

  select(name: string): void {
    this.selectedName = name;
  }

  reset(): void {
    this.all = [];
    this.loaded = false;
    this.problem = null;
    this.query = '';
    this.type = 'all';
    this.selectedName = '';
  }
}
