package emulator

// spaces.members.list, get, patch and delete; create is in chat_members_create.go.

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Membership and User as Google serialises them.
type wireMembership struct {
	Name        string     `json:"name"`
	State       string     `json:"state,omitempty"`
	Role        string     `json:"role,omitempty"`
	Member      *wireUser  `json:"member,omitempty"`
	GroupMember *wireGroup `json:"groupMember,omitempty"`
	CreateTime  string     `json:"createTime,omitempty"`
	Affiliation string     `json:"affiliation,omitempty"`
}

type wireUser struct {
	Name        string `json:"name"`
	DisplayName string `json:"displayName,omitempty"`
	Email       string `json:"email,omitempty"`
	Type        string `json:"type"`
}

// wireMember renders m. With user authentication Google fills only name and type of a user
// unless they are a member of the space (the discovery document's wording), so invited people
// come back without displayName and email. Caller holds s.mu.
func (s *Server) wireMember(sp *chatSpace, m *chatMember) wireMembership {
	w := wireMembership{Name: "spaces/" + sp.ID + "/members/" + m.key(), State: m.state,
		Role: m.role, CreateTime: protoTime(m.created)}
	if m.groupID != "" {
		// groupMember instead of member, and no role (MEMBERSHIP_ROLE_UNSPECIFIED is omitted).
		w.GroupMember = &wireGroup{Name: "groups/" + m.groupID}
		return w
	}
	w.Member = &wireUser{Name: "users/" + m.userID, Type: "HUMAN"}
	if m.bot {
		w.Member.Type, w.Member.DisplayName = "BOT", s.chat.appName
		return w
	}
	u := s.chat.users[m.userID]
	w.Affiliation = "INTERNAL"
	if u != nil && u.External {
		w.Affiliation = "EXTERNAL"
	}
	if u != nil && m.state == StateJoined {
		w.Member.DisplayName, w.Member.Email = u.DisplayName, u.Email
	}
	return w
}

// memberOf resolves the {member} path segment (a numeric user id, a group id, "app", or an
// email alias) to the membership in sp; nil if there is none. Caller holds s.mu.
func (s *Server) memberOf(sp *chatSpace, seg string) *chatMember {
	id := seg
	switch {
	case seg == "app":
		id = s.chat.appID
	case strings.Contains(seg, "@"):
		u := s.chat.emails[strings.ToLower(seg)]
		if u == nil {
			return nil
		}
		id = u.ID
	}
	return sp.members[id]
}

func (s *Server) chatListMembers(w http.ResponseWriter, r *http.Request) {
	g, ok := s.chatAuth(w, r, rpcListMemberships, []string{scopeAdminMemberships, scopeAdminMembershipsRO},
		scopeMembershipsReadonly, scopeMemberships)
	if !ok {
		return
	}
	q := r.URL.Query()
	size, err := pageSize(q)
	if err != nil {
		badRequest(w, err.Error())
		return
	}
	var flags [2]bool // showInvited, showGroups
	for i, name := range []string{"showInvited", "showGroups"} {
		if v := q.Get(name); v != "" {
			if flags[i], err = strconv.ParseBool(v); err != nil {
				badRequest(w, "Invalid value at '"+snake(name)+"' (TYPE_BOOL), \""+v+"\"")
				return
			}
		}
	}
	match, err := parseMemberFilter(q.Get("filter"))
	if err != nil {
		badRequest(w, err.Error())
		return
	}
	fp := fingerprint("members", g.UserID, r.PathValue("space"), strings.Join(strings.Fields(q.Get("filter")), " "),
		strconv.FormatBool(flags[0]), strconv.FormatBool(flags[1]))
	offset, err := pageOffset(q, fp)
	if err != nil {
		badRequest(w, err.Error())
		return
	}

	s.mu.Lock()
	sp, ok := s.lookupSpace(w, r, g)
	if !ok {
		s.mu.Unlock()
		return
	}
	var all []*chatMember
	for _, m := range sp.members {
		// Invited people and groups are left out unless asked for; the filter then applies to
		// them too, as the discovery document says.
		if (m.state == StateJoined || flags[0] && m.state == StateInvited) &&
			(m.groupID == "" || flags[1]) && match(m) {
			all = append(all, m)
		}
	}
	slices.SortFunc(all, func(a, b *chatMember) int { return int(a.seq - b.seq) })
	items, next := page(all, offset, size, fp)
	resp := struct {
		Memberships   []wireMembership `json:"memberships,omitempty"`
		NextPageToken string           `json:"nextPageToken,omitempty"`
	}{NextPageToken: next}
	for _, m := range items {
		resp.Memberships = append(resp.Memberships, s.wireMember(sp, m))
	}
	s.mu.Unlock()
	writeChatJSON(w, http.StatusOK, resp)
}

// snake turns "showInvited" into "show_invited", as Google names fields in error messages.
func snake(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= 'A' && c <= 'Z' {
			b.WriteByte('_')
			c += 'a' - 'A'
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (s *Server) chatGetMember(w http.ResponseWriter, r *http.Request) {
	g, ok := s.chatAuth(w, r, rpcGetMembership, []string{scopeAdminMemberships, scopeAdminMembershipsRO},
		scopeMembershipsReadonly, scopeMemberships)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sp, m, ok := s.lookupMember(w, r, g)
	if !ok {
		return
	}
	writeChatJSON(w, http.StatusOK, s.wireMember(sp, m))
}

// owners counts the space's JOINED ROLE_MANAGERs; a space keeps at least one.
func (sp *chatSpace) owners() int {
	n := 0
	for _, m := range sp.members {
		if m.role == RoleManager && m.state == StateJoined {
			n++
		}
	}
	return n
}

// othersJoined reports whether anyone but m (people, the app or a group) is JOINED in sp.
func (sp *chatSpace) othersJoined(m *chatMember) bool {
	for _, o := range sp.members {
		if o != m && o.state == StateJoined {
			return true
		}
	}
	return false
}

// msgLastOwner refuses to leave a named space without an owner (ROLE_MANAGER). Google enforces
// the rule (its help centre: "make another member an owner before you leave") but documents no
// API wording, so this text is chosen here: it names the rule and the way out, as Google's
// FAILED_PRECONDITION messages do.
const msgLastOwner = "The space must have at least one owner (ROLE_MANAGER). Make another member an owner before removing or demoting the last one."

// Messages for role rules Google enforces without documenting their wording; statuses chosen
// here as INVALID_ARGUMENT, since the request itself asks for something that cannot exist.
const (
	msgRoleNotHuman     = "Roles can only be changed for human members; Chat apps and Google Groups have no role."
	msgRoleOnlyInSpaces = "Manager roles are only supported in spaces of type SPACE."
	msgDMNoRemove       = "People can't be removed from a direct message."
)

func (s *Server) chatPatchMember(w http.ResponseWriter, r *http.Request) {
	g, ok := s.chatAuth(w, r, rpcUpdateMembership, []string{scopeAdminMemberships}, scopeMemberships)
	if !ok {
		return
	}
	mask := r.URL.Query().Get("updateMask")
	if mask == "" {
		badRequest(w, "Field 'update_mask' is required.")
		return
	}
	// "role" is the only field path Google supports; "*" (every updatable field) is documented
	// as a synonym while role is the only one.
	for _, f := range strings.Split(mask, ",") {
		if f = strings.TrimSpace(f); f != "role" && f != "*" {
			badRequest(w, "Invalid update mask path \""+f+"\". Supported field paths: role.")
			return
		}
	}
	var body membershipInput
	if !decodeBody(w, r, &body) {
		return
	}
	role := body.Role
	if role != RoleMember && role != RoleManager && role != RoleAssistantManager {
		badRequest(w, "Invalid role \""+role+"\". Use ROLE_MEMBER, ROLE_ASSISTANT_MANAGER or ROLE_MANAGER.")
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	sp, ok := s.lookupSpace(w, r, g)
	if !ok {
		return
	}
	m := s.memberOf(sp, r.PathValue("member"))
	caller := callerRole(sp, g) // an administrator using admin access counts as an owner
	switch {
	case m == nil:
		notFound(w)
	case !m.human():
		badRequest(w, msgRoleNotHuman)
	case sp.Type != SpaceTypeSpace && role != RoleMember:
		// Google documents that manager roles exist only in named spaces.
		badRequest(w, msgRoleOnlyInSpaces)
	case !mayChangeRole(caller, m.role, role):
		permissionDenied(w)
	case m.role == RoleManager && role != RoleManager && m.state == StateJoined && sp.owners() <= 1:
		writeChatError(w, http.StatusBadRequest, "FAILED_PRECONDITION", msgLastOwner)
	default:
		m.role = role
		writeChatJSON(w, http.StatusOK, s.wireMember(sp, m))
	}
}

// mayChangeRole applies the Membership.role documentation: owners (ROLE_MANAGER) may set any
// role; managers (ROLE_ASSISTANT_MANAGER) may make a member a manager and back, but neither
// make anyone an owner nor change an owner's role; members may change no role.
func mayChangeRole(caller, from, to string) bool {
	switch caller {
	case RoleManager:
		return true
	case RoleAssistantManager:
		return from != RoleManager && to != RoleManager
	}
	return false
}

// mayRemove says whether a caller with role caller may remove target from a named space:
// owners anyone; managers (ROLE_ASSISTANT_MANAGER) plain members, groups and invitations, but
// not owners or other managers ("to delete memberships for space managers, the requester must
// be a space manager"); members nobody but themselves (handled by the caller of this).
func mayRemove(caller string, target *chatMember) bool {
	switch caller {
	case RoleManager:
		return true
	case RoleAssistantManager:
		return target.role != RoleManager && target.role != RoleAssistantManager
	}
	return false
}

func (s *Server) chatDeleteMember(w http.ResponseWriter, r *http.Request) {
	g, ok := s.chatAuth(w, r, rpcDeleteMembership, []string{scopeAdminMemberships},
		scopeMemberships, scopeMembershipsApp)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sp, m, ok := s.lookupMember(w, r, g)
	if !ok {
		return
	}
	if !mayWriteMember(g, m.bot) {
		insufficientScopes(w, rpcDeleteMembership)
		return
	}
	caller := callerRole(sp, g)
	self := m.userID == g.UserID
	switch {
	case sp.Type == SpaceTypeDirectMessage && !m.bot:
		// The two people of a DM are fixed; only the app can be removed. Status chosen here.
		badRequest(w, msgDMNoRemove)
		return
	case self, m.bot, sp.Type == SpaceTypeGroupChat:
		// Anyone may leave, remove the app, or remove people from an unnamed group chat.
	case !mayRemove(caller, m):
		permissionDenied(w)
		return
	}
	// The last owner may not leave or be removed while anyone else remains; alone, they may
	// leave (the space is then empty, as when Google deletes it).
	if m.role == RoleManager && m.state == StateJoined && sp.owners() <= 1 && sp.othersJoined(m) {
		writeChatError(w, http.StatusBadRequest, "FAILED_PRECONDITION", msgLastOwner)
		return
	}
	// Google returns the membership as it was; deleting an INVITED one withdraws the invitation.
	out := s.wireMember(sp, m)
	delete(sp.members, m.key())
	writeChatJSON(w, http.StatusOK, out)
}
