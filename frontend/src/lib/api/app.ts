// Thin wrappers over the generated Wails bindings. Every rejection becomes an AppProblem.
// Only lib/stores imports this module.
import * as Directory from '../../../wailsjs/go/main/Directory';
import * as Members from '../../../wailsjs/go/main/Members';
import * as Session from '../../../wailsjs/go/main/Session';
import * as Spaces from '../../../wailsjs/go/main/Spaces';
import { ClipboardSetText, EventsOn } from '../../../wailsjs/runtime/runtime';
import type { adding, chat, directory, recipients, session } from '../../../wailsjs/go/models';
import { AppProblem, toProblem } from './problem';

export { AppProblem, UNEXPECTED } from './problem';

/**
 * Plain turns the enum-typed fields of a generated model into the union of their string values
 * (`${chat.SpaceType}` is 'SPACE' | 'GROUP_CHAT' | 'DIRECT_MESSAGE'), so the UI may compare them with
 * literals while the values themselves stay defined once, in Go.
 */
export type Plain<T> = { [K in keyof T]: T[K] extends string ? `${T[K]}` : T[K] };

export type SpaceType = `${chat.SpaceType}`;
export type Mode = `${session.Mode}`;
export type Space = Plain<chat.Space>;
export type Membership = Plain<chat.Membership>;
/** One page of the organisation's spaces (administrator mode). */
export interface SpacePage {
  spaces: Space[];
  nextPageToken: string;
  total: number;
}

export type Role = `${chat.Role}`;
export type Person = directory.Person;

/** What adding one entry of a list came to: a membership (maybe with a role problem) or a problem. */
export interface AddOutcome {
  entry: string;
  kind: `${chat.Kind}` | '';
  membership: Membership | null;
  requestedRole: Role;
  roleProblem: AppProblem | null;
  problem: AppProblem | null;
}

/** One remembered account (the account menu); Status.accountId names the active one. */
export type AccountEntry = session.AccountEntry;

export type Status = Omit<Plain<session.Status>, 'storeProblem' | 'ended'> & {
  /** The sign-in works but could not be saved on this computer (auth.store_failed). */
  storeProblem: AppProblem | null;
  /** Why Go ended the sign-in by itself (expired, withdrawn), in the event of that moment. */
  ended?: AppProblem | null;
};

async function call<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    throw toProblem(e);
  }
}

export function plainStatus(s: Partial<session.Status> | null | undefined): Status {
  return {
    mode: s?.mode ?? '',
    signedIn: s?.signedIn ?? false,
    account: s?.account ?? '',
    accountName: s?.accountName ?? '',
    accountId: s?.accountId ?? '',
    accounts: s?.accounts ?? [],
    projectId: s?.projectId ?? '',
    clientId: s?.clientId ?? '',
    liveAllowed: s?.liveAllowed ?? false,
    admin: s?.admin ?? false,
    scopes: s?.scopes ?? [],
    storeProblem: s?.storeProblem ? toProblem(s.storeProblem) : null,
    ended: s?.ended ? toProblem(s.ended) : null,
  };
}

export const status = () => call(Session.Status).then(plainStatus);
export const useDemo = () => call(Session.UseDemo).then(plainStatus);
export const chooseClientSecret = () => call(Session.ChooseClientSecret).then(plainStatus);
export const signIn = () => call(Session.SignIn).then(plainStatus);
export const cancelSignIn = () => call(Session.CancelSignIn);
export const signOut = () => call(Session.SignOut).then(plainStatus);
/** switchAccount makes a remembered account the active one (no browser, no import). */
export const switchAccount = (id: string) => call(() => Session.SwitchAccount(id)).then(plainStatus);
/** addAccount signs one more account in, in the browser; it becomes the active one. */
export const addAccount = () => call(Session.AddAccount).then(plainStatus);
/** signOutAccount revokes one account's tokens and forgets it; the others stay signed in. */
export const signOutAccount = (id: string) => call(() => Session.SignOutAccount(id)).then(plainStatus);
/** setAdmin switches administrator mode; on may open a permission page and is refused without the privilege. */
export const setAdmin = (on: boolean) => call(() => Session.SetAdmin(on)).then(plainStatus);
/** searchSpaces finds the organisation's spaces by name (administrator mode), one page at a time. */
export const searchSpaces = (text: string, pageToken = ''): Promise<SpacePage> =>
  call(() => Spaces.Search(text, pageToken)).then((p) => ({
    spaces: (p?.spaces ?? []) as Space[],
    nextPageToken: p?.nextPageToken ?? '',
    total: p?.total ?? 0,
  }));
export const listSpaces = (): Promise<Space[]> => call(Spaces.ListSpaces).then((s) => s ?? []);
/** spaceLabels names unnamed conversations by their members; spaces it could not name are missing. */
export const spaceLabels = (spaces: string[]): Promise<Record<string, string>> =>
  call(() => Spaces.SpaceLabels(spaces)).then((m) => m ?? {});
/** A person of a typed or pasted list, checked by Go: value to send, or the problem refusing it. */
export interface Recipient {
  text: string;
  name: string;
  value: string;
  problem: AppProblem | null;
}

/** checkPeople asks Go to read and check a typed or pasted list of people; nothing is sent. */
export const checkPeople = (text: string): Promise<{ entries: Recipient[]; leftOut: boolean }> =>
  call(() => Members.CheckPeople(text)).then((c: recipients.Check) => ({
    leftOut: c?.leftOut ?? false,
    entries: (c?.entries ?? []).map((e) => ({
      text: e.text,
      name: e.name ?? '',
      value: e.value,
      problem: e.problem ? toProblem(e.problem) : null,
    })),
  }));
/** suggest finds colleagues in the directory whose name or address starts with query. */
export const suggest = (query: string): Promise<Person[]> => call(() => Directory.Suggest(query)).then((p) => p ?? []);
/** addMembers adds checked entries (people or Google Groups) with a role; one outcome per entry; admin with administrator access. */
export const addMembers = (space: string, entries: string[], role: Role, admin = false): Promise<AddOutcome[]> =>
  call(() => Members.Add(space, entries, role as chat.Role, admin)).then((out: adding.Outcome[]) =>
    (out ?? []).map((o) => ({
      entry: o.entry,
      kind: (o.kind ?? '') as AddOutcome['kind'],
      membership: (o.membership as Membership | undefined) ?? null,
      requestedRole: o.requestedRole as Role,
      roleProblem: o.roleProblem ? toProblem(o.roleProblem) : null,
      problem: o.problem ? toProblem(o.problem) : null,
    })),
  );
export const addApp = (space: string): Promise<Membership> => call(() => Members.AddApp(space));
export const openInBrowser = (url: string) => call(() => Spaces.OpenInBrowser(url));
export const language = () => call(Session.Language);

/** Event names the backend emits. */
export const SESSION_CHANGED = 'session:changed';
export const AUTH_URL = 'auth:url';
export const AUTH_BROWSER_FAILED = 'auth:browser_failed';

/** onSessionChanged calls fn with the Status Go pushes whenever the sign-in, account or mode changes. */
export function onSessionChanged(fn: (s: Status) => void): () => void {
  return EventsOn(SESSION_CHANGED, (s: unknown) => {
    if (typeof s === 'object' && s !== null) fn(plainStatus(s as Partial<session.Status>));
  });
}

/** onAuthURL calls fn with the sign-in URL the backend opened in the browser; returns an unsubscribe. */
export function onAuthURL(fn: (url: string) => void): () => void {
  return EventsOn(AUTH_URL, (url: unknown) => {
    if (typeof url === 'string') fn(url);
  });
}

/** onBrowserFailed calls fn with the sign-in URL the backend could not open in a browser. */
export function onBrowserFailed(fn: (url: string) => void): () => void {
  return EventsOn(AUTH_BROWSER_FAILED, (url: unknown) => {
    if (typeof url === 'string') fn(url);
  });
}

/** copyText puts text on the clipboard through Wails (the webview's own clipboard API may be off). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (await ClipboardSetText(text)) return true;
  } catch {
    // no Wails runtime (dev browser): try the web clipboard
  }
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
