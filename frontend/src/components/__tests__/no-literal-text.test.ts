// Every user-visible string comes from the catalogues: no bare text in component markup, no
// literal accessible names or placeholders. Components also never reach the bindings directly.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';

const root = join(__dirname, '..', '..');
const TEXT_ATTRIBUTES = new Set(['aria-label', 'placeholder', 'title', 'alt', 'label', 'aria-description']);

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return svelteFiles(path);
    return name.endsWith('.svelte') ? [path] : [];
  });
}

interface Node {
  type: string;
  data?: string;
  name?: string;
  value?: unknown;
  start: number;
  [key: string]: unknown;
}

function literals(source: string): string[] {
  const ast = parse(source, { modern: true });
  const found: string[] = [];
  const walk = (node: unknown, inAttr = false): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, inAttr));
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'Text' && !inAttr && (n.data ?? '').trim() !== '') found.push(`text "${n.data!.trim()}"`);
    if (n.type === 'Attribute' && TEXT_ATTRIBUTES.has(n.name ?? '')) {
      const parts = Array.isArray(n.value) ? (n.value as Node[]) : [];
      for (const p of parts) if (p.type === 'Text' && (p.data ?? '').trim() !== '') found.push(`${n.name}="${p.data}"`);
    }
    for (const [key, child] of Object.entries(n)) {
      if (key === 'instance' || key === 'module' || key === 'css' || key === 'expression') continue;
      walk(child, inAttr || n.type === 'Attribute');
    }
  };
  walk(ast.fragment);
  return found;
}

const files = [...svelteFiles(join(root, 'components')), join(root, 'App.svelte')];

describe('components', () => {
  it('are scanned', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s has no literal user-visible text', (_, file) => {
    expect(literals(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s does not import the bindings or lib/api', (_, file) => {
    const src = readFileSync(file, 'utf8');
    expect(src).not.toMatch(/from\s+['"][^'"]*(wailsjs|lib\/api)[^'"]*['"]/);
  });

  it('the scanner does catch literal text', () => {
    expect(literals('<p>Hello</p><input placeholder="Type" aria-label={x} />')).toEqual([
      'text "Hello"',
      'placeholder="Type"',
    ]);
  });
});
