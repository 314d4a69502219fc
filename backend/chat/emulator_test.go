package chat

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/oauth2"
	chatapi "google.golang.org/api/chat/v1"

	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
)

// Everything here goes through the real chat/v1 client over loopback HTTP to the emulator.

var defaultScopes = []string{"chat.spaces.readonly", "chat.memberships"}

// counting counts the requests that reach the network and can run a hook before each.
type counting struct {
	base http.RoundTripper
	mu   sync.Mutex
	reqs []string // "METHOD /path"
	hook func(n int, r *http.Request)
}

func (c *counting) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.reqs = append(c.reqs, r.Method+" "+r.URL.Path)
	n, hook := len(c.reqs), c.hook
	c.mu.Unlock()
	if hook != nil {
		hook(n, r)
	}
	return c.base.RoundTrip(r)
}

func (c *counting) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.reqs)
}

func (c *counting) requests() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.reqs...)
}

type fixture struct {
	srv *emulator.Server
	svc *Service
	rt  *counting
}

// newFixture starts an emulator on data (nil: the demo organisation) and a Service signed in as
// the demo admin with scopes (nil: defaultScopes).
func newFixture(t testing.TB, data *emulator.Dataset, scopes ...string) *fixture {
	t.Helper()
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{Data: data})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	if scopes == nil {
		scopes = defaultScopes
	}
	tok, err := srv.IssueToken(emulator.DemoAdminEmail, scopes...)
	if err != nil {
		t.Fatal(err)
	}
	return newFixtureToken(t, srv, tok)
}

func newFixtureToken(t testing.TB, srv *emulator.Server, tok string) *fixture {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	rt := &counting{base: tr}
	hc := &http.Client{Transport: &oauth2.Transport{
		Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok}),
		Base:   rt,
	}}
	svc, err := New(context.Background(), hc, srv.URL()+"/")
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{srv: srv, svc: svc, rt: rt}
}

func wantCode(t *testing.T, err error, code string) *problem.Problem {
	t.Helper()
	p, ok := problem.As(err)
	if !ok {
		t.Fatalf("error %v (%T), want problem %s", err, err, code)
	}
	if p.Code != code {
		t.Fatalf("problem %s (%s; %s), want %s", p.Code, p.Message, p.Detail, code)
	}
	if p.Message == "" || (p.Fix == "" && code != CodeAlreadyMember) {
		t.Errorf("%s lacks a message or fix: %+v", code, p)
	}
	if strings.Contains(p.Error(), "ya29.") {
		t.Errorf("problem leaks a token: %s", p.Error())
	}
	return p
}

// listedSpaces computes from a dataset what spaces.list must show the demo admin: spaces the
// admin has JOINED, group chats and DMs only once they have messages.
func listedSpaces(d *emulator.Dataset) []string {
	admin := d.UserByEmail(emulator.DemoAdminEmail)
	var out []string
	for _, m := range d.Memberships {
		if m.UserID != admin.ID || m.State != emulator.StateJoined {
			continue
		}
		sp := d.SpaceByID(m.SpaceID)
		if sp.Type == emulator.SpaceTypeSpace || sp.HasMessages {
			out = append(out, "spaces/"+sp.ID)
		}
	}
	sort.Strings(out)
	return out
}

func spaceNames(ss []Space) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, s.Name)
	}
	sort.Strings(out)
	return out
}

func TestListSpacesEveryPage(t *testing.T) {
	for _, tc := range []struct {
		name string
		data *emulator.Dataset
	}{
		{"demo", emulator.DemoData()},
		{"generated 2345 spaces", emulator.GenerateDataset(2345, 40)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, tc.data)
			got, err := f.svc.ListSpaces(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			want := listedSpaces(tc.data)
			if g := spaceNames(got); strings.Join(g, ",") != strings.Join(want, ",") {
				t.Fatalf("ListSpaces gave %d spaces, want %d\ngot  %v\nwant %v", len(g), len(want), g, want)
			}
			// One request per 1000 spaces: the page size is Google's maximum.
			if pages := (len(want) + listPageSize - 1) / listPageSize; f.rt.count() != max(pages, 1) {
				t.Errorf("%d requests for %d spaces, want %d", f.rt.count(), len(want), pages)
			}
			// A second paging at another page size, straight through the client, agrees.
			var second []string
			err = f.svc.api.Spaces.List().PageSize(7).Pages(context.Background(), func(r *chatapi.ListSpacesResponse) error {
				for _, sp := range r.Spaces {
					second = append(second, sp.Name)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			sort.Strings(second)
			if strings.Join(second, ",") != strings.Join(want, ",") {
				t.Errorf("paging by 7 gave %d spaces, want %d", len(second), len(want))
			}
		})
	}
}

func TestListSpacesMapping(t *testing.T) {
	f := newFixture(t, nil)
	got, err := f.svc.ListSpaces(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Space{}
	for _, s := range got {
		byName[s.Name] = s
	}
	eng := byName["spaces/"+emulator.DemoInternalSpaceID]
	if eng.DisplayName != "Engineering" || eng.Type != TypeSpace || eng.ExternalUserAllowed ||
		!strings.Contains(eng.URI, emulator.DemoInternalSpaceID) {
		t.Errorf("Engineering mapped to %+v", eng)
	}
	if ext := byName["spaces/"+emulator.DemoExternalSpaceID]; !ext.ExternalUserAllowed {
		t.Errorf("external space mapped to %+v", ext)
	}
	dm, ok := byName["spaces/"+emulator.DemoDirectMessageID]
	if !ok || dm.Type != TypeDirectMessage || dm.DisplayName != "" {
		t.Errorf("DM mapped to %+v (listed %v)", dm, ok)
	}
	if _, ok := byName["spaces/"+emulator.DemoQuietGroupChatID]; ok {
		t.Error("a group chat without messages was listed")
	}
	if _, ok := byName["spaces/"+emulator.DemoNotMemberSpaceID]; ok {
		t.Error("a space the admin is not in was listed")
	}
	if sp := byName["spaces/"+emulator.DemoInternalSpaceID]; sp.DisplayName != "Engineering" || sp.Type != TypeSpace {
		t.Errorf("Engineering mapped to %+v", sp)
	}
}

func TestGetSpace(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	sp, err := f.svc.GetSpace(ctx, "spaces/"+emulator.DemoQuietGroupChatID)
	if err != nil || sp.Type != TypeGroupChat {
		t.Fatalf("GetSpace(quiet group chat) = %+v, %v", sp, err)
	}
	_, err = f.svc.GetSpace(ctx, "spaces/"+emulator.DemoNotMemberSpaceID)
	p := wantCode(t, err, CodeSpaceNotFound)
	if !strings.HasPrefix(p.Detail, "HTTP 404 NOT_FOUND: ") || p.Params["space"] != "spaces/"+emulator.DemoNotMemberSpaceID {
		t.Errorf("problem %+v", p)
	}
}

func TestAddPerson(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	eng := "spaces/" + emulator.DemoInternalSpaceID

	m, err := f.svc.AddPerson(ctx, eng, "  "+strings.ToUpper(emulator.DemoJoinerEmail[:1])+emulator.DemoJoinerEmail[1:]+" ")
	if err != nil {
		t.Fatal(err)
	}
	if m.State != "JOINED" || m.Role != "ROLE_MEMBER" || m.MemberType != MemberHuman || m.AlreadyMember ||
		!strings.HasPrefix(m.Name, eng+"/members/") || !strings.HasPrefix(m.MemberName, "users/") ||
		m.DisplayName == "" || !strings.EqualFold(m.Email, emulator.DemoJoinerEmail) || m.CreateTime == "" ||
		m.SpaceName != eng || m.SpaceDisplayName != "Engineering" || m.SpaceURI == "" {
		t.Errorf("joined membership %+v", m)
	}
	reqs := f.rt.requests()
	if len(reqs) != 2 || reqs[0] != "GET /v1/"+eng || reqs[1] != "POST /v1/"+eng+"/members" {
		t.Errorf("requests %v, want one spaces.get and one create", reqs)
	}

	// Adding the same person again: the existing membership, no error.
	again, err := f.svc.AddPerson(ctx, eng, emulator.DemoJoinerEmail)
	if err != nil {
		t.Fatal(err)
	}
	if !again.AlreadyMember || again.Name != m.Name || again.State != "JOINED" || again.MemberName != m.MemberName {
		t.Errorf("second add %+v, want the existing %s", again, m.Name)
	}
	// The space came from the cache: create and get only.
	if reqs := f.rt.requests()[2:]; len(reqs) != 2 || !strings.HasPrefix(reqs[1], "GET /v1/"+eng+"/members/") {
		t.Errorf("requests for the second add %v", reqs)
	}

	// Auto-accept off: an invitation.
	inv, err := f.svc.AddPerson(ctx, eng, emulator.DemoNoAutoAcceptEmail)
	if err != nil {
		t.Fatal(err)
	}
	if inv.State != "INVITED" || inv.AlreadyMember || inv.Email != emulator.DemoNoAutoAcceptEmail {
		t.Errorf("invited membership %+v", inv)
	}

	// By numeric id and users/ form: the same person as by email.
	byID, err := f.svc.AddPerson(ctx, eng, m.MemberName)
	if err != nil || !byID.AlreadyMember || byID.Name != m.Name {
		t.Errorf("add by %s = %+v, %v", m.MemberName, byID, err)
	}
	id := strings.TrimPrefix(m.MemberName, "users/")
	if byID, err := f.svc.AddPerson(ctx, eng, id); err != nil || byID.Name != m.Name {
		t.Errorf("add by %s = %+v, %v", id, byID, err)
	}
}

// Someone whose auto-accept is off, added twice: the second answer is their existing invitation
// (INVITED, already there), which the window words as "invited, not accepted yet" rather than
// "already a member".
func TestAddInvitedPersonTwice(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	eng := "spaces/" + emulator.DemoInternalSpaceID
	first, err := f.svc.AddPerson(ctx, eng, emulator.DemoNoAutoAcceptEmail)
	if err != nil || first.State != "INVITED" || first.AlreadyMember {
		t.Fatalf("first add %+v, %v", first, err)
	}
	again, err := f.svc.AddPerson(ctx, eng, emulator.DemoNoAutoAcceptEmail)
	if err != nil {
		t.Fatal(err)
	}
	if again.State != "INVITED" || !again.AlreadyMember || again.Name != first.Name || again.CreateTime != first.CreateTime {
		t.Errorf("second add %+v, want the pending invitation %s", again, first.Name)
	}
}

func TestAddPersonAlreadyMemberFromDataset(t *testing.T) {
	f := newFixture(t, nil)
	m, err := f.svc.AddPerson(context.Background(), "spaces/"+emulator.DemoInternalSpaceID, emulator.DemoSecondAdminEmail)
	if err != nil {
		t.Fatal(err)
	}
	priya := emulator.DemoData().UserByEmail(emulator.DemoSecondAdminEmail)
	if !m.AlreadyMember || m.State != "JOINED" || m.MemberName != "users/"+priya.ID ||
		m.Name != "spaces/"+emulator.DemoInternalSpaceID+"/members/"+priya.ID || m.DisplayName != priya.DisplayName {
		t.Errorf("existing membership %+v", m)
	}
}

func TestAddPersonAlreadyMemberGetFails(t *testing.T) {
	// Only chat.memberships.app besides the space scope: members.get is refused, the answer is
	// still "already a member" with what is known.
	f := newFixture(t, nil, "chat.spaces.readonly", "chat.memberships.app")
	ctx := context.Background()
	eng := "spaces/" + emulator.DemoInternalSpaceID
	if _, err := f.svc.AddApp(ctx, eng); err != nil {
		t.Fatal(err)
	}
	m, err := f.svc.AddApp(ctx, eng)
	if err != nil {
		t.Fatal(err)
	}
	if !m.AlreadyMember || m.MemberName != "users/app" || m.MemberType != MemberBot || m.SpaceName != eng || m.State != "" {
		t.Errorf("fallback membership %+v", m)
	}
}

func TestAddApp(t *testing.T) {
	f := newFixture(t, nil, "chat.spaces.readonly", "chat.memberships", "chat.memberships.app")
	ctx := context.Background()
	for _, sp := range []string{emulator.DemoInternalSpaceID, emulator.DemoDirectMessageID} {
		m, err := f.svc.AddApp(ctx, "spaces/"+sp)
		if err != nil {
			t.Fatalf("AddApp(%s): %v", sp, err)
		}
		if m.MemberType != MemberBot || m.State != "JOINED" || m.AlreadyMember || m.SpaceName != "spaces/"+sp {
			t.Errorf("AddApp(%s) = %+v", sp, m)
		}
		again, err := f.svc.AddApp(ctx, "spaces/"+sp)
		if err != nil || !again.AlreadyMember || again.Name != m.Name {
			t.Errorf("AddApp(%s) again = %+v, %v", sp, again, err)
		}
	}
}

func TestAddAppWithoutScope(t *testing.T) {
	f := newFixture(t, nil)
	_, err := f.svc.AddApp(context.Background(), "spaces/"+emulator.DemoInternalSpaceID)
	p := wantCode(t, err, CodeScopeMissing)
	if p.Params["scope"] != ScopeMembershipsApp || !strings.Contains(p.Detail, "ACCESS_TOKEN_SCOPE_INSUFFICIENT") {
		t.Errorf("problem %+v", p)
	}
}

func TestListSpacesWithoutScope(t *testing.T) {
	f := newFixture(t, nil, "chat.memberships")
	_, err := f.svc.ListSpaces(context.Background())
	if p := wantCode(t, err, CodeScopeMissing); p.Params["scope"] != ScopeSpacesReadonly {
		t.Errorf("problem %+v", p)
	}
}

func TestDirectMessageTakesOnlyTheApp(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	dm := "spaces/" + emulator.DemoDirectMessageID
	_, err := f.svc.AddPerson(ctx, dm, emulator.DemoJoinerEmail)
	wantCode(t, err, CodeDMAppOnly)
	for _, r := range f.rt.requests() {
		if strings.HasPrefix(r, "POST") {
			t.Errorf("a membership was requested for a DM: %v", f.rt.requests())
		}
	}
	// Google's own answer, had the request gone out, reads the same to the user.
	_, err = f.svc.api.Spaces.Members.Create(dm, &chatapi.Membership{
		Member: &chatapi.User{Name: "users/" + emulator.DemoJoinerEmail, Type: "HUMAN"}}).Do()
	if p := toProblem(err, call{space: dm}); p.Code != CodeDMAppOnly || !strings.HasPrefix(p.Detail, "HTTP 400 INVALID_ARGUMENT: ") {
		t.Errorf("server's DM refusal mapped to %+v", p)
	}
}

func TestExternalPerson(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	internal := "spaces/" + emulator.DemoInternalSpaceID

	svc := f.svc.WithCallerEmail(emulator.DemoAdminEmail)
	_, err := svc.AddPerson(ctx, internal, emulator.DemoExternalEmail)
	p := wantCode(t, err, CodeExternalNotAllowed)
	if p.Params["email"] != emulator.DemoExternalEmail || !strings.Contains(p.Message, emulator.DemoExternalEmail) ||
		!strings.Contains(p.Message, "outside your organisation") || !strings.HasPrefix(p.Detail, "HTTP 403 PERMISSION_DENIED: ") {
		t.Errorf("problem %+v", p)
	}

	// Without knowing who is signed in, it can only be a plain refusal.
	_, err = f.svc.AddPerson(ctx, internal, emulator.DemoExternalEmail)
	wantCode(t, err, CodePermissionDenied)

	// A space that allows people from outside takes them.
	m, err := svc.AddPerson(ctx, "spaces/"+emulator.DemoExternalSpaceID, emulator.DemoExternalEmail)
	if err != nil || m.State != "JOINED" {
		t.Errorf("external into an external space: %+v, %v", m, err)
	}
}

func TestPersonAndSpaceNotFound(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	_, err := f.svc.AddPerson(ctx, "spaces/"+emulator.DemoInternalSpaceID, "nobody.here@example.com")
	if p := wantCode(t, err, CodePersonNotFound); p.Params["person"] != "nobody.here@example.com" {
		t.Errorf("problem %+v", p)
	}
	_, err = f.svc.AddPerson(ctx, "spaces/"+emulator.DemoNotMemberSpaceID, emulator.DemoJoinerEmail)
	wantCode(t, err, CodeSpaceNotFound)
	_, err = f.svc.AddPerson(ctx, "spaces/NoSuchSpace1", "123456789")
	wantCode(t, err, CodeSpaceNotFound)
}

func TestSignedOut(t *testing.T) {
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	f := newFixtureToken(t, srv, "ya29.not-a-real-token")
	_, err = f.svc.ListSpaces(context.Background())
	p := wantCode(t, err, CodeSignedOut)
	if strings.Contains(p.Detail, "not-a-real-token") {
		t.Errorf("detail leaks the token: %s", p.Detail)
	}
}

func TestInvalidInputSendsNothing(t *testing.T) {
	f := newFixture(t, nil, "chat.spaces.readonly", "chat.memberships", "chat.memberships.app")
	ctx := context.Background()
	eng := "spaces/" + emulator.DemoInternalSpaceID
	cases := []struct {
		name string
		do   func() error
		code string
	}{
		{"space with ..", func() error { _, err := f.svc.AddPerson(ctx, "spaces/AAA/../x", emulator.DemoJoinerEmail); return err }, CodeInvalidSpace},
		{"empty space", func() error { _, err := f.svc.AddPerson(ctx, "", emulator.DemoJoinerEmail); return err }, CodeInvalidSpace},
		{"space with spaces", func() error { _, err := f.svc.AddPerson(ctx, " "+eng, emulator.DemoJoinerEmail); return err }, CodeInvalidSpace},
		{"app into bad space", func() error { _, err := f.svc.AddApp(ctx, eng+"/members"); return err }, CodeInvalidSpace},
		{"get bad space", func() error { _, err := f.svc.GetSpace(ctx, "spaces/x?y"); return err }, CodeInvalidSpace},
		{"malformed email", func() error { _, err := f.svc.AddPerson(ctx, eng, "kwame@@example.com"); return err }, CodeInvalidEmail},
		{"email with path", func() error { _, err := f.svc.AddPerson(ctx, eng, "a/../../x@example.com"); return err }, CodeInvalidEmail},
		{"email with space", func() error { _, err := f.svc.AddPerson(ctx, eng, "kwame mensah@example.com"); return err }, CodeInvalidEmail},
		// U+212A (Kelvin sign) lower-cases to "k": "exampl\u212a.com" must not become example.com.
		{"kelvin sign in domain", func() error {
			_, err := f.svc.AddPerson(ctx, eng, "alice@exampl\u212a.com")
			return err
		}, CodeInvalidEmail},
		{"kelvin sign in users/ form", func() error {
			_, err := f.svc.AddPerson(ctx, eng, "users/kwame.mensah@exampl\u212a.com")
			return err
		}, CodeInvalidEmail},
		{"no domain", func() error { _, err := f.svc.AddPerson(ctx, eng, "kwame"); return err }, CodeInvalidEmail},
		{"empty person", func() error { _, err := f.svc.AddPerson(ctx, eng, " \t"); return err }, CodeEmptyPerson},
		{"app as person", func() error { _, err := f.svc.AddPerson(ctx, eng, "users/app"); return err }, CodeInvalidPerson},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantCode(t, c.do(), c.code)
			if n := f.rt.count(); n != 0 {
				t.Fatalf("%d requests were sent: %v", n, f.rt.requests())
			}
		})
	}
}

func TestNetworkFailureMidCall(t *testing.T) {
	f := newFixture(t, emulator.GenerateDataset(1500, 10))
	f.rt.hook = func(n int, r *http.Request) {
		if n == 2 { // after the first page has arrived
			_ = f.srv.Close()
		}
	}
	_, err := f.svc.ListSpaces(context.Background())
	p := wantCode(t, err, CodeNetwork)
	if !p.Retryable {
		t.Error("network problem is not retryable")
	}
	if f.rt.count() < 2 {
		t.Errorf("only %d requests: the failure was not mid-listing", f.rt.count())
	}
}

func TestNetworkRefused(t *testing.T) {
	f := newFixture(t, nil)
	_ = f.srv.Close()
	_, err := f.svc.AddPerson(context.Background(), "spaces/"+emulator.DemoInternalSpaceID, emulator.DemoJoinerEmail)
	if p := wantCode(t, err, CodeNetwork); !p.Retryable {
		t.Error("not retryable")
	}
}

func TestCancelled(t *testing.T) {
	f := newFixture(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var posts atomic.Int32
	f.rt.hook = func(n int, r *http.Request) {
		if r.Method == http.MethodPost {
			posts.Add(1)
			cancel() // the user presses Cancel while the membership request is on its way
		}
	}
	_, err := f.svc.AddPerson(ctx, "spaces/"+emulator.DemoInternalSpaceID, emulator.DemoJoinerEmail)
	if p := wantCode(t, err, CodeCancelled); p.Retryable {
		t.Error("cancelled should not be retryable")
	}
	if posts.Load() != 1 {
		t.Errorf("%d create requests", posts.Load())
	}
	// Cancelled before starting: nothing is sent.
	before := f.rt.count()
	_, err = f.svc.ListSpaces(ctx)
	wantCode(t, err, CodeCancelled)
	if f.rt.count() != before {
		t.Error("a request was sent with a cancelled context")
	}
}

// A server that keeps sending the same page token must not keep ListSpaces busy forever.
func TestListSpacesRepeatedToken(t *testing.T) {
	var hits atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"spaces":[{"name":"spaces/A","spaceType":"SPACE","displayName":"A"}],"nextPageToken":"same"}`))
	}))
	defer ts.Close()
	svc, err := New(context.Background(), ts.Client(), ts.URL+"/")
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.ListSpaces(context.Background())
	wantCode(t, err, CodeBadResponse)
	if hits.Load() != 2 {
		t.Errorf("%d requests, want 2", hits.Load())
	}
}

// A project whose Chat API is off: Google's 403 SERVICE_DISABLED is the setup step, with
// Google's activation link, not "you aren't allowed to add members to this space".
func TestListSpacesChatAPIDisabled(t *testing.T) {
	f := newFixture(t, nil)
	if err := f.srv.SetSetup(emulator.SetupAPIDisabled); err != nil {
		t.Fatal(err)
	}
	_, err := f.svc.ListSpaces(context.Background())
	p, ok := problem.As(err)
	if !ok || p.Code != CodeAPIDisabled {
		t.Fatalf("got %v, want %s", err, CodeAPIDisabled)
	}
	if got, want := p.Params["activationUrl"], emulator.ActivationURL("000000000000"); got != want {
		t.Fatalf("activationUrl %q, want %q", got, want)
	}
}

func TestListSpacesChatAppNotConfigured(t *testing.T) {
	f := newFixture(t, nil)
	if err := f.srv.SetSetup(emulator.SetupAppNotConfigured); err != nil {
		t.Fatal(err)
	}
	_, err := f.svc.ListSpaces(context.Background())
	if p, ok := problem.As(err); !ok || p.Code != CodeAppNotConfigured {
		t.Fatalf("got %v, want %s", err, CodeAppNotConfigured)
	}
}
