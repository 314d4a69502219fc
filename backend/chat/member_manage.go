package chat

// Changing who is in a space: adding with a role, changing a role, removing someone and
// withdrawing an invitation. Each call validates its identifiers before any request, reads the
// membership first where that lets it explain a refusal (who it is, their role, whether they
// are still there), and turns Google's refusals into problems that say what Google requires.

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	chatapi "google.golang.org/api/chat/v1"

	"chatmembers/backend/problem"
)

// membershipNameRE is a membership as ListMembers names it: the space, then a user id, a group
// id or "app" (letters, digits, '-' and '_'; no '/', '.', '@' that would change the path).
var membershipNameRE = regexp.MustCompile(`^(spaces/[A-Za-z0-9_-]{1,64})/members/[A-Za-z0-9_-]{1,64}$`)

// ValidateMembershipName checks a membership resource name, "spaces/AAAA/members/123", and
// returns its space's name.
func ValidateMembershipName(name string) (space string, err error) {
	m := membershipNameRE.FindStringSubmatch(name)
	if m == nil {
		return "", probInvalidMembership.WithDetail(
			fmt.Sprintf("membership name %q does not match spaces/{space}/members/{member}", clip(name, 100)))
	}
	return m[1], nil
}

// ValidateRole checks a role: ROLE_MEMBER, ROLE_ASSISTANT_MANAGER (Manager) or ROLE_MANAGER
// (Owner).
func ValidateRole(role Role) error {
	switch role {
	case RoleMember, RoleAssistantManager, RoleOwner:
		return nil
	}
	return probInvalidRole.WithDetail(
		fmt.Sprintf("role %q is not ROLE_MEMBER, ROLE_ASSISTANT_MANAGER or ROLE_MANAGER", clip(string(role), 100)))
}

// AddResult is the outcome of AddMember: the person was added (or was there already); the role
// asked for may not have been given, which is part of the result, not an error.
type AddResult struct {
	Membership Membership `json:"membership"`
	// RequestedRole is the role asked for.
	RequestedRole Role `json:"requestedRole"`
	// RoleProblem, when set, says why the person has Membership.Role instead of RequestedRole:
	// they are in the space, but the change of role was refused or failed.
	RoleProblem *problem.Problem `json:"roleProblem,omitempty"`
}

// AddMember adds a person (as AddPerson: an email or user id) to space with role. Chat creates
// every membership as ROLE_MEMBER; for Manager or Owner a spaces.members.patch (updateMask=role)
// follows at once. If that patch fails, the person stays added: the result has their actual
// role and RoleProblem says why the role did not change. Someone already in the space is
// promoted the same way, never demoted. An error means nobody was added.
func (s *Service) AddMember(ctx context.Context, space, person string, role Role) (AddResult, error) {
	return s.addMember(ctx, space, person, role, false)
}

// AdminAddMember is AddMember with admin access (chat.admin.memberships), in any named space of
// the organisation, with AdminAddPerson's refusals before sending (the app, outsiders).
func (s *Service) AdminAddMember(ctx context.Context, space, person string, role Role) (AddResult, error) {
	return s.addMember(ctx, space, person, role, true)
}

func (s *Service) addMember(ctx context.Context, space, person string, role Role, admin bool) (AddResult, error) {
	if err := ValidateRole(role); err != nil {
		return AddResult{}, err
	}
	if err := ValidateSpaceName(space); err != nil {
		return AddResult{}, err
	}
	if p := strings.TrimSpace(person); admin && (p == appMemberName || p == "app") {
		return AddResult{}, errAdminNoApps()
	}
	_, email, err := PersonName(person)
	if err != nil {
		return AddResult{}, err
	}
	if admin && s.isOutsider(email) {
		return AddResult{}, errAdminOutsider(email) // refused before anything is sent
	}
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	sp, err := s.spaceFor(ctx, space, admin)
	if err != nil {
		return AddResult{}, err
	}
	if role != RoleMember && sp.Type != TypeSpace && sp.Type != TypeDirectMessage {
		// Refused before anything is sent: a group chat has no managers, and adding the person
		// as a plain member when a manager was asked for would be a surprise.
		return AddResult{}, errRolesOnlyInSpaces(sp)
	}
	add := s.AddPerson
	if admin {
		add = s.AdminAddPerson
	}
	m, err := add(ctx, space, person)
	if err != nil {
		return AddResult{}, err
	}
	out := AddResult{Membership: m, RequestedRole: role}
	if role == RoleMember || roleRank(m.Role) <= roleRank(role) {
		return out, nil // nothing to raise
	}
	if _, err := ValidateMembershipName(m.Name); err != nil {
		out.RoleProblem = ProblemOf(err, "")
		return out, nil
	}
	got, err := s.patchRole(ctx, m.Name, role, Member{Kind: KindPerson, Role: m.Role, DisplayName: m.DisplayName, Email: m.Email}, admin)
	if err != nil {
		out.RoleProblem = ProblemOf(err, "")
		return out, nil
	}
	out.Membership.Role = got.Role
	return out, nil
}

// SetRole gives the member named by membership ("spaces/…/members/…", from ListMembers) the
// role ROLE_MEMBER, ROLE_ASSISTANT_MANAGER (Manager) or ROLE_MANAGER (Owner), and returns the
// membership as it now is. Requests: one spaces.members.get (to refuse apps, groups and chats
// without roles before writing, and to tell "they left" from "the space is gone"), then one
// spaces.members.patch with updateMask=role; with opts.Admin both with admin access
// (chat.admin.memberships), in a space the user need not be in.
func (s *Service) SetRole(ctx context.Context, membership string, role Role, opts ManageOptions) (Member, error) {
	space, err := ValidateMembershipName(membership)
	if err != nil {
		return Member{}, err
	}
	if err := ValidateRole(role); err != nil {
		return Member{}, err
	}
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	sp, err := s.spaceFor(ctx, space, opts.Admin)
	if err != nil {
		return Member{}, err
	}
	cur, err := s.getMember(ctx, sp, membership, opts.Admin)
	if err != nil {
		return Member{}, err
	}
	switch {
	case cur.Kind != KindPerson:
		return Member{}, errNoRole(cur)
	case sp.Type != TypeSpace && role != RoleMember:
		return Member{}, errRolesOnlyInSpaces(sp)
	case cur.Role == role:
		return cur, nil // already so: nothing to send
	}
	return s.patchRole(ctx, membership, role, cur, opts.Admin)
}

// ManageOptions qualifies SetRole and CancelInvitation.
type ManageOptions struct {
	// Admin acts with administrator access (useAdminAccess, chat.admin.memberships).
	Admin bool
}

// patchRole sends the patch and explains its refusals; cur is the member as last seen.
func (s *Service) patchRole(ctx context.Context, membership string, role Role, cur Member, admin bool) (Member, error) {
	var m *chatapi.Membership
	err := s.retry.run(ctx, func() (err error) {
		req := s.api.Spaces.Members.Patch(membership, &chatapi.Membership{Role: string(role)}).UpdateMask("role").Context(ctx)
		if admin {
			req = req.UseAdminAccess(true)
		}
		m, err = req.Do()
		return err
	})
	if err == nil {
		return s.fromAPIMember(m), nil
	}
	c := call{scope: ScopeMemberships, space: spaceOf(membership)}
	if admin {
		c.scope = ScopeAdminMemberships
	}
	p := explain(err, c, admin)
	switch {
	case p.Code == CodePermissionDenied:
		p = errRoleNotAllowed(cur, role, p.Detail)
	case p.Code == CodePrecondition:
		p = errLastOwner(cur, p.Detail)
	case p.Code == CodeSpaceNotFound:
		p = errMemberGone(cur, p.Detail)
	}
	return Member{}, p
}

// RemoveOptions qualifies RemoveMember.
type RemoveOptions struct {
	// ConfirmedSelf acknowledges the second confirmation the user gives before removing
	// themself (leaving the space). Without it, removing oneself is refused with
	// chat.confirm_leave and nothing is sent.
	ConfirmedSelf bool
	// Admin removes with administrator access (useAdminAccess, chat.admin.memberships), in a
	// space the user need not be in; Google refuses apps that way (chat.admin_no_apps, said
	// before sending).
	Admin bool
}

// RemoveMember removes the member named by membership from its space (a person, a Google
// Group or the Chat app; an invitation is withdrawn, as CancelInvitation does) and returns the
// membership as it was. Requests: one spaces.members.get (who it is: the signed-in user needs
// opts.ConfirmedSelf; the app needs the chat.memberships.app scope), then one
// spaces.members.delete. A retried delete that finds the member gone after an attempt whose
// answer was lost counts as done.
func (s *Service) RemoveMember(ctx context.Context, membership string, opts RemoveOptions) (Member, error) {
	return s.remove(ctx, membership, opts, false)
}

// CancelInvitation withdraws the invitation named by membership (a member in state INVITED):
// the invitee is no longer asked to join. If they have accepted in the meantime, nothing is
// removed and the problem chat.not_invited says so. Requests as in RemoveMember.
func (s *Service) CancelInvitation(ctx context.Context, membership string, opts ManageOptions) (Member, error) {
	return s.remove(ctx, membership, RemoveOptions{Admin: opts.Admin}, true)
}

func (s *Service) remove(ctx context.Context, membership string, opts RemoveOptions, invitation bool) (Member, error) {
	space, err := ValidateMembershipName(membership)
	if err != nil {
		return Member{}, err
	}
	if opts.Admin && strings.HasSuffix(membership, "/members/app") {
		return Member{}, errAdminNoApps()
	}
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	sp, err := s.spaceFor(ctx, space, opts.Admin)
	if err != nil {
		return Member{}, err
	}
	cur, err := s.getMember(ctx, sp, membership, opts.Admin)
	if err != nil {
		return Member{}, err
	}
	switch {
	case opts.Admin && cur.Kind == KindApp:
		return Member{}, errAdminNoApps()
	case invitation && cur.State != StateInvited:
		return Member{}, errNotInvited(cur)
	case cur.Me && !opts.ConfirmedSelf:
		return Member{}, errConfirmLeave(sp)
	}
	scope := ScopeMemberships
	switch {
	case opts.Admin:
		scope = ScopeAdminMemberships
	case cur.Kind == KindApp:
		scope = ScopeMembershipsApp
	}
	uncertain := false
	err = s.retry.run(ctx, func() error {
		req := s.api.Spaces.Members.Delete(membership).Context(ctx)
		if opts.Admin {
			req = req.UseAdminAccess(true)
		}
		_, err := req.Do()
		if uncertain && googleStatus(err) == 404 {
			return nil // an earlier attempt went through; its answer was lost
		}
		uncertain = uncertain || mayHaveApplied(err)
		return err
	})
	if err == nil {
		return cur, nil
	}
	p := explain(err, call{scope: scope, space: space}, opts.Admin)
	switch {
	case p.Code == CodePermissionDenied:
		p = errRemoveNotAllowed(cur, p.Detail)
	case p.Code == CodePrecondition:
		p = errLastOwner(cur, p.Detail)
	case p.Code == CodeSpaceNotFound:
		p = errMemberGone(cur, p.Detail)
	}
	return Member{}, p
}

// getMember reads one membership. A 404 means the member left or the space is gone (or the user
// was removed from it); one spaces.get, bypassing the cache, tells which.
func (s *Service) getMember(ctx context.Context, sp Space, membership string, admin bool) (Member, error) {
	var m *chatapi.Membership
	err := s.retry.run(ctx, func() (err error) {
		req := s.api.Spaces.Members.Get(membership).Context(ctx)
		if admin {
			req = req.UseAdminAccess(true)
		}
		m, err = req.Do()
		return err
	})
	if err == nil {
		return s.fromAPIMember(m), nil
	}
	c := call{scope: ScopeMembershipsReadonly, space: sp.Name}
	get := s.GetSpace
	if admin {
		c.scope, get = ScopeAdminMembershipsRO, s.AdminGetSpace
	}
	p := explain(err, c, admin)
	if admin && p.Code == CodeBadRequest && strings.Contains(p.Detail, "App memberships") {
		// Google's answer for an app's membership (by its numeric id) with admin access.
		return Member{}, errAdminNoApps()
	}
	if p.Code == CodeSpaceNotFound {
		if _, gerr := get(ctx, sp.Name); gerr == nil {
			return Member{}, errMemberGone(Member{}, p.Detail)
		} else if problem.CodeOf(gerr) != CodeSpaceNotFound {
			return Member{}, gerr
		}
	}
	return Member{}, p
}

func spaceOf(membership string) string {
	if m := membershipNameRE.FindStringSubmatch(membership); m != nil {
		return m[1]
	}
	return ""
}

// who names a member in an English fallback text.
func who(m Member) string {
	if l := m.label(); l != "" {
		return l
	}
	return "This member"
}

func errRoleNotAllowed(m Member, role Role, detail string) *problem.Problem {
	return probRoleNotAllowed.With("member", who(m)).With("role", string(role)).WithDetail(detail)
}

func errRemoveNotAllowed(m Member, detail string) *problem.Problem {
	return probRemoveNotAllowed.With("member", who(m)).WithDetail(detail)
}

func errLastOwner(m Member, detail string) *problem.Problem {
	return probLastOwner.With("member", who(m)).WithDetail(detail)
}

func errMemberGone(m Member, detail string) *problem.Problem {
	return probMemberGone.With("member", who(m)).WithDetail(detail)
}

func errConfirmLeave(sp Space) *problem.Problem {
	return probConfirmLeave.With("space", sp.Name).With("spaceName", sp.DisplayName).
		WithDetail("refused before sending: removing the signed-in user needs a second confirmation")
}

func errNoRole(m Member) *problem.Problem {
	return probNoRole.With("member", who(m)).
		WithDetail("refused before sending: the membership is a " + string(m.Kind))
}

func errRolesOnlyInSpaces(sp Space) *problem.Problem {
	return probRolesOnlyInSpaces.With("space", sp.Name).
		WithDetail("refused before sending: " + sp.Name + " is a " + string(sp.Type))
}

func errNotInvited(m Member) *problem.Problem {
	return probNotInvited.With("member", who(m)).
		WithDetail("refused before sending: the membership is " + string(m.State))
}
