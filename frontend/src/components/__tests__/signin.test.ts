// Welcome, sign-in, sign-out and language, through the whole App with the bindings stubbed.
import { describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { LANG_STORAGE_KEY } from '../../lib/stores/language.svelte';
import { app, deferred, demoSignedIn, emit, rejection, reset, runtime, status } from '../../test/fake';
import { AppProblem, type Status } from '../../lib/api/app';

function start(s?: Status) {
  reset(s);
  const user = userEvent.setup();
  render(App);
  return user;
}

describe('welcome', () => {
  it('offers the demo and your own workspace, and the Google Cloud setup guide', async () => {
    start();
    expect(await screen.findByRole('heading', { level: 2, name: 'Add colleagues to Google Chat spaces' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Try the demo workspace' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Connect your Google Workspace' })).toBeEnabled();
    const guide = screen.getByRole('region', { name: 'Set up Google Cloud for your organisation' });
    // Every step the README says is required, in the order a new admin takes them.
    await waitFor(() => expect(within(guide).getAllByRole('heading', { level: 4 }).length).toBeGreaterThanOrEqual(6));
    const steps = within(guide).getAllByRole('listitem').filter((li) => li.matches('.guide-step')).map((li) => li.textContent ?? '');
    const order = [/Google Cloud project/, /Switch on the Google Chat API/, /Configure the Chat app/,
      /consent screen/, /Desktop app client/, /Sign in and stay signed in/];
    expect(steps).toHaveLength(order.length);
    order.forEach((re, i) => expect(steps[i]).toMatch(re));
    expect(document.documentElement.lang).toBe('en');
  });

  it('turns off connecting a real workspace where the backend forbids it', async () => {
    start(status({ liveAllowed: false }));
    expect(await screen.findByRole('button', { name: 'Connect your Google Workspace' })).toBeDisabled();
    expect(screen.getByText(/turned off in this development build/)).toBeVisible();
  });
});

describe('sign-in', () => {
  it('demo: UseDemo, then SignIn, waiting in between, then the two panes', async () => {
    const user = start();
    const signIn = deferred<Status>();
    app.SignIn.mockReturnValue(signIn.promise as never);
    await user.click(await screen.findByRole('button', { name: 'Try the demo workspace' }));

    expect(app.UseDemo).toHaveBeenCalledOnce();
    expect(await screen.findByRole('heading', { name: 'Finish signing in in your browser…' })).toBeVisible();
    expect(app.SignIn).toHaveBeenCalledOnce();
    expect(app.UseDemo.mock.invocationCallOrder[0]).toBeLessThan(app.SignIn.mock.invocationCallOrder[0]);
    expect(screen.getByText(/demo sign-in page/)).toBeVisible();

    signIn.resolve(demoSignedIn);
    expect(await screen.findByRole('heading', { name: 'Spaces' })).toBeVisible();
    expect(screen.getByText('Signed in as alex@demo.example')).toBeVisible();
    expect(screen.getByText('Demo workspace')).toBeVisible();
    expect(app.ListSpaces).toHaveBeenCalledOnce();
  });

  it('your workspace: ChooseClientSecret, then SignIn', async () => {
    const user = start();
    await user.click(await screen.findByRole('button', { name: 'Connect your Google Workspace' }));
    expect(app.ChooseClientSecret).toHaveBeenCalledOnce();
    await waitFor(() => expect(app.SignIn).toHaveBeenCalledOnce());
    expect(await screen.findByRole('heading', { name: 'Spaces' })).toBeVisible();
  });

  it('does not sign in, nor complain, when the file dialog was closed without a file', async () => {
    // Even with an earlier file in use (mode live), closing the dialog must not sign in with it.
    const user = start(status({ mode: 'live' }));
    app.ChooseClientSecret.mockRejectedValue(
      rejection({ code: 'workspace.no_file', message: 'No file was chosen.', fix: 'Choose the file.' }) as never,
    );
    await user.click(await screen.findByRole('button', { name: 'Connect your Google Workspace' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Connect your Google Workspace' })).toBeEnabled());
    expect(app.ChooseClientSecret).toHaveBeenCalledOnce();
    expect(app.SignIn).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('can be cancelled, and returns to the welcome screen', async () => {
    const user = start();
    const signIn = deferred<Status>();
    app.SignIn.mockReturnValue(signIn.promise as never);
    await user.click(await screen.findByRole('button', { name: 'Try the demo workspace' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));

    expect(app.CancelSignIn).toHaveBeenCalledOnce();
    expect(await screen.findByText(/Sign-in was cancelled/)).toBeVisible();
    // The abandoned SignIn settles later with the backend's cancellation: no error is shown.
    signIn.reject(rejection({ code: 'auth.cancelled', message: 'Sign-in was cancelled.' }));
    await Promise.resolve();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try the demo workspace' })).toBeEnabled();
  });

  it('shows the link from auth:url to copy when the browser did not open', async () => {
    const user = start();
    app.SignIn.mockReturnValue(deferred<Status>().promise as never);
    await user.click(await screen.findByRole('button', { name: 'Try the demo workspace' }));
    await screen.findByRole('heading', { name: 'Finish signing in in your browser…' });
    expect(screen.queryByRole('textbox', { name: 'Sign-in link' })).not.toBeInTheDocument();

    const url = 'http://127.0.0.1:43123/o/oauth2/auth?client_id=demo&state=xyz';
    emit('auth:url', url);
    const field = await screen.findByRole('textbox', { name: 'Sign-in link' });
    expect(screen.getByRole('heading', { name: "Browser didn't open? Copy this link" })).toBeVisible();
    expect(field).toHaveValue(url);
    expect(field).toHaveAttribute('readonly');

    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(runtime.ClipboardSetText).toHaveBeenCalledWith(url);
    expect(await screen.findByText('Copied')).toBeVisible();
  });

  it('shows a failed sign-in as a problem with its fix', async () => {
    const user = start();
    app.SignIn.mockRejectedValue(
      rejection({ code: 'auth.denied', message: 'Access was refused.', fix: 'Click Allow.', detail: 'error=access_denied' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Try the demo workspace' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('You did not allow Chat Members to access your Google account.')).toBeVisible();
    expect(within(alert).getByText("Sign in again and click Allow on Google's page.")).toBeVisible();
    expect(screen.getByRole('button', { name: 'Try the demo workspace' })).toBeEnabled();
  });

  it('signs out back to the welcome screen', async () => {
    const user = start(demoSignedIn);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(app.SignOut).toHaveBeenCalledOnce();
    expect(await screen.findByRole('button', { name: 'Try the demo workspace' })).toBeVisible();
  });

  it('signs out even when Google could not be told, and says so', async () => {
    const user = start(status({ mode: 'live', signedIn: true, account: 'alex@example.com' }));
    app.SignOut.mockRejectedValue(
      rejection({ code: 'auth.revoke_failed', message: 'Signed out here only.', fix: 'Nothing to do.', retryable: true }),
    );
    app.Status.mockResolvedValue(status({ mode: 'live', clientId: '123.apps.googleusercontent.com' }) as never);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText('You are signed out on this computer, but Google could not be told to end the sign-in.'),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Connect your Google Workspace' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });
});

const CLIENT = '123-abc.apps.googleusercontent.com';
const liveSignedIn = status({ mode: 'live', signedIn: true, account: 'alex@example.com', clientId: CLIENT });
const liveSignedOut = status({ mode: 'live', clientId: CLIENT });

describe('a sign-in that expired or was withdrawn', () => {
  /** What Go pushes when it ended the sign-in itself: the status, and why. */
  const ended = (code: string) => ({ ...liveSignedOut, storeProblem: null, ended: { code, message: 'Gone.', fix: 'Again.' } });

  it.each([
    ['chat.signed_out', 'Your Google sign-in has expired or was withdrawn.', 'Sign in again with your Google account.'],
    ['auth.expired', 'Your sign-in has expired, so you need to sign in again.', /^Sign in again\. If this happens every week/],
  ])('session:changed ending with %s leads back to the welcome screen, with the problem and its fix', async (code, message, fix) => {
    const user = start(liveSignedIn);
    app.ListSpaces.mockRejectedValue(rejection({ code, message: 'Gone.', fix: 'Again.' }));
    await screen.findByRole('heading', { name: 'Spaces' });
    emit('session:changed', ended(code));

    const again = await screen.findByRole('button', { name: 'Sign in again' });
    expect(app.Status).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText(message)).toBeVisible();
    expect(within(alert).getByText(fix)).toBeVisible();
    expect(screen.getByText(new RegExp(`OAuth client ${CLIENT.replace(/\./g, '\\.')}`))).toBeVisible();
    // The two usual choices stay.
    expect(screen.getByRole('button', { name: 'Try the demo workspace' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Connect your Google Workspace' })).toBeEnabled();

    // Signing in again needs no file: SignIn straight away, then the spaces.
    app.SignIn.mockResolvedValue(liveSignedIn as never);
    app.ListSpaces.mockResolvedValue([] as never);
    await user.click(again);
    expect(app.ChooseClientSecret).not.toHaveBeenCalled();
    expect(app.SignIn).toHaveBeenCalledOnce();
    expect(await screen.findByText('You are not a member of any space yet.')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    ['Add', 'people'],
    ['AddApp', 'app'],
  ] as const)('pushed while %s runs also leads back to the welcome screen', async (method, who) => {
    const user = start(liveSignedIn);
    await user.click(await screen.findByRole('radio', { name: /Marketing team/ }));
    app[method].mockImplementation((() => {
      emit('session:changed', ended('auth.expired'));
      return Promise.reject(rejection({ code: 'auth.expired', message: 'Expired.', fix: 'Again.' }));
    }) as never);
    if (who === 'people') await user.type(screen.getByRole('combobox', { name: 'Names, email addresses or Google Groups' }), 'jane@example.com');
    else await user.click(screen.getByRole('radio', { name: 'This Chat app' }));
    await user.click(screen.getByRole('button', { name: who === 'people' ? 'Add 1 person' : 'Add' }));

    expect(await screen.findByRole('button', { name: 'Sign in again' })).toBeVisible();
    expect(within(screen.getByRole('alert')).getByText('Your sign-in has expired, so you need to sign in again.')).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Spaces' })).toBeNull();
  });

  it('stays on the main screen when Go did not end the sign-in, whatever the code', async () => {
    const user = start(liveSignedIn);
    await user.click(await screen.findByRole('radio', { name: /Marketing team/ }));
    app.AddApp.mockRejectedValue(rejection({ code: 'chat.signed_out', message: 'Gone.', fix: 'Again.' }));
    await user.click(screen.getByRole('radio', { name: 'This Chat app' }));
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByRole('alert', { name: "Couldn't add" })).toBeVisible();
    expect(app.Status).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { name: 'Spaces' })).toBeVisible();
  });

  it('follows a sign-in Go made elsewhere (another window, a restore) without a call of its own', async () => {
    start(liveSignedOut);
    await screen.findByRole('button', { name: 'Sign in again' });
    emit('session:changed', liveSignedIn);
    expect(await screen.findByRole('heading', { name: 'Spaces' })).toBeVisible();
  });

  it('offers signing in again only with an imported client file', async () => {
    start(status({ mode: 'demo' }));
    await screen.findByRole('button', { name: 'Try the demo workspace' });
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
    cleanup();
    start(status({ mode: 'live' }));
    await screen.findByRole('button', { name: 'Try the demo workspace' });
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
  });
});

describe('focus when the screen changes', () => {
  const heading = (name: string) => screen.getByRole('heading', { name });

  it('moves to the heading of each new screen: sign-in, main, welcome after signing out', async () => {
    const user = start();
    const signIn = deferred<Status>();
    app.SignIn.mockReturnValue(signIn.promise as never);
    await user.click(await screen.findByRole('button', { name: 'Try the demo workspace' }));
    await waitFor(() => expect(heading('Finish signing in in your browser…')).toHaveFocus());

    signIn.resolve(demoSignedIn);
    await waitFor(() => expect(heading('Spaces')).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(heading('Add colleagues to Google Chat spaces')).toHaveFocus());
  });

  it('returns to the button that started the sign-in when it is cancelled', async () => {
    const user = start();
    app.SignIn.mockReturnValue(deferred<Status>().promise as never);
    await user.click(await screen.findByRole('button', { name: 'Try the demo workspace' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Try the demo workspace' })).toHaveFocus());
  });

  it('Escape cancels the sign-in wait, and the focus goes back to what started it', async () => {
    const user = start(status({ mode: 'live', clientId: '123.apps.googleusercontent.com' }));
    app.SignIn.mockReturnValue(deferred<Status>().promise as never);
    await user.click(await screen.findByRole('button', { name: 'Sign in again' }));
    await waitFor(() => expect(heading('Finish signing in in your browser…')).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(app.CancelSignIn).toHaveBeenCalledOnce();
    expect(await screen.findByText(/Sign-in was cancelled/)).toBeVisible();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in again' })).toHaveFocus());
  });

  it('leaves the focus alone when the window first opens', async () => {
    start();
    await screen.findByRole('button', { name: 'Try the demo workspace' });
    await Promise.resolve();
    expect(document.body).toHaveFocus();
  });
});

describe('language', () => {
  it('switches to Russian from the header, and remembers the choice', async () => {
    const user = start(demoSignedIn);
    await screen.findByRole('radio', { name: /Marketing team/ });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ru');

    expect(screen.getByRole('heading', { name: 'Чаты' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Выйти' })).toBeVisible();
    expect(screen.getByRole('searchbox', { name: 'Поиск чатов' })).toBeVisible();
    expect(screen.getByRole('radio', { name: /Личные сообщения/ })).toBeInTheDocument();
    expect(screen.getByText('Показано 4 чата')).toBeVisible();
    expect(document.documentElement.lang).toBe('ru');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('ru');
  });

  it('starts in Russian on a Russian OS, and a saved choice wins over the OS', async () => {
    reset();
    app.Language.mockResolvedValue('ru_RU.UTF-8');
    const first = render(App);
    expect(await screen.findByRole('button', { name: 'Попробовать демо' })).toBeVisible();
    expect(document.documentElement.lang).toBe('ru');
    first.unmount();

    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    render(App);
    expect(await screen.findByRole('button', { name: 'Try the demo workspace' })).toBeVisible();
  });

  it('says when the sign-in works but could not be saved on this computer', async () => {
    start(
      status({
        mode: 'live',
        signedIn: true,
        account: 'alex@corp.example',
        storeProblem: new AppProblem({ code: 'auth.store_failed', message: 'Could not save.', fix: 'Check.' }),
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Your sign-in was not saved on this computer' })).toBeVisible();
    expect(alert).toHaveTextContent('you may have to sign in again next time');
  });
});

describe('sign-in when the browser could not be opened', () => {
  const url = 'http://127.0.0.1:43123/o/oauth2/auth?client_id=x&state=y';

  it('says so instead of "your browser has opened", with the link and Copy first', async () => {
    const user = start();
    app.SignIn.mockReturnValue(deferred<Status>().promise as never);
    await user.click(await screen.findByRole('button', { name: 'Try the demo workspace' }));
    expect(await screen.findByText(/Your web browser has opened/)).toBeVisible();
    emit('auth:url', url);
    emit('auth:browser_failed', url);
    expect(await screen.findByRole('heading', { name: 'Your browser could not be opened' })).toBeVisible();
    expect(screen.queryByText(/has opened/)).not.toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Open this link in your browser to sign in:');
    const link = screen.getByRole('textbox', { name: 'Sign-in link' });
    expect(link).toHaveValue(url);
    const copy = screen.getByRole('button', { name: 'Copy' });
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    for (const [a, b] of [[alert, link], [link, copy], [copy, cancel]]) {
      expect(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    await user.click(copy);
    expect(runtime.ClipboardSetText).toHaveBeenCalledWith(url);
  });

  it('ignores the event when no sign-in is running', async () => {
    start();
    await screen.findByRole('button', { name: 'Try the demo workspace' });
    emit('auth:browser_failed', url);
    await Promise.resolve();
    expect(screen.queryByText(/could not be opened/)).not.toBeInTheDocument();
  });
});
