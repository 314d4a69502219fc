// The bulk screen in the app: a pasted table checked into a preview of 100,000 rows draws only a
// window of them; Delete on the list drops the chosen row and focus stays on the list, on the
// row that took its place; what was typed survives a switch of view.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import * as Bulk from '../../../wailsjs/go/main/Bulk';
import { demoSignedIn, reset } from '../../test/fake';

vi.mock('../../../wailsjs/go/main/Bulk', () => ({
  ChooseFile: vi.fn(),
  MaxFileBytes: vi.fn(),
  Preview: vi.fn(),
  ReadRow: vi.fn(),
  StartSync: vi.fn(),
  SyncPlan: vi.fn(),
}));
const bulk = vi.mocked(Bulk);

function rows(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    who: `person${i}@example.com`,
    spaceName: 'Berlin Office',
    verdict: i % 10 === 1 ? 'invalid' : 'ready',
    item: { op: 'add', space: 'spaces/B', member: `users/person${i}@example.com`, kind: 'person', role: 'ROLE_MEMBER' },
  }));
}

beforeEach(() => {
  reset(demoSignedIn);
  bulk.MaxFileBytes.mockResolvedValue(20 << 20);
});

async function openBulk() {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('button', { name: 'Several spaces' }));
  await user.click(screen.getByRole('radio', { name: 'Paste a table' }));
  return user;
}

describe('bulk screen', () => {
  it('draws a window of a 100,000-row preview, with the counts of all of them', async () => {
    const all = rows(100_000);
    bulk.Preview.mockResolvedValue({ preview: { rows: all, counts: {} }, records: all.map(() => ({})), unchecked: [] } as never);
    const user = await openBulk();
    await user.type(screen.getByLabelText('Cells copied from a spreadsheet'), 'a@example.com');
    await user.click(screen.getByRole('button', { name: 'Check the list' }));
    const list = await screen.findByRole('listbox', { name: 'Rows of the list' });
    // Counts are written as the language writes numbers.
    expect(screen.getByRole('list', { name: '100,000 rows' })).toBeInTheDocument();
    const options = within(list).getAllByRole('option');
    expect(options.length).toBeLessThan(50);
    expect(options[0]).toHaveAttribute('aria-setsize', '100000');
    expect(screen.getByRole('button', { name: 'Add 90,000 rows' })).toBeEnabled();
    expect(list).toBeInTheDocument();
  });

  it('Delete drops the chosen row; focus stays on the list, on the next row', async () => {
    const few = rows(4);
    bulk.Preview.mockResolvedValue({ preview: { rows: few, counts: {} }, records: few.map(() => ({})), unchecked: [] } as never);
    const user = await openBulk();
    await user.type(screen.getByLabelText('Cells copied from a spreadsheet'), 'a@example.com');
    await user.click(screen.getByRole('button', { name: 'Check the list' }));
    const list = await screen.findByRole('listbox', { name: 'Rows of the list' });
    list.focus();
    await user.keyboard('{ArrowDown}');
    expect(within(list).getByRole('option', { selected: true })).toHaveTextContent('person1@example.com');
    expect(screen.getByRole('heading', { name: /^Row 3: person1@example.com/ })).toBeInTheDocument();
    await user.keyboard('{Delete}');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(3));
    expect(list).toHaveFocus();
    expect(within(list).getByRole('option', { selected: true })).toHaveTextContent('person2@example.com');
    const active = document.getElementById(list.getAttribute('aria-activedescendant') ?? '');
    expect(active).toHaveTextContent('person2@example.com');
  });

  it("a row's fix offers the roles to choose from, and sends the one chosen", async () => {
    const few = rows(4);
    bulk.Preview.mockResolvedValue({ preview: { rows: few, counts: {} }, records: few.map(() => ({})), unchecked: [] } as never);
    bulk.ReadRow.mockResolvedValue([{ row: 3, kind: 'person', member: 'users/x@example.com', cells: [] }] as never);
    const user = await openBulk();
    await user.type(screen.getByLabelText('Cells copied from a spreadsheet'), 'a@example.com');
    await user.click(screen.getByRole('button', { name: 'Check the list' }));
    const list = await screen.findByRole('listbox', { name: 'Rows of the list' });
    list.focus();
    await user.keyboard('{ArrowDown}'); // row 3, invalid
    const role = screen.getByRole('combobox', { name: 'Role (optional)' });
    expect(within(role).getAllByRole('option').map((o) => o.textContent?.trim())).toEqual(['Not given', 'Member', 'Manager', 'Owner']);
    await user.selectOptions(role, 'Owner');
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(bulk.ReadRow).toHaveBeenCalledWith(3, expect.any(String), expect.any(String), 'ROLE_MANAGER'));
  });

  it('keeps what was pasted when the view changes', async () => {
    const user = await openBulk();
    await user.type(screen.getByLabelText('Cells copied from a spreadsheet'), 'kept@example.com');
    await user.click(screen.getByRole('button', { name: 'One space' }));
    await user.click(screen.getByRole('button', { name: 'Several spaces' }));
    expect(screen.getByLabelText('Cells copied from a spreadsheet')).toHaveValue('kept@example.com');
  });
});
