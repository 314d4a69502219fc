package emulator

// Administrator access (useAdminAccess=true) and Google Group memberships in the Chat API.
//
// Google lets a Workspace administrator with the "manage Chat and spaces conversations"
// privilege act on every named space of the organisation with useAdminAccess=true and the
// chat.admin.* scopes, without being a member. With admin access: no app memberships, nobody
// outside the organisation, and members.list needs a member.type filter that leaves apps out.
// chatAuth calls adminAccess; lookupSpace lets an admin reach any SPACE; callerRole treats
// them as an owner.

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// Messages for admin access and groups.
const (
	// msgAdminCreate is the discovery document's own wording of the rule.
	msgAdminCreate = "Creating app memberships or creating memberships for users outside the administrator's Google Workspace organization isn't supported using admin access."
	// msgAdminNoApps: the discovery document says app memberships can't be read or deleted
	// with admin access; the wording of the error is chosen here.
	msgAdminNoApps = "App memberships aren't supported using admin access."
	// msgAdminFilter: Google requires the filter; the wording of the error is chosen here.
	msgAdminFilter = `Invalid filter: either member.type = "HUMAN" or member.type != "BOT" is required when use_admin_access is true.`
	// msgGroupNamedSpaces: Google documents groups in named spaces only; wording chosen here.
	msgGroupNamedSpaces = "Google Groups can only be added to spaces of type SPACE."
	msgBadGroup         = "Missing or malformed group resource name in the request. Group resource name must follow this format: groups/{group}."
	msgOneOfMember      = "Only one of member and group_member can be set."
)

// adminAccess reads useAdminAccess. true (with ok) means the caller asked for and may use admin
// access; on any refusal it has written Google's error and ok is false.
func (s *Server) adminAccess(w http.ResponseWriter, r *http.Request, g Grant, rpc string, adminScopes []string) (admin, ok bool) {
	v := r.URL.Query().Get("useAdminAccess")
	if v == "" {
		return false, true
	}
	if adminScopes == nil {
		// Google's answer to a query parameter the method does not have (spaces.list).
		badRequest(w, `Invalid JSON payload received. Unknown name "useAdminAccess": Cannot bind query parameter. Field 'useAdminAccess' could not be found in request message.`)
		return false, false
	}
	on, err := strconv.ParseBool(v)
	if err != nil {
		badRequest(w, "Invalid value at 'use_admin_access' (TYPE_BOOL), \""+v+"\"")
		return false, false
	}
	if !on {
		return false, true
	}
	if !g.HasAny(adminScopes...) {
		insufficientScopes(w, rpc)
		return false, false
	}
	s.mu.Lock()
	u := s.chat.users[g.UserID]
	privileged := u != nil && u.ChatAdmin
	s.mu.Unlock()
	if !privileged {
		// Google answers a caller without the admin privilege with its generic 403 text, the
		// same as for any action the caller may not take (its documentation gives no other
		// message for this case, and admins report seeing exactly this one).
		permissionDenied(w)
		return false, false
	}
	if rpc == rpcListMemberships && !humanOnlyFilter(r.URL.Query().Get("filter")) {
		badRequest(w, msgAdminFilter)
		return false, false
	}
	return true, true
}

// humanOnlyFilter reports whether a members.list filter keeps apps out as Google requires
// with admin access: member.type = "HUMAN" or member.type != "BOT" as a term of its own,
// AND-joined with the rest (inside an OR group it would let apps back in), and no other
// member.type term.
func humanOnlyFilter(f string) bool {
	e, err := parseFilter(f)
	if err != nil {
		return false
	}
	found := false
	for _, group := range e {
		for _, t := range group {
			if t.field != "member.type" {
				continue
			}
			if len(group) == 1 && (t.op == "=" && t.value == "HUMAN" || t.op == "!=" && t.value == "BOT") {
				found = true
			} else {
				return false
			}
		}
	}
	return found
}

// callerRole is the caller's role in sp for the permission rules: an administrator using admin
// access may do what an owner may; "" for someone who is not a member.
func callerRole(sp *chatSpace, g Grant) string {
	if g.AdminAccess {
		return RoleManager
	}
	if m := sp.members[g.UserID]; m != nil {
		return m.role
	}
	return ""
}

// initGroups copies the organisation's groups. Their space memberships come with the others
// in Dataset.Memberships (GroupID set), in chatState.init.
func (c *chatState) initGroups(d *Dataset) {
	c.groups = make(map[string]*Group, len(d.Groups))
	c.groupEmails = make(map[string]*Group, len(d.Groups))
	for _, g := range d.Groups {
		cp := *g
		cp.MemberIDs = append([]string(nil), g.MemberIDs...)
		cp.GroupIDs = append([]string(nil), g.GroupIDs...)
		c.groups[g.ID] = &cp
		c.groupEmails[strings.ToLower(g.Email)] = &cp
	}
}

type wireGroup struct {
	Name string `json:"name"`
}

var groupName = regexp.MustCompile(`^groups/([A-Za-z0-9]{1,64})$`)

// createGroupMember is spaces.members.create with groupMember {name: "groups/ID"}.
func (s *Server) createGroupMember(w http.ResponseWriter, r *http.Request, g Grant, in membershipInput) {
	if in.Member != nil {
		badRequest(w, msgOneOfMember)
		return
	}
	mg := groupName.FindStringSubmatch(in.GroupMember.Name)
	if mg == nil {
		badRequest(w, msgBadGroup)
		return
	}
	if !g.AdminAccess && !g.HasAny(scopeMemberships) {
		insufficientScopes(w, rpcCreateMembership)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sp, ok := s.lookupSpace(w, r, g)
	if !ok {
		return
	}
	switch {
	case sp.Type != SpaceTypeSpace:
		badRequest(w, msgGroupNamedSpaces)
	case s.chat.groups[mg[1]] == nil:
		// An unknown group id: a resource that does not exist, like an unknown user.
		notFound(w)
	default:
		// As in chatState.init: a group's membership is JOINED and has no role
		// (MEMBERSHIP_ROLE_UNSPECIFIED, the only role Google gives groups).
		s.addMember(w, sp, g, &chatMember{groupID: mg[1], state: StateJoined}) // chat_members_create.go
	}
}
