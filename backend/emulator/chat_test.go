package emulator_test

// Chat API tests through the unmodified google.golang.org/api/chat/v1 client over loopback HTTP.

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"chatmembers/backend/emulator"

	"golang.org/x/oauth2"
	chat "google.golang.org/api/chat/v1"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/option"
)

// startChat serves opts on a free loopback port for the length of the test.
func startChat(tb testing.TB, opts emulator.Options) *emulator.Server {
	tb.Helper()
	srv, err := emulator.Start("127.0.0.1:0", opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = srv.Close() })
	return srv
}

// chatAs returns a chat/v1 client acting as email with the given scopes.
func chatAs(tb testing.TB, srv *emulator.Server, email string, scopes ...string) *chat.Service {
	tb.Helper()
	tok, err := srv.IssueToken(email, scopes...)
	if err != nil {
		tb.Fatal(err)
	}
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok, TokenType: "Bearer"})
	svc, err := chat.NewService(context.Background(),
		option.WithEndpoint(srv.URL()+"/"), option.WithTokenSource(ts))
	if err != nil {
		tb.Fatal(err)
	}
	return svc
}

// googleErr is the "error" object of Google's JSON error body.
type googleErr struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Status  string `json:"status"`
	Details []struct {
		Type     string            `json:"@type"`
		Reason   string            `json:"reason"`
		Domain   string            `json:"domain"`
		Metadata map[string]string `json:"metadata"`
	} `json:"details"`
}

// parseGoogleErr reads the raw body of a *googleapi.Error, where the status string lives.
func parseGoogleErr(tb testing.TB, err error) googleErr {
	tb.Helper()
	var gerr *googleapi.Error
	if !errors.As(err, &gerr) {
		tb.Fatalf("want *googleapi.Error, got %T: %v", err, err)
	}
	var body struct{ Error googleErr }
	if jerr := json.Unmarshal([]byte(gerr.Body), &body); jerr != nil {
		tb.Fatalf("error body is not Google's JSON: %v: %q", jerr, gerr.Body)
	}
	if body.Error.Code != gerr.Code {
		tb.Fatalf("body code %d, HTTP %d", body.Error.Code, gerr.Code)
	}
	return body.Error
}

// wantErr checks an error's HTTP code and Google status.
func wantErr(tb testing.TB, err error, code int, status string) googleErr {
	tb.Helper()
	if err == nil {
		tb.Fatalf("want %d %s, got success", code, status)
	}
	ge := parseGoogleErr(tb, err)
	if ge.Code != code || ge.Status != status {
		tb.Fatalf("want %d %s, got %d %s: %s", code, status, ge.Code, ge.Status, ge.Message)
	}
	return ge
}

const (
	spacesRO = "chat.spaces.readonly"
	members  = "chat.memberships"
	membRO   = "chat.memberships.readonly"
	membApp  = "chat.memberships.app"
)

var protoTimeRE = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3}|\.\d{6}|\.\d{9})?Z$`)

// listAllSpaces visits every page and returns the space names and the number of pages.
func listAllSpaces(tb testing.TB, svc *chat.Service, size int64, filter string) (names []string, pages int) {
	tb.Helper()
	tok := ""
	for {
		resp, err := svc.Spaces.List().PageSize(size).Filter(filter).PageToken(tok).Do()
		if err != nil {
			tb.Fatal(err)
		}
		pages++
		for _, sp := range resp.Spaces {
			names = append(names, sp.Name)
		}
		if tok = resp.NextPageToken; tok == "" {
			return names, pages
		}
	}
}

func TestListSpacesShowsJoinedSpacesWithMessages(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	names, _ := listAllSpaces(t, chatAs(t, srv, emulator.DemoAdminEmail, spacesRO), 1000, "")

	// Expected from the dataset itself: JOINED, and group chats/DMs only with messages.
	d := emulator.DemoData()
	admin := d.UserByEmail(emulator.DemoAdminEmail)
	var want []string
	for _, sp := range d.Spaces {
		for _, m := range d.Memberships {
			if m.SpaceID == sp.ID && m.UserID == admin.ID && m.State == emulator.StateJoined &&
				(sp.Type == emulator.SpaceTypeSpace || sp.HasMessages) {
				want = append(want, "spaces/"+sp.ID)
			}
		}
	}
	if !slices.Equal(names, want) {
		t.Fatalf("spaces.list\n got %v\nwant %v", names, want)
	}
	for _, hidden := range []string{emulator.DemoNotMemberSpaceID, emulator.DemoQuietGroupChatID} {
		if slices.Contains(names, "spaces/"+hidden) {
			t.Errorf("%s listed", hidden)
		}
	}
	if !slices.Contains(names, "spaces/"+emulator.DemoDirectMessageID) {
		t.Error("DM with messages not listed")
	}
}

func TestSpaceWireFormat(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	svc := chatAs(t, srv, emulator.DemoAdminEmail, "chat.spaces") // the read-write scope also lists
	sp, err := svc.Spaces.Get("spaces/" + emulator.DemoInternalSpaceID).Do()
	if err != nil {
		t.Fatal(err)
	}
	if sp.SpaceType != "SPACE" || sp.Type != "ROOM" || sp.DisplayName != "Engineering" ||
		sp.SpaceUri != "https://chat.google.com/room/"+emulator.DemoInternalSpaceID ||
		sp.SpaceThreadingState != "THREADED_MESSAGES" || sp.ExternalUserAllowed ||
		sp.MembershipCount == nil || sp.MembershipCount.JoinedDirectHumanUserCount != 12 ||
		sp.AccessSettings == nil || sp.AccessSettings.AccessState != "DISCOVERABLE" ||
		!protoTimeRE.MatchString(sp.CreateTime) || !protoTimeRE.MatchString(sp.LastActiveTime) {
		t.Errorf("space: %+v", sp)
	}
	dm, err := svc.Spaces.Get("spaces/" + emulator.DemoDirectMessageID).Do()
	if err != nil {
		t.Fatal(err)
	}
	if dm.SpaceType != "DIRECT_MESSAGE" || dm.Type != "DM" || dm.DisplayName != "" ||
		!strings.HasPrefix(dm.SpaceUri, "https://chat.google.com/dm/") || dm.AccessSettings != nil {
		t.Errorf("dm: %+v", dm)
	}
	ext, err := svc.Spaces.Get("spaces/" + emulator.DemoExternalSpaceID).Do()
	if err != nil || !ext.ExternalUserAllowed {
		t.Errorf("external space: %+v, %v", ext, err)
	}
}

func TestGetSpaceNotFound(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	svc := chatAs(t, srv, emulator.DemoAdminEmail, spacesRO)
	for _, id := range []string{emulator.DemoNotMemberSpaceID, "AAAAdoesNot", "x.y"} {
		_, err := svc.Spaces.Get("spaces/" + id).Do()
		if ge := wantErr(t, err, 404, "NOT_FOUND"); ge.Message != "Requested entity was not found." {
			t.Errorf("%s: message %q", id, ge.Message)
		}
	}
	// A group chat without messages is not listed but can be read.
	if _, err := svc.Spaces.Get("spaces/" + emulator.DemoQuietGroupChatID).Do(); err != nil {
		t.Errorf("quiet group chat: %v", err)
	}
}

func TestListSpacesPaging(t *testing.T) {
	srv := startChat(t, emulator.Options{Data: emulator.GenerateDataset(2500, 50)})
	svc := chatAs(t, srv, emulator.DemoAdminEmail, spacesRO)

	names, pages := listAllSpaces(t, svc, 1000, "")
	if len(names) != 2500 || pages != 3 {
		t.Fatalf("pageSize 1000: %d spaces in %d pages, want 2500 in 3", len(names), pages)
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Fatalf("%s on two pages", n)
		}
		seen[n] = true
	}
	cases := []struct {
		size int64
		want int
	}{{0, 100}, {7, 7}, {1000, 1000}, {1001, 1000}, {50000, 1000}}
	for _, c := range cases {
		resp, err := svc.Spaces.List().PageSize(c.size).Do()
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.Spaces) != c.want || resp.NextPageToken == "" {
			t.Errorf("pageSize %d: %d spaces, token %q; want %d and a token", c.size, len(resp.Spaces), resp.NextPageToken, c.want)
		}
	}
	_, err := svc.Spaces.List().PageSize(-1).Do()
	wantErr(t, err, 400, "INVALID_ARGUMENT")
}

func TestListSpacesLastPageHasNoToken(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	resp, err := chatAs(t, srv, emulator.DemoAdminEmail, spacesRO).Spaces.List().Do()
	if err != nil {
		t.Fatal(err)
	}
	if resp.NextPageToken != "" || len(resp.Spaces) == 0 {
		t.Fatalf("%d spaces, token %q", len(resp.Spaces), resp.NextPageToken)
	}
}

func TestListSpacesPageTokenMustMatch(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	svc := chatAs(t, srv, emulator.DemoAdminEmail, spacesRO)
	first, err := svc.Spaces.List().PageSize(2).Filter(`spaceType = "SPACE"`).Do()
	if err != nil || first.NextPageToken == "" {
		t.Fatalf("first page: %v, token %q", err, first.NextPageToken)
	}
	// The same filter with other spacing is the same query.
	if _, err := svc.Spaces.List().PageSize(2).Filter(`spaceType="SPACE"`).PageToken(first.NextPageToken).Do(); err != nil {
		t.Errorf("same filter, other spacing: %v", err)
	}
	for name, call := range map[string]*chat.SpacesListCall{
		"other filter": svc.Spaces.List().Filter(`spaceType = "GROUP_CHAT"`).PageToken(first.NextPageToken),
		"no filter":    svc.Spaces.List().PageToken(first.NextPageToken),
		"garbage":      svc.Spaces.List().PageToken("not-a-token"),
		"other user": chatAs(t, srv, emulator.DemoSecondAdminEmail, spacesRO).Spaces.List().
			Filter(`spaceType = "SPACE"`).PageToken(first.NextPageToken),
	} {
		_, err := call.Do()
		t.Run(name, func(t *testing.T) { wantErr(t, err, 400, "INVALID_ARGUMENT") })
	}
}

func TestListSpacesFilter(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	svc := chatAs(t, srv, emulator.DemoAdminEmail, spacesRO)
	valid := []struct {
		filter string
		types  []string
	}{
		{`spaceType = "SPACE"`, []string{"SPACE"}},
		{`spaceType = "GROUP_CHAT" OR spaceType = "DIRECT_MESSAGE"`, []string{"GROUP_CHAT", "DIRECT_MESSAGE"}},
		{"  spaceType=\"DIRECT_MESSAGE\"\t", []string{"DIRECT_MESSAGE"}},
		{`space_type = "GROUP_CHAT"`, []string{"GROUP_CHAT"}},
		{``, []string{"SPACE", "GROUP_CHAT", "DIRECT_MESSAGE"}},
	}
	for _, c := range valid {
		t.Run(c.filter, func(t *testing.T) {
			resp, err := svc.Spaces.List().Filter(c.filter).Do()
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, sp := range resp.Spaces {
				got[sp.SpaceType] = true
			}
			if len(got) != len(c.types) {
				t.Fatalf("types %v, want %v", got, c.types)
			}
			for _, ty := range c.types {
				if !got[ty] {
					t.Fatalf("types %v, want %v", got, c.types)
				}
			}
		})
	}
	invalid := []string{
		`spaceType = SPACE`, `spaceType = "ROOM"`, `spaceType = "SPACE_TYPE_UNSPECIFIED"`,
		`displayName = "Engineering"`, `spaceType != "SPACE"`,
		`spaceType = "SPACE" AND spaceType = "GROUP_CHAT"`, `spaceType = "SPACE" or spaceType = "DM"`,
		`spaceType = "SPACE" OR`, `"SPACE"`, `spaceType = "SPACE`, `(spaceType = "SPACE")`,
	}
	for _, f := range invalid {
		t.Run("invalid "+f, func(t *testing.T) {
			_, err := svc.Spaces.List().Filter(f).Do()
			ge := wantErr(t, err, 400, "INVALID_ARGUMENT")
			if !strings.Contains(ge.Message, "filter") {
				t.Errorf("message %q does not mention the filter", ge.Message)
			}
		})
	}
}

func TestChatAuthErrors(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	// No token at all, and a token the server never issued.
	for name, hdr := range map[string]string{"missing": "", "invalid": "Bearer ya29.forged"} {
		t.Run(name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", srv.URL()+"/v1/spaces?alt=json&prettyPrint=false", nil)
			if hdr != "" {
				req.Header.Set("Authorization", hdr)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			var e struct{ Error googleErr }
			_ = json.Unmarshal(body, &e)
			if resp.StatusCode != 401 || e.Error.Code != 401 || e.Error.Status != "UNAUTHENTICATED" ||
				!strings.Contains(e.Error.Message, "Expected OAuth 2 access token") {
				t.Fatalf("%d %s", resp.StatusCode, body)
			}
			if name == "invalid" && !strings.HasPrefix(e.Error.Message, "Request had invalid authentication credentials.") {
				t.Errorf("message %q", e.Error.Message)
			}
		})
	}
}

// The Authorization scheme is case-insensitive (RFC 7235 §2.1), at the Chat API and userinfo.
func TestBearerSchemeCaseInsensitive(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	tok, err := srv.IssueToken(emulator.DemoAdminEmail, "openid", "email", "chat.spaces.readonly")
	if err != nil {
		t.Fatal(err)
	}
	for hdr, want := range map[string]int{
		"Bearer " + tok:  200,
		"bearer " + tok:  200,
		"BEARER " + tok:  200,
		"bEaReR  " + tok: 200, // RFC 7235 allows more than one space
		"Bearer":         401,
		"Bearer ":        401,
		"Bearer" + tok:   401,
		"Basic " + tok:   401,
		"Bearerx " + tok: 401,
		tok:              401,
	} {
		for _, path := range []string{"/v1/spaces", "/v1/userinfo"} {
			req, _ := http.NewRequest("GET", srv.URL()+path, nil)
			req.Header.Set("Authorization", hdr)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != want {
				t.Errorf("%s with %q: %d, want %d", path, strings.Replace(hdr, tok, "TOKEN", 1), resp.StatusCode, want)
			}
		}
	}
}

// decodeJSON reads and closes a raw response body into v.
func decodeJSON(tb testing.TB, resp *http.Response, v any) {
	tb.Helper()
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		tb.Fatalf("%d: body is not JSON: %v", resp.StatusCode, err)
	}
}
