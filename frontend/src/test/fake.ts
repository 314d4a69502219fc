// A fake backend behind the mocked bindings: plain data and controllable promises.
import { vi } from 'vitest';
import * as Directory from '../../wailsjs/go/main/Directory';
import * as Members from '../../wailsjs/go/main/Members';
import * as Session from '../../wailsjs/go/main/Session';
import * as Setup from '../../wailsjs/go/main/Setup';
import * as Spaces from '../../wailsjs/go/main/Spaces';
import * as Jobs from '../../wailsjs/go/main/Jobs';
import * as History from '../../wailsjs/go/main/History';
import * as Runtime from '../../wailsjs/runtime/runtime';
import type { Membership, Space, Status } from '../lib/api/app';
import type { Member, MemberList } from '../lib/api/members';
import type { ProblemData } from '../lib/api/problem';

/** Every bound method, by name (the mocks of the Session, Spaces and Members bindings). */
export const app = { ...vi.mocked(Session), ...vi.mocked(Spaces), ...vi.mocked(Members), ...vi.mocked(Directory) };
export const runtime = vi.mocked(Runtime);
/** The Jobs and History bindings, apart: their names (Export, Search) would be ambiguous in app. */
export const jobsApi = vi.mocked(Jobs);
export const historyApi = vi.mocked(History);
/** The Setup bindings (the guide), apart: their names (Check, Open) would be ambiguous in app. */
export const setupApi = vi.mocked(Setup);

/** Go's setup step ids in order, and the codes StepOf ties to a step (backend/setup). */
export const STEP_IDS = ['project', 'chat_api', 'chat_app', 'consent', 'client_file', 'stay_signed_in'] as const;
type StepID = (typeof STEP_IDS)[number];
const STEP_OF: Record<string, StepID> = {
  'chat.api_disabled': 'chat_api',
  'chat.app_not_configured': 'chat_app',
  'auth.timeout': 'consent',
  'auth.authorization_failed': 'consent',
  'auth.expired': 'stay_signed_in',
  'auth.secret_web_client': 'client_file',
};

/** guide is Go's answer to Setup.Check: every step unchecked unless states says otherwise. */
export function guide(states: Partial<Record<StepID, 'ok' | 'failed'>> = {}, problems: Partial<Record<StepID, ProblemData>> = {}) {
  const steps = STEP_IDS.map((id) => ({
    id,
    state: states[id] ?? 'unchecked',
    link: `https://console.cloud.google.com/${id}?project=demo-proj`,
    ...(problems[id] ? { problem: problems[id] } : {}),
  }));
  return {
    projectId: 'demo-proj',
    projectNumber: '123456789012',
    steps,
    current: steps.find((s) => s.state === 'failed')?.id ?? '',
  };
}

type Handler = (...data: unknown[]) => void;
const handlers = new Map<string, Set<Handler>>();

/** emit delivers a Wails event to the frontend's listeners. */
export function emit(event: string, ...data: unknown[]): void {
  for (const h of handlers.get(event) ?? []) h(...data);
}

/** rejection is what Wails rejects a promise with when a Go method returns a *problem.Problem. */
export function rejection(p: ProblemData): string {
  return JSON.stringify(p);
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export function status(s: Partial<Status> = {}): Status {
  return {
    mode: '',
    signedIn: false,
    account: '',
    accountName: '',
    accountId: '',
    accounts: [],
    projectId: '',
    clientId: '',
    liveAllowed: true,
    admin: false,
    scopes: [],
    storeProblem: null,
    ...s,
  };
}

export const demoSignedIn = status({ mode: 'demo', signedIn: true, account: 'alex@demo.example' });

export const SPACES: Space[] = [
  { name: 'spaces/AAA1', displayName: 'Marketing team', type: 'SPACE', uri: 'https://chat.google.com/room/AAA1', externalUserAllowed: false },
  { name: 'spaces/AAA2', displayName: 'Partners', type: 'SPACE', uri: 'https://chat.google.com/room/AAA2', externalUserAllowed: true },
  { name: 'spaces/GGG1', displayName: 'Launch planning', type: 'GROUP_CHAT', uri: 'https://chat.google.com/room/GGG1', externalUserAllowed: false },
  { name: 'spaces/DDD1', displayName: '', type: 'DIRECT_MESSAGE', uri: 'https://chat.google.com/dm/DDD1', externalUserAllowed: false },
];

/** The organisation's spaces as spaces.search finds them: the user's own SPACEs and one they are not in. */
export const ORG_SPACES: Space[] = [
  SPACES[0],
  SPACES[1],
  { name: 'spaces/BBB9', displayName: 'Board prep', type: 'SPACE', uri: 'https://chat.google.com/room/BBB9', externalUserAllowed: false },
];

export function membership(m: Partial<Membership> = {}): Membership {
  return {
    name: 'spaces/AAA1/members/111',
    state: 'JOINED',
    role: 'ROLE_MEMBER',
    memberName: 'users/111',
    memberType: 'HUMAN',
    displayName: 'Jane Doe',
    email: 'jane@demo.example',
    createTime: '2026-03-05T14:30:00Z',
    alreadyMember: false,
    spaceName: 'spaces/AAA1',
    spaceDisplayName: 'Marketing team',
    spaceUri: 'https://chat.google.com/room/AAA1',
    ...m,
  };
}

/** member is one row of a member list: a joined plain member the user may do nothing to. */
export function member(m: Partial<Member> = {}): Member {
  return {
    name: 'spaces/AAA1/members/111',
    kind: 'person',
    memberName: 'users/111',
    role: 'ROLE_MEMBER',
    state: 'JOINED',
    displayName: 'Jane Doe',
    email: 'jane@demo.example',
    external: false,
    me: false,
    createTime: '2026-03-05T14:30:00Z',
    may: { roles: [], remove: false, cancelInvitation: false },
    ...m,
  };
}

/** memberList is Go's answer to Members.List: counts follow from the rows. */
export function memberList(members: Member[], l: Partial<MemberList> = {}): MemberList {
  return {
    space: SPACES[0],
    members,
    myRole: members.find((m) => m.me)?.role ?? '',
    addRoles: ['ROLE_MEMBER'],
    joined: members.filter((m) => m.state === 'JOINED').length,
    invited: members.filter((m) => m.state === 'INVITED').length,
    ...l,
  };
}

/** reset gives every binding a default behaviour: a fresh install, English OS, demo data. */
export function reset(start: Status = status()): void {
  handlers.clear();
  vi.clearAllMocks();
  runtime.EventsOn.mockImplementation((event: string, cb: Handler) => {
    if (!handlers.has(event)) handlers.set(event, new Set());
    handlers.get(event)!.add(cb);
    return () => handlers.get(event)?.delete(cb);
  });
  runtime.ClipboardSetText.mockResolvedValue(true);
  app.Language.mockResolvedValue('en_US');
  app.Status.mockResolvedValue(start as never);
  app.UseDemo.mockResolvedValue(status({ mode: 'demo' }) as never);
  app.ChooseClientSecret.mockResolvedValue(status({ mode: 'live', clientId: '123.apps.googleusercontent.com' }) as never);
  app.SignIn.mockResolvedValue(demoSignedIn as never);
  app.CancelSignIn.mockResolvedValue();
  app.SignOut.mockResolvedValue(status({ mode: 'demo' }) as never);
  app.ListSpaces.mockResolvedValue(SPACES as never);
  app.SpaceLabels.mockResolvedValue({} as never);
  app.AddApp.mockResolvedValue(
    membership({
      name: 'spaces/AAA1/members/app',
      memberName: 'users/app',
      memberType: 'BOT',
      displayName: '',
      email: '',
    }) as never,
  );
  app.OpenInBrowser.mockResolvedValue();
  // Administrator mode: switched on as asked, and the organisation has ORG_SPACES.
  app.SetAdmin.mockImplementation(async (on: boolean) => ({ ...demoSignedIn, admin: on }) as never);
  app.Search.mockImplementation(async (text: string) => {
    const spaces = ORG_SPACES.filter((s) => s.displayName.toLowerCase().includes(text.trim().toLowerCase()));
    return { spaces, nextPageToken: '', total: spaces.length } as never;
  });
  app.List.mockImplementation(async (space: string) =>
    memberList([member({ name: `${space}/members/me`, memberName: 'users/me', displayName: 'Alex Rivera', email: 'alex@demo.example', me: true, role: 'ROLE_MANAGER' })], {
      space: SPACES.find((s) => s.name === space) ?? SPACES[0],
      // An owner may add with every role.
      addRoles: ['ROLE_MEMBER', 'ROLE_ASSISTANT_MANAGER', 'ROLE_MANAGER'],
    }) as never,
  );
  app.SetRole.mockImplementation(async (name: string, role: string) => member({ name, role: role as Member['role'] }) as never);
  app.Remove.mockImplementation(async (name: string) => member({ name }) as never);
  app.CancelInvitation.mockImplementation(async (name: string) => member({ name, state: 'INVITED' }) as never);
  app.Suggest.mockResolvedValue([] as never);
  setupApi.Check.mockResolvedValue(guide() as never);
  setupApi.StepOf.mockImplementation(async (code: string) => (STEP_OF[code] ?? '') as never);
  setupApi.Open.mockResolvedValue();
  setupApi.PractiseStates.mockResolvedValue(['api-disabled', 'not-test-user', 'testing-expired']);
  setupApi.Practise.mockImplementation(async () => status({ mode: 'demo' }) as never);
  app.Add.mockResolvedValue([] as never);
  // No job left unfinished, none recent, no history.
  jobsApi.Unfinished.mockResolvedValue([] as never);
  jobsApi.Recent.mockResolvedValue([] as never);
  historyApi.Search.mockResolvedValue([] as never);
  // Go's verdict is stubbed: every entry passes unless a test says otherwise (refusedBy).
  app.CheckPeople.mockImplementation(async (text: string) => ({
    leftOut: false,
    entries: text
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) => ({ text: s, value: s })),
  }));
}

/** refusedBy makes Go refuse what is typed with code (chat.invalid_email, chat.empty_person). */
export function refusedBy(code: string): void {
  app.CheckPeople.mockImplementation(async (text: string) => ({
    leftOut: false,
    entries: text.trim() === '' ? [] : [{ text: text.trim(), value: '', problem: { code, message: 'Refused.' } }],
  }));
}
