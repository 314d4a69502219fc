package plan

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/table"
)

// The preview and the sync plan from what the app really fetches: the spaces and member lists
// of the demo workspace through Google's Chat client against the emulator over loopback HTTP.
// This is what proves the member lists name people in a way the plan can match (by address
// for those who joined, by id for invitees).

type demo struct {
	spaces  []chat.Space
	members map[string][]chat.Member
	users   map[string]*emulator.User // by id
}

func loadDemo(t *testing.T, spaceIDs ...string) demo {
	t.Helper()
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	tok, err := srv.IssueToken(emulator.DemoAdminEmail, chat.ScopeSpacesReadonly, chat.ScopeMembershipsReadonly)
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	hc := &http.Client{Transport: &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok}), Base: tr}}
	svc, err := chat.New(context.Background(), hc, srv.URL()+"/")
	if err != nil {
		t.Fatal(err)
	}
	svc = svc.WithCallerEmail(emulator.DemoAdminEmail)
	ctx := context.Background()
	d := demo{members: map[string][]chat.Member{}, users: map[string]*emulator.User{}}
	if d.spaces, err = svc.ListSpaces(ctx); err != nil {
		t.Fatal(err)
	}
	for _, id := range spaceIDs {
		l, err := svc.ListMembers(ctx, "spaces/"+id, chat.ListMembersOptions{})
		if err != nil {
			t.Fatal(err)
		}
		d.members["spaces/"+id] = l.Members
	}
	for _, u := range emulator.DemoData().Users {
		d.users[u.ID] = u
	}
	return d
}

func (d demo) space(t *testing.T, id string) chat.Space {
	t.Helper()
	for _, s := range d.spaces {
		if s.Name == "spaces/"+id {
			return s
		}
	}
	t.Fatalf("the demo admin does not see spaces/%s", id)
	return chat.Space{}
}

func TestCheckAgainstTheDemoWorkspace(t *testing.T) {
	d := loadDemo(t, emulator.DemoInternalSpaceID)
	internal := d.space(t, emulator.DemoInternalSpaceID)
	if internal.ExternalUserAllowed {
		t.Fatal("the demo's internal space allows outsiders; the test needs one that doesn't")
	}
	// Someone who joined the space, named by address; and a colleague who is not in it.
	var joined, colleague string
	in := map[string]bool{}
	for _, m := range d.members[internal.Name] {
		if m.Kind == chat.KindPerson && m.State == chat.StateJoined && !m.Me && joined == "" {
			joined = m.Email
		}
		in[strings.TrimPrefix(m.MemberName, "users/")] = true
	}
	for _, u := range emulator.DemoData().Users {
		if !in[u.ID] && !u.External && u.Email != emulator.DemoAdminEmail && colleague == "" {
			colleague = u.Email
		}
	}
	if joined == "" || colleague == "" {
		t.Fatalf("demo data: joined %q colleague %q", joined, colleague)
	}
	csv := "Email;Space;Role\n" +
		strings.ToUpper(joined[:1]) + joined[1:] + ";" + internal.DisplayName + ";\n" +
		colleague + ";" + internal.URI + ";manager\n" +
		emulator.DemoExternalEmail + ";" + internal.Name + ";\n" +
		colleague + ";" + strings.ToUpper(internal.DisplayName) + ";\n"
	tb, err := table.Parse(csv)
	if err != nil {
		t.Fatal(err)
	}
	pv := Check(tb.Records, Context{Spaces: d.spaces, Members: d.members, Domain: emulator.DemoDomain})
	got := []Verdict{}
	for _, r := range pv.Rows {
		got = append(got, r.Verdict)
	}
	want := []Verdict{AlreadyMember, Ready, Outside, Duplicate}
	if len(got) != len(want) {
		t.Fatalf("verdicts %v, want %v (rows %+v)", got, want, pv.Rows)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d (%s): %s %v, want %s", pv.Rows[i].Row, pv.Rows[i].Who, got[i], pv.Rows[i].Problem, want[i])
		}
	}
	if it := pv.Rows[1].Item; it.Space != internal.Name || it.Role != chat.RoleAssistantManager {
		t.Errorf("the link in row 3 (%s) gave item %+v", internal.URI, it)
	}
}

// A sync of the internal space to a list naming one of its members keeps the user (its owner)
// and apps, and removes the others; an empty list is flagged before anything is confirmed.
func TestSyncAgainstTheDemoWorkspace(t *testing.T) {
	d := loadDemo(t, emulator.DemoInternalSpaceID)
	internal := d.space(t, emulator.DemoInternalSpaceID)
	members := d.members[internal.Name]
	var keep chat.Member
	for _, m := range members {
		if m.Kind == chat.KindPerson && m.State == chat.StateJoined && !m.Me && m.Role == chat.RoleMember {
			keep = m
			break
		}
	}
	if keep.Email == "" {
		t.Fatal("no plain member with an address in the demo's internal space")
	}
	p := Sync(internal, members, table.FromRecipients(recipientsOf(keep.Email)), SyncOptions{Domain: emulator.DemoDomain})
	for _, c := range p.Remove {
		if c.Member.Me || c.Member.Kind == chat.KindApp || isManager(c.Member.Role) || c.Member.MemberName == keep.MemberName {
			t.Errorf("removes %+v", c.Member)
		}
	}
	listed := false
	for _, c := range p.Keep {
		listed = listed || (c.Why == KeepListed && c.Member.MemberName == keep.MemberName)
	}
	if !listed || len(p.Add) != 0 {
		t.Errorf("%s is not kept as listed, or something is added: keep %+v add %+v", keep.Email, p.Keep, p.Add)
	}
	total := len(p.Remove) + len(p.Keep) + len(p.SetRole)
	if total != len(members) {
		t.Errorf("%d members planned, the space has %d", total, len(members))
	}
	p = Sync(internal, members, nil, SyncOptions{IncludeManagers: true, IncludeSelf: true, IncludeApps: true})
	if len(p.Warnings) == 0 || p.Warnings[0].Code != CodeRemovesEveryone {
		t.Errorf("emptying the space is not flagged: %+v", p.Warnings)
	}
}
