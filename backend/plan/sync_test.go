package plan

import (
	"strings"
	"testing"

	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/table"
)

var syncSpace = chat.Space{Name: "spaces/S", DisplayName: "Project", Type: chat.TypeSpace}

func syncMembers() []chat.Member {
	return []chat.Member{
		{Name: "spaces/S/members/me", Kind: chat.KindPerson, MemberName: "users/100", Email: "me@example.com", Role: chat.RoleOwner, State: chat.StateJoined, Me: true},
		{Name: "spaces/S/members/app", Kind: chat.KindApp, MemberName: "users/app", Role: chat.RoleMember, State: chat.StateJoined},
		{Name: "spaces/S/members/mgr", Kind: chat.KindPerson, MemberName: "users/101", Email: "mgr@example.com", Role: chat.RoleAssistantManager, State: chat.StateJoined},
		{Name: "spaces/S/members/m1", Kind: chat.KindPerson, MemberName: "users/102", Email: "m1@example.com", Role: chat.RoleMember, State: chat.StateJoined},
		{Name: "spaces/S/members/m2", Kind: chat.KindPerson, MemberName: "users/103", Email: "m2@example.com", Role: chat.RoleMember, State: chat.StateJoined},
		{Name: "spaces/S/members/inv", Kind: chat.KindPerson, MemberName: "users/777", Role: chat.RoleMember, State: chat.StateInvited},
		{Name: "spaces/S/members/g1", Kind: chat.KindGroup, MemberName: "groups/g1", State: chat.StateJoined},
	}
}

func names(cs []Change) string {
	var out []string
	for _, c := range cs {
		n := c.Member.MemberName
		if n == "" {
			n = c.Item.Member
		}
		if c.Why != "" {
			n += "(" + string(c.Why) + ")"
		}
		if c.Item.Role != "" {
			n += ":" + string(c.Item.Role)
		}
		out = append(out, n)
	}
	return strings.Join(out, " ")
}

func warnings(p SyncPlan) string {
	var out []string
	for _, w := range p.Warnings {
		out = append(out, w.Code)
	}
	return strings.Join(out, " ")
}

func syncRecords(t *testing.T, text string) []table.Record {
	t.Helper()
	return parse(t, text)
}

func TestSyncPlansAddRemoveRoleAndKeep(t *testing.T) {
	list := syncRecords(t, "email,role\n"+
		"M1@example.com,manager\n"+ // listed, role up
		"new@example.com,\n"+ // added as member
		"group:team@example.com,\n"+ // the group that is there (looked up to groups/g1)
		"mgr@example.com,member\n"+ // a manager the list lowers: kept (IncludeManagers off)
		"out@elsewhere.org,\n"+ // outside, Project allows only the organisation: rejected
		"new@example.com,\n") // duplicate: rejected, not an invalid row
	p := Sync(syncSpace, syncMembers(), list, SyncOptions{Domain: "example.com", Groups: map[string]string{"team@example.com": "groups/g1"}})
	if got := names(p.Add); got != "users/new@example.com:ROLE_MEMBER" {
		t.Errorf("add: %s", got)
	}
	if got := names(p.SetRole); got != "users/102:ROLE_ASSISTANT_MANAGER" {
		t.Errorf("set role: %s", got)
	}
	if got := names(p.Remove); got != "users/103" {
		t.Errorf("remove: %s", got)
	}
	if got := names(p.Keep); got != "groups/g1(listed) users/101(manager) users/100(self) users/app(app) users/777(unmatched)" {
		t.Errorf("keep: %s", got)
	}
	if p.Keep[1].Wanted != chat.RoleMember {
		t.Errorf("the manager kept should say the list wanted member: %+v", p.Keep[1])
	}
	if len(p.Rejected) != 2 || p.Rejected[0].Verdict != Outside || p.Rejected[1].Verdict != Duplicate {
		t.Errorf("rejected: %+v", p.Rejected)
	}
	if got := warnings(p); got != CodeUnmatchedKept {
		t.Errorf("warnings %q", got)
	}
	items := p.Items()
	if len(items) != 3 || items[0].Op != bulk.OpAdd || items[1].Op != bulk.OpSetRole || items[2].Op != bulk.OpRemove {
		t.Errorf("items not adds, role changes, removals: %+v", items)
	}
	if items[2] != (bulk.Item{Op: bulk.OpRemove, Space: "spaces/S", Member: "users/103", Kind: chat.KindPerson}) {
		t.Errorf("removal item %+v", items[2])
	}
}

func TestSyncOptionsLetManagersAppsAndSelfGo(t *testing.T) {
	list := syncRecords(t, "email,role\nm1@example.com,\nmgr@example.com,member\n")
	p := Sync(syncSpace, syncMembers(), list, SyncOptions{IncludeManagers: true, IncludeApps: true})
	if got := names(p.SetRole); got != "users/101:ROLE_MEMBER" {
		t.Errorf("set role: %s", got)
	}
	if got := names(p.Remove); got != "users/app users/103 groups/g1" {
		t.Errorf("remove: %s", got)
	}
	if got := names(p.Keep); got != "users/102(listed) users/100(self) users/777(unmatched)" {
		t.Errorf("keep: %s", got)
	}
	p = Sync(syncSpace, syncMembers(), list, SyncOptions{IncludeSelf: true, IncludeManagers: true}) // the user is an owner
	if !strings.Contains(names(p.Remove), "users/100") {
		t.Errorf("IncludeSelf: the user is not removed: %s", names(p.Remove))
	}
}

// A list that matches nobody in the space would empty it: the plan says so before anyone
// confirms.
func TestSyncThatRemovesEveryoneIsFlagged(t *testing.T) {
	ms := syncMembers()[:5] // no invitee, so nobody is kept for want of an address
	strangers := syncRecords(t, "email\nx@example.com\ny@example.com\n")
	p := Sync(syncSpace, ms, strangers, SyncOptions{IncludeManagers: true})
	if got := warnings(p); got != CodeRemovesAllButYou {
		t.Errorf("all but the user: warnings %q (remove %s)", got, names(p.Remove))
	}
	if !strings.Contains(p.Warnings[0].Message, "members to remove: 3") {
		t.Errorf("message %q", p.Warnings[0].Message)
	}
	p = Sync(syncSpace, ms, strangers, SyncOptions{IncludeManagers: true, IncludeSelf: true})
	if got := warnings(p); got != CodeRemovesEveryone {
		t.Errorf("everyone: warnings %q", got)
	}
	p = Sync(syncSpace, ms, nil, SyncOptions{IncludeManagers: true, IncludeSelf: true, IncludeApps: true})
	if got := warnings(p); got != CodeRemovesEveryone || len(p.Remove) != 5 {
		t.Errorf("empty list: warnings %q, %d removals", got, len(p.Remove))
	}
	// Managers kept: not everyone goes, no warning.
	p = Sync(syncSpace, ms, strangers, SyncOptions{})
	if got := warnings(p); got != "" {
		t.Errorf("managers kept: warnings %q", got)
	}
}

// A row that can't be read would have named someone who is now removed: said before confirming.
func TestSyncWithUnreadableRowsWarns(t *testing.T) {
	list := syncRecords(t, "email\nm1@example.com\nm2@exa mple.com\nmgr@example.com\n")
	p := Sync(syncSpace, syncMembers()[:5], list, SyncOptions{})
	if got := warnings(p); got != CodeListHasInvalid {
		t.Errorf("warnings %q", got)
	}
	if got := names(p.Remove); got != "users/103" {
		t.Errorf("remove %s", got)
	}
}

// The count in the warning reads right for one member too (no "all 1 members": problem texts
// have no plural forms, so the count follows a colon).
func TestSyncWarningReadsRightForOneMember(t *testing.T) {
	var me, other []chat.Member
	for _, m := range syncMembers()[:5] {
		if m.Me {
			me = append(me, m)
		} else if m.Kind == chat.KindPerson && len(other) == 0 {
			other = append(other, m)
		}
	}
	if len(me) != 1 || len(other) != 1 {
		t.Fatalf("the fixture has no user and other person: %+v", syncMembers())
	}
	p := Sync(syncSpace, append(me, other...), syncRecords(t, "email\nx@example.com\n"), SyncOptions{IncludeManagers: true})
	if got := warnings(p); got != CodeRemovesAllButYou {
		t.Fatalf("warnings %q (remove %s)", got, names(p.Remove))
	}
	msg := p.Warnings[0].Message
	if strings.Contains(msg, "1 members") || !strings.Contains(msg, "members to remove: 1") {
		t.Errorf("message %q", msg)
	}
}
