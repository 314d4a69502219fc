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

export namespace chat {
	
	export enum SpaceType {
	    SPACE = "SPACE",
	    GROUP_CHAT = "GROUP_CHAT",
	    DIRECT_MESSAGE = "DIRECT_MESSAGE",
	}
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

}

export namespace setup {
	
	export enum StepID {
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

