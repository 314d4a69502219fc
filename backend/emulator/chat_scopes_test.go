package emulator_test

import (
	"sync"
	"testing"
	"time"

	"chatmembers/backend/emulator"

	chat "google.golang.org/api/chat/v1"
)

// TestChatScopesPerMethod: each method accepts the user-auth scopes of the discovery document
// and refuses others with 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT naming the RPC.
func TestChatScopesPerMethod(t *testing.T) {
	space := "spaces/" + emulator.DemoInternalSpaceID
	self := space + "/members/" + emulator.DemoAdminEmail
	human := &chat.Membership{Member: &chat.User{Name: "users/" + emulator.DemoJoinerEmail, Type: "HUMAN"}}
	app := &chat.Membership{Member: &chat.User{Name: "users/app", Type: "BOT"}}
	calls := []struct {
		name   string
		rpc    string
		ok, no []string // scopes that work, scopes that get 403
		call   func(*chat.Service) error
	}{
		{"spaces.list", "ListSpaces", []string{spacesRO, "chat.spaces"}, []string{members, membRO, "chat.bot", "chat.messages"},
			func(s *chat.Service) error { _, err := s.Spaces.List().Do(); return err }},
		{"spaces.get", "GetSpace", []string{spacesRO, "chat.spaces"}, []string{members, "chat.admin.spaces.readonly"},
			func(s *chat.Service) error { _, err := s.Spaces.Get(space).Do(); return err }},
		{"members.list", "ListMemberships", []string{membRO, members}, []string{spacesRO, membApp},
			func(s *chat.Service) error { _, err := s.Spaces.Members.List(space).Do(); return err }},
		{"members.get", "GetMembership", []string{membRO, members}, []string{spacesRO, membApp},
			func(s *chat.Service) error { _, err := s.Spaces.Members.Get(self).Do(); return err }},
		{"members.create human", "CreateMembership", []string{members}, []string{membRO, membApp, spacesRO, "chat.import"},
			func(s *chat.Service) error { _, err := s.Spaces.Members.Create(space, human).Do(); return err }},
		{"members.create app", "CreateMembership", []string{membApp}, []string{members, membRO},
			func(s *chat.Service) error { _, err := s.Spaces.Members.Create(space, app).Do(); return err }},
		{"members.patch", "UpdateMembership", []string{members}, []string{membRO, membApp},
			func(s *chat.Service) error {
				_, err := s.Spaces.Members.Patch(self, &chat.Membership{Role: "ROLE_MANAGER"}).UpdateMask("role").Do()
				return err
			}},
		{"members.delete", "DeleteMembership", []string{members}, []string{membRO, membApp},
			func(s *chat.Service) error {
				_, err := s.Spaces.Members.Delete(space + "/members/" + emulator.DemoSecondAdminEmail).Do()
				return err
			}},
	}
	for _, c := range calls {
		for _, sc := range c.ok {
			t.Run(c.name+" with "+sc, func(t *testing.T) {
				srv := startChat(t, emulator.Options{})
				if err := c.call(chatAs(t, srv, emulator.DemoAdminEmail, sc)); err != nil {
					t.Fatal(err)
				}
			})
		}
		for _, sc := range c.no {
			t.Run(c.name+" without scope, has "+sc, func(t *testing.T) {
				srv := startChat(t, emulator.Options{})
				ge := wantErr(t, c.call(chatAs(t, srv, emulator.DemoAdminEmail, sc)), 403, "PERMISSION_DENIED")
				if ge.Message != "Request had insufficient authentication scopes." || len(ge.Details) != 1 {
					t.Fatalf("%+v", ge)
				}
				d := ge.Details[0]
				if d.Type != "type.googleapis.com/google.rpc.ErrorInfo" || d.Reason != "ACCESS_TOKEN_SCOPE_INSUFFICIENT" ||
					d.Domain != "googleapis.com" || d.Metadata["service"] != "chat.googleapis.com" ||
					d.Metadata["method"] != "google.chat.v1.ChatService."+c.rpc {
					t.Fatalf("details %+v", d)
				}
			})
		}
	}
}

// clock is a settable time source for Options.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestExpiredTokenIsUnauthenticated(t *testing.T) {
	clk := &clock{t: time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)}
	srv := startChat(t, emulator.Options{Now: clk.now})
	svc := chatAs(t, srv, emulator.DemoAdminEmail, spacesRO)
	if _, err := svc.Spaces.List().Do(); err != nil {
		t.Fatal(err)
	}
	clk.add(time.Hour + time.Second)
	_, err := svc.Spaces.List().Do()
	ge := wantErr(t, err, 401, "UNAUTHENTICATED")
	if ge.Message != "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project." {
		t.Fatalf("message %q", ge.Message)
	}
}

func TestUseAdminAccessNeedsAdminScope(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	space := "spaces/" + emulator.DemoInternalSpaceID
	_, err := chatAs(t, srv, emulator.DemoAdminEmail, spacesRO).Spaces.Get(space).UseAdminAccess(true).Do()
	wantErr(t, err, 403, "PERMISSION_DENIED")
	// With the admin scope an administrator gets the space (admin_test.go covers the rest).
	if _, err = chatAs(t, srv, emulator.DemoAdminEmail, "chat.admin.spaces.readonly").Spaces.Get(space).UseAdminAccess(true).Do(); err != nil {
		t.Fatal(err)
	}
}
