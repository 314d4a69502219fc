import { describe, expect, it } from 'vitest';
import { catalogues, langFromLocale, LANGS, problemTexts, Translator } from './translator.svelte';
import { ruProblems } from './ru.problems';
import { PROBLEMS, type ProblemCode } from '../api/problems.gen';

describe('catalogues', () => {
  it('have exactly the same keys in English and Russian, none empty, all plural forms present', () => {
    const enKeys = Object.keys(catalogues.en).sort();
    const ruKeys = Object.keys(catalogues.ru).sort();
    expect(ruKeys).toEqual(enKeys);
    for (const lang of LANGS) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, msg] of Object.entries(catalogues[lang])) {
        if (typeof msg === 'string') {
          expect(msg.trim(), `${lang} ${key}`).not.toBe('');
        } else {
          for (const c of categories) expect(msg[c]?.trim(), `${lang} ${key}.${c}`).toBeTruthy();
        }
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    const names = (m: unknown) => [...JSON.stringify(m).matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    for (const key of Object.keys(catalogues.en) as (keyof typeof catalogues.en)[]) {
      expect(new Set(names(catalogues.ru[key])), key).toEqual(new Set(names(catalogues.en[key])));
    }
  });

  it('translate every backend problem, with only the placeholders Go fills for that code', () => {
    const names = (m: string) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]);
    const codes = Object.keys(PROBLEMS) as ProblemCode[];
    expect(codes.length).toBeGreaterThan(50);
    const unfilled: string[] = [];
    for (const lang of LANGS) {
      for (const code of codes) {
        const texts = problemTexts[lang][code];
        expect(texts.message.trim(), `${lang} ${code}`).not.toBe('');
        for (const part of ['message', 'fix'] as const) {
          for (const name of names(texts[part])) {
            if (!(PROBLEMS[code].params as readonly string[]).includes(name)) unfilled.push(`${lang}: ${code}.${part} {${name}}`);
          }
        }
      }
    }
    expect(unfilled).toEqual([]);
    expect(Object.keys(ruProblems).sort()).toEqual([...codes].sort());
  });

  it('keep no English problem text of their own: Go owns it', () => {
    expect(Object.keys(catalogues.en).filter((k) => k.startsWith('problem.') && k.endsWith('.message'))).toEqual([
      'problem.unexpected.message',
    ]);
  });
});

describe('Translator', () => {
  it('interpolates parameters and picks Russian plural forms', () => {
    const t = new Translator('ru');
    expect(t.t('header.signedInAs', { account: 'a@b.c' })).toBe('Вы вошли как a@b.c');
    expect(t.t('spaces.count', { count: 1 })).toBe('Показан 1 чат');
    expect(t.t('spaces.count', { count: 3 })).toBe('Показано 3 чата');
    expect(t.t('spaces.count', { count: 11 })).toBe('Показано 11 чатов');
    t.lang = 'en';
    expect(t.t('spaces.count', { count: 1 })).toBe('1 space shown');
    expect(t.t('spaces.count', { count: 2 })).toBe('2 spaces shown');
  });

  it('translates a problem by code, and falls back to the English the backend sent', () => {
    const t = new Translator('ru');
    const known = { code: 'chat.invalid_email', message: 'x', fix: 'y', params: { email: 'jane' } };
    expect(t.problem(known).message).toBe('«jane» — неправильный адрес электронной почты.');
    const unknown = { code: 'auth.something_new', message: 'Go says so.', fix: 'Do this.', params: {} };
    expect(t.problem(unknown)).toEqual({ message: 'Go says so.', fix: 'Do this.' });
    t.lang = 'en';
    // English comes from the generated Go definitions, not from what this one problem carried.
    expect(t.problem({ ...known, message: 'x' }).message).toBe('“jane” isn’t a valid email address.');
    t.lang = 'ru';
    // A placeholder the backend did not fill: Go's own sentence is better than a "{email}".
    const unfilled = { code: 'chat.invalid_email', message: 'Bad address.', fix: '', params: {} };
    expect(t.problem(unfilled).message).toBe('Bad address.');
    const opaque = { code: 'unexpected', message: '', fix: '', params: {} };
    expect(t.problem(opaque).message).toBe('Произошла непредвиденная ошибка.');
  });

  it("writes counts with the language's digit grouping, in texts and in problems from Go", () => {
    const t = new Translator('en');
    expect(t.t('bulk.total', { count: 100000 })).toBe('100,000 rows');
    const many = { code: 'plan.list_has_invalid', message: '', fix: '', params: { count: '12345' } };
    expect(t.problem(many).message).toContain('12,345');
    t.lang = 'ru';
    // Russian groups with a no-break space.
    expect(t.t('bulk.total', { count: 100000 })).toBe('100\u00a0000 строк');
    expect(t.problem(many).message).toContain('12\u00a0345');
    // An id is not a count.
    expect(t.t('guide.projectNumber', { project: 'p', number: 123456789012 })).toContain('123456789012');
  });

  it('maps OS locales to a UI language', () => {
    expect(langFromLocale('ru_RU.UTF-8')).toBe('ru');
    expect(langFromLocale('ru')).toBe('ru');
    expect(langFromLocale('RU-ru')).toBe('ru');
    expect(langFromLocale('en_GB')).toBe('en');
    expect(langFromLocale('de')).toBe('en');
    expect(langFromLocale('')).toBe('en');
  });

  it('formats times in the UI language', () => {
    const t = new Translator('en');
    const en = t.dateTime('2026-03-05T14:30:00Z');
    expect(en).toMatch(/March/);
    t.lang = 'ru';
    expect(t.dateTime('2026-03-05T14:30:00Z')).toMatch(/марта/);
    expect(t.dateTime('not a time')).toBe('not a time');
  });
});
