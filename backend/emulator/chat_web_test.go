package emulator_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	chat "google.golang.org/api/chat/v1"

	"chatmembers/backend/emulator"
)

// The demo's stand-in Chat page lists a person added through the API, with their state.
func TestChatWebPageShowsMembersAddedThroughTheAPI(t *testing.T) {
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	svc := chatAs(t, srv, emulator.DemoAdminEmail, "chat.memberships")
	if _, err := svc.Spaces.Members.Create("spaces/"+emulator.DemoInternalSpaceID, &chat.Membership{
		Member: &chat.User{Name: "users/" + emulator.DemoNoAutoAcceptEmail, Type: "HUMAN"}}).Do(); err != nil {
		t.Fatal(err)
	}
	link, ok := srv.WebURL("https://chat.google.com/room/" + emulator.DemoInternalSpaceID)
	if !ok || !strings.HasPrefix(link, srv.URL()+"/chat/room/") {
		t.Fatalf("WebURL = %q, %v", link, ok)
	}
	res, err := http.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	page := string(body)
	if res.StatusCode != 200 || !strings.Contains(page, "<h1>Engineering</h1>") {
		t.Fatalf("status %d, page %s", res.StatusCode, page)
	}
	row := page[strings.Index(page, emulator.DemoNoAutoAcceptEmail):]
	if !strings.Contains(row[:strings.Index(row, "</tr>")], "Invited") {
		t.Fatalf("the invited person's row does not say Invited: %s", row[:strings.Index(row, "</tr>")])
	}

	for _, bad := range []string{"https://chat.google.com/room/A/../B", "https://evil.example/room/AAAA", "http://chat.google.com/room/AAAA", "https://chat.google.com/settings"} {
		if got, ok := srv.WebURL(bad); ok {
			t.Errorf("WebURL(%q) = %q, want refused", bad, got)
		}
	}
	res, err = http.Get(srv.URL() + "/chat/room/AAAAnotthere")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown space: status %d", res.StatusCode)
	}
}
