// The focus ring, read from app.css: at least 3:1 against every background a focused control
// sits on (WCAG 1.4.11), and not the look of a selected row.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const css = readFileSync(join(__dirname, '..', '..', 'app.css'), 'utf8');

function variable(name: string): string {
  const m = css.match(new RegExp(`--${name}:\\s*([^;]+);`));
  if (!m) throw new Error(`--${name} is not defined in app.css`);
  return m[1].trim();
}

function rule(selector: string): string {
  const i = css.indexOf(`${selector} {`);
  if (i < 0) throw new Error(`no rule for ${selector}`);
  return css.slice(i, css.indexOf('}', i));
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

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('focus ring', () => {
  const ring = variable('focus-ring');

  it.each([
    ['page', variable('bg')],
    ['card', variable('surface')],
    ['selected row', variable('accent-soft')],
    ['hovered row', '#f1f4f8'],
    ['problem box', variable('danger-soft')],
    ['warning', variable('warn-soft')],
  ])('is at least 3:1 against the %s background', (_, bg) => {
    expect(contrast(ring, bg)).toBeGreaterThanOrEqual(3);
  });

  it('is a solid outline of 2px or more, for every focusable control and for the active row of a long list', () => {
    for (const sel of [':focus-visible', '.vlist:focus-visible .vlist-row.active']) {
      expect(rule(sel)).toMatch(/outline:\s*(\d+)px solid var\(--focus-ring\)/);
      expect(Number(rule(sel).match(/outline:\s*(\d+)px/)![1])).toBeGreaterThanOrEqual(2);
    }
  });

  it('does not look like a selected row: selected is a light fill without an outline', () => {
    const selected = rule('.space.selected');
    expect(selected).toMatch(/background:\s*var\(--accent-soft\)/);
    expect(selected).not.toMatch(/outline/);
    expect(contrast(ring, variable('accent-soft'))).toBeGreaterThan(contrast(variable('accent'), variable('accent-soft')));
  });
});
