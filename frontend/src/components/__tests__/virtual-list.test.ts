// VirtualList: only the rows in view exist, and the list still behaves as one list of all items
// for the keyboard and for screen readers.
import { describe, expect, it, vi } from 'vitest';
import { createRawSnippet } from 'svelte';
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import VirtualList from '../common/VirtualList.svelte';

interface Item {
  id: string;
  name: string;
}
const many = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: `k${i}`, name: `Item ${i}` }));
const row = createRawSnippet((item: () => Item) => ({ render: () => `<span>${item().name}</span>` }));
const ROW = 48;
const VIEW = 480; // the default viewport without layout: 10 rows, plus 6 overscan each side

function setup(props: Record<string, unknown> = {}) {
  const onselect = vi.fn();
  const items = many(10_000);
  const r = render(VirtualList<Item>, {
    props: { items, key: (i: Item) => i.id, row, label: 'Things', rowHeight: ROW, fallbackHeight: VIEW, onselect, ...props },
  });
  const list = screen.getByRole(props.role === 'listbox' ? 'listbox' : 'radiogroup', { name: 'Things' });
  const names = () => screen.queryAllByRole('radio').map((r) => r.textContent);
  return { ...r, list, names, onselect, items };
}

/** scroll moves the list as a person's wheel would (jsdom keeps no scroll position itself). */
async function scroll(list: HTMLElement, top: number) {
  Object.defineProperty(list, 'scrollTop', { configurable: true, value: top, writable: true });
  await fireEvent.scroll(list);
}

const active = (list: HTMLElement) => document.getElementById(list.getAttribute('aria-activedescendant') ?? '')?.textContent;

describe('VirtualList', () => {
  it('renders only a window of rows for 10,000 items, each knowing its place in the whole list', () => {
    const { names } = setup();
    const shown = names();
    expect(shown.length).toBeGreaterThanOrEqual(VIEW / ROW);
    expect(shown.length).toBeLessThan(30);
    expect(shown[0]).toBe('Item 0');
    const first = screen.getByRole('radio', { name: 'Item 0' });
    expect(first).toHaveAttribute('aria-setsize', '10000');
    expect(first).toHaveAttribute('aria-posinset', '1');
    expect(first).toHaveAttribute('aria-checked', 'false');
  });

  it('shows the rows at the scroll position, with their true positions', async () => {
    const { list, names } = setup();
    await scroll(list, 5000 * ROW);
    const shown = names();
    expect(shown).toContain('Item 5000');
    expect(shown).toContain('Item 5009');
    expect(shown).not.toContain('Item 0');
    expect(shown.length).toBeLessThan(30);
    expect(screen.getByRole('radio', { name: 'Item 5000' })).toHaveAttribute('aria-posinset', '5001');
    expect(screen.getByRole('radio', { name: 'Item 5000' }).style.top).toBe(`${5000 * ROW}px`);
  });

  it('moves the active row by keyboard across the window, scrolling it into view; focus stays on the list', async () => {
    const { list, names, onselect } = setup();
    const user = userEvent.setup();
    await user.tab();
    expect(list).toHaveFocus();
    expect(active(list)).toBe('Item 0');
    for (let i = 0; i < 30; i++) await user.keyboard('{ArrowDown}');
    expect(active(list)).toBe('Item 30');
    expect(names()).not.toContain('Item 0');
    expect(list.scrollTop).toBe(31 * ROW - VIEW);
    await user.keyboard('{End}');
    expect(active(list)).toBe('Item 9999');
    expect(screen.getByRole('radio', { name: 'Item 9999' })).toHaveAttribute('aria-posinset', '10000');
    await user.keyboard('{PageUp}');
    expect(active(list)).toBe(`Item ${9999 - (VIEW / ROW - 1)}`);
    await user.keyboard('{Home}');
    expect(active(list)).toBe('Item 0');
    await user.keyboard('{PageDown}');
    expect(active(list)).toBe(`Item ${VIEW / ROW - 1}`);
    expect(list).toHaveFocus();
    expect(onselect).not.toHaveBeenCalled();
    await user.keyboard(' ');
    expect(onselect).toHaveBeenCalledWith(expect.objectContaining({ name: `Item ${VIEW / ROW - 1}` }), VIEW / ROW - 1);
  });

  it('keeps the active row when it is scrolled out of the window and back', async () => {
    const { list } = setup();
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await scroll(list, 5000 * ROW);
    // Still there (the reference stays valid), and focus did not fall to the page.
    expect(active(list)).toBe('Item 2');
    expect(list).toHaveFocus();
    await scroll(list, 0);
    await user.keyboard('{ArrowDown}');
    expect(active(list)).toBe('Item 3');
    expect(list).toHaveFocus();
  });

  it('chooses a row on click, or on every move when selection follows focus', async () => {
    const { onselect, rerender, list } = setup({ selectionFollowsFocus: true });
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Item 4' }));
    expect(onselect).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Item 4' }), 4);
    await rerender({ selected: 'k4' });
    expect(screen.getByRole('radio', { name: 'Item 4' })).toHaveAttribute('aria-checked', 'true');
    expect(list).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(onselect).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Item 5' }), 5);
  });

  it('keeps the selection and the active row by key when the list is filtered', async () => {
    const { rerender, items, list, names } = setup({ selected: 'k7000' });
    const user = userEvent.setup();
    await user.tab();
    // Focus arrives on the chosen row, scrolled into view.
    expect(active(list)).toBe('Item 7000');
    expect(screen.getByRole('radio', { name: 'Item 7000' })).toHaveAttribute('aria-checked', 'true');
    const some = items.filter((i) => i.name.endsWith('000'));
    await rerender({ items: some });
    expect(names()).toContain('Item 7000');
    expect(screen.getByRole('radio', { name: 'Item 7000' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('radio', { name: 'Item 7000' })).toHaveAttribute('aria-setsize', String(some.length));
    expect(active(list)).toBe('Item 7000');
    await rerender({ items });
    expect(screen.getByRole('radio', { name: 'Item 7000' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getAllByRole('radio', { checked: true })).toHaveLength(1);
  });

  it('is a listbox of options when asked', () => {
    setup({ role: 'listbox', selected: 'k1' });
    expect(screen.getByRole('listbox', { name: 'Things' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Item 1' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('option', { name: 'Item 0' })).toHaveAttribute('aria-selected', 'false');
  });
});
