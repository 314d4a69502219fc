package emulator_test

import (
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	chat "google.golang.org/api/chat/v1"

	"chatmembers/backend/emulator"
)

// Roles, groups, invitations and removals: the rules of spaces.members.list, patch and delete
// that a member list with actions relies on, through the unmodified chat/v1 client.

var rolesSpace = "spaces/" + emulator.DemoRolesSpaceID

func rolesMember(email string) string { return rolesSpace + "/members/" + email }

func listAll(tb testing.TB, svc *chat.Service, space string, opts func(*chat.SpacesMembersListCall) *chat.SpacesMembersListCall) []*chat.Membership {
	tb.Helper()
	ms, _ := listAllMembers(tb, func(tok string) *chat.SpacesMembersListCall {
		return opts(svc.Spaces.Members.List(space).PageToken(tok))
	})
	return ms
}

func noOpts(c *chat.SpacesMembersListCall) *chat.SpacesMembersListCall { return c }

func TestListMembersShowGroupsOnlyWhenAsked(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	svc := chatAs(t, srv, emulator.DemoAdminEmail, membRO)
	isGroup := func(m *chat.Membership) bool { return m.GroupMember != nil }
	if ms := listAll(t, svc, rolesSpace, noOpts); slices.ContainsFunc(ms, isGroup) {
		t.Fatal("a group membership listed without showGroups")
	}
	all := listAll(t, svc, rolesSpace, func(c *chat.SpacesMembersListCall) *chat.SpacesMembersListCall {
		return c.ShowGroups(true)
	})
	i := slices.IndexFunc(all, isGroup)
	if i < 0 {
		t.Fatal("showGroups: no group membership")
	}
	g := all[i]
	wantName := "groups/" + emulator.DemoGroupID(emulator.DemoRolesGroupEmail)
	if g.GroupMember.Name != wantName || g.Member != nil || g.Role != "" || g.State != "JOINED" ||
		g.Name != rolesSpace+"/members/"+emulator.DemoGroupID(emulator.DemoRolesGroupEmail) {
		t.Fatalf("group membership %+v (group %+v), want %s without member or role", g, g.GroupMember, wantName)
	}
	// The filter applies to groups too: a group has no member, so "!= BOT" keeps it and
	// "= HUMAN" drops it.
	withFilter := func(f string) []*chat.Membership {
		return listAll(t, svc, rolesSpace, func(c *chat.SpacesMembersListCall) *chat.SpacesMembersListCall {
			return c.ShowGroups(true).Filter(f)
		})
	}
	if !slices.ContainsFunc(withFilter(`member.type != "BOT"`), isGroup) {
		t.Error(`member.type != "BOT" drops the group`)
	}
	if slices.ContainsFunc(withFilter(`member.type = "HUMAN"`), isGroup) {
		t.Error(`member.type = "HUMAN" keeps the group`)
	}
	// The group can be fetched by its membership name.
	if got, err := svc.Spaces.Members.Get(g.Name).Do(); err != nil || got.GroupMember == nil {
		t.Fatalf("get group membership: %+v %v", got, err)
	}
	sp, err := chatAs(t, srv, emulator.DemoAdminEmail, spacesRO).Spaces.Get(rolesSpace).Do()
	if err != nil || sp.MembershipCount.JoinedGroupCount != 1 {
		t.Fatalf("joinedGroupCount: %+v %v", sp.MembershipCount, err)
	}
}

func TestListMembersInvitedOnlyWhenAsked(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	svc := chatAs(t, srv, emulator.DemoAdminEmail, membRO)
	invited := func(m *chat.Membership) bool { return m.State == "INVITED" }
	if slices.ContainsFunc(listAll(t, svc, rolesSpace, noOpts), invited) {
		t.Fatal("an invitation listed without showInvited")
	}
	ms := listAll(t, svc, rolesSpace, func(c *chat.SpacesMembersListCall) *chat.SpacesMembersListCall {
		return c.ShowInvited(true)
	})
	i := slices.IndexFunc(ms, invited)
	if i < 0 || ms[i].Member.Name != "users/"+userID(t, emulator.DemoNoAutoAcceptEmail) {
		t.Fatalf("showInvited: %v", ms)
	}
}

func TestListMembersDefaultPageIs100(t *testing.T) {
	srv := startChat(t, emulator.Options{Data: emulator.GenerateMembersDataset(250)})
	svc := chatAs(t, srv, emulator.DemoAdminEmail, membRO)
	space := "spaces/" + emulator.BigSpaceID
	resp, err := svc.Spaces.Members.List(space).ShowInvited(true).ShowGroups(true).Do()
	if err != nil || len(resp.Memberships) != 100 || resp.NextPageToken == "" {
		t.Fatalf("first page: %d, token %q, %v", len(resp.Memberships), resp.NextPageToken, err)
	}
	all := listAll(t, svc, space, func(c *chat.SpacesMembersListCall) *chat.SpacesMembersListCall {
		return c.ShowInvited(true).ShowGroups(true)
	})
	if len(all) != 250 {
		t.Fatalf("%d memberships over all pages, want 250", len(all))
	}
}

func TestListMembersFilterGroupsOfTerms(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	svc := chatAs(t, srv, emulator.DemoAdminEmail, membRO)
	all := listAll(t, svc, rolesSpace, func(c *chat.SpacesMembersListCall) *chat.SpacesMembersListCall {
		return c.ShowGroups(true).ShowInvited(true)
	})
	human := func(m *chat.Membership) bool { return m.Member != nil && m.Member.Type == "HUMAN" }
	for _, c := range []struct {
		filter string
		pred   func(*chat.Membership) bool
	}{
		{`(role = "ROLE_MANAGER" OR role = "ROLE_ASSISTANT_MANAGER") AND member.type = "HUMAN"`,
			func(m *chat.Membership) bool { return human(m) && m.Role != "ROLE_MEMBER" }},
		// AIP-160: OR binds tighter than AND.
		{`member.type = "HUMAN" AND role = "ROLE_MANAGER" OR role = "ROLE_ASSISTANT_MANAGER"`,
			func(m *chat.Membership) bool { return human(m) && m.Role != "ROLE_MEMBER" }},
		{`member.type != "BOT" AND role = "ROLE_MEMBER"`,
			func(m *chat.Membership) bool { return human(m) && m.Role == "ROLE_MEMBER" }},
		{`role = "ROLE_ASSISTANT_MANAGER"`, func(m *chat.Membership) bool { return m.Role == "ROLE_ASSISTANT_MANAGER" }},
	} {
		t.Run(c.filter, func(t *testing.T) {
			got := listAll(t, svc, rolesSpace, func(call *chat.SpacesMembersListCall) *chat.SpacesMembersListCall {
				return call.ShowGroups(true).ShowInvited(true).Filter(c.filter)
			})
			want := 0
			for _, m := range all {
				if c.pred(m) {
					want++
				}
			}
			if want == 0 || len(got) != want || slices.ContainsFunc(got, func(m *chat.Membership) bool { return !c.pred(m) }) {
				t.Fatalf("%d results, want %d matching", len(got), want)
			}
		})
	}
	for _, f := range []string{
		`(role = "ROLE_MANAGER" AND member.type = "HUMAN")`,
		`role = "ROLE_MANAGER" AND (role = "ROLE_MEMBER" OR member.type = "BOT")`,
		`member.type = "HUMAN" AND (role = "ROLE_MEMBER" OR member.type = "BOT")`,
		`((role = "ROLE_MANAGER"))`,
		`(role = "ROLE_MANAGER"`,
		`role = "ROLE_MANAGER" OR`,
		`role = "ROLE_MANAGER" AND`,
		`member.type = "HUMAN" AND member.type != "BOT"`,
	} {
		t.Run("invalid "+f, func(t *testing.T) {
			_, err := svc.Spaces.Members.List(rolesSpace).Filter(f).Do()
			wantErr(t, err, 400, "INVALID_ARGUMENT")
		})
	}
}

func TestPatchRoleRulesOfOwnersAndManagers(t *testing.T) {
	group := rolesSpace + "/members/" + emulator.DemoGroupID(emulator.DemoRolesGroupEmail)
	const member, manager, owner = "ROLE_MEMBER", "ROLE_ASSISTANT_MANAGER", "ROLE_MANAGER"
	// In DemoRolesSpaceID the admin is a manager (ROLE_ASSISTANT_MANAGER), amara.okafor the only
	// owner, zanele.dlamini the other manager, kwame.mensah a plain member.
	cases := []struct {
		name, caller, target, role string
		code                       int
		status                     string
	}{
		{"manager makes a member a manager", emulator.DemoAdminEmail, "kwame.mensah@example.com", manager, 0, ""},
		{"manager makes a manager a member", emulator.DemoAdminEmail, "zanele.dlamini@example.com", member, 0, ""},
		{"manager steps down", emulator.DemoAdminEmail, emulator.DemoAdminEmail, member, 0, ""},
		{"manager can't make an owner", emulator.DemoAdminEmail, "kwame.mensah@example.com", owner, 403, "PERMISSION_DENIED"},
		{"manager can't demote the owner", emulator.DemoAdminEmail, emulator.DemoRolesSpaceOwnerEmail, manager, 403, "PERMISSION_DENIED"},
		{"member can't change roles", "kwame.mensah@example.com", "wanjiru.kamau@example.com", manager, 403, "PERMISSION_DENIED"},
		{"owner makes a member an owner", emulator.DemoRolesSpaceOwnerEmail, "kwame.mensah@example.com", owner, 0, ""},
		{"last owner can't step down", emulator.DemoRolesSpaceOwnerEmail, emulator.DemoRolesSpaceOwnerEmail, manager, 400, "FAILED_PRECONDITION"},
		{"the app has no role", emulator.DemoRolesSpaceOwnerEmail, "app", manager, 400, "INVALID_ARGUMENT"},
		{"a group has no role", emulator.DemoRolesSpaceOwnerEmail, strings.TrimPrefix(group, rolesSpace+"/members/"), manager, 400, "INVALID_ARGUMENT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := startChat(t, emulator.Options{})
			call := chatAs(t, srv, c.caller, members).Spaces.Members.Patch(rolesMember(c.target), &chat.Membership{Role: c.role})
			m, err := call.UpdateMask("role").Do()
			if c.code != 0 {
				ge := wantErr(t, err, c.code, c.status)
				if c.status == "FAILED_PRECONDITION" && !strings.Contains(ge.Message, "at least one owner") {
					t.Errorf("last-owner message %q", ge.Message)
				}
				return
			}
			if err != nil || m.Role != c.role {
				t.Fatalf("%+v %v", m, err)
			}
		})
	}
}

func TestPatchLastOwnerMayStepDownOnceThereIsAnother(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	owner := chatAs(t, srv, emulator.DemoRolesSpaceOwnerEmail, members)
	self := rolesMember(emulator.DemoRolesSpaceOwnerEmail)
	_, err := owner.Spaces.Members.Patch(self, &chat.Membership{Role: "ROLE_MEMBER"}).UpdateMask("role").Do()
	wantErr(t, err, 400, "FAILED_PRECONDITION")
	if _, err := owner.Spaces.Members.Patch(rolesMember(emulator.DemoAdminEmail), &chat.Membership{Role: "ROLE_MANAGER"}).UpdateMask("role").Do(); err != nil {
		t.Fatal(err)
	}
	if m, err := owner.Spaces.Members.Patch(self, &chat.Membership{Role: "ROLE_MEMBER"}).UpdateMask("role").Do(); err != nil || m.Role != "ROLE_MEMBER" {
		t.Fatalf("step down with a second owner: %+v %v", m, err)
	}
}

func TestDeleteRulesOfOwnersManagersAndInvitations(t *testing.T) {
	groupSeg := emulator.DemoGroupID(emulator.DemoRolesGroupEmail)
	cases := []struct {
		name, caller, target string
		scopes               []string
		code                 int
		status, state        string
	}{
		{"manager removes a member", emulator.DemoAdminEmail, "kwame.mensah@example.com", []string{members}, 0, "", "JOINED"},
		{"manager cancels an invitation", emulator.DemoAdminEmail, emulator.DemoNoAutoAcceptEmail, []string{members}, 0, "", "INVITED"},
		{"manager removes a group", emulator.DemoAdminEmail, groupSeg, []string{members}, 0, "", "JOINED"},
		{"manager removes the app", emulator.DemoAdminEmail, "app", []string{membApp}, 0, "", "JOINED"},
		{"manager leaves", emulator.DemoAdminEmail, emulator.DemoAdminEmail, []string{members}, 0, "", "JOINED"},
		{"manager can't remove the owner", emulator.DemoAdminEmail, emulator.DemoRolesSpaceOwnerEmail, []string{members}, 403, "PERMISSION_DENIED", ""},
		{"manager can't remove another manager", emulator.DemoAdminEmail, "zanele.dlamini@example.com", []string{members}, 403, "PERMISSION_DENIED", ""},
		{"member can't cancel an invitation", "kwame.mensah@example.com", emulator.DemoNoAutoAcceptEmail, []string{members}, 403, "PERMISSION_DENIED", ""},
		{"owner removes a manager", emulator.DemoRolesSpaceOwnerEmail, emulator.DemoAdminEmail, []string{members}, 0, "", "JOINED"},
		{"last owner can't leave while others remain", emulator.DemoRolesSpaceOwnerEmail, emulator.DemoRolesSpaceOwnerEmail, []string{members}, 400, "FAILED_PRECONDITION", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := startChat(t, emulator.Options{})
			m, err := chatAs(t, srv, c.caller, c.scopes...).Spaces.Members.Delete(rolesMember(c.target)).Do()
			if c.code != 0 {
				wantErr(t, err, c.code, c.status)
				return
			}
			if err != nil || m.State != c.state || !strings.HasPrefix(m.Name, rolesSpace+"/members/") {
				t.Fatalf("deleted %+v %v, want state %s", m, err, c.state)
			}
			left := listAll(t, chatAs(t, srv, emulator.DemoRolesSpaceOwnerEmail, membRO), rolesSpace,
				func(call *chat.SpacesMembersListCall) *chat.SpacesMembersListCall {
					return call.ShowInvited(true).ShowGroups(true)
				})
			if slices.ContainsFunc(left, func(x *chat.Membership) bool { return x.Name == m.Name }) {
				t.Fatalf("%s still listed", m.Name)
			}
		})
	}
}

func TestDeleteLastOwnerMayLeaveWhenAlone(t *testing.T) {
	d := emulator.DemoData()
	admin := d.UserByEmail(emulator.DemoAdminEmail)
	d.Spaces = append(d.Spaces, &emulator.Space{ID: "AAAAlone0001", Type: emulator.SpaceTypeSpace, DisplayName: "Alone"})
	d.Memberships = append(d.Memberships, &emulator.Membership{SpaceID: "AAAAlone0001", UserID: admin.ID,
		Role: emulator.RoleManager, State: emulator.StateJoined})
	srv := startChat(t, emulator.Options{Data: d})
	if _, err := chatAs(t, srv, emulator.DemoAdminEmail, members).Spaces.Members.Delete("spaces/AAAAlone0001/members/" + admin.ID).Do(); err != nil {
		t.Fatalf("the only person leaves: %v", err)
	}
}

func TestChatWebPageAcceptsAnInvitation(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	invitee := userID(t, emulator.DemoNoAutoAcceptEmail)
	accept := func(origin, member string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest("POST", srv.URL()+"/chat/room/"+emulator.DemoRolesSpaceID+"/accept",
			strings.NewReader(url.Values{"member": {member}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	state := func() string {
		m, err := chatAs(t, srv, emulator.DemoAdminEmail, membRO).Spaces.Members.Get(rolesMember(emulator.DemoNoAutoAcceptEmail)).Do()
		if err != nil {
			t.Fatal(err)
		}
		return m.State
	}
	page := getPage(t, srv.URL()+"/chat/room/"+emulator.DemoRolesSpaceID)
	if !strings.Contains(page, `name="member" value="`+invitee+`"`) || !strings.Contains(page, "Accept as Hiroshi Tanaka") {
		t.Fatal("the page offers no Accept button for the invited person")
	}
	for _, origin := range []string{"", "http://evil.example"} {
		if r := accept(origin, invitee); r.StatusCode != http.StatusForbidden || state() != "INVITED" {
			t.Fatalf("origin %q: status %d, state %s", origin, r.StatusCode, state())
		}
	}
	if r := accept(srv.URL(), invitee); r.StatusCode != http.StatusSeeOther || state() != "JOINED" {
		t.Fatalf("accept: status %d, state %s", r.StatusCode, state())
	}
	// Accepted already, a joined member, nobody: nothing to accept.
	for _, m := range []string{invitee, userID(t, emulator.DemoRolesSpaceOwnerEmail), "../x"} {
		if r := accept(srv.URL(), m); r.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", m, r.StatusCode)
		}
	}
	if strings.Contains(getPage(t, srv.URL()+"/chat/room/"+emulator.DemoRolesSpaceID), "Accept as Hiroshi Tanaka") {
		t.Error("the page still offers Accept after accepting")
	}
}

func getPage(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A group's id is the same in Cloud Identity (groups.lookup), in a space's member list
// (groupMember and the membership's name), in spaces.get's joinedGroupCount and on the
// stand-in page; a membership created through groupMember looks like the demo's own.
func TestGroupIsOneGroupAcrossCloudIdentityChatAndThePage(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	ci := identityAs(t, srv, emulator.DemoAdminEmail, "cloud-identity.groups.readonly")
	lookup, err := ci.Groups.Lookup().GroupKeyId(emulator.DemoRolesGroupEmail).Do()
	if err != nil {
		t.Fatal(err)
	}
	svc := chatAs(t, srv, emulator.DemoAdminEmail, members, spacesRO)
	groupsIn := func(space string) []*chat.Membership {
		var gs []*chat.Membership
		for _, m := range listAll(t, svc, space, func(c *chat.SpacesMembersListCall) *chat.SpacesMembersListCall { return c.ShowGroups(true) }) {
			if m.GroupMember != nil {
				gs = append(gs, m)
			}
		}
		return gs
	}
	gs := groupsIn(rolesSpace)
	id := strings.TrimPrefix(lookup.Name, "groups/")
	if len(gs) != 1 || gs[0].GroupMember.Name != lookup.Name || gs[0].Name != rolesSpace+"/members/"+id {
		t.Fatalf("Cloud Identity says %s; the space lists %+v", lookup.Name, gs)
	}
	sp, err := svc.Spaces.Get(rolesSpace).Do()
	if err != nil || sp.MembershipCount.JoinedGroupCount != 1 {
		t.Fatalf("spaces.get: %v %+v", err, sp.MembershipCount)
	}
	if page := getPage(t, srv.URL()+"/chat/room/"+emulator.DemoRolesSpaceID); !strings.Contains(page, "Customer Support team (Google Group)") ||
		!strings.Contains(page, emulator.DemoRolesGroupEmail) {
		t.Errorf("the stand-in page does not name the group:\n%s", page)
	}

	// Added through groupMember to a space without groups: the same shape, no role, and it
	// counts, patches and deletes as the demo's group does.
	space := "spaces/" + emulator.DemoExternalSpaceID
	created, err := svc.Spaces.Members.Create(space, &chat.Membership{GroupMember: &chat.Group{Name: lookup.Name}}).Do()
	if err != nil {
		t.Fatal(err)
	}
	if created.Name != space+"/members/"+id || created.Role != "" || created.State != "JOINED" || created.Member != nil {
		t.Fatalf("created %+v", created)
	}
	if gs := groupsIn(space); len(gs) != 1 || gs[0].Name != created.Name || gs[0].Role != "" {
		t.Fatalf("listed %+v", gs)
	}
	if sp, err := svc.Spaces.Get(space).Do(); err != nil || sp.MembershipCount.JoinedGroupCount != 1 {
		t.Fatalf("spaces.get after create: %v %+v", err, sp)
	}
	_, err = svc.Spaces.Members.Patch(created.Name, &chat.Membership{Role: "ROLE_MEMBER"}).UpdateMask("role").Do()
	wantErr(t, err, 400, "INVALID_ARGUMENT")
	if _, err = svc.Spaces.Members.Delete(created.Name).Do(); err != nil {
		t.Fatal(err)
	}
	if gs := groupsIn(space); len(gs) != 0 {
		t.Fatalf("still listed after delete: %+v", gs)
	}
}
