// The "people or groups" input of the add form: chips checked by Go (Members.CheckPeople),
// colleagues suggested from the directory as a name is typed, a role, and one outcome per
// entry after adding. Nothing typed is lost on error: only the chips that were added go.
import * as api from '../api/app';
import type { AddOutcome, AppProblem, Person, Role, Space } from '../api/app';
import { CANCELLED } from './codes';
import { isOutsider } from './outsider';

export interface Chip {
  id: number;
  /** What the chip shows: the name, or the entry as written. */
  label: string;
  /** The address, for a chip picked from the suggestions or written `Name <address>`. */
  detail: string;
  /** What is sent; '' when refused. */
  value: string;
  problem: AppProblem | null;
}

/** Debounce of the directory search while typing, in ms. */
export const SUGGEST_DELAY = 250;
/** Chips shown at once: a pasted list of thousands is summarised, not drawn one by one. */
export const SHOWN_CHIPS = 100;
/** The most entries one add takes (adding.MaxEntries in Go). */
export const MAX_ADD = 500;

export class PeopleStore {
  chips = $state<Chip[]>([]);
  draft = $state('');
  role = $state<Role>('ROLE_MEMBER');
  suggestions = $state<Person[]>([]);
  /** The suggestion list is showing (it may say "nobody found"). */
  open = $state(false);
  /** Index of the highlighted suggestion; -1 for none. */
  active = $state(-1);
  suggestProblem = $state<AppProblem | null>(null);
  /** A directory search is running (it may be waiting for the permission page). */
  searching = $state(false);
  /** A paste was longer than Go reads: the rest was left out. */
  leftOut = $state(false);
  busy = $state(false);
  /**
   * Why the add was refused before sending: 'invalid' chips, 'none' to add, 'tooMany', or
   * 'outsider' addresses of another domain in administrator mode (refusedOutside lists them).
   */
  refusal = $state<'' | 'invalid' | 'none' | 'tooMany' | 'outsider'>('');
  /** The addresses refused as outside the organisation (administrator mode). */
  refusedOutside = $state<string[]>([]);
  results = $state<AddOutcome[] | null>(null);
  problem = $state<AppProblem | null>(null);
  /**
   * The space the shown results or problem are for: an add that finished after another space was
   * chosen is still reported, naming its space.
   */
  space = $state.raw<Space | null>(null);

  /**
   * starting is told when a call that may open a permission page begins; added, with the
   * space's name, when an add put at least one entry in a space.
   */
  constructor(
    private readonly starting: () => void = () => {},
    private readonly added: (space: string) => void = () => {},
  ) {}

  private nextId = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private query = 0;

  get valid(): Chip[] {
    return this.chips.filter((c) => !c.problem && c.value !== '');
  }

  get invalid(): Chip[] {
    return this.chips.filter((c) => c.problem || c.value === '');
  }

  /** typed is called on every input: a name is searched for after a pause, a list is split. */
  typed(text: string): void {
    this.draft = text;
    this.refusal = '';
    if (/[,;\n]/.test(text)) {
      void this.commit();
      return;
    }
    this.schedule(text);
  }

  private schedule(text: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const q = text.trim();
    // An address being typed is not searched for letter by letter once it has its '@'.
    if (q.length < 2 || q.includes('@')) {
      this.closeSuggestions();
      return;
    }
    this.timer = setTimeout(() => void this.search(q), SUGGEST_DELAY);
  }

  private async search(q: string): Promise<void> {
    const id = ++this.query;
    this.starting();
    this.searching = true;
    try {
      const found = await api.suggest(q);
      if (id !== this.query || this.draft.trim() !== q) return;
      this.suggestions = found;
      this.suggestProblem = null;
      this.open = true;
      this.active = found.length > 0 ? 0 : -1;
    } catch (e) {
      if (id !== this.query) return;
      const p = e as AppProblem;
      this.suggestions = [];
      this.active = -1;
      // Cancelling the permission page is no error: typing an address still works.
      this.suggestProblem = p.code === CANCELLED ? null : p;
      this.open = this.suggestProblem !== null;
    } finally {
      if (id === this.query) this.searching = false;
    }
  }

  closeSuggestions(): void {
    this.query++;
    this.searching = false;
    this.open = false;
    this.suggestions = [];
    this.active = -1;
    this.suggestProblem = null;
  }

  /** hide closes the list (the field lost the focus) without dropping a search in flight: one
   * waiting for the permission page moves the focus away, and its answer is still wanted. */
  hide(): void {
    this.open = false;
  }

  move(step: number): void {
    const n = this.suggestions.length;
    if (!this.open || n === 0) return;
    this.active = (this.active + step + n) % n;
  }

  /** pick makes a chip of a suggested colleague: their Chat user id is what is sent. */
  pick(p: Person): void {
    this.chips.push({ id: this.nextId++, label: p.displayName || p.email, detail: p.email, value: p.name, problem: null });
    this.draft = '';
    this.closeSuggestions();
  }

  /** commit turns what is typed (one address or a list) into chips, each with Go's verdict. */
  async commit(): Promise<boolean> {
    const text = this.draft;
    if (text.trim() === '') return true;
    if (this.timer) clearTimeout(this.timer);
    this.closeSuggestions();
    return this.addText(text, () => {
      if (this.draft === text) this.draft = '';
    });
  }

  /** paste adds a pasted list as chips without putting it in the field first. */
  async paste(text: string): Promise<void> {
    await this.addText(text, () => {});
  }

  private async addText(text: string, done: () => void): Promise<boolean> {
    let check: Awaited<ReturnType<typeof api.checkPeople>>;
    try {
      check = await api.checkPeople(text);
    } catch (e) {
      this.problem = e as AppProblem;
      return false;
    }
    this.leftOut = check.leftOut;
    for (const e of check.entries) {
      this.chips.push({
        id: this.nextId++,
        label: e.name || e.text,
        detail: e.name ? e.value : '',
        value: e.problem ? '' : e.value,
        problem: e.problem,
      });
    }
    done();
    return true;
  }

  remove(id: number): void {
    this.chips = this.chips.filter((c) => c.id !== id);
    this.refusal = '';
    this.refusedOutside = [];
  }

  removeInvalid(): void {
    this.chips = this.valid;
    this.refusal = '';
  }

  /** removeOutside removes the chips refused as outside the organisation. */
  removeOutside(): void {
    const out = new Set(this.refusedOutside);
    this.chips = this.chips.filter((c) => !out.has(c.value));
    this.refusedOutside = [];
    this.refusal = '';
  }

  /**
   * submit adds the chips (and what is still typed) to space; nothing is sent while any is
   * refused. With admin (administrator mode: the organisation's domain), the add uses
   * administrator access, and addresses of another domain are refused here, before sending.
   */
  async submit(space: Space | null, admin: { domain: string } | null = null): Promise<void> {
    if (!space || this.busy) return;
    this.results = null;
    this.problem = null;
    this.refusal = '';
    this.refusedOutside = [];
    if (!(await this.commit())) return;
    if (this.invalid.length > 0) {
      this.refusal = 'invalid';
      return;
    }
    const chips = this.valid;
    if (chips.length === 0) {
      this.refusal = 'none';
      return;
    }
    if (chips.length > MAX_ADD) {
      this.refusal = 'tooMany';
      return;
    }
    if (admin) {
      const outside = chips.filter((c) => isOutsider(c.value, admin.domain)).map((c) => c.value);
      if (outside.length > 0) {
        this.refusal = 'outsider';
        this.refusedOutside = outside;
        return;
      }
    }
    this.starting();
    this.busy = true;
    this.space = space;
    try {
      const out = await api.addMembers(
        space.name,
        chips.map((c) => c.value),
        this.role,
        admin !== null,
      );
      this.results = out;
      if (out.some((o) => o.membership)) this.added(space.name);
      // The chips that made it in go; a failed one stays, to fix or try again.
      const failed = new Set(out.filter((o) => !o.membership).map((o) => o.entry));
      const sent = new Set(chips.map((c) => c.id));
      this.chips = this.chips.filter((c) => !sent.has(c.id) || failed.has(c.value));
    } catch (e) {
      const p = e as AppProblem;
      if (p.code !== CANCELLED) this.problem = p;
    } finally {
      this.busy = false;
    }
  }

  /** forSpace clears the outcome when another space is chosen; the chips stay. */
  forSpace(): void {
    this.results = null;
    this.problem = null;
    this.refusal = '';
  }

  reset(): void {
    this.chips = [];
    this.draft = '';
    this.role = 'ROLE_MEMBER';
    this.closeSuggestions();
    this.busy = false;
    this.refusal = '';
    this.refusedOutside = [];
    this.results = null;
    this.problem = null;
    this.leftOut = false;
  }
}
