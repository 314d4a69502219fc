export namespace about {
	
	export interface Part {
	    name: string;
	    version: string;
	    kind: string;
	    licence: string;
	    text: string;
	}
	export interface Info {
	    version: string;
	    parts: Part[];
	}

}

export namespace adding {
	
	export interface Outcome {
	    entry: string;
	    kind: chat.Kind;
	    membership?: chat.Membership;
	    requestedRole: chat.Role;
	    roleProblem?: problem.Problem;
	    problem?: problem.Problem;
	}

}

export namespace bulk {
	
	export enum Op {
	    ADD = "add",
	    REMOVE = "remove",
	    SET_ROLE = "set_role",
	}
	export interface Item {
	    op: Op;
	    space: string;
	    member: string;
	    kind: chat.Kind;
	    role: chat.Role;
	}

}

export namespace chat {
	
	export enum State {
	    JOINED = "JOINED",
	    INVITED = "INVITED",
	    NOT_A_MEMBER = "NOT_A_MEMBER",
	    UNSPECIFIED = "",
	}
	export enum Role {
	    ROLE_MEMBER = "ROLE_MEMBER",
	    ROLE_ASSISTANT_MANAGER = "ROLE_ASSISTANT_MANAGER",
	    ROLE_MANAGER = "ROLE_MANAGER",
	}
	export enum MemberType {
	    HUMAN = "HUMAN",
	    BOT = "BOT",
	    GROUP = "GROUP",
	}
	export enum Kind {
	    PERSON = "person",
	    GROUP = "group",
	    APP = "app",
	}
	export enum SpaceType {
	    SPACE = "SPACE",
	    GROUP_CHAT = "GROUP_CHAT",
	    DIRECT_MESSAGE = "DIRECT_MESSAGE",
	}
	export interface MemberActions {
	    roles: string[];
	    remove: boolean;
	    cancelInvitation: boolean;
	}
	export interface Member {
	    name: string;
	    kind: Kind;
	    memberName: string;
	    role: Role;
	    state: State;
	    displayName: string;
	    email: string;
	    external: boolean;
	    me: boolean;
	    createTime: string;
	    may: MemberActions;
	}
	
	export interface Space {
	    name: string;
	    displayName: string;
	    type: SpaceType;
	    uri: string;
	    externalUserAllowed: boolean;
	}
	export interface MemberList {
	    space: Space;
	    members: Member[];
	    myRole: Role;
	    addRoles: string[];
	    joined: number;
	    invited: number;
	}
	export interface Membership {
	    name: string;
	    state: State;
	    role: Role;
	    memberName: string;
	    memberType: MemberType;
	    displayName: string;
	    email: string;
	    createTime: string;
	    alreadyMember: boolean;
	    spaceName: string;
	    spaceDisplayName: string;
	    spaceUri: string;
	}
	
	export interface SpacePage {
	    spaces: Space[];
	    nextPageToken: string;
	    total: number;
	}

}

export namespace directory {
	
	export interface Person {
	    name: string;
	    displayName: string;
	    email: string;
	}

}

export namespace jobs {
	
	export interface Progress {
	    job: number;
	    state: journal.JobState;
	    done: number;
	    failed: number;
	    left: number;
	    total: number;
	    perMinute: number;
	    secondsLeft: number;
	    writesPerMinute: number;
	}

}

export namespace journal {
	
	export enum JobKind {
	    BULK_ADD = "bulk_add",
	    SYNC = "sync",
	}
	export enum JobState {
	    RUNNING = "running",
	    PAUSED = "paused",
	    CANCELLED = "cancelled",
	    FINISHED = "finished",
	}
	export enum RowState {
	    PENDING = "pending",
	    IN_FLIGHT = "in_flight",
	    DONE = "done",
	    FAILED = "failed",
	    CANCELLED = "cancelled",
	}
	export interface Account {
	    id: string;
	    email: string;
	}
	export interface Counts {
	    pending: number;
	    inFlight: number;
	    done: number;
	    failed: number;
	    cancelled: number;
	    total: number;
	}
	export interface Entry {
	    id: number;
	    // Go type: time
	    at: any;
	    account: Account;
	    space: string;
	    member: string;
	    op: bulk.Op;
	    role: chat.Role;
	    outcome: string;
	    problem: string;
	    job: number;
	}
	export interface Job {
	    id: number;
	    account: Account;
	    kind: JobKind;
	    admin: boolean;
	    // Go type: time
	    created: any;
	    state: JobState;
	    retryOf: number;
	    counts: Counts;
	}
	export interface Query {
	    space: string;
	    person: string;
	    op: bulk.Op;
	    outcome: string;
	    accountId: string;
	    accountEmail: string;
	    // Go type: time
	    from: any;
	    // Go type: time
	    to: any;
	    limit: number;
	}
	export interface Row {
	    job: number;
	    index: number;
	    item: bulk.Item;
	    state: RowState;
	    outcome: string;
	    problem: string;
	    membership: string;
	    attempts: number;
	    // Go type: time
	    started: any;
	    // Go type: time
	    finished: any;
	}

}

export namespace plan {
	
	export enum Verdict {
	    READY = "ready",
	    INVALID = "invalid",
	    DUPLICATE = "duplicate",
	    ALREADY_MEMBER = "already_member",
	    ALREADY_INVITED = "already_invited",
	    OUTSIDE = "outside",
	}
	export enum Keep {
	    LISTED = "listed",
	    SELF = "self",
	    APP = "app",
	    MANAGER = "manager",
	    UNMATCHED = "unmatched",
	}
	export interface Change {
	    item: bulk.Item;
	    member: chat.Member;
	    row?: number;
	    why?: Keep;
	    wanted?: chat.Role;
	}
	export interface Counts {
	    total: number;
	    ready: number;
	    invalid: number;
	    duplicate: number;
	    alreadyMember: number;
	    alreadyInvited: number;
	    outside: number;
	}
	export interface Row {
	    row: number;
	    item: bulk.Item;
	    who: string;
	    spaceName: string;
	    verdict: Verdict;
	    problem?: problem.Problem;
	    duplicateOf?: number;
	    currentRole?: chat.Role;
	    currentState?: chat.State;
	    askedRole?: chat.Role;
	    note?: problem.Problem;
	}
	export interface Preview {
	    rows: Row[];
	    counts: Counts;
	}
	
	export interface SyncOptions {
	    includeSelf: boolean;
	    includeApps: boolean;
	    includeManagers: boolean;
	    role: chat.Role;
	    domain: string;
	    groups: Record<string, string>;
	}
	export interface SyncPlan {
	    space: string;
	    add: Change[];
	    remove: Change[];
	    setRole: Change[];
	    keep: Change[];
	    rejected: Row[];
	    warnings: problem.Problem[];
	}

}

export namespace problem {
	
	export interface Problem {
	    code: string;
	    message: string;
	    fix?: string;
	    params?: Record<string, string>;
	    detail?: string;
	    retryable?: boolean;
	}

}

export namespace recipients {
	
	export interface Entry {
	    text: string;
	    name?: string;
	    value: string;
	    problem?: problem.Problem;
	}
	export interface Check {
	    entries: Entry[];
	    leftOut: boolean;
	}

}

export namespace session {
	
	export enum Mode {
	    NONE = "",
	    DEMO = "demo",
	    LIVE = "live",
	}
	export interface AccountEntry {
	    id: string;
	    email: string;
	    name: string;
	    subject: string;
	    clientId: string;
	    projectId: string;
	    lastUsed: number;
	}
	export interface BulkPreview {
	    preview: plan.Preview;
	    records: table.Record[];
	    unchecked: string[];
	}
	export interface BulkSource {
	    records: table.Record[];
	    group: string;
	    spaces: string[];
	    people: string[];
	    fileBase64: string;
	    path: string;
	    text: string;
	    role: chat.Role;
	}
	export interface ExportNames {
	    spaces: Record<string, string>;
	    problems: Record<string, string>;
	}
	export interface Status {
	    mode: Mode;
	    signedIn: boolean;
	    account: string;
	    accountName: string;
	    accountId: string;
	    accounts: AccountEntry[];
	    projectId: string;
	    clientId: string;
	    liveAllowed: boolean;
	    admin: boolean;
	    scopes: string[];
	    storeProblem?: problem.Problem;
	    ended?: problem.Problem;
	}
	export interface SyncPreview {
	    plan: plan.SyncPlan;
	    records: table.Record[];
	    spaceName: string;
	}

}

export namespace setup {
	
	export enum StepID {
	    Project = "project",
	    ClientFile = "client_file",
	    ChatAPI = "chat_api",
	    ChatApp = "chat_app",
	    Consent = "consent",
	    StaySignedIn = "stay_signed_in",
	}
	export enum State {
	    OK = "ok",
	    Failed = "failed",
	    Unchecked = "unchecked",
	}
	export interface Step {
	    id: StepID;
	    state: State;
	    link: string;
	    problem?: problem.Problem;
	}
	export interface Guide {
	    projectId: string;
	    projectNumber: string;
	    steps: Step[];
	    current: StepID;
	}

}

export namespace table {
	
	export interface Record {
	    row: number;
	    kind: chat.Kind;
	    member: string;
	    email?: string;
	    name?: string;
	    space?: string;
	    spaceName?: string;
	    role?: chat.Role;
	    cells: string[];
	    problem?: problem.Problem;
	}

}

