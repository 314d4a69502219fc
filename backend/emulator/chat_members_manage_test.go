package emulator_test

import (
	"slices"
	"strings"
	"testing"

	"chatmembers/backend/emulator"

	chat "google.golang.org/api/chat/v1"
)

// listAllMembers visits every page of members.list.
func listAllMembers(tb testing.TB, call func(tok string) *chat.SpacesMembersListCall) (ms []*chat.Membership, pages int) {
	tb.Helper()
	tok := ""
	for {
		resp, err := call(tok).Do()
		if err != nil {
			tb.Fatal(err)
		}
		pages++
		ms = append(ms, resp.Memberships...)
		if tok = resp.NextPageToken; tok == "" {
			return ms, pages
		}
	}
}

func addMember(tb testing.TB, svc *chat.Service, space, name, typ string) *chat.Membership {
	tb.Helper()
	m, err := svc.Spaces.Members.Create(space, &chat.Membership{Member: &chat.User{Name: name, Type: typ}}).Do()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func TestListMembersPagingAndInvited(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	space := "spaces/" + emulator.DemoInternalSpaceID
	addMember(t, chatAs(t, srv, emulator.DemoAdminEmail, members), space, "users/"+emulator.DemoNoAutoAcceptEmail, "HUMAN")
	svc := chatAs(t, srv, emulator.DemoAdminEmail, membRO)

	joined, pages := listAllMembers(t, func(tok string) *chat.SpacesMembersListCall {
		return svc.Spaces.Members.List(space).PageSize(5).PageToken(tok)
	})
	if len(joined) != 12 || pages != 3 {
		t.Fatalf("pageSize 5: %d members in %d pages, want 12 in 3", len(joined), pages)
	}
	all, _ := listAllMembers(t, func(tok string) *chat.SpacesMembersListCall {
		return svc.Spaces.Members.List(space).PageSize(5).ShowInvited(true).PageToken(tok)
	})
	if len(all) != 13 {
		t.Fatalf("showInvited: %d members, want 13", len(all))
	}
	seen := map[string]bool{}
	invited := 0
	for _, m := range all {
		if seen[m.Name] {
			t.Fatalf("%s twice", m.Name)
		}
		seen[m.Name] = true
		if m.State == "INVITED" {
			invited++
			if m.Member.DisplayName != "" || m.Member.Email != "" {
				t.Errorf("invited member shows profile: %+v", m.Member)
			}
		} else if m.Member.DisplayName == "" || m.Member.Email == "" {
			t.Errorf("joined member without profile: %+v", m.Member)
		}
	}
	if invited != 1 {
		t.Fatalf("%d invited, want 1", invited)
	}
	// A token is bound to showInvited; sizes are cut or refused like spaces.list.
	first, err := svc.Spaces.Members.List(space).PageSize(5).Do()
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.Spaces.Members.List(space).ShowInvited(true).PageToken(first.NextPageToken).Do()
	wantErr(t, err, 400, "INVALID_ARGUMENT")
	resp, err := svc.Spaces.Members.List(space).PageSize(5000).Do()
	if err != nil || len(resp.Memberships) != 12 || resp.NextPageToken != "" {
		t.Fatalf("pageSize 5000: %v %v", err, resp)
	}
	_, err = svc.Spaces.Members.List(space).PageSize(-5).Do()
	wantErr(t, err, 400, "INVALID_ARGUMENT")
	_, err = svc.Spaces.Members.List("spaces/" + emulator.DemoNotMemberSpaceID).Do()
	wantErr(t, err, 404, "NOT_FOUND")
}

func TestListMembersFilter(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	space := "spaces/" + emulator.DemoExternalSpaceID // managers: admin, camila.duarte
	addMember(t, chatAs(t, srv, emulator.DemoAdminEmail, membApp), space, "users/app", "BOT")
	svc := chatAs(t, srv, emulator.DemoAdminEmail, membRO)
	count := func(ms []*chat.Membership, pred func(*chat.Membership) bool) int {
		n := 0
		for _, m := range ms {
			if pred(m) {
				n++
			}
		}
		return n
	}
	valid := []struct {
		filter string
		pred   func(*chat.Membership) bool
	}{
		{`role = "ROLE_MANAGER"`, func(m *chat.Membership) bool { return m.Role == "ROLE_MANAGER" }},
		{`member.type = "BOT"`, func(m *chat.Membership) bool { return m.Member.Type == "BOT" }},
		{`member.type != "BOT"`, func(m *chat.Membership) bool { return m.Member.Type == "HUMAN" }},
		{`member.type = "HUMAN" AND role = "ROLE_MEMBER"`, func(m *chat.Membership) bool {
			return m.Member.Type == "HUMAN" && m.Role == "ROLE_MEMBER"
		}},
		{`role = "ROLE_MANAGER" OR role = "ROLE_MEMBER"`, func(m *chat.Membership) bool { return true }},
		{`role = "ROLE_MANAGER" OR member.type = "BOT"`, func(m *chat.Membership) bool {
			return m.Role == "ROLE_MANAGER" || m.Member.Type == "BOT"
		}},
	}
	all, _ := listAllMembers(t, func(tok string) *chat.SpacesMembersListCall {
		return svc.Spaces.Members.List(space).PageToken(tok)
	})
	if len(all) != 7 {
		t.Fatalf("%d members, want 6 people and the app", len(all))
	}
	for _, c := range valid {
		t.Run(c.filter, func(t *testing.T) {
			got, _ := listAllMembers(t, func(tok string) *chat.SpacesMembersListCall {
				return svc.Spaces.Members.List(space).Filter(c.filter).PageToken(tok)
			})
			want := count(all, c.pred)
			if len(got) != want || want == 0 || count(got, c.pred) != want {
				t.Fatalf("%d results, want %d matching", len(got), want)
			}
		})
	}
	for _, f := range []string{
		`role = "ROLE_MANAGER" AND role = "ROLE_MEMBER"`, `member.type = "HUMAN" AND member.type = "BOT"`,
		`role = ROLE_MANAGER`, `state = "JOINED"`, `role != "ROLE_MEMBER"`, `member.type = "ROBOT"`,
		`role = "ROLE_MANAGER" AND member.type = "HUMAN" OR role = "ROLE_MEMBER"`,
	} {
		t.Run("invalid "+f, func(t *testing.T) {
			_, err := svc.Spaces.Members.List(space).Filter(f).Do()
			wantErr(t, err, 400, "INVALID_ARGUMENT")
		})
	}
}

func TestGetMemberAliases(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	space := "spaces/" + emulator.DemoInternalSpaceID
	addMember(t, chatAs(t, srv, emulator.DemoAdminEmail, membApp), space, "users/app", "BOT")
	addMember(t, chatAs(t, srv, emulator.DemoAdminEmail, members), space, "users/"+emulator.DemoNoAutoAcceptEmail, "HUMAN")
	svc := chatAs(t, srv, emulator.DemoAdminEmail, membRO)
	secondID := userID(t, emulator.DemoSecondAdminEmail)
	for _, c := range []struct{ alias, wantName, state string }{
		{secondID, space + "/members/" + secondID, "JOINED"},
		{emulator.DemoSecondAdminEmail, space + "/members/" + secondID, "JOINED"},
		{strings.ToUpper(emulator.DemoSecondAdminEmail), space + "/members/" + secondID, "JOINED"},
		{"app", space + "/members/" + emulator.DemoAppUserID, "JOINED"},
		{emulator.DemoNoAutoAcceptEmail, space + "/members/" + userID(t, emulator.DemoNoAutoAcceptEmail), "INVITED"},
	} {
		m, err := svc.Spaces.Members.Get(space + "/members/" + c.alias).Do()
		if err != nil || m.Name != c.wantName || m.State != c.state {
			t.Errorf("%s: %+v %v", c.alias, m, err)
		}
	}
	for _, name := range []string{
		space + "/members/" + emulator.DemoJoinerEmail, // not in the space
		space + "/members/123",
		"spaces/" + emulator.DemoNotMemberSpaceID + "/members/" + secondID,
	} {
		_, err := svc.Spaces.Members.Get(name).Do()
		wantErr(t, err, 404, "NOT_FOUND")
	}
}

func TestPatchMemberRole(t *testing.T) {
	space := "spaces/" + emulator.DemoInternalSpaceID
	second := space + "/members/" + emulator.DemoSecondAdminEmail
	self := space + "/members/" + emulator.DemoAdminEmail
	cases := []struct {
		name, member, role, mask, space string
		code                            int
		status                          string
	}{
		{"promote to manager", second, "ROLE_ASSISTANT_MANAGER", "role", "", 0, ""},
		{"promote to owner", second, "ROLE_MANAGER", "role", "", 0, ""},
		{"star mask", second, "ROLE_MANAGER", "*", "", 0, ""},
		{"no mask", second, "ROLE_MANAGER", "", "", 400, "INVALID_ARGUMENT"},
		{"other mask", second, "ROLE_MANAGER", "state", "", 400, "INVALID_ARGUMENT"},
		{"bad role", second, "ROLE_GOD", "role", "", 400, "INVALID_ARGUMENT"},
		{"last owner steps down", self, "ROLE_MEMBER", "role", "", 400, "FAILED_PRECONDITION"},
		{"not an owner", "spaces/" + emulator.DemoMemberOnlySpaceID + "/members/" + emulator.DemoSecondAdminEmail,
			"ROLE_MANAGER", "role", "", 403, "PERMISSION_DENIED"},
		{"group chat has no managers", "spaces/" + emulator.DemoQuietGroupChatID + "/members/" + emulator.DemoAdminEmail,
			"ROLE_MANAGER", "role", "", 400, "INVALID_ARGUMENT"},
		{"unknown member", space + "/members/" + emulator.DemoJoinerEmail, "ROLE_MANAGER", "role", "", 404, "NOT_FOUND"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := startChat(t, emulator.Options{})
			call := chatAs(t, srv, emulator.DemoAdminEmail, members).Spaces.Members.Patch(c.member, &chat.Membership{Role: c.role})
			if c.mask != "" {
				call = call.UpdateMask(c.mask)
			}
			m, err := call.Do()
			if c.code != 0 {
				wantErr(t, err, c.code, c.status)
				return
			}
			if err != nil || m.Role != c.role {
				t.Fatalf("%+v %v", m, err)
			}
			again, err := chatAs(t, srv, emulator.DemoAdminEmail, membRO).Spaces.Members.Get(c.member).Do()
			if err != nil || again.Role != c.role {
				t.Fatalf("role not stored: %+v %v", again, err)
			}
		})
	}
}

func TestDeleteMember(t *testing.T) {
	space := "spaces/" + emulator.DemoInternalSpaceID
	memberOnly := "spaces/" + emulator.DemoMemberOnlySpaceID
	cases := []struct {
		name, member string
		scopes       []string
		code         int
		status       string
	}{
		{"manager removes member", space + "/members/" + emulator.DemoSecondAdminEmail, []string{members}, 0, ""},
		{"member leaves", memberOnly + "/members/" + emulator.DemoAdminEmail, []string{members}, 0, ""},
		{"member removes another", memberOnly + "/members/" + emulator.DemoSecondAdminEmail, []string{members}, 403, "PERMISSION_DENIED"},
		{"last owner leaves", space + "/members/" + emulator.DemoAdminEmail, []string{members}, 400, "FAILED_PRECONDITION"},
		{"person in a DM", "spaces/" + emulator.DemoDirectMessageID + "/members/" + emulator.DemoSecondAdminEmail, []string{members}, 400, "INVALID_ARGUMENT"},
		{"not in the space", space + "/members/" + emulator.DemoJoinerEmail, []string{members}, 404, "NOT_FOUND"},
		{"person with app scope", space + "/members/" + emulator.DemoSecondAdminEmail, []string{membApp}, 403, "PERMISSION_DENIED"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := startChat(t, emulator.Options{})
			m, err := chatAs(t, srv, emulator.DemoAdminEmail, c.scopes...).Spaces.Members.Delete(c.member).Do()
			if c.code != 0 {
				wantErr(t, err, c.code, c.status)
				return
			}
			if err != nil || m.State != "JOINED" || !strings.HasPrefix(m.Name, "spaces/") || m.Member == nil {
				t.Fatalf("deleted membership %+v %v", m, err)
			}
			_, err = chatAs(t, srv, emulator.DemoAdminEmail, membRO).Spaces.Members.Get(c.member).Do()
			wantErr(t, err, 404, "NOT_FOUND") // gone (or, after leaving, the space is invisible)
		})
	}
}

func TestDeleteAppNeedsAppScope(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	space := "spaces/" + emulator.DemoDirectMessageID
	addMember(t, chatAs(t, srv, emulator.DemoAdminEmail, membApp), space, "users/app", "BOT")
	_, err := chatAs(t, srv, emulator.DemoAdminEmail, members).Spaces.Members.Delete(space + "/members/app").Do()
	wantErr(t, err, 403, "PERMISSION_DENIED")
	m, err := chatAs(t, srv, emulator.DemoAdminEmail, membApp).Spaces.Members.Delete(space + "/members/app").Do()
	if err != nil || m.Member.Type != "BOT" {
		t.Fatalf("%+v %v", m, err)
	}
	names, _ := listAllMembers(t, func(tok string) *chat.SpacesMembersListCall {
		return chatAs(t, srv, emulator.DemoAdminEmail, membRO).Spaces.Members.List(space).PageToken(tok)
	})
	if slices.ContainsFunc(names, func(m *chat.Membership) bool { return m.Member.Type == "BOT" }) {
		t.Fatal("app still listed")
	}
}
