package plan

import (
	"strings"
	"testing"

	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/recipients"
	"chatmembers/backend/table"
)

var testSpaces = []chat.Space{
	{Name: "spaces/A", DisplayName: "Team Alpha", Type: chat.TypeSpace},
	{Name: "spaces/B", DisplayName: "Beta", Type: chat.TypeSpace, ExternalUserAllowed: true},
	{Name: "spaces/D1", DisplayName: "Dup", Type: chat.TypeSpace},
	{Name: "spaces/D2", DisplayName: "Dup", Type: chat.TypeSpace},
	{Name: "spaces/DM", DisplayName: "", Type: chat.TypeDirectMessage},
	{Name: "spaces/GC", DisplayName: "Lunch chat", Type: chat.TypeGroupChat},
}

func testContext() Context {
	return Context{
		Spaces: testSpaces,
		Members: map[string][]chat.Member{
			"spaces/A": {
				{Name: "spaces/A/members/1", Kind: chat.KindPerson, MemberName: "users/1", Email: "Jane@Example.com", Role: chat.RoleMember, State: chat.StateJoined},
				{Name: "spaces/A/members/2", Kind: chat.KindPerson, MemberName: "users/999", Role: chat.RoleMember, State: chat.StateInvited},
				{Name: "spaces/A/members/3", Kind: chat.KindPerson, MemberName: "users/3", Email: "inv@example.com", Role: chat.RoleMember, State: chat.StateInvited},
				{Name: "spaces/A/members/g", Kind: chat.KindGroup, MemberName: "groups/g1", State: chat.StateJoined},
			},
		},
		Domain: "example.com",
		Groups: map[string]string{"team@example.com": "groups/g1", "sales@example.com": "groups/s2"},
	}
}

func parse(t *testing.T, text string) []table.Record {
	t.Helper()
	tb, err := table.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return tb.Records
}

type want struct {
	verdict Verdict
	code    string
	item    bulk.Item
}

func check(t *testing.T, pv Preview, ws []want) {
	t.Helper()
	if len(pv.Rows) != len(ws) {
		t.Fatalf("%d rows, want %d: %+v", len(pv.Rows), len(ws), pv.Rows)
	}
	for i, w := range ws {
		r := pv.Rows[i]
		code := ""
		if r.Problem != nil {
			code = r.Problem.Code
			if r.Problem.Message == "" || strings.Contains(r.Problem.Message, "{") {
				t.Errorf("row %d: message not filled: %q", r.Row, r.Problem.Message)
			}
		}
		if r.Verdict != w.verdict || code != w.code {
			t.Errorf("row %d (%s): %s %s, want %s %s", r.Row, r.Who, r.Verdict, code, w.verdict, w.code)
		}
		if w.item != (bulk.Item{}) && r.Item != w.item {
			t.Errorf("row %d: item %+v, want %+v", r.Row, r.Item, w.item)
		}
	}
}

func add(space, member string, kind chat.Kind, role chat.Role) bulk.Item {
	return bulk.Item{Op: bulk.OpAdd, Space: space, Member: member, Kind: kind, Role: role}
}

func TestCheckGivesEachRowItsVerdict(t *testing.T) {
	recs := parse(t, "email,space,role\n"+
		"new@example.com,Team Alpha,manager\n"+ // 2 ready
		"bad@,Team Alpha,\n"+ // 3 invalid address
		"NEW@example.com,https://chat.google.com/room/A,\n"+ // 4 duplicate of 2
		"jane@example.com,team  alpha,\n"+ // 5 already a member (name folded)
		"users/999,Team Alpha,\n"+ // 6 already invited, by id
		"inv@example.com,spaces/A,\n"+ // 7 already invited, by address
		"out@elsewhere.org,Team Alpha,\n"+ // 8 outside, space doesn't allow
		"out@elsewhere.org,Beta,\n"+ // 9 ready: Beta allows outsiders
		"x@example.com,Dup,\n"+ // 10 ambiguous
		"x@example.com,Nowhere,\n"+ // 11 unknown space
		"x@example.com,spaces/DM,\n"+ // 12 direct message
		"group:team@example.com,Lunch chat,\n"+ // 13 group into a group chat
		"group:nobody@example.com,Beta,\n"+ // 14 group not found
		"group:team@example.com,Team Alpha,\n"+ // 15 group already there
		"group:sales@example.com,Beta,owner\n"+ // 16 ready, with a note
		"x@example.com,spaces/ZZ,\n"+ // 17 a resource name not among the spaces
		"x@example.com,spaces/A/../B,\n"+ // 18 refused by the table
		"y@example.com,,\n") // 19 no space
	pv := Check(recs, testContext())
	check(t, pv, []want{
		{Ready, "", add("spaces/A", "users/new@example.com", chat.KindPerson, chat.RoleAssistantManager)},
		{Invalid, chat.CodeInvalidEmail, bulk.Item{}},
		{Duplicate, CodeDuplicate, bulk.Item{}},
		{AlreadyMember, CodeAlreadyMember, bulk.Item{}},
		{AlreadyInvited, CodeAlreadyInvited, bulk.Item{}},
		{AlreadyInvited, CodeAlreadyInvited, bulk.Item{}},
		{Outside, CodeOutside, bulk.Item{}},
		{Ready, "", add("spaces/B", "users/out@elsewhere.org", chat.KindPerson, chat.RoleMember)},
		{Invalid, CodeSpaceAmbiguous, bulk.Item{}},
		{Invalid, CodeSpaceUnknown, bulk.Item{}},
		{Invalid, CodeDirectMessage, bulk.Item{}},
		{Invalid, CodeGroupSpaceOnly, bulk.Item{}},
		{Invalid, CodeGroupUnresolved, bulk.Item{}},
		{AlreadyMember, CodeAlreadyMember, bulk.Item{}},
		{Ready, "", add("spaces/B", "groups/s2", chat.KindGroup, "")},
		{Invalid, CodeSpaceUnknown, bulk.Item{}},
		{Invalid, chat.CodeInvalidSpace, bulk.Item{}},
		{Invalid, CodeNoSpace, bulk.Item{}},
	})
	if pv.Rows[2].DuplicateOf != 2 || pv.Rows[2].Problem.Params["first"] != "2" {
		t.Errorf("duplicate of %d", pv.Rows[2].DuplicateOf)
	}
	if pv.Rows[14].Note == nil || pv.Rows[14].Note.Code != CodeGroupNoRole {
		t.Errorf("a role asked for a group: no note")
	}
	if !strings.Contains(pv.Rows[8].Problem.Message, "2 of your spaces") {
		t.Errorf("ambiguous: %q", pv.Rows[8].Problem.Message)
	}
	want := Counts{Total: 18, Ready: 3, Invalid: 9, Duplicate: 1, AlreadyMember: 2, AlreadyInvited: 2, Outside: 1}
	if pv.Counts != want {
		t.Errorf("counts %+v, want %+v", pv.Counts, want)
	}
	if items := pv.Items(); len(items) != 3 || items[0].Space != "spaces/A" {
		t.Errorf("items %+v", items)
	}
}

func TestDefaultSpaceAndRole(t *testing.T) {
	c := testContext()
	c.Space, c.Role = "spaces/B", chat.RoleOwner
	pv := Check(parse(t, "email\na@example.com\n"), c)
	check(t, pv, []want{{Ready, "", add("spaces/B", "users/a@example.com", chat.KindPerson, chat.RoleOwner)}})
	// Without a member list the space is not checked for members (the runner meets them as 409).
	c.Space = "spaces/D1"
	pv = Check(parse(t, "email\njane@example.com\n"), c)
	check(t, pv, []want{{Ready, "", bulk.Item{}}})
	// No domain: nobody is told to be outside.
	c = testContext()
	c.Domain = ""
	pv = Check(parse(t, "email,space\nout@elsewhere.org,Team Alpha\n"), c)
	check(t, pv, []want{{Ready, "", bulk.Item{}}})
}

// An address in a person column that the caller found to be a group is added as that group.
func TestPersonColumnAddressThatIsAGroup(t *testing.T) {
	pv := Check(parse(t, "email,space\nsales@example.com,Beta\n"), testContext())
	check(t, pv, []want{{Ready, "", add("spaces/B", "groups/s2", chat.KindGroup, "")}})
}

func TestCrossIsSpacesTimesPeople(t *testing.T) {
	people := recipients.Parse("Jane <jane@example.com>, new@example.com; bad").Entries
	pv := Cross([]string{"spaces/A", "spaces/B"}, people, chat.RoleAssistantManager, testContext())
	check(t, pv, []want{
		{AlreadyMember, CodeAlreadyMember, bulk.Item{}},
		{Ready, "", add("spaces/A", "users/new@example.com", chat.KindPerson, chat.RoleAssistantManager)},
		{Invalid, chat.CodeInvalidEmail, bulk.Item{}},
		{Ready, "", add("spaces/B", "users/jane@example.com", chat.KindPerson, chat.RoleAssistantManager)},
		{Ready, "", add("spaces/B", "users/new@example.com", chat.KindPerson, chat.RoleAssistantManager)},
		{Invalid, chat.CodeInvalidEmail, bulk.Item{}},
	})
	for i, r := range pv.Rows {
		if r.Row != i+1 {
			t.Fatalf("row %d numbered %d", i, r.Row)
		}
	}
	if pv.Rows[0].SpaceName != "Team Alpha" || pv.Rows[0].Who != "jane@example.com" {
		t.Fatalf("row 1 shows %q in %q", pv.Rows[0].Who, pv.Rows[0].SpaceName)
	}
}

func TestNeeded(t *testing.T) {
	recs := parse(t, "email,space\na@example.com,Team Alpha\nb@example.com,https://chat.google.com/room/B\n"+
		"c@example.com,Dup\ngroup:Team@Example.com,Beta\ngroup:team@example.com,Beta\nd@example.com,\n")
	got := SpacesNeeded(recs, testSpaces, "spaces/A")
	if strings.Join(got, " ") != "spaces/A spaces/B" {
		t.Errorf("spaces needed %v", got)
	}
	if g := GroupsNeeded(recs); strings.Join(g, " ") != "team@example.com" {
		t.Errorf("groups needed %v", g)
	}
}

func recipientsOf(text string) []recipients.Entry { return recipients.Parse(text).Entries }
