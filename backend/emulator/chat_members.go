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
	if m.groupID != "" {
		return wireGroupMember(sp, m) // admin.go
	}
	w := wireMembership{Name: "spaces/" + sp.ID + "/members/" + m.userID, State: m.state,
		Role: m.role, CreateTime: protoTime(m.created),
		Member: &wireUser{Name: "users/" + m.userID, Type: "HUMAN"}}
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

// memberOf resolves the {member} path segment (a numeric id, "app", or an email alias) to the
// membership in sp; nil if there is none. Caller holds s.mu.
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
		if (m.state == StateJoined || flags[0] && m.state == StateInvited) && (m.groupID == "" || flags[1]) && match(m) {
			all = append(all, m)
		}
	}
	slices.SortFunc(all, func(a, b *chatMember) int { return int(a.seq - b.seq) })
	items, next, more := page(all, offset, size)
	resp := struct {
		Memberships   []wireMembership `json:"memberships,omitempty"`
		NextPageToken string           `json:"nextPageToken,omitempty"`
	}{}
	for _, m := range items {
		resp.Memberships = append(resp.Memberships, s.wireMember(sp, m))
	}
	s.mu.Unlock()
	if more {
		resp.NextPageToken = encodePageToken(next, fp)
	}
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

// msgLastOwner: Google refuses to leave a space without an owner; its text is not documented.
const msgLastOwner = "A space must have at least one owner (ROLE_MANAGER)."

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
	switch {
	case m == nil:
		notFound(w)
	case m.bot:
		badRequest(w, "Roles can only be changed for human members.")
	case sp.Type != SpaceTypeSpace && role != RoleMember:
		// Google documents that manager roles exist only in named spaces; status chosen here.
		badRequest(w, "Manager roles are only supported in spaces of type SPACE.")
	case callerRole(sp, g) != RoleManager:
		// Only owners (ROLE_MANAGER) can appoint or demote managers.
		permissionDenied(w)
	case m.role == RoleManager && role != RoleManager && sp.owners() <= 1:
		writeChatError(w, http.StatusBadRequest, "FAILED_PRECONDITION", msgLastOwner)
	default:
		m.role = role
		writeChatJSON(w, http.StatusOK, s.wireMember(sp, m))
	}
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
		badRequest(w, "People can't be removed from a direct message.")
		return
	case self, m.bot, sp.Type == SpaceTypeGroupChat:
		// Anyone may leave, remove the app, or remove people from an unnamed group chat.
	case caller == RoleMember,
		m.role == RoleManager && caller != RoleManager:
		permissionDenied(w)
		return
	}
	if m.role == RoleManager && m.state == StateJoined && sp.owners() <= 1 {
		writeChatError(w, http.StatusBadRequest, "FAILED_PRECONDITION", msgLastOwner)
		return
	}
	out := s.wireMember(sp, m) // Google returns the membership as it was
	delete(sp.members, m.userID)
	writeChatJSON(w, http.StatusOK, out)
}
