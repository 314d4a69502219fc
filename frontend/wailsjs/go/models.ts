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
	export interface Space {
	    name: string;
	    displayName: string;
	    type: SpaceType;
	    uri: string;
	    externalUserAllowed: boolean;
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
	export interface Status {
	    mode: Mode;
	    signedIn: boolean;
	    account: string;
	    clientId: string;
	    liveAllowed: boolean;
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

