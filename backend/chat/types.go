package chat

// Space is the app's view of a Chat space, as the frontend receives it.
type Space struct {
	// Name is the resource name, "spaces/AAAA".
	Name        string `json:"name"`
	DisplayName string `json:"displayName"`
	// Type is SPACE, GROUP_CHAT or DIRECT_MESSAGE.
	Type string `json:"type"`
	// URI opens the space in Google Chat (spaceUri).
	URI                 string `json:"uri"`
	ExternalUserAllowed bool   `json:"externalUserAllowed"`
}

// Membership is the app's view of a created (or already existing) membership.
type Membership struct {
	// Name is the resource name, "spaces/AAAA/members/123".
	Name string `json:"name"`
	// State is JOINED, INVITED or NOT_A_MEMBER.
	State string `json:"state"`
	// Role is ROLE_MEMBER, ROLE_ASSISTANT_MANAGER or ROLE_MANAGER.
	Role string `json:"role"`
	// MemberName is the canonical user name, "users/123456" or "users/app".
	MemberName string `json:"memberName"`
	// MemberType is HUMAN or BOT.
	MemberType  string `json:"memberType"`
	DisplayName string `json:"displayName"`
	Email       string `json:"email"`
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
