// Translator: the current language (a rune) and lookups in the catalogues.
import { en, type Key } from './en';
import { ru } from './ru';
import { ruProblems, type ProblemTexts } from './ru.problems';
import { PROBLEMS, type ProblemCode } from '../api/problems.gen';
import type { Message } from './catalogue';

export type Lang = 'en' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'ru'];
export type { Key };

export const catalogues: Record<Lang, Record<Key, Message>> = { en, ru };

/** Texts of backend problems by language: English generated from Go, the others translated. */
export const problemTexts: Record<Lang, Record<ProblemCode, ProblemTexts>> = { en: PROBLEMS, ru: ruProblems };

function isProblemCode(code: string): code is ProblemCode {
  return Object.prototype.hasOwnProperty.call(PROBLEMS, code);
}

/** Params fill {name} placeholders. */
export type Params = Record<string, string | number>;

/** A problem as far as translation cares (see lib/api AppProblem). */
export interface ProblemText {
  code: string;
  message: string;
  fix: string;
  params: Record<string, string>;
}

/** langFromLocale maps an OS or browser locale ("ru_RU.UTF-8", "ru-RU", "en") to a UI language. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return (locale ?? '').trim().toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function interpolate(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Params that are counts or row numbers, written with the language's digit grouping
 * ("100,000 rows", "100 000 строк"); ids such as a project number are not among them. */
const COUNTS: ReadonlySet<string> = new Set(['count', 'shown', 'done', 'failed', 'row', 'first', 'columns']);

export class Translator {
  lang = $state<Lang>('en');

  constructor(lang: Lang = 'en') {
    this.lang = lang;
  }

  private lookup(key: string): Message | undefined {
    const cat = catalogues[this.lang] as Record<string, Message>;
    return cat[key] ?? (en as Record<string, Message>)[key];
  }

  has(key: string): boolean {
    return this.lookup(key) !== undefined;
  }

  /** t returns the text for key; plural messages need params.count. */
  t(key: Key, params: Params = {}): string {
    return this.text(key, params) ?? key;
  }

  private text(key: string, params: Params): string | undefined {
    const m = this.lookup(key);
    if (m === undefined) return undefined;
    if (typeof m === 'string') return interpolate(m, this.numbers(params));
    const count = Number(params.count ?? 0);
    const category = new Intl.PluralRules(this.lang).select(count);
    return interpolate(m[category] ?? m.other, this.numbers(params));
  }

  /** number writes n as the current language does (digit grouping). */
  number(n: number): string {
    return new Intl.NumberFormat(this.lang).format(n);
  }

  /** numbers formats the count params (numbers, or whole numbers in a string from Go). */
  private numbers<P extends Params>(params: P): P {
    const out: Params = { ...params };
    for (const [k, v] of Object.entries(params)) {
      if (!COUNTS.has(k)) continue;
      if (typeof v === 'number' && Number.isFinite(v)) out[k] = this.number(v);
      else if (typeof v === 'string' && /^\d{1,15}$/.test(v)) out[k] = this.number(Number(v));
    }
    return out as P;
  }

  /** problem translates a backend problem by code, falling back to English, then to the text Go sent. */
  problem(p: ProblemText): { message: string; fix: string } {
    // A text whose placeholders the backend did not fill is worse than Go's own sentence.
    const filled = (s: string | undefined) => (s !== undefined && !/\{\w+\}/.test(s) ? s : undefined);
    const texts = isProblemCode(p.code) ? [problemTexts[this.lang][p.code], PROBLEMS[p.code]] : [];
    const params = this.numbers(p.params ?? {});
    const pick = (part: 'message' | 'fix') =>
      texts.map((x) => filled(interpolate(x[part], params))).find((s) => s !== undefined);
    const message = pick('message') || p.message || (this.text('problem.unexpected.message', {}) as string);
    let fix = pick('fix');
    if (fix === undefined) fix = p.message ? p.fix : (this.text('problem.unexpected.fix', {}) as string);
    return { message, fix };
  }

  dateTime(iso: string): string {
    const d = new Date(iso);
    if (!iso || Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(this.lang, { dateStyle: 'long', timeStyle: 'short' }).format(d);
  }
}
