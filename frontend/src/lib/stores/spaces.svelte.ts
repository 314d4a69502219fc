// The spaces the user belongs to; search and type filter are applied here, not by the backend.
import * as api from '../api/app';
import type { AppProblem, Space } from '../api/app';
import { haystack, matches, words } from './search';

export type TypeFilter = 'all' | 'SPACE' | 'GROUP_CHAT' | 'DIRECT_MESSAGE';
export const TYPE_FILTERS: readonly TypeFilter[] = ['all', 'SPACE', 'GROUP_CHAT', 'DIRECT_MESSAGE'];

/** How many unnamed conversations one SpaceLabels call names, and how many calls run at once. */
export const LABEL_BATCH = 10;
export const LABEL_CALLS = 2;

export class SpacesStore {
  // Raw: the spaces are replaced, never changed in place, and 10,000 deep proxies made every
  // search and every row slower.
  all = $state.raw<Space[]>([]);
  loading = $state(false);
  loaded = $state(false);
  problem = $state<AppProblem | null>(null);
  query = $state('');
  type = $state<TypeFilter>('all');
  selectedName = $state('');
  /**
   * Names of group chats and direct messages by their members ("Priya Raman, Chen Wei"), fetched
   * after the list loads, by space name. Until a name arrives the list shows the kind of
   * conversation; a conversation the backend could not name keeps it.
   */
  memberLabels = $state<Record<string, string>>({});

  /** label names a space as the list shows it, so that "direct message" finds unnamed DMs. */
  private readonly label: (space: Space) => string;
  /** Spaces whose member names were asked for (or are being asked for) since the last reset. */
  private asked = new Set<string>();
  /** Counts resets: names that arrive for a session that has ended are dropped. */
  private generation = 0;

  constructor(label: (space: Space) => string = () => '') {
    this.label = label;
  }

  /** haystack() of each space of all, once per list rather than once per keystroke. */
  private hays: string[] = $derived(this.all.map(haystack));

  visible: Space[] = $derived.by(() => {
    const q = words(this.query);
    const hays = this.hays;
    return this.all.filter((s, i) => matches(s, q, this.type, () => this.label(s), hays[i]));
  });
  selected: Space | null = $derived(this.all.find((s) => s.name === this.selectedName) ?? null);

  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.problem = null;
    // A list (or failure) that arrives after a reset (signed out meanwhile) belongs to nobody.
    const generation = this.generation;
    try {
      const all = await api.listSpaces();
      if (generation !== this.generation) return;
      this.all = all;
      this.loaded = true;
      if (!this.all.some((s) => s.name === this.selectedName)) this.selectedName = '';
      void this.loadMemberLabels();
    } catch (e) {
      if (generation === this.generation) this.problem = e as AppProblem;
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /**
   * loadMemberLabels asks Go to name the unnamed conversations not asked for yet, LABEL_BATCH at
   * a time with at most LABEL_CALLS calls running (each lists members at Google). Failures leave
   * the kind of conversation as the label: it is only a label.
   */
  async loadMemberLabels(): Promise<void> {
    const todo = this.all
      .filter((s) => s.type !== 'SPACE' && s.displayName.trim() === '' && !this.asked.has(s.name))
      .map((s) => s.name);
    for (const name of todo) this.asked.add(name);
    const batches: string[][] = [];
    for (let i = 0; i < todo.length; i += LABEL_BATCH) batches.push(todo.slice(i, i + LABEL_BATCH));
    const generation = this.generation;
    const worker = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        let found: Record<string, string>;
        try {
          found = await api.spaceLabels(batch);
        } catch {
          continue;
        }
        if (generation !== this.generation) return;
        for (const [name, label] of Object.entries(found)) {
          if (label.trim() !== '') this.memberLabels[name] = label;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(LABEL_CALLS, batches.length) }, worker));
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
    this.memberLabels = {};
    this.asked = new Set();
    this.loading = false;
    this.generation++;
  }
}
