// Adding several people or Google Groups: chips checked by Go, directory suggestions as a
// combobox, a role, one result per entry.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { app, demoSignedIn, member, memberList, membership, reset } from '../../test/fake';

const PRIYA = { name: 'users/201', displayName: 'Priya Raman', email: 'priya.raman@example.com' };
const PIERRE = { name: 'users/202', displayName: 'Pierre Dubois', email: 'pierre.dubois@example.com' };

async function chosen(space = /Marketing team/) {
  reset(demoSignedIn);
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('radio', { name: space }));
  await user.click(screen.getByRole('radio', { name: 'People or groups' }));
  return user;
}

const box = () => screen.getByRole('combobox', { name: 'Names, email addresses or Google Groups' });
const chips = () => screen.queryByRole('list', { name: /to add$/ });
const chipTexts = () => (chips() ? within(chips()!).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim()) : []);
const addButton = () => screen.getByRole('button', { name: /^Add [\d,]+ (person|people)$/ });

function paste(text: string) {
  // jsdom has no DataTransfer: the event carries what the handler reads.
  fireEvent.paste(box(), { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
}

describe('people input', () => {
  it('suggests colleagues after a pause; arrows move, Enter picks, the chip sends the user id', async () => {
    const user = await chosen();
    app.Suggest.mockResolvedValue([PRIYA, PIERRE] as never);
    await user.type(box(), 'Pri');
    const list = await screen.findByRole('listbox', { name: 'Suggested colleagues' });
    // One search for the word typed, not one per letter.
    await waitFor(() => expect(app.Suggest).toHaveBeenCalledWith('Pri'));
    expect(app.Suggest).toHaveBeenCalledTimes(1);
    expect(box()).toHaveAttribute('aria-expanded', 'true');
    const options = within(list).getAllByRole('option');
    expect(options).toHaveLength(2);
    expect(box()).toHaveAttribute('aria-activedescendant', options[0].id);
    await user.keyboard('{ArrowDown}');
    expect(box()).toHaveAttribute('aria-activedescendant', options[1].id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}'); // wraps
    expect(box()).toHaveAttribute('aria-activedescendant', options[0].id);
    await user.keyboard('{ArrowUp}{Enter}');
    expect(chipTexts()).toEqual(['Pierre Dubois pierre.dubois@example.com']);
    expect(box()).toHaveValue('');
    expect(box()).toHaveAttribute('aria-expanded', 'false');
    expect(box()).not.toHaveAttribute('aria-activedescendant');

    await user.click(addButton());
    expect(app.Add).toHaveBeenCalledWith('spaces/AAA1', ['users/202'], 'ROLE_MEMBER', false);
  });

  it('Escape closes the suggestions and keeps what was typed', async () => {
    const user = await chosen();
    app.Suggest.mockResolvedValue([PRIYA] as never);
    await user.type(box(), 'Pri');
    await screen.findByRole('option', { name: /Priya Raman/ });
    await user.keyboard('{Escape}');
    expect(box()).toHaveAttribute('aria-expanded', 'false');
    expect(box()).toHaveValue('Pri');
    expect(chipTexts()).toEqual([]);
  });

  it('does not search for an address being typed; Enter makes it a chip', async () => {
    const user = await chosen();
    await user.type(box(), 'jane@demo.example{Enter}');
    expect(app.Suggest).not.toHaveBeenCalled();
    expect(app.CheckPeople).toHaveBeenCalledWith('jane@demo.example');
    expect(chipTexts()).toEqual(['jane@demo.example']);
  });

  it('turns a pasted list into one chip per person, each with its verdict', async () => {
    const user = await chosen();
    app.CheckPeople.mockResolvedValue({
      leftOut: false,
      entries: [
        { text: 'Jane Doe <jane@demo.example>', name: 'Jane Doe', value: 'jane@demo.example' },
        { text: 'bob@@demo', value: '', problem: { code: 'chat.invalid_email', message: 'x', params: { email: 'bob@@demo' } } },
        { text: 'team@demo.example', value: 'team@demo.example' },
      ],
    } as never);
    paste('Jane Doe <jane@demo.example>, bob@@demo\nteam@demo.example');
    await waitFor(() => expect(chipTexts()).toHaveLength(3));
    expect(app.CheckPeople).toHaveBeenCalledWith('Jane Doe <jane@demo.example>, bob@@demo\nteam@demo.example');
    const [jane, bob] = within(chips()!).getAllByRole('listitem');
    expect(jane).toHaveTextContent('Jane Doe');
    expect(jane).toHaveTextContent('jane@demo.example');
    expect(bob).toHaveTextContent(/bob@@demo.*isn.t a valid email address/);
    expect(box()).toHaveValue('');

    // An invalid chip stops the add: nothing is sent, the reason says how to go on.
    await user.click(addButton());
    expect(app.Add).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('1 entry is not an address. Fix or remove it; nothing was sent.');
    expect(box()).toHaveFocus();

    await user.click(within(bob).getByRole('button', { name: 'Remove bob@@demo' }));
    expect(chipTexts()).toHaveLength(2);
    expect(box()).toHaveFocus();
    // Backspace in the empty field removes the last chip.
    await user.keyboard('{Backspace}');
    expect(chipTexts()).toEqual(['Jane Doe jane@demo.example']);
  });

  it('says a paste was too long, and shows thousands of chips summarised', async () => {
    await chosen();
    app.CheckPeople.mockResolvedValue({
      leftOut: true,
      entries: Array.from({ length: 5000 }, (_, i) => ({ text: `p${i}@demo.example`, value: `p${i}@demo.example` })),
    } as never);
    paste(Array.from({ length: 6000 }, (_, i) => `p${i}@demo.example`).join('\n'));
    expect(await screen.findByText('The list was too long: only its first 5,000 entries were read.')).toBeVisible();
    expect(chipTexts()).toHaveLength(100);
    expect(screen.getByText('and 4,900 more')).toBeVisible();
    await userEvent.setup().click(addButton());
    expect(screen.getByText('Add at most 500 people at a time; nothing was sent.')).toBeVisible();
    expect(app.Add).not.toHaveBeenCalled();
  });

  it('sends the role chosen and shows one result per entry, with a partial role explained', async () => {
    const user = await chosen();
    await user.type(box(), 'jane@demo.example, ann@demo.example, team@demo.example, nobody@demo.example,');
    expect(chipTexts()).toHaveLength(4);
    const role = screen.getByRole('combobox', { name: 'Role' });
    expect(role).toHaveValue('ROLE_MEMBER');
    expect([...(role as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Member', 'Manager', 'Owner']);
    await user.selectOptions(role, 'Manager');
    app.Add.mockResolvedValue([
      { entry: 'jane@demo.example', kind: 'person', requestedRole: 'ROLE_ASSISTANT_MANAGER', membership: membership({ role: 'ROLE_ASSISTANT_MANAGER' }) },
      {
        entry: 'ann@demo.example',
        kind: 'person',
        requestedRole: 'ROLE_ASSISTANT_MANAGER',
        membership: membership({ displayName: 'Ann Lee', email: 'ann@demo.example' }),
        roleProblem: { code: 'chat.role_not_allowed', message: 'x', fix: 'y', params: { member: 'Ann Lee', role: 'ROLE_ASSISTANT_MANAGER' } },
      },
      {
        entry: 'team@demo.example',
        kind: 'group',
        requestedRole: 'ROLE_ASSISTANT_MANAGER',
        membership: membership({ displayName: '', email: 'team@demo.example', memberType: 'GROUP', role: '' as never }),
        roleProblem: { code: 'adding.group_no_role', message: 'x', params: { group: 'team@demo.example' } },
      },
      { entry: 'nobody@demo.example', kind: '', requestedRole: 'ROLE_ASSISTANT_MANAGER', problem: { code: 'adding.nobody', message: 'x', params: { email: 'nobody@demo.example' } } },
    ] as never);
    await user.click(screen.getByRole('button', { name: 'Add 4 people' }));
    expect(app.Add).toHaveBeenCalledWith(
      'spaces/AAA1',
      ['jane@demo.example', 'ann@demo.example', 'team@demo.example', 'nobody@demo.example'],
      'ROLE_ASSISTANT_MANAGER',
      false,
    );
    const results = await screen.findByRole('region', { name: 'Results' });
    const rows = within(results).getAllByRole('listitem');
    expect(rows).toHaveLength(4);
    expect(within(results).getByRole('status')).toHaveTextContent('3 in the space, 1 not added.');
    expect(rows[0]).toHaveTextContent('Jane Doe is now in the space as Manager.');
    expect(rows[1]).toHaveTextContent('Ann Lee is now in the space as Member.');
    expect(rows[1]).toHaveTextContent(/Ann Lee/);
    expect(rows[2]).toHaveTextContent('team@demo.example is now in the space: everyone in the group can see it.');
    expect(rows[2]).toHaveTextContent('team@demo.example is a Google Group: groups have no role in a space');
    expect(rows[3]).toHaveTextContent('Not added');
    expect(rows[3]).toHaveTextContent('Google knows neither a person nor a Google Group with the address nobody@demo.example.');
    // What failed stays to fix; what was added goes.
    expect(chipTexts()).toEqual(['nobody@demo.example']);
  });

  it('keeps every chip when the add fails as a whole', async () => {
    const user = await chosen();
    await user.type(box(), 'jane@demo.example,');
    app.Add.mockRejectedValue(JSON.stringify({ code: 'chat.space_not_found', message: 'Gone.' }));
    await user.click(screen.getByRole('button', { name: 'Add 1 person' }));
    expect(await screen.findByRole('heading', { name: "Couldn't add" })).toBeVisible();
    expect(chipTexts()).toEqual(['jane@demo.example']);
  });

  it('offers only the roles the member list says the user may give in that space', async () => {
    reset(demoSignedIn);
    // A manager (not an owner) may add members and managers, not owners.
    app.List.mockImplementation(async () =>
      memberList([member({ me: true, role: 'ROLE_ASSISTANT_MANAGER' })], { addRoles: ['ROLE_MEMBER', 'ROLE_ASSISTANT_MANAGER'] }) as never,
    );
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('radio', { name: /Marketing team/ }));
    await user.click(screen.getByRole('radio', { name: 'People or groups' }));
    const role = screen.getByRole('combobox', { name: 'Role' });
    await waitFor(() => expect([...(role as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Member', 'Manager']));
  });

  it('offers every role until the member list of the space is there', async () => {
    reset(demoSignedIn);
    app.List.mockReturnValue(new Promise(() => {}) as never);
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('radio', { name: /Marketing team/ }));
    await user.click(screen.getByRole('radio', { name: 'People or groups' }));
    const role = screen.getByRole('combobox', { name: 'Role' });
    expect([...(role as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Member', 'Manager', 'Owner']);
  });

  it('lists the members again after adding chips to the space shown', async () => {
    const user = await chosen();
    await waitFor(() => expect(app.List).toHaveBeenCalledWith('spaces/AAA1', false));
    app.List.mockClear();
    await user.type(box(), 'jane@demo.example,');
    app.Add.mockResolvedValue([
      { entry: 'jane@demo.example', kind: 'person', requestedRole: 'ROLE_MEMBER', membership: membership() },
    ] as never);
    await user.click(addButton());
    await waitFor(() => expect(app.List).toHaveBeenCalledWith('spaces/AAA1', false));
  });

  it('does not list again when no chip made it in', async () => {
    const user = await chosen();
    await waitFor(() => expect(app.List).toHaveBeenCalledWith('spaces/AAA1', false));
    app.List.mockClear();
    await user.type(box(), 'nobody@demo.example,');
    app.Add.mockResolvedValue([
      { entry: 'nobody@demo.example', kind: '', requestedRole: 'ROLE_MEMBER', problem: { code: 'adding.nobody', message: 'x', params: { email: 'nobody@demo.example' } } },
    ] as never);
    await user.click(addButton());
    await screen.findByRole('region', { name: 'Results' });
    expect(app.List).not.toHaveBeenCalled();
  });

  it('offers no role in a group chat', async () => {
    await chosen(/Launch planning/);
    expect(screen.queryByRole('combobox', { name: 'Role' })).toBeNull();
  });

  it('debounces: typing on restarts the wait', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = await chosen();
      await user.type(box(), 'Pr');
      await user.type(box(), 'iya');
      await vi.advanceTimersByTimeAsync(400);
      expect(app.Suggest).toHaveBeenCalledTimes(1);
      expect(app.Suggest).toHaveBeenCalledWith('Priya');
    } finally {
      vi.useRealTimers();
    }
  });
});
