// The space list: search, type filter, states.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { app, deferred, demoSignedIn, rejection, reset, SPACES, type Deferred } from '../../test/fake';
import type { Space } from '../../lib/api/app';

function start() {
  reset(demoSignedIn);
  const user = userEvent.setup();
  render(App);
  return user;
}

const names = (group = 'Choose a space') =>
  within(screen.getByRole('radiogroup', { name: group }))
    .queryAllByRole('radio')
    .map((r) => r.textContent?.replace(/\s+/g, ' ').trim());

describe('space list', () => {
  it('lists every space with an accessible name; a DM is labelled "Direct message"', async () => {
    start();
    expect(await screen.findByRole('radio', { name: 'Marketing team Space' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Launch planning Group chat' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Direct message' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Partners.*Open to people outside your organisation/ })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Choose a space' })).toBeInTheDocument();
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

  it('searches like the backend: accents, every word, resource names, pasted links, DM labels', async () => {
    const user = start();
    await screen.findByRole('radio', { name: /Marketing team/ });
    const box = screen.getByRole('searchbox', { name: 'Search spaces' });
    await user.type(box, 'TEAM márketing');
    expect(names()).toEqual(['Marketing team Space']);
    await user.clear(box);
    await user.type(box, 'https://chat.google.com/room/GGG1?cls=7');
    expect(names()).toEqual(['Launch planning Group chat']);
    await user.clear(box);
    await user.type(box, 'direct message');
    expect(names()).toEqual(['Direct message']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ru');
    await user.clear(box);
    await user.type(box, 'личные');
    expect(names('Выберите чат')).toEqual(['Личные сообщения']);
  });

  it('refreshes the list, keeping the chosen space while it still exists', async () => {
    const user = start();
    await user.click(await screen.findByRole('radio', { name: /Partners/ }));
    const renamed = SPACES.map((s) => (s.name === 'spaces/AAA2' ? { ...s, displayName: 'Partners 2026' } : s));
    const next = deferred<Space[]>();
    app.ListSpaces.mockReturnValueOnce(next.promise as never);
    await user.click(screen.getByRole('button', { name: 'Refresh spaces' }));
    expect(app.ListSpaces).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'Refresh spaces' })).toBeDisabled();
    // The list stays while it reloads.
    expect(screen.getByRole('radio', { name: /Partners/ })).toBeChecked();
    next.resolve([...renamed, { ...SPACES[0], name: 'spaces/NEW1', displayName: 'New space' }]);
    expect(await screen.findByRole('radio', { name: /New space/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Partners 2026/ })).toBeChecked();
    expect(screen.getByRole('heading', { name: 'Add to Partners 2026' })).toBeVisible();

    // A space that is gone is no longer chosen.
    app.ListSpaces.mockResolvedValueOnce(SPACES.filter((s) => s.name !== 'spaces/AAA2') as never);
    await user.click(screen.getByRole('button', { name: 'Refresh spaces' }));
    await waitFor(() => expect(screen.queryByRole('radio', { name: /Partners/ })).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { name: 'Add a member' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Refresh spaces' })).toBeEnabled();
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

describe('conversations named by their members', () => {
  const convo = (id: string, type: 'GROUP_CHAT' | 'DIRECT_MESSAGE'): Space => ({
    name: `spaces/${id}`,
    displayName: '',
    type,
    uri: `https://chat.google.com/room/${id}`,
    externalUserAllowed: false,
  });

  it('shows the kind until the names arrive, then the names; asks only for unnamed conversations', async () => {
    reset(demoSignedIn);
    const unnamed = [convo('GGG2', 'GROUP_CHAT'), convo('DDD2', 'DIRECT_MESSAGE')];
    app.ListSpaces.mockResolvedValue([...SPACES, ...unnamed] as never);
    const labels = deferred<Record<string, string>>();
    app.SpaceLabels.mockReturnValue(labels.promise as never);
    const user = userEvent.setup();
    render(App);
    expect(await screen.findByRole('radio', { name: 'Group chat' })).toBeInTheDocument();
    expect(screen.getAllByRole('radio', { name: 'Direct message' })).toHaveLength(2);
    expect(app.SpaceLabels).toHaveBeenCalledOnce();
    expect([...app.SpaceLabels.mock.calls[0][0]].sort()).toEqual(['spaces/DDD1', 'spaces/DDD2', 'spaces/GGG2']);

    labels.resolve({ 'spaces/GGG2': 'Priya Raman, Chen Wei', 'spaces/DDD2': 'Amara Okafor' });
    expect(await screen.findByRole('radio', { name: 'Priya Raman, Chen Wei Group chat' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Amara Okafor Direct message' })).toBeInTheDocument();
    // One the backend could not name keeps its kind.
    expect(screen.getByRole('radio', { name: 'Direct message' })).toBeInTheDocument();

    // Search finds a conversation by a member's name, and still by its kind.
    await user.type(screen.getByRole('searchbox', { name: 'Search spaces' }), 'chen');
    expect(names()).toEqual(['Priya Raman, Chen Wei Group chat']);
    await user.clear(screen.getByRole('searchbox', { name: 'Search spaces' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search spaces' }), 'amara direct');
    expect(names()).toEqual(['Amara Okafor Direct message']);

    // The add form names the chosen conversation the same way; a refresh asks for nothing again.
    await user.clear(screen.getByRole('searchbox', { name: 'Search spaces' }));
    await user.click(screen.getByRole('radio', { name: /Amara Okafor/ }));
    expect(screen.getByRole('heading', { name: 'Add to Amara Okafor' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Refresh spaces' }));
    await waitFor(() => expect(app.ListSpaces).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Refresh spaces' })).toBeEnabled());
    expect(app.SpaceLabels).toHaveBeenCalledOnce();
  });

  it('asks in small batches, a few at a time, each conversation once', async () => {
    reset(demoSignedIn);
    const many = Array.from({ length: 45 }, (_, i) => convo(`C${String(i).padStart(3, '0')}`, i % 2 ? 'GROUP_CHAT' : 'DIRECT_MESSAGE'));
    app.ListSpaces.mockResolvedValue(many as never);
    let running = 0;
    let most = 0;
    const calls: Deferred<Record<string, string>>[] = [];
    app.SpaceLabels.mockImplementation(((batch: string[]) => {
      running++;
      most = Math.max(most, running);
      const d = deferred<Record<string, string>>();
      calls.push(d);
      return d.promise.finally(() => running--).then(() => Object.fromEntries(batch.map((n) => [n, `Members of ${n}`])));
    }) as never);
    render(App);
    await screen.findByText('45 spaces shown');
    for (let i = 0; i < 5; i++) {
      await waitFor(() => expect(calls.length).toBeGreaterThan(i));
      calls[i].resolve({});
    }
    // Only the rows in view are drawn: find the last one by searching.
    await userEvent.setup().type(screen.getByRole('searchbox', { name: 'Search spaces' }), 'C044');
    await screen.findByRole('radio', { name: /Members of spaces\/C044/ });
    expect(most).toBeLessThanOrEqual(2);
    const asked = app.SpaceLabels.mock.calls.flatMap((c) => c[0] as string[]);
    expect(app.SpaceLabels.mock.calls.every((c) => (c[0] as string[]).length <= 10)).toBe(true);
    expect(asked.sort()).toEqual(many.map((s) => s.name).sort());
  });
});
