export namespace chat {
	
	export class Membership {
	    name: string;
	    state: string;
	    role: string;
	    memberName: string;
	    memberType: string;
	    displayName: string;
	    email: string;
	    createTime: string;
	    alreadyMember: boolean;
	    spaceName: string;
	    spaceDisplayName: string;
	    spaceUri: string;
	
	    static createFrom(source: any = {}) {
	        return new Membership(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.state = source["state"];
	        this.role = source["role"];
	        this.memberName = source["memberName"];
	        this.memberType = source["memberType"];
	        this.displayName = source["displayName"];
	        this.email = source["email"];
	        this.createTime = source["createTime"];
	        this.alreadyMember = source["alreadyMember"];
	        this.spaceName = source["spaceName"];
	        this.spaceDisplayName = source["spaceDisplayName"];
	        this.spaceUri = source["spaceUri"];
	    }
	}
	export class Space {
	    name: string;
	    displayName: string;
	    type: string;
	    uri: string;
	    externalUserAllowed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Space(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.displayName = source["displayName"];
	        this.type = source["type"];
	        this.uri = source["uri"];
	        this.externalUserAllowed = source["externalUserAllowed"];
	    }
	}

}

export namespace problem {
	
	export class Problem {
	    code: string;
	    message: string;
	    fix?: string;
	    params?: Record<string, string>;
	    detail?: string;
	    retryable?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.fix = source["fix"];
	        this.params = source["params"];
	        this.detail = source["detail"];
	        this.retryable = source["retryable"];
	    }
	}

}

export namespace workspace {
	
	export class Status {
	    mode: string;
	    signedIn: boolean;
	    account: string;
	    clientId: string;
	    liveAllowed: boolean;
	    scopes: string[];
	    storeProblem?: problem.Problem;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.signedIn = source["signedIn"];
	        this.account = source["account"];
	        this.clientId = source["clientId"];
	        this.liveAllowed = source["liveAllowed"];
	        this.scopes = source["scopes"];
	        this.storeProblem = this.convertValues(source["storeProblem"], problem.Problem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

