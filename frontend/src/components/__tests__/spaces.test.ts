// The space list: search, type filter, states.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { app, deferred, demoSignedIn, rejection, reset } from '../../test/fake';
import type { Space } from '../../lib/api/app';

function start() {
  reset(demoSignedIn);
  const user = userEvent.setup();
  render(App);
  return user;
}

const names = () =>
  within(screen.getByRole('group', { name: 'Choose a space' }))
    .queryAllByRole('radio')
    .map((r) => r.closest('label')?.textContent?.replace(/\s+/g, ' ').trim());

describe('space list', () => {
  it('lists every space with an accessible name; a DM is labelled "Direct message"', async () => {
    start();
    expect(await screen.findByRole('radio', { name: 'Marketing team Space' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Launch planning Group chat' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Direct message' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Partners.*Open to people outside your organisation/ })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Choose a space' })).toBeInTheDocument();
    expect(screen.getByText('4 spaces shown')).toBeVisible();
  });

  it('searches by name and filters by type, on the client', async () => {
    const user = start();
    await screen.findByRole('radio', { name: /Marketing team/ });
    await user.type(screen.getByRole('searchbox', { name: 'Search spaces' }), 'PLAN');
    expect(names()).toEqual(['Launch planning Group chat']);
    expect(screen.getByText('1 space shown')).toBeVisible();

    await user.clear(screen.getByRole('searchbox', { name: 'Search spaces' }));
    const show = screen.getByRole('combobox', { name: 'Show' });
    expect(within(show).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'All',
      'Spaces',
      'Group chats',
      'Direct messages',
    ]);
    await user.selectOptions(show, 'SPACE');
    expect(screen.getAllByRole('radio', { name: /Space/ })).toHaveLength(2);
    expect(screen.queryByRole('radio', { name: /Launch planning/ })).not.toBeInTheDocument();
    await user.selectOptions(show, 'DIRECT_MESSAGE');
    expect(screen.getByRole('radio', { name: 'Direct message' })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: /Marketing/ })).not.toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search spaces' }), 'zzz');
    expect(screen.getByText('No spaces match your search.')).toBeVisible();
    expect(app.ListSpaces).toHaveBeenCalledOnce();
  });

  it('shows loading, then an error with Retry, then the spaces', async () => {
    reset(demoSignedIn);
    const first = deferred<Space[]>();
    app.ListSpaces.mockReturnValueOnce(first.promise as never);
    const user = userEvent.setup();
    render(App);
    expect(await screen.findByText('Loading your spaces…')).toBeVisible();

    first.reject(rejection({ code: 'chat.network', message: "Can't reach Google.", fix: 'Check.', retryable: true }));
    const alert = await screen.findByRole('alert', { name: "Couldn't load your spaces" });
    expect(within(alert).getByText("Chat Members can't reach Google.")).toBeVisible();
    expect(within(alert).getByText('This is usually temporary. Try again in a minute.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('radio', { name: /Marketing team/ })).toBeInTheDocument();
    expect(app.ListSpaces).toHaveBeenCalledTimes(2);
  });

  it('says so when the user is in no space', async () => {
    reset(demoSignedIn);
    app.ListSpaces.mockResolvedValue([] as never);
    render(App);
    expect(await screen.findByText('You are not a member of any space yet.')).toBeVisible();
  });
});
