package chat

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"chatmembers/backend/emulator"
)

// Member list, roles, removal and invitations through the app's Service, against the emulator
// over loopback HTTP. In emulator.DemoRolesSpaceID the demo admin is a manager
// (ROLE_ASSISTANT_MANAGER), DemoRolesSpaceOwnerEmail the only owner; in DemoInternalSpaceID the
// admin is the only owner.

var manageScopes = []string{"chat.spaces.readonly", "chat.memberships", "chat.memberships.app"}

var (
	rolesSpace    = "spaces/" + emulator.DemoRolesSpaceID
	internalSpace = "spaces/" + emulator.DemoInternalSpaceID
)

// membershipOf is the canonical membership name of a demo person in a space.
func membershipOf(t testing.TB, space, email string) string {
	t.Helper()
	u := emulator.DemoData().UserByEmail(email)
	if u == nil {
		t.Fatalf("no demo user %s", email)
	}
	return space + "/members/" + u.ID
}

// as is a fixture on srv signed in as email, who knows their own address.
func as(t testing.TB, srv *emulator.Server, email string, scopes ...string) *fixture {
	t.Helper()
	tok, err := srv.IssueToken(email, scopes...)
	if err != nil {
		t.Fatal(err)
	}
	f := newFixtureToken(t, srv, tok)
	f.svc = f.svc.WithCallerEmail(email)
	return f
}

func manageFixture(t testing.TB) *fixture {
	t.Helper()
	f := newFixture(t, nil, manageScopes...)
	f.svc = f.svc.WithCallerEmail(emulator.DemoAdminEmail)
	return f
}

func rowOf(t *testing.T, l MemberList, pred func(Member) bool) Member {
	t.Helper()
	i := slices.IndexFunc(l.Members, pred)
	if i < 0 {
		t.Fatal("row not found")
	}
	return l.Members[i]
}

func byEmail(email string) func(Member) bool { return func(m Member) bool { return m.Email == email } }

func TestListMembersEveryPageSortedWithMeAndActions(t *testing.T) {
	f := manageFixture(t)
	d := emulator.DemoData()
	want := 0
	for _, m := range d.Memberships {
		if m.SpaceID == emulator.DemoRolesSpaceID {
			want++
		}
	}
	l, err := f.svc.ListMembers(context.Background(), rolesSpace, ListMembersOptions{PageSize: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Members) != want {
		t.Fatalf("%d members, want every one of the %d (invited and the group included)", len(l.Members), want)
	}
	lists := 0
	for _, r := range f.rt.requests() {
		if strings.HasSuffix(r, "/members") {
			lists++
		}
	}
	if wantPages := (want + 2) / 3; lists != wantPages {
		t.Errorf("%d list requests, want %d pages of 3", lists, wantPages)
	}
	// Order: owners, managers, members; joined before invited; people, groups, apps; by name.
	var got []string
	for _, m := range l.Members {
		got = append(got, string(m.Role)+"|"+string(m.State)+"|"+string(m.Kind)+"|"+m.label())
	}
	if !slices.IsSortedFunc(l.Members, compareMembers) {
		t.Fatalf("not sorted: %q", got)
	}
	first, last := l.Members[0], l.Members[len(l.Members)-1]
	if first.Email != emulator.DemoRolesSpaceOwnerEmail || last.State != StateInvited {
		t.Fatalf("first %+v, last %+v; order %q", first, last, got)
	}
	if l.Members[1].Role != RoleAssistantManager || l.Members[1].DisplayName != "Alex Rivera" {
		t.Fatalf("second row %+v, want the admin as manager", l.Members[1])
	}
	g := rowOf(t, l, func(m Member) bool { return m.Kind == KindGroup })
	app := rowOf(t, l, func(m Member) bool { return m.Kind == KindApp })
	if g.Role != "" || g.MemberName != "groups/"+emulator.DemoGroupID(emulator.DemoRolesGroupEmail) || app.MemberName == "" {
		t.Fatalf("group %+v app %+v", g, app)
	}
	if l.Joined != want-1 || l.Invited != 1 {
		t.Fatalf("counts joined %d invited %d", l.Joined, l.Invited)
	}

	// The signed-in user, their role, and what they may do as a manager.
	me := rowOf(t, l, func(m Member) bool { return m.Me })
	if me.Email != emulator.DemoAdminEmail || l.MyRole != RoleAssistantManager || slices.ContainsFunc(l.Members, func(m Member) bool { return m.Me && m.Name != me.Name }) {
		t.Fatalf("me %+v, my role %s", me, l.MyRole)
	}
	owner := rowOf(t, l, byEmail(emulator.DemoRolesSpaceOwnerEmail))
	kwame := rowOf(t, l, byEmail("kwame.mensah@example.com"))
	zanele := rowOf(t, l, byEmail("zanele.dlamini@example.com"))
	for _, c := range []struct {
		name string
		got  MemberActions
		want MemberActions
	}{
		{"owner", owner.May, MemberActions{Roles: []Role{}}},
		{"other manager", zanele.May, MemberActions{Roles: []Role{RoleMember}}},
		{"member", kwame.May, MemberActions{Roles: []Role{RoleAssistantManager}, Remove: true}},
		{"me", me.May, MemberActions{Roles: []Role{RoleMember}, Remove: true}},
		{"invited", last.May, MemberActions{Roles: []Role{RoleAssistantManager}, CancelInvitation: true}},
		{"group", g.May, MemberActions{Roles: []Role{}, Remove: true}},
	} {
		if !slices.Equal(c.got.Roles, c.want.Roles) || c.got.Remove != c.want.Remove || c.got.CancelInvitation != c.want.CancelInvitation {
			t.Errorf("%s: may %+v, want %+v", c.name, c.got, c.want)
		}
	}
	if !slices.Equal(l.AddRoles, []Role{RoleMember, RoleAssistantManager}) {
		t.Errorf("add roles %v", l.AddRoles)
	}
}

func TestListMembersMarksMeByIDAndOutsiders(t *testing.T) {
	d := emulator.DemoData()
	f := newFixture(t, nil, manageScopes...)
	f.svc = f.svc.WithCallerID(d.UserByEmail(emulator.DemoAdminEmail).ID)
	l, err := f.svc.ListMembers(context.Background(), "spaces/AAAAp6Fv1Jc", ListMembersOptions{}) // Partner: BrightPath
	if err != nil {
		t.Fatal(err)
	}
	if me := rowOf(t, l, func(m Member) bool { return m.Me }); me.Email != emulator.DemoAdminEmail || l.MyRole != RoleOwner {
		t.Fatalf("me %+v role %s", me, l.MyRole)
	}
	if ext := rowOf(t, l, byEmail(emulator.DemoExternalEmail)); !ext.External {
		t.Fatalf("external consultant not marked: %+v", ext)
	}
	if in := rowOf(t, l, byEmail(emulator.DemoSecondAdminEmail)); in.External {
		t.Fatalf("colleague marked external: %+v", in)
	}
}

func TestListMembersValidatesBeforeSending(t *testing.T) {
	f := manageFixture(t)
	for _, bad := range []string{"spaces/AAAA/../BBBB", "spaces/", "AAAAq3Tz9Ek", "spaces/a?b"} {
		_, err := f.svc.ListMembers(context.Background(), bad, ListMembersOptions{})
		wantCode(t, err, CodeInvalidSpace)
	}
	_, err := f.svc.ListMembers(context.Background(), "spaces/"+emulator.DemoNotMemberSpaceID, ListMembersOptions{})
	wantCode(t, err, CodeSpaceNotFound)
	if n := f.rt.count(); n != 1 {
		t.Fatalf("%d requests, want only the one for the space that exists", n)
	}
}

func TestAddMemberWithRole(t *testing.T) {
	ctx := context.Background()
	t.Run("owner adds a manager: create, then patch", func(t *testing.T) {
		f := manageFixture(t)
		r, err := f.svc.AddMember(ctx, internalSpace, emulator.DemoJoinerEmail, RoleAssistantManager)
		if err != nil || r.RoleProblem != nil || r.Membership.Role != RoleAssistantManager || r.RequestedRole != RoleAssistantManager {
			t.Fatalf("%+v %v", r, err)
		}
		reqs := strings.Join(f.rt.requests(), "; ")
		if !strings.Contains(reqs, "POST ") || !strings.Contains(reqs, "PATCH ") {
			t.Fatalf("requests %s", reqs)
		}
		l, _ := f.svc.ListMembers(ctx, internalSpace, ListMembersOptions{})
		if m := rowOf(t, l, byEmail(emulator.DemoJoinerEmail)); m.Role != RoleAssistantManager {
			t.Fatalf("listed as %s", m.Role)
		}
	})
	t.Run("manager asks for an owner: added as member, role refused in the result", func(t *testing.T) {
		f := manageFixture(t)
		r, err := f.svc.AddMember(ctx, rolesSpace, emulator.DemoJoinerEmail, RoleOwner)
		if err != nil || r.Membership.Name == "" || r.Membership.Role != RoleMember || r.RoleProblem == nil ||
			r.RoleProblem.Code != CodeRoleNotAllowed || r.RequestedRole != RoleOwner {
			t.Fatalf("%+v (role problem %+v) %v", r, r.RoleProblem, err)
		}
		if !strings.Contains(r.RoleProblem.Fix, "only an owner can make someone an owner") {
			t.Errorf("role problem's fix says %q", r.RoleProblem.Fix)
		}
	})
	t.Run("member role needs no patch", func(t *testing.T) {
		f := manageFixture(t)
		if r, err := f.svc.AddMember(ctx, internalSpace, emulator.DemoJoinerEmail, RoleMember); err != nil || r.Membership.Role != RoleMember {
			t.Fatalf("%+v %v", r, err)
		}
		if slices.ContainsFunc(f.rt.requests(), func(r string) bool { return strings.HasPrefix(r, "PATCH") }) {
			t.Fatal("patched a member role")
		}
	})
	t.Run("refused before sending", func(t *testing.T) {
		f := manageFixture(t)
		_, err := f.svc.AddMember(ctx, internalSpace, emulator.DemoJoinerEmail, "ROLE_GOD")
		wantCode(t, err, CodeInvalidRole)
		_, err = f.svc.AddMember(ctx, internalSpace, "not an address", RoleAssistantManager)
		wantCode(t, err, CodeInvalidEmail)
		if n := f.rt.count(); n != 0 {
			t.Fatalf("%d requests sent", n)
		}
		_, err = f.svc.AddMember(ctx, "spaces/"+emulator.DemoQuietGroupChatID, emulator.DemoJoinerEmail, RoleAssistantManager)
		wantCode(t, err, CodeRolesOnlyInSpaces)
		if slices.ContainsFunc(f.rt.requests(), func(r string) bool { return !strings.HasPrefix(r, "GET ") }) {
			t.Fatalf("wrote to a group chat: %v", f.rt.requests())
		}
	})
}

func TestSetRole(t *testing.T) {
	ctx := context.Background()
	t.Run("owner makes a manager", func(t *testing.T) {
		f := manageFixture(t)
		m, err := f.svc.SetRole(ctx, membershipOf(t, internalSpace, emulator.DemoSecondAdminEmail), RoleAssistantManager, ManageOptions{})
		if err != nil || m.Role != RoleAssistantManager || m.Email != emulator.DemoSecondAdminEmail {
			t.Fatalf("%+v %v", m, err)
		}
	})
	t.Run("the last owner can't step down", func(t *testing.T) {
		f := manageFixture(t)
		_, err := f.svc.SetRole(ctx, membershipOf(t, internalSpace, emulator.DemoAdminEmail), RoleMember, ManageOptions{})
		p := wantCode(t, err, CodeLastOwner)
		if !strings.Contains(p.Fix, "Make someone else an owner first") {
			t.Errorf("fix %q", p.Fix)
		}
	})
	t.Run("a manager can't make an owner", func(t *testing.T) {
		f := manageFixture(t)
		_, err := f.svc.SetRole(ctx, membershipOf(t, rolesSpace, "kwame.mensah@example.com"), RoleOwner, ManageOptions{})
		wantCode(t, err, CodeRoleNotAllowed)
	})
	t.Run("the app has no role, refused before writing", func(t *testing.T) {
		f := manageFixture(t)
		_, err := f.svc.SetRole(ctx, rolesSpace+"/members/"+emulator.DemoAppUserID, RoleAssistantManager, ManageOptions{})
		wantCode(t, err, CodeNoRole)
		if slices.ContainsFunc(f.rt.requests(), func(r string) bool { return strings.HasPrefix(r, "PATCH") }) {
			t.Fatal("patch sent for the app")
		}
	})
	t.Run("someone who just left", func(t *testing.T) {
		f := manageFixture(t)
		name := membershipOf(t, internalSpace, emulator.DemoSecondAdminEmail)
		priya := as(t, f.srv, emulator.DemoSecondAdminEmail, manageScopes...)
		if _, err := priya.svc.RemoveMember(ctx, name, RemoveOptions{ConfirmedSelf: true}); err != nil {
			t.Fatal(err)
		}
		_, err := f.svc.SetRole(ctx, name, RoleAssistantManager, ManageOptions{})
		wantCode(t, err, CodeMemberGone)
	})
	t.Run("bad names and roles are refused before sending", func(t *testing.T) {
		f := manageFixture(t)
		for _, bad := range []string{internalSpace + "/members/../x", internalSpace, internalSpace + "/members/a@b.com", "spaces/x/members/1/2"} {
			_, err := f.svc.SetRole(ctx, bad, RoleAssistantManager, ManageOptions{})
			wantCode(t, err, CodeInvalidMembership)
		}
		_, err := f.svc.SetRole(ctx, membershipOf(t, internalSpace, emulator.DemoSecondAdminEmail), "owner", ManageOptions{})
		wantCode(t, err, CodeInvalidRole)
		if n := f.rt.count(); n != 0 {
			t.Fatalf("%d requests sent", n)
		}
	})
}

func TestRemoveMember(t *testing.T) {
	ctx := context.Background()
	t.Run("a manager removes a member", func(t *testing.T) {
		f := manageFixture(t)
		name := membershipOf(t, rolesSpace, "kwame.mensah@example.com")
		m, err := f.svc.RemoveMember(ctx, name, RemoveOptions{})
		if err != nil || m.Name != name || m.State != StateJoined {
			t.Fatalf("%+v %v", m, err)
		}
		l, _ := f.svc.ListMembers(ctx, rolesSpace, ListMembersOptions{})
		if slices.ContainsFunc(l.Members, byEmail("kwame.mensah@example.com")) {
			t.Fatal("still listed")
		}
	})
	t.Run("a manager can't remove the owner", func(t *testing.T) {
		f := manageFixture(t)
		_, err := f.svc.RemoveMember(ctx, membershipOf(t, rolesSpace, emulator.DemoRolesSpaceOwnerEmail), RemoveOptions{})
		wantCode(t, err, CodeRemoveNotAllowed)
	})
	t.Run("removing yourself needs the second confirmation", func(t *testing.T) {
		f := manageFixture(t)
		name := membershipOf(t, rolesSpace, emulator.DemoAdminEmail)
		_, err := f.svc.RemoveMember(ctx, name, RemoveOptions{})
		wantCode(t, err, CodeConfirmLeave)
		if slices.ContainsFunc(f.rt.requests(), func(r string) bool { return strings.HasPrefix(r, "DELETE") }) {
			t.Fatal("delete sent without the confirmation")
		}
		if m, err := f.svc.RemoveMember(ctx, name, RemoveOptions{ConfirmedSelf: true}); err != nil || !m.Me {
			t.Fatalf("confirmed: %+v %v", m, err)
		}
	})
	t.Run("the last owner can't leave while others remain", func(t *testing.T) {
		f := manageFixture(t)
		_, err := f.svc.RemoveMember(ctx, membershipOf(t, internalSpace, emulator.DemoAdminEmail), RemoveOptions{ConfirmedSelf: true})
		p := wantCode(t, err, CodeLastOwner)
		if !strings.Contains(p.Fix, "Make someone else an owner first") {
			t.Errorf("fix %q", p.Fix)
		}
	})
	t.Run("the app, with its scope", func(t *testing.T) {
		f := manageFixture(t)
		m, err := f.svc.RemoveMember(ctx, rolesSpace+"/members/"+emulator.DemoAppUserID, RemoveOptions{})
		if err != nil || m.Kind != KindApp {
			t.Fatalf("%+v %v", m, err)
		}
	})
	t.Run("someone who just left", func(t *testing.T) {
		f := manageFixture(t)
		name := membershipOf(t, internalSpace, emulator.DemoSecondAdminEmail)
		if _, err := f.svc.RemoveMember(ctx, name, RemoveOptions{}); err != nil {
			t.Fatal(err)
		}
		_, err := f.svc.RemoveMember(ctx, name, RemoveOptions{})
		wantCode(t, err, CodeMemberGone)
	})
}

func TestCancelInvitation(t *testing.T) {
	ctx := context.Background()
	invitee := membershipOf(t, rolesSpace, emulator.DemoNoAutoAcceptEmail)
	t.Run("withdraws it", func(t *testing.T) {
		f := manageFixture(t)
		m, err := f.svc.CancelInvitation(ctx, invitee, ManageOptions{})
		if err != nil || m.State != StateInvited || m.Name != invitee {
			t.Fatalf("%+v %v", m, err)
		}
		l, _ := f.svc.ListMembers(ctx, rolesSpace, ListMembersOptions{})
		if l.Invited != 0 {
			t.Fatalf("%d invitations left", l.Invited)
		}
	})
	t.Run("accepted in the meantime", func(t *testing.T) {
		f := manageFixture(t)
		form := url.Values{"member": {strings.TrimPrefix(invitee, rolesSpace+"/members/")}}
		req, _ := http.NewRequest("POST", f.srv.URL()+"/chat/room/"+emulator.DemoRolesSpaceID+"/accept", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", f.srv.URL())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		_, err = f.svc.CancelInvitation(ctx, invitee, ManageOptions{})
		wantCode(t, err, CodeNotInvited)
		l, _ := f.svc.ListMembers(ctx, rolesSpace, ListMembersOptions{})
		if m := rowOf(t, l, func(m Member) bool { return m.Name == invitee }); m.State != StateJoined {
			t.Fatalf("after accepting: %+v", m)
		}
	})
}

// A delete whose answer is lost after it was carried out is retried; the retry's 404 is this
// call's own removal, not "they just left".
func TestRemoveMemberRetriedAfterLostAnswer(t *testing.T) {
	for _, kind := range []emulator.FaultKind{emulator.FaultUnavailableAfter, emulator.FaultResetAfter} {
		t.Run(string(kind), func(t *testing.T) {
			f := newFaultFixture(t, emulator.Faults{Rate: 1, Kinds: []emulator.FaultKind{kind}, Limit: 1, Methods: []string{"DELETE"}})
			svc := f.svc.WithCallerEmail(emulator.DemoAdminEmail).WithRetry(fastRetry(1))
			name := membershipOf(t, internalSpace, emulator.DemoSecondAdminEmail)
			m, err := svc.RemoveMember(context.Background(), name, RemoveOptions{})
			if err != nil || m.Name != name {
				t.Fatalf("%+v %v", m, err)
			}
			if n := countPrefix(f.rt.requests(), "DELETE"); n != 2 {
				t.Fatalf("%d deletes, want 2 (one retried): %v", n, f.rt.requests())
			}
		})
	}
}

// A role change that meets a transient failure before Google acted is retried and done.
func TestSetRoleRetriedAfterTransientFailure(t *testing.T) {
	f := newFaultFixture(t, emulator.Faults{Rate: 1, Kinds: []emulator.FaultKind{emulator.FaultQuota}, Limit: 1, Methods: []string{"PATCH"}})
	svc := f.svc.WithRetry(fastRetry(1))
	m, err := svc.SetRole(context.Background(), membershipOf(t, internalSpace, emulator.DemoSecondAdminEmail), RoleOwner, ManageOptions{})
	if err != nil || m.Role != RoleOwner || countPrefix(f.rt.requests(), "PATCH") != 2 {
		t.Fatalf("%+v %v after %v", m, err, f.rt.requests())
	}
}
