package chat

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"chatmembers/backend/emulator"
)

// The demo admin as the app knows them after sign-in: an email and the ID token's sub.
func demoSelf(t *testing.T, d *emulator.Dataset) Self {
	t.Helper()
	u := d.UserByEmail(emulator.DemoAdminEmail)
	if u == nil {
		t.Fatal("no demo admin")
	}
	return Self{Email: u.Email, UserID: u.ID}
}

func TestSpaceLabelsNameConversationsByTheirOtherMembers(t *testing.T) {
	d := emulator.DemoData()
	f := newFixture(t, d)
	me := demoSelf(t, d)
	got, err := f.svc.SpaceLabels(context.Background(),
		[]string{"spaces/AAAAx4Ge2Mo", "spaces/" + emulator.DemoDirectMessageID, "spaces/AAAAy6Wf8Dt"}, me)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"spaces/AAAAx4Ge2Mo":                     "Priya Raman, Chen Wei, Jonas Weber",
		"spaces/" + emulator.DemoDirectMessageID: "Priya Raman",
		"spaces/AAAAy6Wf8Dt":                     "Amara Okafor, Kwame Mensah",
	}
	if len(got) != len(want) {
		t.Errorf("labels %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("label of %s = %q, want %q", k, got[k], v)
		}
	}
}

// The signed-in person is left out by user id alone: real Google may send no email.
func TestSpaceLabelLeavesOutTheSignedInPersonByUserID(t *testing.T) {
	d := emulator.DemoData()
	f := newFixture(t, d)
	me := demoSelf(t, d)
	for _, self := range []Self{{UserID: me.UserID}, {UserID: "users/" + me.UserID}, {Email: strings.ToUpper(me.Email)}} {
		got, err := f.svc.SpaceLabel(context.Background(), "spaces/"+emulator.DemoDirectMessageID, self)
		if err != nil {
			t.Fatal(err)
		}
		if got != "Priya Raman" {
			t.Errorf("self %+v: label %q, want the other person only", self, got)
		}
	}
}

// A group chat larger than one page of spaces.members.list is named by every page.
func TestSpaceLabelReadsEveryPage(t *testing.T) {
	d := emulator.DemoData()
	const extra = 1100 // more than the 1,000 members of one page
	for i := range extra {
		u := &emulator.User{ID: fmt.Sprintf("9%020d", i), Email: fmt.Sprintf("p%d@%s", i, d.Domain),
			DisplayName: fmt.Sprintf("Person %d", i), AutoAccept: true}
		d.Users = append(d.Users, u)
		d.Memberships = append(d.Memberships, &emulator.Membership{SpaceID: "AAAAx4Ge2Mo", UserID: u.ID,
			Role: emulator.RoleMember, State: emulator.StateJoined, CreateTime: d.Spaces[0].CreateTime})
	}
	f := newFixture(t, d)
	got, err := f.svc.SpaceLabel(context.Background(), "spaces/AAAAx4Ge2Mo", demoSelf(t, d))
	if err != nil {
		t.Fatal(err)
	}
	names := strings.Split(got, ", ")
	if len(names) != 3+extra {
		t.Fatalf("label has %d names, want %d", len(names), 3+extra)
	}
	if !strings.Contains(got, fmt.Sprintf("Person %d", extra-1)) {
		t.Errorf("label lacks the last page's member")
	}
	lists := 0
	for _, r := range f.rt.requests() {
		if strings.HasSuffix(r, "/members") {
			lists++
		}
	}
	if lists < 2 {
		t.Errorf("%d members.list requests, want every page (2 or more)", lists)
	}
}

func TestSpaceLabelsRefusesABadNameBeforeAnyRequest(t *testing.T) {
	f := newFixture(t, nil)
	_, err := f.svc.SpaceLabels(context.Background(), []string{"spaces/../x"}, Self{})
	wantCode(t, err, CodeInvalidSpace)
	if n := f.rt.count(); n != 0 {
		t.Errorf("%d requests sent for an invalid name", n)
	}
}

// One conversation failing does not lose the labels of the others.
func TestSpaceLabelsKeepsTheOthersWhenOneFails(t *testing.T) {
	d := emulator.DemoData()
	f := newFixture(t, d)
	got, err := f.svc.SpaceLabels(context.Background(),
		[]string{"spaces/" + emulator.DemoNotMemberSpaceID, "spaces/AAAAy6Wf8Dt"}, demoSelf(t, d))
	if err != nil {
		t.Fatalf("error %v although one space was labelled", err)
	}
	if got["spaces/AAAAy6Wf8Dt"] != "Amara Okafor, Kwame Mensah" || len(got) != 1 {
		t.Errorf("labels %v", got)
	}
}
