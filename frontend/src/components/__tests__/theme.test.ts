// The dark theme in app.css: it defines every colour the light theme does (none left light by
// mistake), and its focus ring and text keep the light theme's contrast on every background.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const css = readFileSync(join(__dirname, '..', '..', 'app.css'), 'utf8');
const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
const light = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
const dark = css.slice(darkAt, css.indexOf('}', darkAt));

function vars(block: string): Map<string, string> {
  return new Map([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

function luminance(hex: string): number {
  const m = hex.match(/^#([0-9a-f]{6})$/i);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('dark theme', () => {
  const d = vars(dark);
  const v = (n: string) => d.get(n)!;

  it('exists and gives every colour of the light theme its own value', () => {
    expect(darkAt).toBeGreaterThan(0);
    const colours = [...vars(light)].filter(([, val]) => /^(#|rgb)/.test(val)).map(([k]) => k);
    expect(colours.length).toBeGreaterThan(20);
    expect(colours.filter((k) => !d.has(k))).toEqual([]);
  });

  it.each(['bg', 'surface', 'accent-soft', 'row-hover', 'danger-soft', 'warn-soft', 'hover'])(
    'has a focus ring of 3:1 or more and text of 4.5:1 or more on --%s',
    (bg) => {
      expect(contrast(v('focus-ring'), v(bg))).toBeGreaterThanOrEqual(3);
      expect(contrast(v('text'), v(bg))).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('has readable muted, accent, danger, warn and ok text on its surfaces, and readable button text', () => {
    for (const fg of ['muted', 'accent', 'danger', 'warn', 'ok'])
      for (const bg of ['bg', 'surface']) expect(contrast(v(fg), v(bg)), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    expect(contrast(v('on-accent'), v('accent'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(v('on-accent'), v('danger'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(v('danger'), v('danger-soft'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(v('warn'), v('warn-soft'))).toBeGreaterThanOrEqual(4.5);
  });
});
