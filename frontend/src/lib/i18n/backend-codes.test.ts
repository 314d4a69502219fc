// The catalogues translate exactly the problem codes the Go backend can produce: the Go sources
// are read at test time (../backend from the frontend folder), so a code added, renamed or removed
// in Go fails here until en.ts and ru.ts follow.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { catalogues, LANGS } from './translator.svelte';
import { UNEXPECTED } from '../api/problem';

const frontend = resolve(__dirname, '..', '..', '..');
const backend = resolve(frontend, '..', 'backend');

/** UI texts under problem.* that are not a code (ProblemView's labels). */
const UI_KEYS = new Set(['problem.details', 'problem.code', 'problem.retryable']);

interface GoFile {
  path: string;
  src: string;
}

function goFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return goFiles(path);
    return name.endsWith('.go') && !name.endsWith('_test.go') ? [path] : [];
  });
}

const sources: GoFile[] = goFiles(backend).map((path) => ({ path, src: readFileSync(path, 'utf8') }));

/** Only files that can build a Problem: the problem package and the files importing it. */
const canBuild = ({ src }: GoFile) => /^package problem\b/m.test(src) || /"[^"]*\/backend\/problem"/.test(src);

// The three ways Go names a code: problem.New("code", …), Problem{Code: "code"}, and the code
// constants (const CodeX = "code") that Problem literals use.
const NEW_RE = /\bproblem\.New\(\s*"([^"]+)"/g;
const FIELD_RE = /\bCode:\s*"([^"]+)"/g;
const CONST_RE = /\b(Code[A-Z]\w*)\s*=\s*"([^"]+)"/g;

function all(re: RegExp, s: string): RegExpExecArray[] {
  return [...s.matchAll(new RegExp(re.source, re.flags))];
}

interface Extracted {
  codes: Set<string>;
  /** params[code]: the placeholder names the Go code fills for that code (as far as can be seen). */
  params: Map<string, Set<string>>;
}

function extract(everyFile: GoFile[]): Extracted {
  const files = everyFile.filter(canBuild);
  const codes = new Set<string>();
  const consts = new Map<string, string>(); // CodeX -> code
  const vars = new Map<string, string>(); // errX = problem.New("code", …) -> code
  for (const { src } of files) {
    for (const m of all(NEW_RE, src)) codes.add(m[1]);
    for (const m of all(FIELD_RE, src)) codes.add(m[1]);
    for (const m of all(CONST_RE, src)) {
      codes.add(m[2]);
      consts.set(m[1], m[2]);
    }
    for (const m of all(/\b(\w+)\s*=\s*problem\.New\(\s*"([^"]+)"/g, src)) vars.set(m[1], m[2]);
  }

  const params = new Map<string, Set<string>>([...codes].map((c) => [c, new Set<string>()]));
  const add = (code: string, keys: Iterable<string>) => {
    for (const k of keys) params.get(code)?.add(k);
  };
  const keysIn = (text: string) => [
    ...all(/map\[string\]string\{([^}]*)\}/g, text).flatMap((m) => all(/"(\w+)"\s*:/g, m[1]).map((k) => k[1])),
    ...all(/\.With\(\s*"(\w+)"/g, text).map((m) => m[1]),
  ];

  // Helpers that add a parameter to the problem they are given: func withField(p *problem.Problem, …).
  const helpers = new Map<string, string[]>();
  for (const { src } of files) {
    for (const m of all(/^func (\w+)\(\w+ \*problem\.Problem[^)]*\)[^{\n]*\{\n([\s\S]*?)\n\}/gm, src)) {
      const keys = all(/\.With\(\s*"(\w+)"/g, m[2]).map((k) => k[1]);
      if (keys.length) helpers.set(m[1], keys);
    }
  }

  for (const { src } of files) {
    // Each place that produces a code starts a segment running to the next such place or the end
    // of the enclosing top-level declaration; the parameters set in it belong to that code.
    const starts: { at: number; code: string }[] = [];
    for (const m of all(NEW_RE, src)) starts.push({ at: m.index, code: m[1] });
    for (const m of all(FIELD_RE, src)) starts.push({ at: m.index, code: m[1] });
    for (const m of all(/\bCode[A-Z]\w*\b/g, src)) {
      const code = consts.get(m[0]);
      const before = src.slice(Math.max(0, m.index - 8), m.index);
      const after = src.slice(m.index + m[0].length);
      if (code === undefined || /^\s*=[^=]/.test(after.slice(0, 8)) || /([!=]=|case)\s*$/.test(before)) continue;
      starts.push({ at: m.index, code });
    }
    starts.sort((a, b) => a.at - b.at);
    starts.forEach(({ at, code }, i) => {
      let end = i + 1 < starts.length ? starts[i + 1].at : src.length;
      const close = src.slice(at).search(/\n[})]/);
      if (close >= 0) end = Math.min(end, at + close);
      add(code, keysIn(src.slice(at, end)));
    });
  }
  // errX.With("key", …) and helper(errX, …) on problems declared as variables, in any file of
  // their package (clientsecret.go calls withField without importing the problem package).
  for (const { src } of everyFile) {
    for (const [name, code] of vars) {
      for (const m of all(new RegExp(`\\b${name}\\.With\\(\\s*"(\\w+)"`, 'g'), src)) add(code, [m[1]]);
      for (const [helper, keys] of helpers) {
        if (new RegExp(`\\b${helper}\\(\\s*${name}\\b`).test(src)) add(code, keys);
      }
    }
  }
  return { codes, params };
}

const files = sources.filter(canBuild);
const { codes, params } = extract(sources);

function placeholders(msg: unknown): string[] {
  return [...JSON.stringify(msg).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

describe('backend problem codes', () => {
  it('are found in the Go sources', () => {
    const where = files.map((f) => relative(backend, f.path));
    expect(where).toContain(join('problem', 'problem.go'));
    expect(where).toContain(join('auth', 'problems.go'));
    expect(where).toContain(join('workspace', 'workspace.go'));
    expect(where.some((p) => p.startsWith('emulator'))).toBe(false);
    for (const c of ['internal', 'auth.cancelled', 'auth.secret_missing_field', 'chat.quota', 'workspace.live_refused']) {
      expect(codes, c).toContain(c);
    }
    expect(codes.size).toBeGreaterThan(50);
    // Scope names share the "chat." prefix but are not codes.
    expect(codes).not.toContain('chat.memberships');
  });

  it('have a message and a fix in every language', () => {
    const missing: string[] = [];
    for (const lang of LANGS) {
      const cat = catalogues[lang] as Record<string, unknown>;
      for (const code of codes) {
        for (const part of ['message', 'fix']) {
          if (cat[`problem.${code}.${part}`] === undefined) missing.push(`${lang}: problem.${code}.${part}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('are the only problem texts: no translation for a code the backend never sends', () => {
    const stray: string[] = [];
    for (const lang of LANGS) {
      for (const key of Object.keys(catalogues[lang])) {
        if (!key.startsWith('problem.') || UI_KEYS.has(key)) continue;
        const m = /^problem\.(.+)\.(message|fix)$/.exec(key);
        if (!m || (m[1] !== UNEXPECTED && !codes.has(m[1]))) stray.push(`${lang}: ${key}`);
      }
    }
    expect(stray).toEqual([]);
  });

  it('read their parameters from the Go sources', () => {
    expect([...(params.get('chat.invalid_email') ?? [])]).toEqual(['email']);
    expect(params.get('chat.external_not_allowed')).toEqual(new Set(['email', 'space', 'spaceName']));
    expect(params.get('chat.quota')).toEqual(new Set(['retryAfterSeconds']));
    expect(params.get('chat.scope_missing')).toEqual(new Set(['scope']));
    expect(params.get('auth.secret_missing_field')).toEqual(new Set(['field']));
    expect(params.get('auth.secret_bad_uri')).toEqual(new Set(['field']));
    expect(params.get('auth.revoke_failed')).toEqual(new Set());
    expect(params.get('chat.empty_person')).toEqual(new Set());
  });

  it('only use placeholders the backend fills for that code', () => {
    const unfilled: string[] = [];
    for (const lang of LANGS) {
      const cat = catalogues[lang] as Record<string, unknown>;
      for (const code of codes) {
        for (const part of ['message', 'fix']) {
          for (const name of placeholders(cat[`problem.${code}.${part}`] ?? '')) {
            if (!params.get(code)?.has(name)) unfilled.push(`${lang}: problem.${code}.${part} {${name}}`);
          }
        }
      }
    }
    expect(unfilled).toEqual([]);
  });
});
