package session

import (
	"context"
	"strings"
	"testing"

	"chatmembers/backend/adding"
	"chatmembers/backend/auth"
	"chatmembers/backend/chat"
	"chatmembers/backend/directory"
	"chatmembers/backend/emulator"
)

// As app.go's Directory.Suggest and Members.Add call them.

func suggest(w *Session, q string) ([]directory.Person, error) {
	return Call(context.Background(), w, Action{Name: "directory.suggest", Scope: auth.ScopeDirectoryReadonly},
		func(ctx context.Context, _ *chat.Service) ([]directory.Person, error) {
			d, err := w.Directory()
			if err != nil {
				return nil, err
			}
			return d.SearchPeople(ctx, q, 8)
		})
}

func addAll(w *Session, space string, entries []string, role chat.Role) ([]adding.Outcome, error) {
	return Call(context.Background(), w, Action{Name: "members.add", Timeout: adding.Timeout(len(entries)), Scope: auth.ScopeMemberships},
		func(ctx context.Context, c *chat.Service) ([]adding.Outcome, error) {
			d, err := w.Directory()
			if err != nil {
				return nil, err
			}
			return adding.Add(ctx, adding.Deps{Chat: c, Directory: d, Ask: w.Ask}, space, adding.Auto(entries), role)
		})
}

// The first suggestion asks for directory.readonly, the first group for the groups scope; each
// once, and only then.
func TestDirectoryPermissionsAskedWhenFirstNeeded(t *testing.T) {
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	w := newDemo(t, b)
	if _, err := w.Directory(); err == nil {
		t.Fatal("a directory before signing in")
	}
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.openedURLs()[0], "directory") {
		t.Fatal("the sign-in asked for the directory")
	}
	got, err := suggest(w, "Priya")
	if err != nil || len(got) != 1 || got[0].Email != emulator.DemoSecondAdminEmail {
		t.Fatalf("%+v %v", got, err)
	}
	if o := b.openedURLs(); len(o) != 2 || !strings.Contains(o[1], "directory.readonly") || strings.Contains(o[1], "cloud-identity") {
		t.Fatalf("opened %q", o)
	}
	if _, err := suggest(w, "Kwame"); err != nil || len(b.openedURLs()) != 2 {
		t.Fatalf("second suggestion: %v, %d pages", err, len(b.openedURLs()))
	}
	out, err := addAll(w, "spaces/"+emulator.DemoInternalSpaceID, []string{emulator.DemoJoinerEmail}, chat.RoleMember)
	if err != nil || out[0].Membership == nil || len(b.openedURLs()) != 2 {
		t.Fatalf("a person alone: %v %+v, %d pages", err, out, len(b.openedURLs()))
	}
	out, err = addAll(w, "spaces/"+emulator.DemoInternalSpaceID, []string{emulator.DemoGroupEmail}, chat.RoleMember)
	if err != nil || out[0].Membership == nil || out[0].Kind != chat.KindGroup {
		t.Fatalf("group: %v %+v", err, out)
	}
	if o := b.openedURLs(); len(o) != 3 || !strings.Contains(o[2], "cloud-identity.groups.readonly") {
		t.Fatalf("opened %q", o)
	}
}
