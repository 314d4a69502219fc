// The Google Cloud setup guide, through the whole App with the bindings stubbed: the steps and
// their states as Go checked them, a failed step opened and focused (found by the check or by a
// call whose problem Go ties to a step), console links opened through Go, and the demo's practice.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { app, demoSignedIn, emit, guide, rejection, reset, setupApi, status } from '../../test/fake';
import type { Status } from '../../lib/api/app';
import { LANG_STORAGE_KEY } from '../../lib/stores/language.svelte';

function start(s?: Status) {
  reset(s);
  const user = userEvent.setup();
  render(App);
  return user;
}

const toggle = (name: RegExp) => screen.findByRole('button', { name });

describe('the guide on the welcome screen', () => {
  it("shows each step with Go's verdict, the project, and opens a step's console page through Go", async () => {
    const user = start(status({ mode: 'demo' }));
    setupApi.Check.mockResolvedValue(guide({ project: 'ok', client_file: 'ok' }) as never);
    const region = await screen.findByRole('region', { name: 'Set up Google Cloud for your organisation' });
    expect(await within(region).findByText('Project: demo-proj (number 123456789012)')).toBeVisible();
    expect(await toggle(/^Choose or create a Google Cloud project\s*Done$/)).toBeVisible();
    const chatApp = await toggle(/^Configure the Chat app\s*To do$/);
    expect(chatApp).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('link', { name: 'Open the Chat app configuration' })).toBeNull();

    await user.click(chatApp);
    expect(chatApp).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(/give the Chat app a name, an avatar URL and a description/)).toBeVisible();
    const link = screen.getByRole('link', { name: 'Open the Chat app configuration' });
    expect(link).toHaveAttribute('href', 'https://console.cloud.google.com/chat_app?project=demo-proj');
    await user.click(link);
    expect(setupApi.Open).toHaveBeenCalledExactlyOnceWith('https://console.cloud.google.com/chat_app?project=demo-proj');
    expect(app.OpenInBrowser).not.toHaveBeenCalled();
  });

  it('Check again asks Go again and says what it found', async () => {
    const user = start();
    const again = await screen.findByRole('button', { name: 'Check again' });
    await waitFor(() => expect(setupApi.Check).toHaveBeenCalledTimes(1));
    setupApi.Check.mockResolvedValue(guide(Object.fromEntries(['project', 'chat_api', 'chat_app', 'consent', 'client_file', 'stay_signed_in'].map((id) => [id, 'ok']))) as never);
    await user.click(again);
    expect(setupApi.Check).toHaveBeenCalledTimes(2);
    expect(await screen.findByText('Every step is done.')).toBeVisible();
    expect(again).toHaveFocus();
  });

  it('a sign-in Google ended (Testing expired) opens "Sign in and stay signed in", focused, with how to stop it and a way back in', async () => {
    const user = start(demoSignedIn);
    await screen.findByRole('heading', { name: 'Spaces' });
    emit('session:changed', { ...status({ mode: 'demo' }), storeProblem: null, ended: { code: 'auth.expired', message: 'Expired.', fix: 'Again.' } });
    const step = await toggle(/^Sign in and stay signed in\s*Needs a change$/);
    await waitFor(() => expect(step).toHaveFocus());
    expect(step).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(/make the app Internal, or publish it/)).toBeVisible();
    expect(screen.getByText('What to change')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(app.SignIn).toHaveBeenCalledTimes(1);
  });

  it('a sign-in that timed out at a refusing consent screen opens the consent step with its three causes', async () => {
    const user = start(status({ mode: 'demo' }));
    app.SignIn.mockRejectedValue(rejection({ code: 'auth.timeout', message: 'Too long.', fix: 'Again.' }));
    await user.click(await screen.findByRole('button', { name: 'Try the demo workspace' }));
    const step = await toggle(/^Let your accounts in: the consent screen\s*Needs a change$/);
    await waitFor(() => expect(step).toHaveFocus());
    expect(screen.getByText(/your account is not one of its test users/)).toBeVisible();
    expect(screen.getByText(/Internal to another organisation/)).toBeVisible();
    expect(screen.getByText(/Ask them to trust Chat Members by its client ID/)).toBeVisible();
  });

  it('a problem that is not about the setup leaves the guide closed', async () => {
    const user = start(status({ mode: 'demo' }));
    app.SignIn.mockRejectedValue(rejection({ code: 'auth.network', message: 'Offline.', fix: 'Again.' }));
    await user.click(await screen.findByRole('button', { name: 'Try the demo workspace' }));
    await screen.findByRole('alert');
    await waitFor(() => expect(setupApi.StepOf).toHaveBeenCalledWith('auth.network'));
    expect(screen.queryByText('What to change')).toBeNull();
  });

  it('a client file Google would refuse opens the Desktop client step, focused', async () => {
    const user = start();
    app.ChooseClientSecret.mockRejectedValue(rejection({ code: 'auth.secret_web_client', message: 'A web client.', fix: 'Make a Desktop app client.' }));
    await user.click(await screen.findByRole('button', { name: 'Connect your Google Workspace' }));
    const step = await toggle(/^Create a Desktop app client and choose its file\s*Needs a change$/);
    await waitFor(() => expect(step).toHaveFocus());
    expect(setupApi.StepOf).toHaveBeenCalledWith('auth.secret_web_client');
    expect(screen.getByRole('link', { name: 'Open Credentials in the Google Cloud console' })).toBeVisible();
  });

  it('speaks Russian with the rest of the app', async () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'ru');
    start();
    expect(await screen.findByRole('region', { name: 'Настройка Google Cloud для вашей организации' })).toBeVisible();
    expect(await toggle(/^Включите Google Chat API\s*Сделать$/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Проверить снова' })).toBeVisible();
  });

  it('practises: switches the demo to the chosen missing step, then signs in', async () => {
    const user = start();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Missing step' }), 'Your account is not a test user');
    await user.click(screen.getByRole('button', { name: 'Start the demo with this step missing' }));
    await waitFor(() => expect(app.SignIn).toHaveBeenCalledOnce());
    expect(setupApi.Practise).toHaveBeenCalledExactlyOnceWith('not-test-user');
    expect(setupApi.Practise.mock.invocationCallOrder[0]).toBeLessThan(app.SignIn.mock.invocationCallOrder[0]);
  });
});

describe('the guide on the signed-in screen', () => {
  it('a check that finds the Chat API off brings up the guide at that step, focused, with Google\'s problem', async () => {
    reset(demoSignedIn);
    setupApi.Check.mockResolvedValue(
      guide({ project: 'ok', client_file: 'ok', consent: 'ok', stay_signed_in: 'ok', chat_api: 'failed' }, {
        chat_api: { code: 'chat.api_disabled', message: 'Off.', params: { activationUrl: 'https://console.developers.google.com/x' } },
      }) as never,
    );
    const user = userEvent.setup();
    render(App);
    expect(await screen.findByRole('heading', { name: 'Finish setting up Google Cloud' })).toBeVisible();
    const step = await toggle(/^Switch on the Google Chat API\s*Needs a change$/);
    await waitFor(() => expect(step).toHaveFocus());
    expect(screen.getByText(/The Google Chat API is switched off/)).toBeVisible();
    expect(screen.getByText('Step 2 needs a change: Switch on the Google Chat API.')).toBeVisible();
    // The spaces are still there beside it.
    expect(await screen.findByRole('heading', { name: 'Spaces' })).toBeVisible();

    // Fixed: Check again says so, and Close hands the focus to the screen's heading.
    setupApi.Check.mockResolvedValue(guide(Object.fromEntries(['project', 'chat_api', 'chat_app', 'consent', 'client_file', 'stay_signed_in'].map((id) => [id, 'ok']))) as never);
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByText('Every step is done.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Close the guide' }));
    expect(screen.queryByRole('heading', { name: 'Finish setting up Google Cloud' })).toBeNull();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Spaces' })).toHaveFocus());
  });

  it('a call whose problem Go ties to a step (no Chat app) opens that step though the check could not judge it', async () => {
    reset(demoSignedIn);
    app.ListSpaces.mockRejectedValue(rejection({ code: 'chat.app_not_configured', message: 'No app.', fix: 'Configure.' }));
    render(App);
    const step = await toggle(/^Configure the Chat app\s*Needs a change$/);
    await waitFor(() => expect(step).toHaveFocus());
    expect(setupApi.StepOf).toHaveBeenCalledWith('chat.app_not_configured');
    expect(screen.getByRole('link', { name: 'Open the Chat app configuration' })).toBeVisible();
  });

  it('no guide when every step is fine', async () => {
    reset(demoSignedIn);
    render(App);
    expect(await screen.findByRole('heading', { name: 'Spaces' })).toBeVisible();
    await waitFor(() => expect(setupApi.Check).toHaveBeenCalled());
    expect(screen.queryByRole('heading', { name: 'Finish setting up Google Cloud' })).toBeNull();
  });
});

describe('the sign-in waiting screen', () => {
  it("explains Google's 'Access blocked' pages with the consent step and its console page", async () => {
    const user = start();
    app.SignIn.mockReturnValue(new Promise(() => {}) as never);
    await user.click(await screen.findByRole('button', { name: 'Try the demo workspace' }));
    await user.click(await screen.findByText('Google showed “Access blocked” instead of asking for access?'));
    expect(screen.getByRole('heading', { name: 'Let your accounts in: the consent screen' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Open Audience in Google Auth Platform' })).toHaveAttribute(
      'href',
      'https://console.cloud.google.com/consent?project=demo-proj',
    );
  });
});
