package emulator

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func demoMember(d *Dataset, spaceID, email string) *Membership {
	u := d.UserByEmail(email)
	if u == nil {
		return nil
	}
	for _, m := range d.Memberships {
		if m.SpaceID == spaceID && m.UserID == u.ID {
			return m
		}
	}
	return nil
}

// TestDemoConstantsHoldTheirPromises checks each exported Demo* name against what its comment
// says, so tests that rely on them fail here first if the demo table changes.
func TestDemoConstantsHoldTheirPromises(t *testing.T) {
	d := DemoData()
	check := func(ok bool, what string) {
		t.Helper()
		if !ok {
			t.Error(what)
		}
	}
	admin := d.UserByEmail(DemoAdminEmail)
	check(admin != nil && admin.AutoAccept && !admin.External, "admin exists, internal, auto-accept on")
	check(d.UserByEmail(strings.ToUpper(DemoAdminEmail)) == admin, "UserByEmail ignores case")
	check(d.UserByEmail(DemoSecondAdminEmail) != nil, "second admin exists")
	na := d.UserByEmail(DemoNoAutoAcceptEmail)
	check(na != nil && !na.AutoAccept && !na.External, "no-auto-accept user is internal with auto-accept off")
	check(demoMember(d, DemoInternalSpaceID, DemoNoAutoAcceptEmail) == nil, "no-auto-accept user not in internal space")
	j := d.UserByEmail(DemoJoinerEmail)
	check(j != nil && j.AutoAccept && !j.External, "joiner is internal with auto-accept on")
	check(demoMember(d, DemoInternalSpaceID, DemoJoinerEmail) == nil, "joiner not in internal space")
	check(demoMember(d, DemoExternalSpaceID, DemoJoinerEmail) == nil, "joiner not in external space")
	ext := d.UserByEmail(DemoExternalEmail)
	check(ext != nil && ext.External && !strings.HasSuffix(ext.Email, "@"+DemoDomain), "external user is external")
	check(demoMember(d, DemoExternalSpaceID, DemoExternalEmail) == nil, "external user not yet in external space")

	in, ex := d.SpaceByID(DemoInternalSpaceID), d.SpaceByID(DemoExternalSpaceID)
	check(in != nil && in.Type == SpaceTypeSpace && !in.ExternalUserAllowed, "internal space is a SPACE without externals")
	check(ex != nil && ex.Type == SpaceTypeSpace && ex.ExternalUserAllowed, "external space allows externals")
	for _, id := range []string{DemoInternalSpaceID, DemoExternalSpaceID} {
		m := demoMember(d, id, DemoAdminEmail)
		check(m != nil && m.Role == RoleManager && m.State == StateJoined, "admin manages "+id)
	}
	m := demoMember(d, DemoMemberOnlySpaceID, DemoAdminEmail)
	check(m != nil && m.Role == RoleMember && m.State == StateJoined, "admin is a plain member of member-only space")
	check(d.SpaceByID(DemoNotMemberSpaceID) != nil && demoMember(d, DemoNotMemberSpaceID, DemoAdminEmail) == nil, "admin not in not-member space")
	dm := d.SpaceByID(DemoDirectMessageID)
	check(dm != nil && dm.Type == SpaceTypeDirectMessage && dm.HasMessages &&
		demoMember(d, DemoDirectMessageID, DemoAdminEmail) != nil &&
		demoMember(d, DemoDirectMessageID, DemoSecondAdminEmail) != nil, "DM between the two admins with messages")
	roles := func(email string) string {
		if m := demoMember(d, DemoRolesSpaceID, email); m != nil {
			return m.Role + " " + m.State
		}
		return ""
	}
	check(roles(DemoAdminEmail) == RoleAssistantManager+" "+StateJoined, "admin is a manager (assistant) of the roles space")
	check(roles(DemoRolesSpaceOwnerEmail) == RoleManager+" "+StateJoined, "roles space has its owner")
	check(roles(DemoNoAutoAcceptEmail) == RoleMember+" "+StateInvited, "no-auto-accept user is invited to the roles space")
	owners, app, group := 0, false, false
	for _, m := range d.Memberships {
		if m.SpaceID != DemoRolesSpaceID {
			continue
		}
		if m.Role == RoleManager && m.UserID != "" {
			owners++
		}
		app = app || m.UserID == d.AppUserID
		group = group || m.GroupID == DemoGroupID(DemoRolesGroupEmail)
	}
	check(owners == 1 && app && group, "roles space: one owner, the app and the demo group")
	q := d.SpaceByID(DemoQuietGroupChatID)
	check(q != nil && q.Type == SpaceTypeGroupChat && !q.HasMessages && demoMember(d, DemoQuietGroupChatID, DemoAdminEmail) != nil, "quiet group chat")
}

func TestDemoDataShape(t *testing.T) {
	d := DemoData()
	internal, external, noAuto := 0, 0, 0
	ids := map[string]bool{}
	numeric := regexp.MustCompile(`^1[0-9]{20}$`)
	for _, u := range d.Users {
		if !numeric.MatchString(u.ID) || ids[u.ID] {
			t.Errorf("user %s: id %q not a unique 21-digit number", u.Email, u.ID)
		}
		ids[u.ID] = true
		switch {
		case u.External:
			external++
		default:
			internal++
		}
		if !u.AutoAccept {
			noAuto++
		}
	}
	if internal != 40 || external != 1 || noAuto < 2 {
		t.Errorf("users: %d internal, %d external, %d without auto-accept; want 40, 1, >=2", internal, external, noAuto)
	}
	types := map[string]int{}
	spaceID := regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)
	seen := map[string]bool{}
	for _, sp := range d.Spaces {
		if !spaceID.MatchString(sp.ID) || seen[sp.ID] {
			t.Errorf("space id %q not a unique 11-character id", sp.ID)
		}
		seen[sp.ID] = true
		types[sp.Type]++
	}
	if len(d.Spaces) < 25 || types[SpaceTypeSpace] < 15 || types[SpaceTypeGroupChat] < 2 || types[SpaceTypeDirectMessage] < 2 {
		t.Errorf("spaces: %d in all, by type %v", len(d.Spaces), types)
	}
	kinds := map[string]int{}
	for _, m := range d.Memberships {
		switch {
		case m.GroupID != "":
			kinds["group"]++
		case m.UserID == d.AppUserID:
			kinds["app"]++
		default:
			kinds[m.Role+" "+m.State]++
		}
		if d.SpaceByID(m.SpaceID).Type != SpaceTypeSpace && m.Role != RoleMember {
			t.Errorf("manager role %s in %s space %s", m.Role, d.SpaceByID(m.SpaceID).Type, m.SpaceID)
		}
	}
	// A member list worth looking at: every kind of membership appears more than once.
	for _, k := range []string{"group", "app", RoleManager + " " + StateJoined, RoleAssistantManager + " " + StateJoined,
		RoleMember + " " + StateJoined, RoleMember + " " + StateInvited} {
		if kinds[k] < 2 {
			t.Errorf("only %d memberships of kind %s: %v", kinds[k], k, kinds)
		}
	}
	// The admin owns some named spaces and is a plain member or a manager of others.
	admin := d.UserByEmail(DemoAdminEmail).ID
	adminRoles := map[string]int{}
	for _, m := range d.Memberships {
		if m.UserID == admin && d.SpaceByID(m.SpaceID).Type == SpaceTypeSpace {
			adminRoles[m.Role]++
		}
	}
	if adminRoles[RoleManager] < 5 || adminRoles[RoleMember] < 3 || adminRoles[RoleAssistantManager] < 1 {
		t.Errorf("admin's roles in named spaces: %v", adminRoles)
	}
}

func TestDemoDataIsDeterministicAndFresh(t *testing.T) {
	a, b := DemoData(), DemoData()
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two DemoData calls differ")
	}
	a.Users[0].DisplayName = "changed"
	a.Spaces[0].DisplayName = "changed"
	if c := DemoData(); c.Users[0].DisplayName == "changed" || c.Spaces[0].DisplayName == "changed" {
		t.Fatal("DemoData shares state between calls")
	}
}

func TestGenerateDataset(t *testing.T) {
	d := GenerateDataset(500, 100)
	if len(d.Spaces) != 500 || len(d.Users) != 100 || d.Users[0].Email != DemoAdminEmail {
		t.Fatalf("got %d spaces, %d users, first %s", len(d.Spaces), len(d.Users), d.Users[0].Email)
	}
	if !reflect.DeepEqual(d, GenerateDataset(500, 100)) {
		t.Fatal("GenerateDataset is not deterministic")
	}
	admin, ids := 0, map[string]bool{}
	for _, sp := range d.Spaces {
		if ids[sp.ID] || len(sp.ID) != 11 {
			t.Fatalf("bad or duplicate space id %q", sp.ID)
		}
		ids[sp.ID] = true
	}
	for _, m := range d.Memberships {
		if m.UserID == d.Users[0].ID {
			admin++
		}
	}
	if admin != 500 {
		t.Fatalf("admin is in %d of 500 spaces", admin)
	}
}

// Every group a space has as a member is one of the organisation's groups (Cloud Identity's
// groups.lookup answers for it), under the one id DemoGroupID gives its address.
func TestGroupMembershipsNameTheOrganisationsGroups(t *testing.T) {
	for name, d := range map[string]*Dataset{"demo": DemoData(), "members": GenerateMembersDataset(100)} {
		groups := map[string]*Group{}
		for _, g := range d.Groups {
			if g.ID != DemoGroupID(g.Email) {
				t.Errorf("%s: group %s has id %q, want DemoGroupID's %q", name, g.Email, g.ID, DemoGroupID(g.Email))
			}
			groups[g.ID] = g
		}
		in := map[string][]string{} // group email -> spaces
		for _, m := range d.Memberships {
			if m.GroupID == "" {
				continue
			}
			g := groups[m.GroupID]
			if g == nil || m.UserID != "" {
				t.Errorf("%s: membership %+v names no group of the organisation or also a user", name, m)
				continue
			}
			in[g.Email] = append(in[g.Email], m.SpaceID)
		}
		if name != "demo" {
			continue
		}
		if len(in[DemoGroupEmail]) != 0 || !reflect.DeepEqual(in[DemoGroupInSpaceEmail], []string{DemoInternalSpaceID}) ||
			!reflect.DeepEqual(in[DemoRolesGroupEmail], []string{DemoRolesSpaceID}) {
			t.Errorf("demo groups in spaces: %v", in)
		}
	}
}
