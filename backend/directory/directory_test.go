package directory

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/oauth2"

	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
)

// Tests through the unmodified people/v1 and cloudidentity/v1 clients against the emulator
// over loopback HTTP.

type counter struct {
	base http.RoundTripper
	n    atomic.Int64
}

func (c *counter) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.base.RoundTrip(r)
}

func newDirectory(tb testing.TB, data *emulator.Dataset, email string, scopes ...string) (*Service, *counter) {
	tb.Helper()
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{Data: data})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = srv.Close() })
	tok, err := srv.IssueToken(email, scopes...)
	if err != nil {
		tb.Fatal(err)
	}
	tr := &http.Transport{}
	tb.Cleanup(tr.CloseIdleConnections)
	c := &counter{base: tr}
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok}), Base: c}}
	svc, err := New(context.Background(), hc, srv.URL()+"/")
	if err != nil {
		tb.Fatal(err)
	}
	return svc, c
}

func wantCode(t *testing.T, err error, code string) *problem.Problem {
	t.Helper()
	p, ok := problem.As(err)
	if !ok || p.Code != code {
		t.Fatalf("error %v, want problem %s", err, code)
	}
	if p.Message == "" || p.Fix == "" {
		t.Fatalf("%s lacks message or fix: %+v", code, p)
	}
	return p
}

func TestSearchPeopleFindsColleaguesWithChatIDs(t *testing.T) {
	svc, _ := newDirectory(t, nil, emulator.DemoAdminEmail, ScopeDirectoryReadonly)
	got, err := svc.SearchPeople(context.Background(), "  Priya ", 0)
	if err != nil {
		t.Fatal(err)
	}
	priya := emulator.DemoData().UserByEmail(emulator.DemoSecondAdminEmail)
	if len(got) != 1 || got[0] != (Person{Name: "users/" + priya.ID, DisplayName: "Priya Raman", Email: priya.Email}) {
		t.Fatalf("%+v", got)
	}
	many, err := svc.SearchPeople(context.Background(), "example", 7)
	if err != nil || len(many) != 7 {
		t.Fatalf("limit: %v %d", err, len(many))
	}
	none, err := svc.SearchPeople(context.Background(), "zzzz", 5)
	if err != nil || none == nil || len(none) != 0 {
		t.Fatalf("none: %v %#v", err, none)
	}
}

func TestSearchPeopleValidatesBeforeSending(t *testing.T) {
	svc, c := newDirectory(t, nil, emulator.DemoAdminEmail, ScopeDirectoryReadonly)
	_, err := svc.SearchPeople(context.Background(), " \t\n", 5)
	wantCode(t, err, CodeEmptyQuery)
	for _, q := range []string{strings.Repeat("a", MaxQuery+1), "bad\x00byte", "\xff\xfe"} {
		_, err = svc.SearchPeople(context.Background(), q, 5)
		wantCode(t, err, CodeInvalidQuery)
	}
	if c.n.Load() != 0 {
		t.Fatal("a request was sent")
	}
}

func TestSearchPeopleWithoutScopeAsksForIt(t *testing.T) {
	svc, _ := newDirectory(t, nil, emulator.DemoAdminEmail, "chat.memberships")
	_, err := svc.SearchPeople(context.Background(), "pri", 5)
	if p := wantCode(t, err, chat.CodeScopeMissing); p.Params["scope"] != ScopeDirectoryReadonly {
		t.Fatalf("params %v", p.Params)
	}
}

func TestLookupGroup(t *testing.T) {
	svc, _ := newDirectory(t, nil, emulator.DemoAdminEmail, ScopeGroupsReadonly, ScopeDirectoryReadonly)
	g, err := svc.LookupGroup(context.Background(), "  Engineering@EXAMPLE.com ")
	want := "groups/" + emulator.DemoData().GroupByEmail(emulator.DemoGroupEmail).ID
	if err != nil || g.Name != want || g.Email != "Engineering@example.com" {
		t.Fatalf("%v %+v", err, g)
	}
	_, err = svc.LookupGroup(context.Background(), "nosuch@example.com")
	if p := wantCode(t, err, CodeGroupNotFound); !strings.Contains(p.Message, "No Google Group has the address nosuch@example.com") {
		t.Fatalf("message %q", p.Message)
	}
	_, err = svc.LookupGroup(context.Background(), "team@example.org") // another organisation: 403
	wantCode(t, err, CodeGroupNotFound)
	// A colleague's address given as a group.
	_, err = svc.LookupGroup(context.Background(), emulator.DemoJoinerEmail)
	if p := wantCode(t, err, CodeNotAGroup); p.Params["person"] != "Kwame Mensah" {
		t.Fatalf("params %v", p.Params)
	}
}

func TestLookupGroupPersonAddressWithoutDirectoryScopeIsNotFound(t *testing.T) {
	svc, _ := newDirectory(t, nil, emulator.DemoAdminEmail, ScopeGroupsReadonly)
	_, err := svc.LookupGroup(context.Background(), emulator.DemoJoinerEmail)
	wantCode(t, err, CodeGroupNotFound)
}

func TestLookupGroupValidatesAndAsksForScope(t *testing.T) {
	svc, c := newDirectory(t, nil, emulator.DemoAdminEmail, "chat.memberships")
	for _, e := range []string{"", "not an address", "a/../b@example.com", "x@y@example.com"} {
		_, err := svc.LookupGroup(context.Background(), e)
		wantCode(t, err, CodeInvalidAddress)
	}
	if c.n.Load() != 0 {
		t.Fatal("a request was sent")
	}
	_, err := svc.LookupGroup(context.Background(), emulator.DemoGroupEmail)
	if p := wantCode(t, err, chat.CodeScopeMissing); p.Params["scope"] != ScopeGroupsReadonly {
		t.Fatalf("params %v", p.Params)
	}
}

func TestErrGroupNotPerson(t *testing.T) {
	p := ErrGroupNotPerson(Group{Name: "groups/abc", Email: "team@example.com"})
	if p.Code != CodeNotAPerson || !strings.Contains(p.Message, "team@example.com") || p.Fix == "" {
		t.Fatalf("%+v", p)
	}
}

// BenchmarkSearchPeopleSuggestion is the directory suggestion round trip as the app makes it:
// SearchPeople (validation, one People API request over loopback HTTP, mapping) for a
// three-letter prefix, in an organisation of 10,000 people.
func BenchmarkSearchPeopleSuggestion(b *testing.B) {
	svc, _ := newDirectory(b, emulator.GenerateDataset(1, 10000), emulator.DemoAdminEmail, ScopeDirectoryReadonly)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		got, err := svc.SearchPeople(ctx, "user 0012", 10)
		if err != nil || len(got) != 10 {
			b.Fatalf("%d, %v", len(got), err)
		}
	}
}

func TestGroupMembersListsPeopleAndNestedGroups(t *testing.T) {
	svc, _ := newDirectory(t, nil, emulator.DemoAdminEmail, ScopeGroupsReadonly)
	g, got, err := svc.GroupMembers(context.Background(), strings.ToUpper(emulator.DemoGroupEmail))
	if err != nil {
		t.Fatal(err)
	}
	d := emulator.DemoData()
	grp := d.GroupByEmail(emulator.DemoGroupEmail)
	if g.Name != "groups/"+grp.ID || len(got) != len(grp.MemberIDs)+1 {
		t.Fatalf("%+v: %d members, want %d people and a group", g, len(got), len(grp.MemberIDs))
	}
	for i, id := range grp.MemberIDs {
		if u := d.UserByEmail(got[i].Email); u == nil || u.ID != id || got[i].Kind != MemberPerson {
			t.Fatalf("member %d: %+v", i, got[i])
		}
	}
	if last := got[len(got)-1]; last != (GroupMember{Email: emulator.DemoGroupInSpaceEmail, Kind: MemberGroup}) {
		t.Fatalf("nested group: %+v", last)
	}
}

func TestGroupMembersReadsEveryPage(t *testing.T) {
	data := emulator.GenerateMembersDataset(2500)
	svc, calls := newDirectory(t, data, data.Users[0].Email, ScopeGroupsReadonly)
	_, got, err := svc.GroupMembers(context.Background(), data.Groups[0].Email)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range got {
		seen[m.Email] = true
	}
	want := len(data.Groups[0].MemberIDs)
	// One look-up, then pages of 1000.
	if len(got) != want || len(seen) != want || calls.n.Load() != int64(1+(want+999)/1000) {
		t.Fatalf("%d members (%d distinct) in %d requests, want %d", len(got), len(seen), calls.n.Load(), want)
	}
}

func TestGroupMembersProblems(t *testing.T) {
	svc, _ := newDirectory(t, nil, emulator.DemoAdminEmail, ScopeDirectoryReadonly)
	_, _, err := svc.GroupMembers(context.Background(), emulator.DemoGroupEmail)
	if p := wantCode(t, err, chat.CodeScopeMissing); p.Params["scope"] != ScopeGroupsReadonly {
		t.Fatalf("scope %q", p.Params["scope"])
	}
	svc, _ = newDirectory(t, nil, emulator.DemoAdminEmail, ScopeGroupsReadonly)
	_, _, err = svc.GroupMembers(context.Background(), "nosuch@example.com")
	wantCode(t, err, CodeGroupNotFound)
	_, _, err = svc.GroupMembers(context.Background(), "not an address")
	wantCode(t, err, CodeInvalidAddress)
}
