package emulator_test

// Administrator access, Google Groups, spaces.search, the People directory search and the
// Cloud Identity group lookup, through the unmodified Google Go clients over loopback HTTP.

import (
	"context"
	"strings"
	"testing"

	"chatmembers/backend/emulator"

	"golang.org/x/oauth2"
	chat "google.golang.org/api/chat/v1"
	cloudidentity "google.golang.org/api/cloudidentity/v1"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/option"
	people "google.golang.org/api/people/v1"
)

const (
	adminMembers   = "chat.admin.memberships"
	adminMembersRO = "chat.admin.memberships.readonly"
	adminSpacesRO  = "chat.admin.spaces.readonly"
	humanOnly      = `member.type = "HUMAN"`
	orgSpaces      = `customer = "customers/my_customer" AND spaceType = "SPACE"`
)

func clientOpts(t *testing.T, srv *emulator.Server, email string, scopes ...string) []option.ClientOption {
	t.Helper()
	tok, err := srv.IssueToken(email, scopes...)
	if err != nil {
		t.Fatal(err)
	}
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok, TokenType: "Bearer"})
	return []option.ClientOption{option.WithEndpoint(srv.URL() + "/"), option.WithTokenSource(ts)}
}

func peopleAs(t *testing.T, srv *emulator.Server, email string, scopes ...string) *people.Service {
	svc, err := people.NewService(context.Background(), clientOpts(t, srv, email, scopes...)...)
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

func identityAs(t *testing.T, srv *emulator.Server, email string, scopes ...string) *cloudidentity.Service {
	svc, err := cloudidentity.NewService(context.Background(), clientOpts(t, srv, email, scopes...)...)
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

func TestAdminListsMembersOfSpaceTheyAreNotIn(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	space := "spaces/" + emulator.DemoNotMemberSpaceID
	admin := chatAs(t, srv, emulator.DemoAdminEmail, adminMembersRO)
	// Without admin access the admin can't see the space.
	_, err := chatAs(t, srv, emulator.DemoAdminEmail, members).Spaces.Members.List(space).Do()
	wantErr(t, err, 404, "NOT_FOUND")
	resp, err := admin.Spaces.Members.List(space).UseAdminAccess(true).Filter(humanOnly).Do()
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Memberships) != 3 {
		t.Fatalf("want the 3 members of Board Prep, got %d", len(resp.Memberships))
	}
	// Google requires the member.type filter with admin access.
	for _, f := range []string{"", `role = "ROLE_MEMBER"`, `member.type = "BOT"`, `member.type = "HUMAN" OR role = "ROLE_MEMBER"`} {
		_, err = admin.Spaces.Members.List(space).UseAdminAccess(true).Filter(f).Do()
		wantErr(t, err, 400, "INVALID_ARGUMENT")
	}
	if _, err = admin.Spaces.Members.List(space).UseAdminAccess(true).Filter(`member.type != "BOT" AND role = "ROLE_MANAGER"`).Do(); err != nil {
		t.Fatal(err)
	}
}

func TestNonAdminIsRefusedAdminAccess(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	space := "spaces/" + emulator.DemoExternalSpaceID // she manages it, but holds no admin privilege
	c := chatAs(t, srv, emulator.DemoNonAdminEmail, adminMembers, adminSpacesRO)
	_, err := c.Spaces.Members.List(space).UseAdminAccess(true).Filter(humanOnly).Do()
	if ge := wantErr(t, err, 403, "PERMISSION_DENIED"); ge.Message != "The caller does not have permission" {
		t.Fatalf("message %q", ge.Message)
	}
	_, err = c.Spaces.Get(space).UseAdminAccess(true).Do()
	wantErr(t, err, 403, "PERMISSION_DENIED")
	_, err = c.Spaces.Search().UseAdminAccess(true).Query(orgSpaces).Do()
	wantErr(t, err, 403, "PERMISSION_DENIED")
	_, err = c.Spaces.Members.Create(space, &chat.Membership{Member: &chat.User{Name: "users/" + emulator.DemoJoinerEmail, Type: "HUMAN"}}).UseAdminAccess(true).Do()
	wantErr(t, err, 403, "PERMISSION_DENIED")
}

func TestAdminAccessNeedsAdminScopes(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	space := "spaces/" + emulator.DemoNotMemberSpaceID
	c := chatAs(t, srv, emulator.DemoAdminEmail, members, spacesRO, adminMembersRO)
	_, err := c.Spaces.Members.Create(space, &chat.Membership{Member: &chat.User{Name: "users/" + emulator.DemoJoinerEmail}}).UseAdminAccess(true).Do()
	wantErr(t, err, 403, "PERMISSION_DENIED") // create needs chat.admin.memberships, not .readonly
	_, err = c.Spaces.Search().UseAdminAccess(true).Query(orgSpaces).Do()
	wantErr(t, err, 403, "PERMISSION_DENIED") // search needs chat.admin.spaces(.readonly)
}

func TestAdminAddsPatchesAndRemovesInSpaceTheyAreNotIn(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	space := "spaces/" + emulator.DemoNotMemberSpaceID
	admin := chatAs(t, srv, emulator.DemoAdminEmail, adminMembers)
	m, err := admin.Spaces.Members.Create(space, &chat.Membership{Member: &chat.User{Name: "users/" + emulator.DemoJoinerEmail, Type: "HUMAN"}}).UseAdminAccess(true).Do()
	if err != nil {
		t.Fatal(err)
	}
	if m.State != "JOINED" {
		t.Fatalf("state %q", m.State)
	}
	p, err := admin.Spaces.Members.Patch(m.Name, &chat.Membership{Role: "ROLE_ASSISTANT_MANAGER"}).UpdateMask("role").UseAdminAccess(true).Do()
	if err != nil || p.Role != "ROLE_ASSISTANT_MANAGER" {
		t.Fatalf("patch: %v %+v", err, p)
	}
	if _, err = admin.Spaces.Members.Get(m.Name).UseAdminAccess(true).Do(); err != nil {
		t.Fatal(err)
	}
	if _, err = admin.Spaces.Members.Delete(m.Name).UseAdminAccess(true).Do(); err != nil {
		t.Fatal(err)
	}
	_, err = admin.Spaces.Members.Get(m.Name).UseAdminAccess(true).Do()
	wantErr(t, err, 404, "NOT_FOUND")
}

func TestAdminAccessRefusesAppsAndOutsiders(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	admin := chatAs(t, srv, emulator.DemoAdminEmail, adminMembers, "chat.memberships.app")
	ext := "spaces/" + emulator.DemoExternalSpaceID // allows outsiders, but not through admin access
	for name, u := range map[string]*chat.User{
		"app":      {Name: "users/app", Type: "BOT"},
		"outsider": {Name: "users/" + emulator.DemoExternalEmail, Type: "HUMAN"},
	} {
		_, err := admin.Spaces.Members.Create(ext, &chat.Membership{Member: u}).UseAdminAccess(true).Do()
		if ge := wantErr(t, err, 400, "INVALID_ARGUMENT"); !strings.Contains(ge.Message, "admin access") {
			t.Fatalf("%s: %q", name, ge.Message)
		}
	}
	// Group chats and DMs are not reachable through admin access.
	_, err := admin.Spaces.Members.List("spaces/" + emulator.DemoDirectMessageID).UseAdminAccess(true).Filter(humanOnly).Do()
	wantErr(t, err, 404, "NOT_FOUND")
}

func TestAdminGetsAnySpace(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	sp, err := chatAs(t, srv, emulator.DemoAdminEmail, adminSpacesRO).Spaces.Get("spaces/" + emulator.DemoNotMemberSpaceID).UseAdminAccess(true).Do()
	if err != nil || !strings.HasPrefix(sp.DisplayName, "Board Prep") {
		t.Fatalf("%v %+v", err, sp)
	}
	// spaces.list has no useAdminAccess parameter: Google refuses the unknown parameter.
	_, err = chatAs(t, srv, emulator.DemoAdminEmail, spacesRO, adminSpacesRO).Spaces.List().Do(googleapi.QueryParameter("useAdminAccess", "true"))
	wantErr(t, err, 400, "INVALID_ARGUMENT")
}

func TestSearchSpacesAsAdmin(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	c := chatAs(t, srv, emulator.DemoAdminEmail, adminSpacesRO)
	all, err := c.Spaces.Search().UseAdminAccess(true).Query(orgSpaces).PageSize(1000).Do()
	if err != nil {
		t.Fatal(err)
	}
	named := 0
	for _, sp := range emulator.DemoData().Spaces {
		if sp.Type == emulator.SpaceTypeSpace {
			named++
		}
	}
	if len(all.Spaces) != named || len(all.Results) != named || all.TotalSize != int64(named) || all.NextPageToken != "" {
		t.Fatalf("want every one of %d named spaces, got %d/%d total %d", named, len(all.Spaces), len(all.Results), all.TotalSize)
	}
	// Board Prep is found although the admin is not in it; names match by word prefix, any case.
	got, err := c.Spaces.Search().UseAdminAccess(true).Query(orgSpaces + ` AND displayName:"board PREP"`).Do()
	if err != nil || len(got.Spaces) != 1 || got.Spaces[0].Name != "spaces/"+emulator.DemoNotMemberSpaceID {
		t.Fatalf("%v %+v", err, got)
	}
	got, err = c.Spaces.Search().UseAdminAccess(true).Query(orgSpaces + ` AND externalUserAllowed = true`).Do()
	if err != nil || len(got.Spaces) != 3 {
		t.Fatalf("external spaces: %v %d", err, len(got.Spaces))
	}
	got, err = c.Spaces.Search().UseAdminAccess(true).Query(orgSpaces + ` AND (display_name:"sales" OR display_name:"marketing")`).Do()
	if err != nil || len(got.Spaces) != 3 {
		t.Fatalf("OR: %v %d", err, len(got.Spaces))
	}
	got, err = c.Spaces.Search().UseAdminAccess(true).Query(orgSpaces + ` AND create_time > "2099-01-01T00:00:00Z"`).Do()
	if err != nil || len(got.Spaces) != 0 {
		t.Fatalf("future: %v %d", err, len(got.Spaces))
	}
	// Paging: pages of 7 add up to the whole, in order, with no repeats.
	seen := map[string]bool{}
	tok := ""
	for {
		pg, err := c.Spaces.Search().UseAdminAccess(true).Query(orgSpaces).PageSize(7).PageToken(tok).Do()
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range pg.Spaces {
			if seen[sp.Name] {
				t.Fatalf("%s twice", sp.Name)
			}
			seen[sp.Name] = true
		}
		if tok = pg.NextPageToken; tok == "" {
			break
		}
	}
	if len(seen) != named {
		t.Fatalf("paged %d of %d", len(seen), named)
	}
	desc, err := c.Spaces.Search().UseAdminAccess(true).Query(orgSpaces).OrderBy("create_time DESC").Do()
	if err != nil || desc.Spaces[0].Name != all.Spaces[len(all.Spaces)-1].Name {
		t.Fatalf("orderBy: %v", err)
	}
}

func TestSearchSpacesRejectsBadQueries(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	c := chatAs(t, srv, emulator.DemoAdminEmail, adminSpacesRO)
	for _, q := range []string{
		"",
		`spaceType = "SPACE"`,                // customer missing
		`customer = "customers/my_customer"`, // spaceType missing
		`customer = "customers/other" AND spaceType = "SPACE"`, // only my_customer
		`customer = "customers/my_customer" AND spaceType = "DIRECT_MESSAGE"`,
		orgSpaces + ` OR displayName:"x"`,           // OR across fields
		orgSpaces + ` AND displayName = "x"`,        // display_name needs HAS
		orgSpaces + ` AND createTime > "yesterday"`, // not RFC 3339
		orgSpaces + ` AND colour = "red"`,           // unknown field
		orgSpaces + ` AND (displayName:"x" OR externalUserAllowed = true)`,
		orgSpaces + ` AND displayName:"x`, // unterminated
		orgSpaces + ` AND displayName:"` + strings.Repeat("x", 1000) + `"`,
	} {
		_, err := c.Spaces.Search().UseAdminAccess(true).Query(q).Do()
		wantErr(t, err, 400, "INVALID_ARGUMENT")
	}
	_, err := c.Spaces.Search().UseAdminAccess(true).Query(orgSpaces).OrderBy("display_name").Do()
	wantErr(t, err, 400, "INVALID_ARGUMENT")
}

func TestSearchSpacesWithoutAdminAccessSeesOwnSpaces(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	c := chatAs(t, srv, emulator.DemoAdminEmail, spacesRO)
	got, err := c.Spaces.Search().Query(`spaceType = "SPACE" AND displayName:"board"`).Do()
	if err != nil || len(got.Results) != 0 {
		t.Fatalf("the admin is not in Board Prep: %v %+v", err, got)
	}
	got, err = c.Spaces.Search().Query(`spaceType = "SPACE" AND displayName:"engineering"`).Do()
	if err != nil || len(got.Results) != 1 || got.TotalSize != 0 {
		t.Fatalf("%v %+v", err, got)
	}
}

func TestGroupMembershipCreateListAndConflict(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	lookup, err := identityAs(t, srv, emulator.DemoAdminEmail, "cloud-identity.groups.readonly").Groups.Lookup().GroupKeyId(emulator.DemoGroupEmail).Do()
	if err != nil {
		t.Fatal(err)
	}
	if want := "groups/" + emulator.DemoData().GroupByEmail(emulator.DemoGroupEmail).ID; lookup.Name != want {
		t.Fatalf("lookup %q, want %q", lookup.Name, want)
	}
	c := chatAs(t, srv, emulator.DemoAdminEmail, members)
	space := "spaces/" + emulator.DemoExternalSpaceID
	m, err := c.Spaces.Members.Create(space, &chat.Membership{GroupMember: &chat.Group{Name: lookup.Name}}).Do()
	if err != nil {
		t.Fatal(err)
	}
	if m.GroupMember == nil || m.GroupMember.Name != lookup.Name || m.Member != nil || m.State != "JOINED" {
		t.Fatalf("created %+v", m)
	}
	_, err = c.Spaces.Members.Create(space, &chat.Membership{GroupMember: &chat.Group{Name: lookup.Name}}).Do()
	wantErr(t, err, 409, "ALREADY_EXISTS")
	// Listed only with showGroups.
	count := func(show bool) int {
		resp, err := c.Spaces.Members.List(space).ShowGroups(show).Do()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, x := range resp.Memberships {
			if x.GroupMember != nil {
				n++
			}
		}
		return n
	}
	if count(false) != 0 || count(true) != 1 {
		t.Fatalf("groups listed without showGroups or missing with it")
	}
	// A group does not count as a person in the space's membership count.
	sp, err := chatAs(t, srv, emulator.DemoAdminEmail, spacesRO).Spaces.Get(space).Do()
	if err != nil || sp.MembershipCount.JoinedDirectHumanUserCount != 6 {
		t.Fatalf("count: %v %+v", err, sp.MembershipCount)
	}
	if _, err = c.Spaces.Members.Delete(m.Name).Do(); err != nil {
		t.Fatal(err)
	}
	if count(true) != 0 {
		t.Fatal("group still listed after delete")
	}
}

func TestGroupMembershipRules(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	c := chatAs(t, srv, emulator.DemoAdminEmail, members)
	grp := &chat.Group{Name: "groups/" + emulator.DemoData().GroupByEmail(emulator.DemoGroupEmail).ID}
	for _, space := range []string{emulator.DemoDirectMessageID, "AAAAx4Ge2Mo"} { // a DM, a group chat
		_, err := c.Spaces.Members.Create("spaces/"+space, &chat.Membership{GroupMember: grp}).Do()
		wantErr(t, err, 400, "INVALID_ARGUMENT")
	}
	_, err := c.Spaces.Members.Create("spaces/"+emulator.DemoInternalSpaceID, &chat.Membership{GroupMember: &chat.Group{Name: "groups/0nosuchgroup00"}}).Do()
	wantErr(t, err, 404, "NOT_FOUND")
	// The demo already has the on-call group in Engineering.
	oncall := &chat.Group{Name: "groups/" + emulator.DemoData().GroupByEmail(emulator.DemoGroupInSpaceEmail).ID}
	_, err = c.Spaces.Members.Create("spaces/"+emulator.DemoInternalSpaceID, &chat.Membership{GroupMember: oncall}).Do()
	wantErr(t, err, 409, "ALREADY_EXISTS")
	_, err = chatAs(t, srv, emulator.DemoAdminEmail, membRO).Spaces.Members.Create("spaces/"+emulator.DemoExternalSpaceID, &chat.Membership{GroupMember: grp}).Do()
	wantErr(t, err, 403, "PERMISSION_DENIED")
	// An admin may add a group with admin access to a space they are not in.
	if _, err = chatAs(t, srv, emulator.DemoAdminEmail, adminMembers).Spaces.Members.Create("spaces/"+emulator.DemoNotMemberSpaceID, &chat.Membership{GroupMember: grp}).UseAdminAccess(true).Do(); err != nil {
		t.Fatal(err)
	}
}

func TestGroupLookupAnswersLikeCloudIdentity(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	ci := identityAs(t, srv, emulator.DemoAdminEmail, "cloud-identity.groups.readonly")
	// Case does not matter.
	if _, err := ci.Groups.Lookup().GroupKeyId(strings.ToUpper(emulator.DemoGroupEmail)).Do(); err != nil {
		t.Fatal(err)
	}
	_, err := ci.Groups.Lookup().GroupKeyId(emulator.DemoJoinerEmail).Do() // a person, not a group
	wantErr(t, err, 404, "NOT_FOUND")
	_, err = ci.Groups.Lookup().GroupKeyId("nosuch@example.com").Do()
	wantErr(t, err, 404, "NOT_FOUND")
	_, err = ci.Groups.Lookup().GroupKeyId("team@example.org").Do() // another organisation
	wantErr(t, err, 403, "PERMISSION_DENIED")
	_, err = identityAs(t, srv, emulator.DemoAdminEmail, members).Groups.Lookup().GroupKeyId(emulator.DemoGroupEmail).Do()
	if ge := wantErr(t, err, 403, "PERMISSION_DENIED"); ge.Details[0].Reason != "ACCESS_TOKEN_SCOPE_INSUFFICIENT" {
		t.Fatalf("reason %+v", ge.Details)
	}
}

func TestSearchDirectoryPeople(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	p := peopleAs(t, srv, emulator.DemoAdminEmail, "directory.readonly")
	search := func(q string) *people.SearchDirectoryPeopleResponse {
		t.Helper()
		resp, err := p.People.SearchDirectoryPeople().Query(q).ReadMask("names,emailAddresses").
			Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE").Do()
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	resp := search("pri")
	if len(resp.People) != 1 || resp.TotalSize != 1 {
		t.Fatalf("pri: %+v", resp.People)
	}
	priya := emulator.DemoData().UserByEmail(emulator.DemoSecondAdminEmail)
	got := resp.People[0]
	if got.ResourceName != "people/"+priya.ID || got.Names[0].DisplayName != "Priya Raman" || got.EmailAddresses[0].Value != priya.Email {
		t.Fatalf("person %+v", got)
	}
	for q, want := range map[string]int{
		"RAMAN": 1, "priya.r": 1, "ines mor": 1, "Inès": 1, "lena": 0 /* outside the organisation */, "zzz": 0,
		"mana": 0, /* not a word start */
	} {
		if n := len(search(q).People); n != want {
			t.Errorf("%q: %d people, want %d", q, n, want)
		}
	}
	// The person id is the Chat user id: adding people/ID as users/ID works.
	c := chatAs(t, srv, emulator.DemoAdminEmail, members)
	joiner := search("kwame").People[0]
	m, err := c.Spaces.Members.Create("spaces/"+emulator.DemoInternalSpaceID,
		&chat.Membership{Member: &chat.User{Name: "users/" + strings.TrimPrefix(joiner.ResourceName, "people/"), Type: "HUMAN"}}).Do()
	if err != nil || m.Member.Email != emulator.DemoJoinerEmail {
		t.Fatalf("%v %+v", err, m)
	}
	// Paging.
	pg, err := p.People.SearchDirectoryPeople().Query("example").ReadMask("names").Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE").PageSize(15).Do()
	if err != nil || len(pg.People) != 15 || pg.NextPageToken == "" || pg.TotalSize != 40 {
		t.Fatalf("page: %v %d %q %d", err, len(pg.People), pg.NextPageToken, pg.TotalSize)
	}
	if pg.People[0].EmailAddresses != nil {
		t.Fatal("emailAddresses returned though not in readMask")
	}
}

func TestSearchDirectoryPeopleRefusals(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	_, err := peopleAs(t, srv, emulator.DemoAdminEmail, members).People.SearchDirectoryPeople().Query("a").ReadMask("names").Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE").Do()
	wantErr(t, err, 403, "PERMISSION_DENIED")
	p := peopleAs(t, srv, emulator.DemoAdminEmail, "directory.readonly")
	for name, call := range map[string]*people.PeopleSearchDirectoryPeopleCall{
		"no query":    p.People.SearchDirectoryPeople().ReadMask("names").Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"),
		"no readMask": p.People.SearchDirectoryPeople().Query("a").Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"),
		"bad mask":    p.People.SearchDirectoryPeople().Query("a").ReadMask("names,shoeSize").Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"),
		"no sources":  p.People.SearchDirectoryPeople().Query("a").ReadMask("names"),
		"page 501":    p.People.SearchDirectoryPeople().Query("a").ReadMask("names").Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE").PageSize(501),
	} {
		_, err := call.Do()
		if err == nil {
			t.Fatalf("%s: accepted", name)
		}
		wantErr(t, err, 400, "INVALID_ARGUMENT")
	}
}
