// Administrator mode: the header switch, the organisation's space list, the add form's limits.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { app, deferred, demoSignedIn, emit, membership, ORG_SPACES, rejection, reset } from '../../test/fake';
import type { Status } from '../../lib/api/app';

function start() {
  reset(demoSignedIn);
  const user = userEvent.setup();
  render(App);
  return user;
}

const adminSwitch = () => screen.getByRole('switch', { name: 'Act as administrator' });
const orgList = () => screen.getByRole('group', { name: 'Choose a space of your organisation' });

async function adminOn() {
  const user = start();
  await screen.findByRole('radio', { name: /Marketing team/ });
  await user.click(adminSwitch());
  await screen.findByRole('heading', { name: 'All spaces in your organisation' });
  await within(orgList()).findByRole('radio', { name: /Board prep/ });
  return user;
}

describe('administrator mode', () => {
  it('is an accessible switch, off at first, and switching it on shows every space of the organisation', async () => {
    const user = start();
    await screen.findByRole('radio', { name: /Marketing team/ });
    expect(adminSwitch()).not.toBeChecked();
    expect(screen.queryByText('Administrator mode is on')).not.toBeInTheDocument();

    await user.click(adminSwitch());
    expect(app.SetAdmin).toHaveBeenCalledWith(true);
    expect(await screen.findByRole('heading', { name: 'All spaces in your organisation' })).toBeVisible();
    expect(adminSwitch()).toBeChecked();
    expect(screen.getByText('Administrator mode is on')).toBeVisible();
    expect(app.Search).toHaveBeenCalledWith('', '');
    // A space the user is not in is marked; their own are not.
    const board = await within(orgList()).findByRole('radio', { name: /Board prep/ });
    expect(board.closest('label')).toHaveTextContent('You are not a member');
    expect(within(orgList()).getByRole('radio', { name: /Marketing team/ }).closest('label')).not.toHaveTextContent(
      'You are not a member',
    );
    expect(screen.getByText('3 of 3 spaces shown')).toBeVisible();
    // The user's own list is not shown meanwhile.
    expect(screen.queryByRole('radiogroup', { name: 'Choose a space' })).not.toBeInTheDocument();
  });

  it('a non-admin is told plainly that the account lacks the privilege, and the mode stays off', async () => {
    const user = start();
    await screen.findByRole('radio', { name: /Marketing team/ });
    app.SetAdmin.mockRejectedValue(
      rejection({
        code: 'chat.not_admin',
        message: "Your account doesn't have the Google Workspace administrator privilege for Chat.",
      }),
    );
    await user.click(adminSwitch());
    const alert = await screen.findByRole('alert', { name: "Couldn't switch on administrator mode" });
    expect(alert).toHaveTextContent("Your account doesn't have the Google Workspace administrator privilege for Chat.");
    expect(adminSwitch()).not.toBeChecked();
    expect(screen.queryByText('Administrator mode is on')).not.toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Choose a space' })).toBeInTheDocument();
    expect(app.Search).not.toHaveBeenCalled();
  });

  it('shows the permission page link while Google asks, and Cancel stops waiting', async () => {
    const user = start();
    await screen.findByRole('radio', { name: /Marketing team/ });
    const pending = deferred<Status>();
    app.SetAdmin.mockReturnValue(pending.promise as never);
    await user.click(adminSwitch());
    expect(adminSwitch()).toBeDisabled();
    expect(screen.getByText('Checking your administrator privilege…')).toBeVisible();
    emit('auth:url', 'http://127.0.0.1:9/o/oauth2/auth?scope=chat.admin');
    expect(await screen.findByRole('heading', { name: 'Waiting for your permission in the browser' })).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Permission link' })).toHaveValue(
      'http://127.0.0.1:9/o/oauth2/auth?scope=chat.admin',
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(app.CancelSignIn).toHaveBeenCalled();
    pending.reject(rejection({ code: 'auth.cancelled', message: 'Cancelled.' }));
    await waitFor(() => {
      expect(adminSwitch()).toBeEnabled();
      expect(adminSwitch()).not.toBeChecked();
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('searches the organisation on the server once typing pauses, not on every key', async () => {
    const user = await adminOn();
    app.Search.mockClear();
    await user.type(screen.getByRole('searchbox', { name: 'Search the organisation by space name' }), 'boa');
    await waitFor(() => expect(app.Search).toHaveBeenCalledWith('boa', ''));
    expect(app.Search).toHaveBeenCalledOnce();
    await waitFor(() => expect(within(orgList()).getAllByRole('radio')).toHaveLength(1));
    expect(within(orgList()).getByRole('radio', { name: /Board prep/ })).toBeInTheDocument();
    expect(screen.getByText('1 of 1 space shown')).toBeVisible();

    await user.clear(screen.getByRole('searchbox', { name: 'Search the organisation by space name' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search the organisation by space name' }), 'zzz');
    expect(await screen.findByText('No space of your organisation has these words in its name.')).toBeVisible();
  });

  it('loads the next page on "Load more spaces"', async () => {
    reset(demoSignedIn);
    app.Search.mockImplementation(async (_text: string, token: string) =>
      (token === ''
        ? { spaces: ORG_SPACES.slice(0, 2), nextPageToken: 'page2', total: 3 }
        : { spaces: ORG_SPACES.slice(2), nextPageToken: '', total: 3 }) as never,
    );
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('switch', { name: 'Act as administrator' }));
    expect(await screen.findByText('2 of 3 spaces shown')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Load more spaces' }));
    expect(app.Search).toHaveBeenLastCalledWith('', 'page2');
    expect(await screen.findByText('3 of 3 spaces shown')).toBeVisible();
    expect(within(orgList()).getAllByRole('radio')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more spaces' })).not.toBeInTheDocument();
  });

  it('adds people only, of the organisation only, with administrator access; the form says why first', async () => {
    const user = await adminOn();
    await user.click(within(orgList()).getByRole('radio', { name: /Board prep/ }));
    expect(screen.getByRole('heading', { name: 'Add to Board prep' })).toBeVisible();
    expect(screen.queryByRole('radio', { name: 'This Chat app' })).not.toBeInTheDocument();
    expect(
      screen.getByText("Administrator mode adds people only: Google doesn't allow adding apps with administrator access."),
    ).toBeVisible();
    expect(screen.getByText('Administrator mode adds only people of your organisation (demo.example).')).toBeVisible();

    const email = screen.getByRole('combobox', { name: 'Names, email addresses or Google Groups' });
    await user.type(email, 'lena@other.example');
    expect(screen.getByText(/lena@other.example is outside your organisation \(demo.example\)/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Add 1 person' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/outside your organisation/);
    expect(app.Add).not.toHaveBeenCalled();

    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Remove the outside entries' }));
    app.Add.mockResolvedValue([
      {
        entry: 'jane@demo.example',
        kind: 'person',
        requestedRole: 'ROLE_MEMBER',
        membership: membership({ name: 'spaces/BBB9/members/111', spaceName: 'spaces/BBB9', spaceDisplayName: 'Board prep' }),
      },
    ] as never);
    await user.type(email, 'jane@demo.example');
    await user.click(screen.getByRole('button', { name: 'Add 1 person' }));
    await waitFor(() => expect(app.Add).toHaveBeenCalledWith('spaces/BBB9', ['jane@demo.example'], 'ROLE_MEMBER', true));
    expect(app.Add).toHaveBeenCalledOnce();
    const added = await screen.findByRole('region', { name: 'Added' });
    expect(added).toHaveTextContent('Jane Doe is now in the space as Member.');
    expect(screen.getByRole('heading', { name: 'Add to Board prep' })).toBeVisible();
  });

  it('the people-or-groups form adds with administrator access and refuses outside addresses before sending', async () => {
    const user = await adminOn();
    await user.click(within(orgList()).getByRole('radio', { name: /Board prep/ }));
    expect(screen.getByRole('radio', { name: 'People or groups' })).toBeChecked();
    expect(screen.queryByRole('radio', { name: 'This Chat app' })).not.toBeInTheDocument();
    expect(screen.getByText('Administrator mode adds only people of your organisation (demo.example).')).toBeVisible();
    const box = screen.getByRole('combobox', { name: 'Names, email addresses or Google Groups' });
    await user.type(box, 'lena@other.example, team@demo.example,');
    await user.click(screen.getByRole('button', { name: 'Add 2 people' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('lena@other.example is outside your organisation (demo.example)');
    expect(alert).toHaveTextContent('nothing was sent');
    expect(app.Add).not.toHaveBeenCalled();
    expect(box).toHaveFocus();

    await user.click(within(alert).getByRole('button', { name: 'Remove the outside entries' }));
    app.Add.mockResolvedValue([
      { entry: 'team@demo.example', kind: 'group', requestedRole: 'ROLE_MEMBER', membership: membership({ spaceName: 'spaces/BBB9', memberType: 'GROUP' }) },
    ] as never);
    app.List.mockClear();
    await user.click(screen.getByRole('button', { name: 'Add 1 person' }));
    await waitFor(() => expect(app.Add).toHaveBeenCalledWith('spaces/BBB9', ['team@demo.example'], 'ROLE_MEMBER', true));
    // One entry: its outcome is the heading.
    expect(await screen.findByRole('region', { name: 'Added' })).toHaveTextContent('is now in the space: everyone in the group can see it.');
    // The member list (listed with administrator access) follows.
    await waitFor(() => expect(app.List).toHaveBeenCalledWith('spaces/BBB9', true));
  });

  it('switching administrator mode on keeps the people-or-groups form chosen', async () => {
    const user = start();
    await user.click(await screen.findByRole('radio', { name: /Marketing team/ }));
    await user.click(screen.getByRole('radio', { name: 'People or groups' }));
    await user.click(adminSwitch());
    await screen.findByRole('heading', { name: 'All spaces in your organisation' });
    await user.click(await within(orgList()).findByRole('radio', { name: /Board prep/ }));
    expect(screen.getByRole('radio', { name: 'People or groups' })).toBeChecked();
  });

  it('switching administrator mode on while the app is chosen goes to the people-or-groups form', async () => {
    const user = start();
    await user.click(await screen.findByRole('radio', { name: /Marketing team/ }));
    await user.click(screen.getByRole('radio', { name: 'This Chat app' }));
    await user.click(adminSwitch());
    await screen.findByRole('heading', { name: 'All spaces in your organisation' });
    await user.click(await within(orgList()).findByRole('radio', { name: /Board prep/ }));
    expect(screen.getByRole('radio', { name: 'People or groups' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Names, email addresses or Google Groups' })).toBeVisible();
  });

  it('switching off is immediate and brings back the user\'s own spaces and the app option', async () => {
    const user = await adminOn();
    await user.click(adminSwitch());
    expect(app.SetAdmin).toHaveBeenLastCalledWith(false);
    expect(await screen.findByRole('radiogroup', { name: 'Choose a space' })).toBeInTheDocument();
    expect(adminSwitch()).not.toBeChecked();
    await user.click(screen.getByRole('radio', { name: /Marketing team/ }));
    expect(screen.getByRole('radio', { name: 'This Chat app' })).toBeInTheDocument();
  });

  it('follows the mode Go pushes (session:changed), e.g. ended by signing out elsewhere', async () => {
    await adminOn();
    emit('session:changed', { ...demoSignedIn, admin: false });
    expect(await screen.findByRole('radiogroup', { name: 'Choose a space' })).toBeInTheDocument();
    expect(adminSwitch()).not.toBeChecked();
  });
});
