package chat

import (
	"context"
	"slices"
	"strings"
	"testing"

	"chatmembers/backend/emulator"
)

// Admin access and groups, through Service against the emulator over loopback HTTP.

var adminScopes = []string{ScopeAdminSpacesReadonly, ScopeAdminMemberships, ScopeMemberships, ScopeSpacesReadonly}

func adminFixture(t *testing.T, email string) *fixture {
	t.Helper()
	f := newFixture(t, nil, ScopeSpacesReadonly) // any scopes: replaced below
	tok, err := f.srv.IssueToken(email, adminScopes...)
	if err != nil {
		t.Fatal(err)
	}
	g := newFixtureToken(t, f.srv, tok)
	g.svc = g.svc.WithCallerEmail(email)
	return g
}

func TestSearchSpacesFindsSpaceAdminIsNotIn(t *testing.T) {
	f := adminFixture(t, emulator.DemoAdminEmail)
	ctx := context.Background()
	page, err := f.svc.SearchSpaces(ctx, "  board   prep ", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Spaces) != 1 || page.Spaces[0].Name != "spaces/"+emulator.DemoNotMemberSpaceID || page.Total != 1 {
		t.Fatalf("%+v", page)
	}
	all, err := f.svc.SearchSpaces(ctx, "", "")
	if err != nil || len(all.Spaces) != 20 || all.NextPageToken != "" {
		t.Fatalf("all: %v %d", err, len(all.Spaces))
	}
}

func TestSearchSpacesPages(t *testing.T) {
	f := newFixture(t, emulator.GenerateDataset(2500, 10), adminScopes...)
	ctx := context.Background()
	seen, pages, tok := map[string]bool{}, 0, ""
	for {
		p, err := f.svc.SearchSpaces(ctx, "project", tok)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, sp := range p.Spaces {
			seen[sp.Name] = true
		}
		if tok = p.NextPageToken; tok == "" {
			break
		}
	}
	if len(seen) != 2500 || pages != 3 {
		t.Fatalf("%d spaces in %d pages", len(seen), pages)
	}
}

func TestSearchSpacesRefusesBadInputBeforeSending(t *testing.T) {
	f := adminFixture(t, emulator.DemoAdminEmail)
	before := f.rt.count()
	for _, text := range []string{`say "hi"`, `back\slash`, strings.Repeat("x", 201), "tab\x00"} {
		_, err := f.svc.SearchSpaces(context.Background(), text, "")
		wantCode(t, err, CodeInvalidSearch)
	}
	_, err := f.svc.SearchSpaces(context.Background(), "", "../../x?y")
	wantCode(t, err, CodeInvalidPageToken)
	if f.rt.count() != before {
		t.Fatal("a request was sent")
	}
}

func TestNonAdminIsToldTheyLackThePrivilege(t *testing.T) {
	f := adminFixture(t, emulator.DemoNonAdminEmail)
	_, err := f.svc.SearchSpaces(context.Background(), "", "")
	p := wantCode(t, err, CodeNotAdmin)
	if !strings.Contains(p.Message, "administrator privilege") {
		t.Fatalf("message %q", p.Message)
	}
	_, err = f.svc.ListMembers(context.Background(), "spaces/"+emulator.DemoExternalSpaceID, ListMembersOptions{Admin: true})
	wantCode(t, err, CodeNotAdmin)
}

func TestAdminWithoutScopeIsAskedForIt(t *testing.T) {
	f := newFixture(t, nil, ScopeSpacesReadonly, ScopeMemberships)
	_, err := f.svc.SearchSpaces(context.Background(), "", "")
	if p := wantCode(t, err, CodeScopeMissing); p.Params["scope"] != ScopeAdminSpacesReadonly {
		t.Fatalf("params %v", p.Params)
	}
}

func TestAdminAddListRemoveInSpaceAdminIsNotIn(t *testing.T) {
	f := adminFixture(t, emulator.DemoAdminEmail)
	ctx := context.Background()
	space := "spaces/" + emulator.DemoNotMemberSpaceID
	m, err := f.svc.AdminAddPerson(ctx, space, emulator.DemoJoinerEmail)
	if err != nil || m.State != "JOINED" || !strings.HasPrefix(m.SpaceDisplayName, "Board Prep") {
		t.Fatalf("%v %+v", err, m)
	}
	again, err := f.svc.AdminAddPerson(ctx, space, emulator.DemoJoinerEmail)
	if err != nil || !again.AlreadyMember {
		t.Fatalf("again: %v %+v", err, again)
	}
	l, err := f.svc.ListMembers(ctx, space, ListMembersOptions{Admin: true})
	if err != nil || len(l.Members) != 4 {
		t.Fatalf("list: %v %d", err, len(l.Members))
	}
	gone, err := f.svc.RemoveMember(ctx, m.Name, RemoveOptions{Admin: true})
	if err != nil || gone.Name != m.Name {
		t.Fatalf("remove: %v %+v", err, gone)
	}
	if l, _ = f.svc.ListMembers(ctx, space, ListMembersOptions{Admin: true}); len(l.Members) != 3 {
		t.Fatalf("after remove: %d", len(l.Members))
	}
}

func TestAdminRefusesAppsAndOutsidersBeforeSending(t *testing.T) {
	f := adminFixture(t, emulator.DemoAdminEmail)
	before := f.rt.count()
	space := "spaces/" + emulator.DemoExternalSpaceID
	_, err := f.svc.AdminAddPerson(context.Background(), space, "users/app")
	wantCode(t, err, CodeAdminNoApps)
	_, err = f.svc.AdminAddPerson(context.Background(), space, emulator.DemoExternalEmail)
	wantCode(t, err, CodeAdminOutsider)
	_, err = f.svc.AdminAddMember(context.Background(), space, "users/app", RoleAssistantManager)
	wantCode(t, err, CodeAdminNoApps)
	_, err = f.svc.AdminAddMember(context.Background(), space, emulator.DemoExternalEmail, RoleAssistantManager)
	wantCode(t, err, CodeAdminOutsider)
	_, err = f.svc.RemoveMember(context.Background(), space+"/members/../x", RemoveOptions{Admin: true})
	wantCode(t, err, CodeInvalidMembership)
	_, err = f.svc.RemoveMember(context.Background(), space+"/members/app", RemoveOptions{Admin: true})
	wantCode(t, err, CodeAdminNoApps)
	if f.rt.count() != before {
		t.Fatal("a request was sent")
	}
}

func TestAddGroup(t *testing.T) {
	f := adminFixture(t, emulator.DemoAdminEmail)
	ctx := context.Background()
	grp := "groups/" + emulator.DemoData().GroupByEmail(emulator.DemoGroupEmail).ID
	m, err := f.svc.AddGroup(ctx, "spaces/"+emulator.DemoExternalSpaceID, grp, false)
	if err != nil || m.MemberName != grp || m.MemberType != MemberGroup || m.AlreadyMember {
		t.Fatalf("%v %+v", err, m)
	}
	m, err = f.svc.AddGroup(ctx, "spaces/"+emulator.DemoExternalSpaceID, grp, false)
	if err != nil || !m.AlreadyMember {
		t.Fatalf("again: %v %+v", err, m)
	}
	// With admin access, into a space the admin is not in.
	if _, err = f.svc.AddGroup(ctx, "spaces/"+emulator.DemoNotMemberSpaceID, grp, true); err != nil {
		t.Fatal(err)
	}
	before := f.rt.count()
	_, err = f.svc.AddGroup(ctx, "spaces/"+emulator.DemoExternalSpaceID, "groups/../x", false)
	wantCode(t, err, CodeInvalidGroup)
	if f.rt.count() != before {
		t.Fatal("a request was sent for a bad group name")
	}
	_, err = f.svc.AddGroup(ctx, "spaces/"+emulator.DemoQuietGroupChatID, grp, false)
	wantCode(t, err, CodeGroupNamedSpaces)
	// A well-formed id that names no group: not "space not found".
	_, err = f.svc.AddGroup(ctx, "spaces/"+emulator.DemoExternalSpaceID, "groups/0nosuchgroup00", false)
	wantCode(t, err, CodeGroupUnknown)
	_, err = f.svc.AdminAddPerson(ctx, "spaces/"+emulator.DemoNotMemberSpaceID, "nobody.here@example.com")
	wantCode(t, err, CodePersonNotFound)
}

// BenchmarkServiceSearchSpaces10k pages with admin access through every one of 10,000 spaces of
// the organisation (ten pages of 1,000), the app's path against the emulator.
func BenchmarkServiceSearchSpaces10k(b *testing.B) {
	f := newFixture(b, emulator.GenerateDataset(10000, 20), adminScopes...)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		n, tok := 0, ""
		for {
			p, err := f.svc.SearchSpaces(ctx, "", tok)
			if err != nil {
				b.Fatal(err)
			}
			n += len(p.Spaces)
			if tok = p.NextPageToken; tok == "" {
				break
			}
		}
		if n != 10000 {
			b.Fatalf("%d spaces", n)
		}
	}
}

// The one member API with Admin set: listed with admin access (no apps, groups kept), actions
// offered as to an owner, and role changes, removals and cancelled invitations made with admin
// access, which Google accepts where the user's own role (a manager here) would not.
func TestAdminMemberListAndActions(t *testing.T) {
	f := adminFixture(t, emulator.DemoAdminEmail)
	ctx := context.Background()
	l, err := f.svc.ListMembers(ctx, rolesSpace, ListMembersOptions{Admin: true, PageSize: 3})
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(l.Members, func(m Member) bool { return m.Kind == KindApp }) {
		t.Fatal("an app was listed with admin access")
	}
	rowOf(t, l, func(m Member) bool { return m.Kind == KindGroup })
	if !slices.IsSortedFunc(l.Members, compareMembers) || l.Invited != 1 {
		t.Fatalf("sorted %v, invited %d", slices.IsSortedFunc(l.Members, compareMembers), l.Invited)
	}
	// The admin's own role is still theirs; what they may do is an owner's.
	if l.MyRole != RoleAssistantManager || !slices.Equal(l.AddRoles, []Role{RoleMember, RoleAssistantManager, RoleOwner}) {
		t.Fatalf("my role %s, add roles %v", l.MyRole, l.AddRoles)
	}
	zanele := rowOf(t, l, byEmail("zanele.dlamini@example.com"))
	if !zanele.May.Remove || !slices.Equal(zanele.May.Roles, []Role{RoleOwner, RoleMember}) {
		t.Fatalf("another manager, as an owner sees her: %+v", zanele.May)
	}
	owner := rowOf(t, l, byEmail(emulator.DemoRolesSpaceOwnerEmail))
	if owner.May.Remove || len(owner.May.Roles) != 0 {
		t.Fatalf("the last owner may not be removed or demoted, even by an admin: %+v", owner.May)
	}

	kwame := membershipOf(t, rolesSpace, "kwame.mensah@example.com")
	_, err = f.svc.SetRole(ctx, kwame, RoleOwner, ManageOptions{})
	wantCode(t, err, CodeRoleNotAllowed) // as a manager: refused
	m, err := f.svc.SetRole(ctx, kwame, RoleOwner, ManageOptions{Admin: true})
	if err != nil || m.Role != RoleOwner {
		t.Fatalf("admin set role: %v %+v", err, m)
	}
	_, err = f.svc.RemoveMember(ctx, membershipOf(t, rolesSpace, "zanele.dlamini@example.com"), RemoveOptions{Admin: true})
	if err != nil {
		t.Fatalf("admin removes a manager: %v", err)
	}
	inv := rowOf(t, l, func(m Member) bool { return m.State == StateInvited })
	if _, err = f.svc.CancelInvitation(ctx, inv.Name, ManageOptions{Admin: true}); err != nil {
		t.Fatalf("admin cancels an invitation: %v", err)
	}
	_, err = f.svc.RemoveMember(ctx, rolesSpace+"/members/"+emulator.DemoAppUserID, RemoveOptions{Admin: true})
	wantCode(t, err, CodeAdminNoApps)
	// Themself: the second confirmation is needed with admin access too.
	_, err = f.svc.RemoveMember(ctx, membershipOf(t, rolesSpace, emulator.DemoAdminEmail), RemoveOptions{Admin: true})
	wantCode(t, err, CodeConfirmLeave)

	after, err := f.svc.ListMembers(ctx, rolesSpace, ListMembersOptions{Admin: true})
	if err != nil || len(after.Members) != len(l.Members)-2 || after.Invited != 0 {
		t.Fatalf("after: %v, %d members (was %d), %d invited", err, len(after.Members), len(l.Members), after.Invited)
	}
}

// An administrator lists a space they are not in: no role of their own, an owner's actions.
func TestAdminListsSpaceTheyAreNotIn(t *testing.T) {
	f := adminFixture(t, emulator.DemoAdminEmail)
	l, err := f.svc.ListMembers(context.Background(), "spaces/"+emulator.DemoNotMemberSpaceID, ListMembersOptions{Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	if l.MyRole != "" || slices.ContainsFunc(l.Members, func(m Member) bool { return m.Me }) || len(l.Members) != 3 {
		t.Fatalf("my role %q, %d members", l.MyRole, len(l.Members))
	}
	if m := rowOf(t, l, func(m Member) bool { return m.Role == RoleMember }); !m.May.Remove || len(m.May.Roles) != 2 {
		t.Fatalf("a member, as an admin sees them: %+v", m.May)
	}
	// Without admin access the same space is out of reach.
	_, err = f.svc.ListMembers(context.Background(), "spaces/"+emulator.DemoNotMemberSpaceID, ListMembersOptions{})
	wantCode(t, err, CodeSpaceNotFound)
}
