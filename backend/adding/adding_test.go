package adding

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"golang.org/x/oauth2"

	"chatmembers/backend/auth"
	"chatmembers/backend/chat"
	"chatmembers/backend/directory"
	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
)

// Tests over Google's Chat, People and Cloud Identity Go clients against the emulator over
// loopback HTTP, signed in as the demo admin.

var (
	internalSpace = "spaces/" + emulator.DemoInternalSpaceID // the admin is its owner
	rolesSpace    = "spaces/" + emulator.DemoRolesSpaceID    // the admin is a manager there
	allScopes     = []string{"chat.spaces.readonly", "chat.memberships", "directory.readonly", "cloud-identity.groups.readonly"}
)

// recorder keeps "METHOD path" of every request.
type recorder struct {
	base http.RoundTripper
	mu   sync.Mutex
	reqs []string
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.reqs = append(r.reqs, req.Method+" "+req.URL.Path)
	r.mu.Unlock()
	return r.base.RoundTrip(req)
}

func (r *recorder) writes() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, q := range r.reqs {
		if !strings.HasPrefix(q, "GET ") {
			out = append(out, q)
		}
	}
	return out
}

type fixture struct {
	deps Deps
	rec  *recorder
	// asked lists the scopes Ask was called for.
	asked []string
	srv   *emulator.Server
}

func newFixture(t *testing.T, scopes ...string) *fixture {
	t.Helper()
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	tok, err := srv.IssueToken(emulator.DemoAdminEmail, scopes...)
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	rec := &recorder{base: tr}
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok}), Base: rec}}
	c, err := chat.New(context.Background(), hc, srv.URL()+"/")
	if err != nil {
		t.Fatal(err)
	}
	d, err := directory.New(context.Background(), hc, srv.URL()+"/")
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{rec: rec, srv: srv}
	f.deps = Deps{Chat: c.WithCallerEmail(emulator.DemoAdminEmail), Directory: d,
		Ask: func(_ context.Context, scope string) error { f.asked = append(f.asked, scope); return nil }}
	return f
}

// outsiders are two colleagues who join at once and are not in space.
func outsiders(t *testing.T, space string) []*emulator.User {
	t.Helper()
	d := emulator.DemoData()
	in := map[string]bool{}
	for _, m := range d.Memberships {
		if "spaces/"+m.SpaceID == space {
			in[m.UserID] = true
		}
	}
	var out []*emulator.User
	for _, u := range d.Users {
		if !in[u.ID] && !u.External && u.AutoAccept && u.Email != emulator.DemoAdminEmail && len(out) < 2 {
			out = append(out, u)
		}
	}
	if len(out) < 2 {
		t.Fatal("the demo has no two colleagues outside the space")
	}
	return out
}

func wantProblem(t *testing.T, o Outcome, code string) *problem.Problem {
	t.Helper()
	if o.Problem == nil || o.Problem.Code != code || o.Membership != nil {
		t.Fatalf("outcome %+v (problem %+v), want problem %s and no membership", o, o.Problem, code)
	}
	if o.Problem.Message == "" || o.Problem.Fix == "" {
		t.Fatalf("%s lacks message or fix", code)
	}
	return o.Problem
}

func TestAddTwoPeopleAndAGroupAsManagers(t *testing.T) {
	f := newFixture(t, allScopes...)
	two := outsiders(t, internalSpace)
	// One by address, one by the directory's users/{id} (a picked suggestion), one group.
	entries := Auto([]string{two[0].Email, "users/" + two[1].ID, emulator.DemoGroupEmail})
	out, err := Add(context.Background(), f.deps, internalSpace, entries, chat.RoleAssistantManager)
	if err != nil || len(out) != 3 {
		t.Fatalf("%v %+v", err, out)
	}
	for i, o := range out[:2] {
		if o.Problem != nil || o.RoleProblem != nil || o.Kind != chat.KindPerson || o.Membership == nil ||
			o.Membership.Role != chat.RoleAssistantManager || o.Membership.State != chat.StateJoined || o.Entry != entries[i].Value {
			t.Fatalf("person %d: %+v (%+v, %+v)", i, o, o.Problem, o.Membership)
		}
	}
	g := out[2]
	if g.Problem != nil || g.Kind != chat.KindGroup || g.Membership == nil ||
		g.Membership.MemberName != "groups/"+emulator.DemoGroupID(emulator.DemoGroupEmail) || g.Membership.Email != emulator.DemoGroupEmail {
		t.Fatalf("group: %+v (%+v)", g, g.Membership)
	}
	if g.RoleProblem == nil || g.RoleProblem.Code != CodeGroupNoRole || !strings.Contains(g.RoleProblem.Message, emulator.DemoGroupEmail) {
		t.Fatalf("a group asked to be Manager must say groups have no role: %+v", g.RoleProblem)
	}
	if len(f.asked) != 1 || f.asked[0] != auth.ScopeGroupsReadonly {
		t.Fatalf("asked for %v, want the groups permission once", f.asked)
	}
	l, err := f.deps.Chat.ListMembers(context.Background(), internalSpace, chat.ListMembersOptions{})
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, m := range l.Members {
		if m.Email == two[0].Email || m.Email == two[1].Email {
			found++
			if m.Role != chat.RoleAssistantManager {
				t.Errorf("%s listed as %s", m.Email, m.Role)
			}
		}
		if m.Kind == chat.KindGroup && strings.Contains(m.Name, emulator.DemoGroupID(emulator.DemoGroupEmail)) {
			found++
		}
	}
	if found != 3 {
		t.Fatalf("%d of the 3 are listed in the space", found)
	}
}

func TestOnlyPeopleAskNothing(t *testing.T) {
	f := newFixture(t, allScopes...)
	two := outsiders(t, internalSpace)
	out, err := Add(context.Background(), f.deps, internalSpace, Auto([]string{two[0].Email}), chat.RoleMember)
	if err != nil || out[0].Problem != nil || out[0].RoleProblem != nil || out[0].Membership.Role != chat.RoleMember {
		t.Fatalf("%v %+v", err, out)
	}
	if len(f.asked) != 0 {
		t.Fatalf("asked for %v with no group in the list", f.asked)
	}
}

func TestGroupTypedAsPersonAndTheReverse(t *testing.T) {
	f := newFixture(t, allScopes...)
	two := outsiders(t, internalSpace)
	out, err := Add(context.Background(), f.deps, internalSpace, []Entry{
		{Value: emulator.DemoGroupEmail, As: AsPerson},
		{Value: two[0].Email, As: AsGroup},
	}, chat.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	p := wantProblem(t, out[0], directory.CodeNotAPerson)
	if !strings.Contains(p.Message, emulator.DemoGroupEmail) {
		t.Errorf("not_a_person says %q", p.Message)
	}
	p = wantProblem(t, out[1], directory.CodeNotAGroup)
	if !strings.Contains(p.Message, two[0].DisplayName) {
		t.Errorf("not_a_group does not name the person: %q", p.Message)
	}
	for _, w := range f.rec.writes() {
		if !strings.HasSuffix(w, "/members") { // the one person create Chat refused is all
			t.Errorf("unexpected write %s", w)
		}
	}
	if n := len(f.rec.writes()); n != 1 {
		t.Fatalf("%d writes (%v): the group typed as a person is tried once as a person, the person typed as a group never", n, f.rec.writes())
	}
}

func TestGroupThatDoesNotExist(t *testing.T) {
	f := newFixture(t, allScopes...)
	const nobody = "no-such-team@example.com"
	out, err := Add(context.Background(), f.deps, internalSpace, []Entry{{Value: nobody, As: AsGroup}, {Value: nobody}}, chat.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	if p := wantProblem(t, out[0], directory.CodeGroupNotFound); p.Message != "No Google Group has the address "+nobody+"." {
		t.Errorf("group_not_found says %q", p.Message)
	}
	if p := wantProblem(t, out[1], CodeNobody); !strings.Contains(p.Message, nobody) {
		t.Errorf("nobody says %q", p.Message)
	}
}

func TestRolePatchRefusedLeavesAMember(t *testing.T) {
	f := newFixture(t, allScopes...)
	two := outsiders(t, rolesSpace)
	out, err := Add(context.Background(), f.deps, rolesSpace, Auto([]string{two[0].Email}), chat.RoleOwner)
	if err != nil {
		t.Fatal(err)
	}
	o := out[0]
	if o.Problem != nil || o.Membership == nil || o.Membership.Role != chat.RoleMember || o.RequestedRole != chat.RoleOwner ||
		o.RoleProblem == nil || o.RoleProblem.Code != chat.CodeRoleNotAllowed {
		t.Fatalf("%+v (membership %+v, role problem %+v)", o, o.Membership, o.RoleProblem)
	}
}

func TestOneBadEntryDoesNotFailTheOthers(t *testing.T) {
	f := newFixture(t, allScopes...)
	two := outsiders(t, internalSpace)
	out, err := Add(context.Background(), f.deps, internalSpace, Auto([]string{"not an address", two[0].Email, "jane@@example.com"}), chat.RoleMember)
	if err != nil || len(out) != 3 {
		t.Fatalf("%v %+v", err, out)
	}
	wantProblem(t, out[0], chat.CodeInvalidEmail)
	if out[1].Problem != nil || out[1].Membership == nil {
		t.Fatalf("the good entry: %+v", out[1])
	}
	wantProblem(t, out[2], chat.CodeInvalidEmail)
}

func TestBatchRefusedBeforeSending(t *testing.T) {
	f := newFixture(t, allScopes...)
	many := make([]string, MaxEntries+1)
	for i := range many {
		many[i] = "someone@example.com"
	}
	for name, c := range map[string]struct {
		space   string
		entries []string
		role    chat.Role
		code    string
	}{
		"bad role":  {internalSpace, []string{"a@example.com"}, "ROLE_BOSS", chat.CodeInvalidRole},
		"bad space": {"spaces/../x", []string{"a@example.com"}, chat.RoleMember, chat.CodeInvalidSpace},
		"nobody":    {internalSpace, nil, chat.RoleMember, CodeNoEntries},
		"too many":  {internalSpace, many, chat.RoleMember, CodeTooMany},
	} {
		_, err := Add(context.Background(), f.deps, c.space, Auto(c.entries), c.role)
		if problem.CodeOf(err) != c.code {
			t.Errorf("%s: %v, want %s", name, err, c.code)
		}
	}
	if n := len(f.rec.reqs); n != 0 {
		t.Fatalf("%d requests sent for refused batches", n)
	}
}

func TestRefusedGroupPermissionAskedOnce(t *testing.T) {
	f := newFixture(t, "chat.spaces.readonly", "chat.memberships")
	refused := errors.New("refused")
	calls := 0
	f.deps.Ask = func(context.Context, string) error { calls++; return problem.Internal(refused) }
	two := outsiders(t, internalSpace)
	out, err := Add(context.Background(), f.deps, internalSpace,
		Auto([]string{emulator.DemoGroupEmail, two[0].Email, emulator.DemoGroupInSpaceEmail}), chat.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Fatalf("asked %d times, want once for the batch", calls)
	}
	if out[0].Problem == nil || out[2].Problem == nil || out[1].Problem != nil || out[1].Membership == nil {
		t.Fatalf("%+v", out)
	}
}

func TestStopsWhenTheDeadlinePasses(t *testing.T) {
	f := newFixture(t, allScopes...)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out, err := Add(ctx, f.deps, internalSpace, Auto([]string{"a@example.com", "b@example.com"}), chat.RoleMember)
	if err != nil || len(out) != 2 || out[0].Problem == nil || out[1].Problem == nil {
		t.Fatalf("%v %+v", err, out)
	}
	if len(f.rec.reqs) != 0 {
		t.Fatalf("%d requests after the context ended", len(f.rec.reqs))
	}
}

// Administrator mode: into a space the admin is not in, a person with a role and a group are
// added with admin access (without it Chat refuses both), and an outside address - a person's
// or a group's - is refused before anything is sent for it.
func TestAdminAddsWithAdminAccessAndRefusesOutsiders(t *testing.T) {
	f := newFixture(t, append(allScopes, "chat.admin.memberships", "chat.admin.spaces.readonly")...)
	space := "spaces/" + emulator.DemoNotMemberSpaceID
	entries := Auto([]string{emulator.DemoJoinerEmail, emulator.DemoGroupEmail})

	out, err := Add(context.Background(), f.deps, space, entries, chat.RoleAssistantManager)
	if err != nil || len(out) != 2 || out[0].Problem == nil || out[1].Problem == nil {
		t.Fatalf("without admin access the admin, not in the space, must be refused: %v %+v", err, out)
	}

	f.deps.Admin = true
	out, err = Add(context.Background(), f.deps, space, entries, chat.RoleAssistantManager)
	if err != nil || len(out) != 2 {
		t.Fatalf("%v %+v", err, out)
	}
	if o := out[0]; o.Problem != nil || o.RoleProblem != nil || o.Kind != chat.KindPerson || o.Membership == nil ||
		o.Membership.Role != chat.RoleAssistantManager {
		t.Fatalf("person: %+v (%+v, %+v, %+v)", o, o.Problem, o.RoleProblem, o.Membership)
	}
	if o := out[1]; o.Problem != nil || o.Kind != chat.KindGroup || o.Membership == nil {
		t.Fatalf("group: %+v (%+v)", o, o.Problem)
	}
	l, err := f.deps.Chat.ListMembers(context.Background(), space, chat.ListMembersOptions{Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, m := range l.Members {
		if m.Email == emulator.DemoJoinerEmail && m.Role == chat.RoleAssistantManager || m.Kind == chat.KindGroup {
			found++
		}
	}
	if found != 2 {
		t.Fatalf("%d of the 2 are listed in the space as asked: %+v", found, l.Members)
	}

	before := len(f.rec.writes())
	out, err = Add(context.Background(), f.deps, space, Auto([]string{emulator.DemoExternalEmail, "team@example.net"}), chat.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	wantProblem(t, out[0], chat.CodeAdminOutsider)
	wantProblem(t, out[1], chat.CodeAdminOutsider)
	if n := len(f.rec.writes()); n != before {
		t.Fatalf("%d writes for outside addresses in administrator mode", n-before)
	}
}
