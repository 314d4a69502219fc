package chat

import (
	"context"
	"testing"

	"chatmembers/backend/emulator"
)

// FindMember tells a member from someone who is not one, by address or user id, and a missing
// space from both.
func TestFindMemberTellsMembersFromOthersAndMissingSpaces(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	space := "spaces/" + emulator.DemoInternalSpaceID
	m, found, err := f.svc.FindMember(ctx, space, "users/"+emulator.DemoAdminEmail, false)
	if err != nil || !found || m.Name == "" || m.Role != RoleOwner {
		t.Fatalf("the admin: %+v found=%v %v", m, found, err)
	}
	if _, found, err := f.svc.FindMember(ctx, space, emulator.DemoJoinerEmail, false); err != nil || found {
		t.Fatalf("a colleague not in the space: found=%v %v", found, err)
	}
	if _, err := f.svc.AddPerson(ctx, space, emulator.DemoJoinerEmail); err != nil {
		t.Fatal(err)
	}
	m, found, err = f.svc.FindMember(ctx, space, "users/"+emulator.DemoJoinerEmail, false)
	if err != nil || !found || m.Email != emulator.DemoJoinerEmail {
		t.Fatalf("after the add: %+v found=%v %v", m, found, err)
	}
	if _, _, err := f.svc.FindMember(ctx, "spaces/AAAAnothere1", emulator.DemoJoinerEmail, false); err == nil {
		t.Fatal("a space that does not exist: no error")
	} else {
		wantCode(t, err, CodeSpaceNotFound)
	}
}
