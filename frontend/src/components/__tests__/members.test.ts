// The member list of the chosen space and its actions, against the mocked bindings.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { app, demoSignedIn, member, memberList, membership, rejection, reset } from '../../test/fake';
import type { Member } from '../../lib/api/members';

const ME = member({
  name: 'spaces/AAA1/members/1',
  memberName: 'users/1',
  displayName: 'Alex Rivera',
  email: 'alex@demo.example',
  role: 'ROLE_ASSISTANT_MANAGER',
  me: true,
  may: { roles: ['ROLE_MEMBER'], remove: true, cancelInvitation: false },
});
const OWNER = member({
  name: 'spaces/AAA1/members/2',
  memberName: 'users/2',
  displayName: 'Amara Okafor',
  email: 'amara@demo.example',
  role: 'ROLE_MANAGER',
});
const KWAME = member({
  name: 'spaces/AAA1/members/3',
  memberName: 'users/3',
  displayName: 'Kwame Mensah',
  email: 'kwame@demo.example',
  may: { roles: ['ROLE_ASSISTANT_MANAGER'], remove: true, cancelInvitation: false },
});
const GUEST = member({
  name: 'spaces/AAA1/members/4',
  memberName: 'users/4',
  displayName: 'Olivia Grant',
  email: 'olivia@partner.example',
  external: true,
});
const GROUP = member({
  name: 'spaces/AAA1/members/g1',
  kind: 'group',
  memberName: 'groups/g1',
  role: '' as Member['role'],
  displayName: '',
  email: '',
  may: { roles: [], remove: true, cancelInvitation: false },
});
const APP = member({ name: 'spaces/AAA1/members/app', kind: 'app', memberName: 'users/app', displayName: 'Chat Members', email: '' });
const INVITED = member({
  name: 'spaces/AAA1/members/5',
  memberName: 'users/5',
  displayName: 'Hiroshi Tanaka',
  email: 'hiroshi@demo.example',
  state: 'INVITED',
  may: { roles: [], remove: false, cancelInvitation: true },
});
const ALL = [OWNER, ME, KWAME, GUEST, GROUP, APP, INVITED];

async function shown(rows: Member[] = ALL) {
  reset(demoSignedIn);
  app.List.mockResolvedValue(memberList(rows) as never);
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole('radio', { name: /Marketing team/ }));
  const list = await screen.findByRole('list', { name: 'Members of Marketing team' });
  return { user, list };
}

const rowOf = (name: string) => screen.getByText(name, { selector: '.mrow-name' }).closest('li') as HTMLElement;

describe('member list', () => {
  it('lists people, groups and apps with role, state, email and outsiders, in Go’s order', async () => {
    const { list } = await shown();
    expect(app.List).toHaveBeenCalledWith('spaces/AAA1', false);
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.mrow-name')?.textContent)).toEqual([
      'Amara Okafor',
      'Alex Rivera',
      'Kwame Mensah',
      'Olivia Grant',
      'A Google Group (g1)',
      'Chat Members',
      'Hiroshi Tanaka',
    ]);
    expect(within(rowOf('Amara Okafor')).getByText('Owner')).toBeVisible();
    expect(within(rowOf('Alex Rivera')).getByText('Manager')).toBeVisible();
    expect(within(rowOf('Alex Rivera')).getByText('You')).toBeVisible();
    expect(within(rowOf('Kwame Mensah')).getByText('Member')).toBeVisible();
    expect(within(rowOf('Kwame Mensah')).getByText('kwame@demo.example')).toBeVisible();
    expect(within(rowOf('Olivia Grant')).getByText('Outside your organisation')).toBeVisible();
    expect(within(rowOf('Kwame Mensah')).queryByText('Outside your organisation')).toBeNull();
    expect(within(rowOf('A Google Group (g1)')).getByText('Google Group')).toBeVisible();
    expect(within(rowOf('Chat Members')).getByText('Chat app')).toBeVisible();
    expect(within(rowOf('Hiroshi Tanaka')).getByText('Invited, not yet accepted')).toBeVisible();
    expect(within(rowOf('Kwame Mensah')).getByText('Joined')).toBeVisible();
    expect(items[0]).toHaveAttribute('aria-setsize', '7');
  });

  it('counts joined and invited in the header and says the user’s own role', async () => {
    await shown();
    expect(screen.getByRole('heading', { name: 'Members of Marketing team' })).toBeVisible();
    expect(screen.getByText('6 members · 1 invited')).toBeVisible();
    expect(screen.getByText('You are a manager')).toBeVisible();
  });

  it('says so when the user is not in the space', async () => {
    await shown([OWNER]);
    expect(screen.getByText('1 member')).toBeVisible();
    expect(screen.getByText('You are not a member of this space')).toBeVisible();
  });

  it('searches by name and by email, ignoring case', async () => {
    const { user, list } = await shown();
    const box = screen.getByRole('searchbox', { name: 'Search members' });
    await user.type(box, 'KWAME');
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('1 shown')).toBeVisible();
    await user.clear(box);
    await user.type(box, 'partner.example');
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('.mrow-name')?.textContent)).toEqual(['Olivia Grant']);
    await user.clear(box);
    await user.type(box, 'nobody');
    expect(screen.getByText('No member matches “nobody”.')).toBeVisible();
  });

  it('offers only the actions Go allows on each row', async () => {
    await shown();
    const buttons = (name: string) => within(rowOf(name)).queryAllByRole('button').map((b) => b.textContent?.trim());
    expect(buttons('Amara Okafor')).toEqual([]);
    expect(buttons('Kwame Mensah')).toEqual(['Change role', 'Remove']);
    expect(buttons('Alex Rivera')).toEqual(['Change role', 'Leave']);
    expect(buttons('A Google Group (g1)')).toEqual(['Remove']);
    expect(buttons('Chat Members')).toEqual([]);
    expect(buttons('Hiroshi Tanaka')).toEqual(['Cancel invitation']);
  });

  it('changes a role after a confirmation naming the member and the space, then lists again', async () => {
    const { user } = await shown();
    const opener = screen.getByRole('button', { name: 'Change role of Kwame Mensah' });
    await user.click(opener);
    const dialog = screen.getByRole('alertdialog', { name: 'Change the role of Kwame Mensah?' });
    expect(dialog).toHaveAccessibleDescription('In Marketing team, Kwame Mensah is Member now.');
    const confirm = within(dialog).getByRole('button', { name: 'Change role' });
    expect(confirm).toBeDisabled();
    // Only the roles Go allows are offered.
    expect(within(dialog).getAllByRole('radio').map((r) => r.closest('label')?.textContent?.trim())).toEqual(['Manager']);
    await user.click(within(dialog).getByRole('radio', { name: 'Manager' }));
    expect(within(dialog).getByText('In Marketing team, Kwame Mensah will be Manager instead of Member.')).toBeVisible();
    app.List.mockClear();
    await user.click(within(dialog).getByRole('button', { name: 'Make Manager' }));
    expect(app.SetRole).toHaveBeenCalledWith('spaces/AAA1/members/3', 'ROLE_ASSISTANT_MANAGER', false);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(app.List).toHaveBeenCalledTimes(1);
    expect(screen.getAllByText('Kwame Mensah is now Manager in Marketing team.').length).toBeGreaterThan(0);
    // The focus is back on the control that opened the dialog.
    expect(screen.getByRole('button', { name: 'Change role of Kwame Mensah' })).toHaveFocus();
  });

  it('removes after a confirmation naming the member and the space; Escape closes and returns the focus', async () => {
    const { user } = await shown();
    const opener = screen.getByRole('button', { name: 'Remove Kwame Mensah' });
    await user.click(opener);
    let dialog = screen.getByRole('alertdialog', { name: 'Remove Kwame Mensah from Marketing team?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    // The least destructive choice has the focus, and Tab stays in the dialog.
    expect(within(dialog).getByRole('button', { name: 'Go back' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Remove' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Go back' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(app.Remove).not.toHaveBeenCalled();
    await waitFor(() => expect(opener).toHaveFocus());

    await user.click(opener);
    dialog = screen.getByRole('alertdialog', { name: 'Remove Kwame Mensah from Marketing team?' });
    app.List.mockResolvedValue(memberList(ALL.filter((m) => m !== KWAME)) as never);
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(app.Remove).toHaveBeenCalledWith('spaces/AAA1/members/3', false, false);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.queryByText('Kwame Mensah', { selector: '.mrow-name' })).toBeNull();
    // Its row is gone: the focus goes to the search, not to the page.
    await waitFor(() => expect(screen.getByRole('searchbox', { name: 'Search members' })).toHaveFocus());
  });

  it('cancels an invitation after a confirmation naming the invitee and the space', async () => {
    const { user } = await shown();
    await user.click(screen.getByRole('button', { name: 'Cancel invitation of Hiroshi Tanaka' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel the invitation of Hiroshi Tanaka to Marketing team?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel invitation' }));
    expect(app.CancelInvitation).toHaveBeenCalledWith('spaces/AAA1/members/5', false);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('leaving the space needs a second, explicit confirmation, then sends confirmedSelf', async () => {
    const { user } = await shown();
    await user.click(screen.getByRole('button', { name: 'Leave Marketing team' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Leave Marketing team?' });
    const leave = within(dialog).getByRole('button', { name: 'Leave the space' });
    expect(leave).toBeDisabled();
    await user.click(leave);
    expect(app.Remove).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Yes, remove me from Marketing team' }));
    expect(leave).toBeEnabled();
    const listsBefore = app.ListSpaces.mock.calls.length;
    await user.click(leave);
    expect(app.Remove).toHaveBeenCalledWith('spaces/AAA1/members/1', true, false);
    // The space is no longer the user's: the spaces are listed again.
    await waitFor(() => expect(app.ListSpaces.mock.calls.length).toBe(listsBefore + 1));
  });

  it('explains Google’s last-owner rule in plain words and keeps the dialog open', async () => {
    const { user } = await shown();
    app.SetRole.mockRejectedValueOnce(
      rejection({
        code: 'chat.last_owner',
        message: 'Alex Rivera is the only owner of this space, and Google requires every space to keep an owner.',
        fix: 'Make someone else an owner first, then try again.',
        params: { member: 'Alex Rivera' },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Change role of Alex Rivera' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Change the role of Alex Rivera?' });
    await user.click(within(dialog).getByRole('radio', { name: 'Member' }));
    await user.click(within(dialog).getByRole('button', { name: 'Make Member' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Alex Rivera is the only owner of this space, and Google requires every space to keep an owner.');
    expect(alert).toHaveTextContent('Make someone else an owner first, then try again.');
    expect(screen.getByRole('alertdialog')).toBeVisible();
  });

  it('lists again after an add to the same space, and on a change of space', async () => {
    const { user } = await shown();
    app.List.mockClear();
    app.Add.mockResolvedValue([
      { entry: 'jane@demo.example', kind: 'person', requestedRole: 'ROLE_MEMBER', membership: membership() },
    ] as never);
    await user.type(screen.getByRole('combobox', { name: 'Names, email addresses or Google Groups' }), 'jane@demo.example');
    await user.click(screen.getByRole('button', { name: 'Add 1 person' }));
    await waitFor(() => expect(app.List).toHaveBeenCalledWith('spaces/AAA1', false));
    app.List.mockClear();
    await user.click(screen.getByRole('radio', { name: /Partners/ }));
    await waitFor(() => expect(app.List).toHaveBeenCalledWith('spaces/AAA2', false));
  });

  it('draws only the rows in view of a long list', async () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      member({ name: `spaces/AAA1/members/${i}`, memberName: `users/${i}`, displayName: `Person ${i}`, email: `p${i}@demo.example` }),
    );
    const { list } = await shown(many);
    expect(screen.getByText('5,000 members')).toBeVisible();
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeLessThan(50);
    expect(items[0]).toHaveAttribute('aria-setsize', '5000');
  });
});
