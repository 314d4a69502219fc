package chat

// The member list of one space: every page of spaces.members.list (invitations and Google
// Groups included), sorted for people, with the signed-in user marked and, for each row, what
// the user may do to it.

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	chatapi "google.golang.org/api/chat/v1"

	"chatmembers/backend/problem"
)

// Member is one row of a space's member list.
type Member struct {
	// Name is the membership's resource name, "spaces/AAAA/members/123": what SetRole,
	// RemoveMember and CancelInvitation take.
	Name string `json:"name"`
	// Kind is person, group or app.
	Kind Kind `json:"kind"`
	// MemberName is "users/123" for a person or app, "groups/abc" for a Google Group.
	MemberName string `json:"memberName"`
	// Role is ROLE_MANAGER (Owner), ROLE_ASSISTANT_MANAGER (Manager) or ROLE_MEMBER; "" for a
	// group, which has no role.
	Role Role `json:"role"`
	// State is JOINED or INVITED.
	State State `json:"state"`
	// DisplayName and Email are what Google tells: for people who joined, not for invitees
	// (Google shows only the id of someone who is not in the space), never for groups.
	DisplayName string `json:"displayName"`
	Email       string `json:"email"`
	// External is true for someone outside the space's organisation (Google's affiliation
	// EXTERNAL, or MANAGED_EXTERNAL for guests; else told from the email's domain).
	External bool `json:"external"`
	// Me marks the signed-in user's own membership.
	Me bool `json:"me"`
	// CreateTime is when they joined or were invited, RFC 3339 as Google sent it.
	CreateTime string `json:"createTime"`
	// May is what the signed-in user may do to this membership, by Google's rules for their
	// role; Google has the last word, so an action offered here can still be refused.
	May MemberActions `json:"may"`
}

// MemberActions says which actions to offer on one membership.
type MemberActions struct {
	// Roles the member can be given, besides the one they have; empty when their role can't
	// be changed by the user.
	Roles []Role `json:"roles"`
	// Remove: remove the member (for the user's own row: leave the space; RemoveMember then
	// needs the second confirmation).
	Remove bool `json:"remove"`
	// CancelInvitation: the member is INVITED and the user may withdraw the invitation.
	CancelInvitation bool `json:"cancelInvitation"`
}

// MemberList is a space's members as ListMembers returns them.
type MemberList struct {
	Space Space `json:"space"`
	// Members are sorted: owners, managers, members (groups and apps with the members); within
	// a role joined before invited, people before groups before apps; then by name.
	Members []Member `json:"members"`
	// MyRole is the signed-in user's role in the space, "" if they could not be found in it.
	MyRole Role `json:"myRole"`
	// AddRoles are the roles the user may give someone they add (empty: they can't add).
	AddRoles []Role `json:"addRoles"`
	// Counts for the header.
	Joined  int `json:"joined"`
	Invited int `json:"invited"`
}

// ListMembersOptions tunes ListMembers; the zero value is right for the app.
type ListMembersOptions struct {
	// PageSize per request; 0 means 1000, Google's maximum (fewest round trips).
	PageSize int
	// Limit stops a listing that grows past it with chat.too_many_members; 0 means 100,000.
	Limit int
	// Admin lists with administrator access (useAdminAccess, chat.admin.memberships or
	// .readonly) a space the user need not be in. Google lists no apps that way; May is then
	// what an owner may do, since Google lets an administrator act as one.
	Admin bool
}

const (
	maxMemberPage = 1000
	maxMembers    = 100_000
)

// ListMembers returns every member of space (a "spaces/…" name), invitations and Google Groups
// included (showInvited, showGroups), sorted, with the signed-in user marked (by the email of
// WithCallerEmail or the id of WithCallerID) and what they may do. Requests: one
// spaces.members.list per page (1,000 a page), plus one spaces.get unless ListSpaces or GetSpace
// has already seen the space; each retried on transient failures. With opts.Admin, the same
// list through administrator access (see ListMembersOptions.Admin).
func (s *Service) ListMembers(ctx context.Context, space string, opts ListMembersOptions) (MemberList, error) {
	if err := ValidateSpaceName(space); err != nil {
		return MemberList{}, err
	}
	size := cmp.Or(opts.PageSize, maxMemberPage)
	limit := cmp.Or(opts.Limit, maxMembers)
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	sp, err := s.spaceFor(ctx, space, opts.Admin)
	if err != nil {
		return MemberList{}, err
	}
	c := call{scope: ScopeMembershipsReadonly, space: space}
	if opts.Admin {
		c.scope = ScopeAdminMembershipsRO
	}
	out := MemberList{Space: sp, Members: []Member{}}
	seen := map[string]bool{}
	token := ""
	for {
		req := s.api.Spaces.Members.List(space).PageSize(int64(size)).ShowInvited(true).ShowGroups(true).Context(ctx)
		if opts.Admin {
			req = req.UseAdminAccess(true).Filter(adminMemberFilter)
		}
		if token != "" {
			req = req.PageToken(token)
		}
		var resp *chatapi.ListMembershipsResponse
		err := s.retry.run(ctx, func() (err error) {
			resp, err = req.Do()
			return err
		})
		if err != nil {
			return MemberList{}, explain(err, c, opts.Admin)
		}
		for _, m := range resp.Memberships {
			if m != nil {
				out.Members = append(out.Members, s.fromAPIMember(m))
			}
		}
		if token = resp.NextPageToken; token == "" {
			break
		}
		if seen[token] || len(out.Members) > limit || len(seen) >= maxPages {
			return MemberList{}, errTooManyMembers(sp, len(out.Members), seen[token])
		}
		seen[token] = true
	}
	out.Members = sortMembers(out.Members)
	for i := range out.Members {
		m := &out.Members[i]
		if m.Me {
			out.MyRole = m.Role
		}
		switch m.State {
		case StateJoined:
			out.Joined++
		case StateInvited:
			out.Invited++
		}
	}
	owners := 0
	for _, m := range out.Members {
		if m.Role == RoleOwner && m.State == StateJoined {
			owners++
		}
	}
	acting := out.MyRole
	if opts.Admin {
		acting = RoleOwner // Google lets an administrator do what an owner may
	}
	for i := range out.Members {
		out.Members[i].May = mayDo(sp, acting, out.Members[i], owners)
	}
	out.AddRoles = addRoles(sp, acting)
	return out, nil
}

func errTooManyMembers(sp Space, n int, loop bool) *problem.Problem {
	if loop {
		return probBadResponse.WithDetail(
			fmt.Sprintf("spaces.members.list repeated a page token after %d members of %s", n, sp.Name))
	}
	return probTooManyMembers.With("space", sp.Name).
		WithDetail(fmt.Sprintf("spaces.members.list still had more pages after %d members", n))
}

func (s *Service) fromAPIMember(m *chatapi.Membership) Member {
	out := Member{Name: m.Name, Role: Role(m.Role), State: State(m.State), CreateTime: m.CreateTime}
	switch {
	case m.GroupMember != nil:
		out.Kind, out.MemberName, out.Role = KindGroup, m.GroupMember.Name, ""
	case m.Member != nil:
		out.Kind, out.MemberName = KindPerson, m.Member.Name
		out.DisplayName, out.Email = m.Member.DisplayName, m.Member.Email
		if MemberType(m.Member.Type) == MemberBot {
			out.Kind = KindApp
		}
	}
	if out.Role == "MEMBERSHIP_ROLE_UNSPECIFIED" {
		out.Role = ""
	}
	if out.Kind == KindPerson {
		switch m.Affiliation {
		case "EXTERNAL", "MANAGED_EXTERNAL":
			out.External = true
		case "":
			out.External = s.isOutsider(out.Email)
		}
		out.Me = s.isMe(out.MemberName, out.Email)
	}
	return out
}

// isMe matches a person to the signed-in user by id ("users/{id}": Chat's user id is the Google
// account id the sign-in reports) or, failing that, by email.
func (s *Service) isMe(memberName, email string) bool {
	if s.callerID != "" && memberName == "users/"+s.callerID {
		return true
	}
	return email != "" && s.callerEmail != "" && strings.EqualFold(email, s.callerEmail)
}

func roleRank(role Role) int {
	switch role {
	case RoleOwner:
		return 0
	case RoleAssistantManager:
		return 1
	}
	return 2
}

func kindRank(kind Kind) int {
	switch kind {
	case KindPerson:
		return 0
	case KindGroup:
		return 1
	}
	return 2
}

// label is what a row is sorted and shown by: the name, else the email, else the id.
func (m Member) label() string {
	return cmp.Or(m.DisplayName, m.Email, m.MemberName)
}

// compareMembers is the member list's order: owners, managers, members (groups and apps have
// the members' rank); joined before invited; people, groups, apps; by name, case-insensitively;
// by resource name last so the order is total.
func compareMembers(a, b Member) int {
	return cmp.Or(
		cmp.Compare(roleRank(a.Role), roleRank(b.Role)),
		cmp.Compare(stateRank(a.State), stateRank(b.State)),
		cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)),
		cmp.Compare(strings.ToLower(a.label()), strings.ToLower(b.label())),
		cmp.Compare(a.Name, b.Name),
	)
}

// sortMembers orders ms as compareMembers does, lower-casing each label once instead of at
// every comparison (a third of the time of listing 10,000 members went to strings.ToLower).
func sortMembers(ms []Member) []Member {
	type key struct {
		role, state, kind int
		label, name       string
		i                 int
	}
	keys := make([]key, len(ms))
	for i, m := range ms {
		keys[i] = key{roleRank(m.Role), stateRank(m.State), kindRank(m.Kind), strings.ToLower(m.label()), m.Name, i}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.role, b.role), cmp.Compare(a.state, b.state), cmp.Compare(a.kind, b.kind),
			cmp.Compare(a.label, b.label), cmp.Compare(a.name, b.name))
	})
	out := make([]Member, len(ms))
	for j, k := range keys {
		out[j] = ms[k.i]
	}
	return out
}

func stateRank(state State) int {
	if state == StateJoined {
		return 0
	}
	return 1
}

// mayDo applies Google's rules (the discovery document's Membership.role and members.delete)
// to one row, for a user whose role is mine. owners counts the joined owners.
func mayDo(sp Space, mine Role, m Member, owners int) MemberActions {
	a := MemberActions{Roles: []Role{}}
	named := sp.Type == TypeSpace
	lastOwner := m.Role == RoleOwner && m.State == StateJoined && owners <= 1
	switch {
	case sp.Type == TypeDirectMessage:
		a.Remove = m.Kind == KindApp
	case m.Me:
		a.Remove = !lastOwner
	case m.Kind == KindApp || !named:
		a.Remove = mine != "" // anyone in the space may remove the app, or people from a group chat
	default:
		// The last owner can't be removed (only an administrator, acting as an owner, could try).
		a.Remove = !lastOwner && (mine == RoleOwner || mine == RoleAssistantManager && m.Role != RoleOwner && m.Role != RoleAssistantManager)
	}
	if m.State == StateInvited {
		a.CancelInvitation, a.Remove = a.Remove, false
	}
	if named && m.Kind == KindPerson && !lastOwner {
		for _, r := range []Role{RoleOwner, RoleAssistantManager, RoleMember} {
			if r != m.Role && mayChangeRole(mine, m.Role, r) {
				a.Roles = append(a.Roles, r)
			}
		}
	}
	return a
}

// mayChangeRole: owners set any role; managers move people between member and manager but
// neither make owners nor change an owner's role; members change none.
func mayChangeRole(mine, from, to Role) bool {
	switch mine {
	case RoleOwner:
		return true
	case RoleAssistantManager:
		return from != RoleOwner && to != RoleOwner
	}
	return false
}

// addRoles: who is in a space may add people as members (announcement spaces, which Chat
// Members can't tell from here, may refuse); a higher role is a patch the user must be allowed.
func addRoles(sp Space, mine Role) []Role {
	if mine == "" || sp.Type == TypeDirectMessage {
		return []Role{}
	}
	out := []Role{RoleMember}
	if sp.Type == TypeSpace {
		for _, r := range []Role{RoleAssistantManager, RoleOwner} {
			if mayChangeRole(mine, RoleMember, r) {
				out = append(out, r)
			}
		}
	}
	return out
}
