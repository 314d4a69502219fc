package chat

// Space is the app's view of a Chat space, as the frontend receives it.
type Space struct {
	// Name is the resource name, "spaces/AAAA".
	Name        string    `json:"name"`
	DisplayName string    `json:"displayName"`
	Type        SpaceType `json:"type"`
	// URI opens the space in Google Chat (spaceUri).
	URI                 string `json:"uri"`
	ExternalUserAllowed bool   `json:"externalUserAllowed"`
}

// Membership is the app's view of a created (or already existing) membership.
type Membership struct {
	// Name is the resource name, "spaces/AAAA/members/123".
	Name string `json:"name"`
	// State is "" when Google sent none (see AddPerson).
	State State `json:"state"`
	Role  Role  `json:"role"`
	// MemberName is the canonical user name, "users/123456" or "users/app".
	MemberName  string     `json:"memberName"`
	MemberType  MemberType `json:"memberType"`
	DisplayName string     `json:"displayName"`
	Email       string     `json:"email"`
	// CreateTime is RFC 3339 as Google sent it.
	CreateTime string `json:"createTime"`
	// AlreadyMember is true when Google answered 409 ALREADY_EXISTS and this is the existing
	// membership (State INVITED: invited earlier, not yet accepted). A 409 met by a retry of this
	// call's own create, whose earlier attempt went through unseen, is not "already".
	AlreadyMember    bool   `json:"alreadyMember"`
	SpaceName        string `json:"spaceName"`
	SpaceDisplayName string `json:"spaceDisplayName"`
	SpaceURI         string `json:"spaceUri"`
}

// The kinds of value Google sends as strings that the UI acts on. Each is bound to the frontend
// as a TypeScript enum (EnumBind in main.go), so the UI spells them as Go does.

// SpaceType is the kind of a space.
type SpaceType string

// Space types as Google names them.
const (
	TypeSpace         SpaceType = "SPACE"
	TypeGroupChat     SpaceType = "GROUP_CHAT"
	TypeDirectMessage SpaceType = "DIRECT_MESSAGE"
)

// State is where a membership stands.
type State string

// Membership states.
const (
	StateJoined      State = "JOINED"
	StateInvited     State = "INVITED"
	StateNotAMember  State = "NOT_A_MEMBER"
	StateUnspecified State = ""
)

// Role is a member's role in a space: Owner (ROLE_MANAGER), Manager (ROLE_ASSISTANT_MANAGER)
// or Member.
type Role string

// Membership roles as Google names them. The Chat UI calls ROLE_MANAGER "Owner" and
// ROLE_ASSISTANT_MANAGER "Manager"; the Go names follow the UI so that no RoleManager can be
// mistaken for ROLE_MANAGER.
const (
	RoleMember           Role = "ROLE_MEMBER"
	RoleAssistantManager Role = "ROLE_ASSISTANT_MANAGER" // "Manager"
	RoleOwner            Role = "ROLE_MANAGER"           // "Owner"
)

// MemberType is a person, a Chat app or (Membership.MemberType only) a Google Group.
type MemberType string

// Member types.
const (
	MemberHuman MemberType = "HUMAN"
	MemberBot   MemberType = "BOT"
	// MemberGroup is a Google Group's membership (MemberName "groups/…").
	MemberGroup MemberType = "GROUP"
)

// Kind is what a row of a member list is: a person, a Google Group or a Chat app.
type Kind string

// Kinds of member.
const (
	KindPerson Kind = "person"
	KindGroup  Kind = "group"
	KindApp    Kind = "app"
)

// Enum is one value of a bound enum with its TypeScript name, the shape Wails' EnumBind takes.
type Enum[T ~string] struct {
	Value  T
	TSName string
}

// Enums lists every enum of this package for Wails' EnumBind.
func Enums() []any {
	return []any{
		[]Enum[SpaceType]{{TypeSpace, "SPACE"}, {TypeGroupChat, "GROUP_CHAT"}, {TypeDirectMessage, "DIRECT_MESSAGE"}},
		[]Enum[State]{{StateJoined, "JOINED"}, {StateInvited, "INVITED"}, {StateNotAMember, "NOT_A_MEMBER"}, {StateUnspecified, "UNSPECIFIED"}},
		[]Enum[Role]{{RoleMember, "ROLE_MEMBER"}, {RoleAssistantManager, "ROLE_ASSISTANT_MANAGER"}, {RoleOwner, "ROLE_MANAGER"}},
		[]Enum[MemberType]{{MemberHuman, "HUMAN"}, {MemberBot, "BOT"}, {MemberGroup, "GROUP"}},
		[]Enum[Kind]{{KindPerson, "PERSON"}, {KindGroup, "GROUP"}, {KindApp, "APP"}},
	}
}
