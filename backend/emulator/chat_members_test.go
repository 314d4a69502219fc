package emulator_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"chatmembers/backend/emulator"

	chat "google.golang.org/api/chat/v1"
)

const msgDMOnlyApp = "Only the calling Chat app (users/app) can be added to a direct message."

const msgBadUser = "Missing or malformed user resource name in the request. Human user resource name must follow this format: users/{user}. App user resource name must be set as users/app."

func userID(tb testing.TB, email string) string {
	tb.Helper()
	u := emulator.DemoData().UserByEmail(email)
	if u == nil {
		tb.Fatalf("no demo user %s", email)
	}
	return u.ID
}

func TestCreateMembershipRules(t *testing.T) {
	internal, external := emulator.DemoInternalSpaceID, emulator.DemoExternalSpaceID
	cases := []struct {
		name          string
		scopes        []string
		space, member string
		typ           string
		code          int    // 0: success
		status        string // Google status on failure, membership state on success
		message       string // checked when set
	}{
		{"person by email joins", []string{members}, internal, "users/" + emulator.DemoJoinerEmail, "HUMAN", 0, "JOINED", ""},
		{"email is case-insensitive", []string{members}, internal, "users/" + strings.ToUpper(emulator.DemoJoinerEmail), "HUMAN", 0, "JOINED", ""},
		{"type may be omitted", []string{members}, internal, "users/" + emulator.DemoJoinerEmail, "", 0, "JOINED", ""},
		{"person by numeric id joins", []string{members}, internal, "users/" + userID(t, emulator.DemoJoinerEmail), "HUMAN", 0, "JOINED", ""},
		{"auto-accept off is invited", []string{members}, internal, "users/" + emulator.DemoNoAutoAcceptEmail, "HUMAN", 0, "INVITED", ""},
		{"already joined", []string{members}, internal, "users/" + emulator.DemoSecondAdminEmail, "HUMAN", 409, "ALREADY_EXISTS", ""},
		{"external where allowed", []string{members}, external, "users/" + emulator.DemoExternalEmail, "HUMAN", 0, "JOINED", ""},
		{"external where not allowed", []string{members}, internal, "users/" + emulator.DemoExternalEmail, "HUMAN", 403, "PERMISSION_DENIED", "The caller does not have permission"},
		{"external by numeric id", []string{members}, external, "users/" + userID(t, emulator.DemoExternalEmail), "HUMAN", 404, "NOT_FOUND", ""},
		{"unknown email", []string{members}, internal, "users/nobody@example.com", "HUMAN", 404, "NOT_FOUND", ""},
		{"unknown numeric id", []string{members}, internal, "users/123456789", "HUMAN", 404, "NOT_FOUND", ""},
		{"the app", []string{membApp}, internal, "users/app", "BOT", 0, "JOINED", ""},
		{"the app needs its scope", []string{members}, internal, "users/app", "BOT", 403, "PERMISSION_DENIED", "Request had insufficient authentication scopes."},
		{"a person needs chat.memberships", []string{membApp}, internal, "users/" + emulator.DemoJoinerEmail, "HUMAN", 403, "PERMISSION_DENIED", "Request had insufficient authentication scopes."},
		{"another app", []string{members, membApp}, internal, "users/" + userID(t, emulator.DemoJoinerEmail), "BOT", 400, "INVALID_ARGUMENT", msgBadUser},
		{"app as human", []string{members, membApp}, internal, "users/app", "HUMAN", 400, "INVALID_ARGUMENT", msgBadUser},
		{"not users/", []string{members}, internal, "people/" + emulator.DemoJoinerEmail, "HUMAN", 400, "INVALID_ARGUMENT", msgBadUser},
		{"bare email", []string{members}, internal, emulator.DemoJoinerEmail, "HUMAN", 400, "INVALID_ARGUMENT", msgBadUser},
		{"empty user", []string{members}, internal, "users/", "HUMAN", 400, "INVALID_ARGUMENT", msgBadUser},
		{"extra segment", []string{members}, internal, "users/1/2", "HUMAN", 400, "INVALID_ARGUMENT", msgBadUser},
		{"neither id nor email", []string{members}, internal, "users/kwame", "HUMAN", 400, "INVALID_ARGUMENT", msgBadUser},
		{"empty name", []string{members}, internal, "", "HUMAN", 400, "INVALID_ARGUMENT", msgBadUser},
		{"person into a DM", []string{members}, emulator.DemoDirectMessageID, "users/" + emulator.DemoJoinerEmail, "HUMAN", 400, "INVALID_ARGUMENT", msgDMOnlyApp},
		{"unknown email into a DM", []string{members}, emulator.DemoDirectMessageID, "users/nobody@example.com", "HUMAN", 400, "INVALID_ARGUMENT", msgDMOnlyApp},
		{"unknown id into a DM", []string{members}, emulator.DemoDirectMessageID, "users/123456789", "HUMAN", 400, "INVALID_ARGUMENT", msgDMOnlyApp},
		{"external into a DM", []string{members}, emulator.DemoDirectMessageID, "users/" + emulator.DemoExternalEmail, "HUMAN", 400, "INVALID_ARGUMENT", msgDMOnlyApp},
		{"app into a DM", []string{membApp}, emulator.DemoDirectMessageID, "users/app", "BOT", 0, "JOINED", ""},
		{"person into a group chat", []string{members}, emulator.DemoQuietGroupChatID, "users/" + emulator.DemoJoinerEmail, "HUMAN", 0, "JOINED", ""},
		{"caller not a member", []string{members}, emulator.DemoNotMemberSpaceID, "users/" + emulator.DemoJoinerEmail, "HUMAN", 404, "NOT_FOUND", "Requested entity was not found."},
		{"no such space", []string{members}, "AAAAnoSuch00", "users/" + emulator.DemoJoinerEmail, "HUMAN", 404, "NOT_FOUND", ""},
		{"plain member may add", []string{members}, emulator.DemoMemberOnlySpaceID, "users/" + emulator.DemoJoinerEmail, "HUMAN", 0, "JOINED", ""},
		{"read-only scope", []string{membRO}, internal, "users/" + emulator.DemoJoinerEmail, "HUMAN", 403, "PERMISSION_DENIED", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := startChat(t, emulator.Options{})
			svc := chatAs(t, srv, emulator.DemoAdminEmail, c.scopes...)
			got, err := svc.Spaces.Members.Create("spaces/"+c.space,
				&chat.Membership{Member: &chat.User{Name: c.member, Type: c.typ}}).Do()
			if c.code != 0 {
				ge := wantErr(t, err, c.code, c.status)
				if c.message != "" && ge.Message != c.message {
					t.Fatalf("message %q, want %q", ge.Message, c.message)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			id, typ := emulator.DemoAppUserID, "BOT"
			if c.member != "users/app" {
				u := emulator.DemoData().UserByEmail(strings.TrimPrefix(c.member, "users/"))
				if u == nil {
					u = &emulator.User{ID: strings.TrimPrefix(c.member, "users/")}
				}
				id, typ = u.ID, "HUMAN"
			}
			if got.Name != "spaces/"+c.space+"/members/"+id || got.State != c.status || got.Role != "ROLE_MEMBER" ||
				got.Member == nil || got.Member.Name != "users/"+id || got.Member.Type != typ ||
				!protoTimeRE.MatchString(got.CreateTime) {
				t.Fatalf("membership %+v member %+v", got, got.Member)
			}
		})
	}
}

func TestCreateMembershipAnnouncementSpaceNeedsManager(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	// DemoJoinerEmail is a plain member of every announcement space; find one via the dataset.
	var announce string
	for _, sp := range emulator.DemoData().Spaces {
		if sp.Announcement {
			announce = sp.ID
		}
	}
	if announce == "" {
		t.Fatal("demo has no announcement space")
	}
	body := &chat.Membership{Member: &chat.User{Name: "users/app", Type: "BOT"}}
	_, err := chatAs(t, srv, emulator.DemoJoinerEmail, membApp).Spaces.Members.Create("spaces/"+announce, body).Do()
	wantErr(t, err, 403, "PERMISSION_DENIED")
	if _, err := chatAs(t, srv, emulator.DemoAdminEmail, membApp).Spaces.Members.Create("spaces/"+announce, body).Do(); err != nil {
		t.Fatalf("manager: %v", err)
	}
	// The same rule for a Google Group.
	group := &chat.Membership{GroupMember: &chat.Group{Name: "groups/" + emulator.DemoData().GroupByEmail(emulator.DemoGroupEmail).ID}}
	_, err = chatAs(t, srv, emulator.DemoJoinerEmail, members).Spaces.Members.Create("spaces/"+announce, group).Do()
	wantErr(t, err, 403, "PERMISSION_DENIED")
	if _, err := chatAs(t, srv, emulator.DemoAdminEmail, members).Spaces.Members.Create("spaces/"+announce, group).Do(); err != nil {
		t.Fatalf("manager, group: %v", err)
	}
}

func TestCreateMembershipUpdatesStateAndLists(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	admin := chatAs(t, srv, emulator.DemoAdminEmail, members)
	space := "spaces/" + emulator.DemoInternalSpaceID
	listed := func(email string) bool {
		names, _ := listAllSpaces(t, chatAs(t, srv, email, spacesRO), 1000, "")
		return slices.Contains(names, space)
	}
	if listed(emulator.DemoJoinerEmail) || listed(emulator.DemoNoAutoAcceptEmail) {
		t.Fatal("space listed before the additions")
	}
	for _, email := range []string{emulator.DemoJoinerEmail, emulator.DemoNoAutoAcceptEmail} {
		if _, err := admin.Spaces.Members.Create(space, &chat.Membership{Member: &chat.User{Name: "users/" + email, Type: "HUMAN"}}).Do(); err != nil {
			t.Fatal(err)
		}
	}
	if !listed(emulator.DemoJoinerEmail) {
		t.Error("joined member does not see the space")
	}
	if listed(emulator.DemoNoAutoAcceptEmail) {
		t.Error("invited member sees the space before accepting")
	}
	// Adding again, by id this time, is a conflict for the invitee too.
	_, err := admin.Spaces.Members.Create(space, &chat.Membership{Member: &chat.User{
		Name: "users/" + userID(t, emulator.DemoNoAutoAcceptEmail), Type: "HUMAN"}}).Do()
	if ge := wantErr(t, err, 409, "ALREADY_EXISTS"); ge.Message == "" {
		t.Error("409 without message")
	}
	// The joined count grew by one (the invitee does not count).
	sp, err := chatAs(t, srv, emulator.DemoAdminEmail, spacesRO).Spaces.Get(space).Do()
	if err != nil || sp.MembershipCount.JoinedDirectHumanUserCount != 13 {
		t.Fatalf("count after additions: %+v %v", sp.MembershipCount, err)
	}
}

func TestCreateMembershipRejectsBadBodies(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	tok, err := srv.IssueToken(emulator.DemoAdminEmail, members)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"not JSON":      "not json",
		"truncated":     `{"member":{"name":"users/x@example.com"`,
		"unknown field": `{"member":{"name":"users/` + emulator.DemoJoinerEmail + `"},"colour":"red"}`,
		"wrong type":    `{"member":"users/x"}`,
		"bad group":     `{"groupMember":{"name":"0123abcd"}}`,
		"both members":  `{"member":{"name":"users/` + emulator.DemoJoinerEmail + `"},"groupMember":{"name":"groups/0123abcd"}}`,
		"empty object":  `{}`,
	} {
		t.Run(name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", srv.URL()+"/v1/spaces/"+emulator.DemoInternalSpaceID+"/members?alt=json", strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+tok)
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 400 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
				t.Fatalf("%s: %d %s", body, resp.StatusCode, resp.Header.Get("Content-Type"))
			}
		})
	}
}

func TestUnknownPathsAnswerGoogle404(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	tok, _ := srv.IssueToken(emulator.DemoAdminEmail, spacesRO, members)
	for _, c := range []struct{ method, path string }{
		{"GET", "/v1/spaces/" + emulator.DemoInternalSpaceID + "/extra"},
		{"GET", "/v1/spaces/" + emulator.DemoInternalSpaceID + "/members/x/y"},
		{"PUT", "/v1/spaces"},
		{"POST", "/v1/spaces/" + emulator.DemoInternalSpaceID},
		{"GET", "/v1/nothing"},
		{"GET", "/v1/spaces/" + emulator.DemoInternalSpaceID + "%2F..%2F" + emulator.DemoExternalSpaceID},
		{"GET", "/v1/spaces/a.b/members"},
	} {
		req, _ := http.NewRequest(c.method, srv.URL()+c.path, nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		ge := googleErr{}
		decodeJSON(t, resp, &struct{ Error *googleErr }{&ge})
		if resp.StatusCode != 404 || ge.Status != "NOT_FOUND" {
			t.Errorf("%s %s: %d %+v", c.method, c.path, resp.StatusCode, ge)
		}
	}
}
