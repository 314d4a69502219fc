package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"chatmembers/backend/auth"
	"chatmembers/backend/emulator"
	"chatmembers/backend/problem"
)

// userBrowser plays the person at the system browser: it loads the consent page the app
// opened, picks an account and presses Allow or Deny, as a form submission over real HTTP.
type userBrowser struct {
	t       *testing.T
	account string
	allow   bool

	mu     sync.Mutex
	opened []string
}

var requestIDField = regexp.MustCompile(`name="request_id" value="([^"]+)"`)

func (b *userBrowser) open(consentURL string) error {
	b.mu.Lock()
	b.opened = append(b.opened, consentURL)
	b.mu.Unlock()
	go func() {
		if err := b.consent(consentURL); err != nil {
			b.t.Errorf("browser: %v", err)
		}
	}()
	return nil
}

func (b *userBrowser) consent(consentURL string) error {
	res, err := http.Get(consentURL)
	if err != nil {
		return err
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := requestIDField.FindSubmatch(page)
	if m == nil {
		return fmt.Errorf("no consent form at %s: %s", consentURL, page)
	}
	u, _ := url.Parse(consentURL)
	action := "deny"
	if b.allow {
		action = "allow"
	}
	// The browser follows the redirect to the app's loopback listener.
	res, err = http.PostForm(u.Scheme+"://"+u.Host+"/o/oauth2/approve", url.Values{
		"request_id": {string(m[1])}, "account": {b.account}, "action": {action},
	})
	if err != nil {
		return err
	}
	res.Body.Close()
	return nil
}

func (b *userBrowser) openedURLs() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.opened...)
}

func newDemo(t *testing.T, b *userBrowser) *Session {
	t.Helper()
	w := New(Options{LiveAllowed: true, ConfigDir: t.TempDir(), Store: auth.NewMemoryStore(), SignInTimeout: 20 * time.Second})
	t.Cleanup(w.Close)
	if b != nil {
		w.SetBrowser(b.open, func(string) {})
	}
	if _, err := w.UseDemo(); err != nil {
		t.Fatalf("UseDemo: %v", err)
	}
	return w
}

func TestDemoSignInThenListAndAdd(t *testing.T) {
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	w := newDemo(t, b)
	st := w.Status()
	if st.Mode != ModeDemo || st.SignedIn {
		t.Fatalf("before sign-in: %+v", st)
	}
	st, err := w.SignIn(context.Background())
	if err != nil {
		t.Fatalf("SignIn: %v", err)
	}
	if !st.SignedIn || st.Account != emulator.DemoAdminEmail {
		t.Fatalf("after sign-in: %+v", st)
	}
	spaces, err := listSpaces(w)
	if err != nil || len(spaces) == 0 {
		t.Fatalf("ListSpaces: %d spaces, %v", len(spaces), err)
	}
	m, err := addPerson(w, "spaces/"+emulator.DemoInternalSpaceID, emulator.DemoJoinerEmail)
	if err != nil {
		t.Fatalf("AddPerson: %v", err)
	}
	if m.State != "JOINED" || m.Email != emulator.DemoJoinerEmail {
		t.Fatalf("membership: %+v", m)
	}
}

// Adding the app asks the browser once more, for chat.memberships.app only, then succeeds.
func TestAddAppAsksForTheAppScopeOnce(t *testing.T) {
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	w := newDemo(t, b)
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.openedURLs()[0], "chat.memberships.app") {
		t.Fatal("the first sign-in already asked for chat.memberships.app")
	}
	m, err := addApp(w, "spaces/"+emulator.DemoInternalSpaceID)
	if err != nil {
		t.Fatalf("AddApp: %v", err)
	}
	if m.MemberType != "BOT" || !regexp.MustCompile(`^users/(app|[0-9]+)$`).MatchString(m.MemberName) {
		t.Fatalf("membership: %+v", m)
	}
	opened := b.openedURLs()
	if len(opened) != 2 || !strings.Contains(opened[1], "chat.memberships.app") {
		t.Fatalf("want a second consent asking for the app scope, opened %q", opened)
	}
	if !w.Status().SignedIn {
		t.Fatal("signed out after the extra consent")
	}
	// The scope is now held: a second add asks nothing more.
	if _, err := addApp(w, "spaces/"+emulator.DemoExternalSpaceID); err != nil {
		t.Fatalf("second AddApp: %v", err)
	}
	if n := len(b.openedURLs()); n != 2 {
		t.Fatalf("the browser was opened %d times, want 2", n)
	}
}

func TestCancelSignInEndsTheWait(t *testing.T) {
	w := newDemo(t, nil) // no browser: nobody answers
	opened := make(chan struct{}, 1)
	w.SetBrowser(func(string) error { opened <- struct{}{}; return nil }, func(string) {})
	done := make(chan error, 1)
	go func() { _, err := w.SignIn(context.Background()); done <- err }()
	<-opened
	w.CancelSignIn()
	select {
	case err := <-done:
		if code := problem.CodeOf(err); code != "auth.cancelled" {
			t.Fatalf("want auth.cancelled, got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("SignIn still waiting after CancelSignIn")
	}
	if w.Status().SignedIn {
		t.Fatal("signed in after cancel")
	}
}

func TestDeniedConsentLeavesYouSignedOut(t *testing.T) {
	w := newDemo(t, &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: false})
	_, err := w.SignIn(context.Background())
	if problem.CodeOf(err) != "auth.denied" {
		t.Fatalf("want auth.denied, got %v", err)
	}
	if _, err := listSpaces(w); problem.CodeOf(err) != "workspace.signed_out" {
		t.Fatalf("ListSpaces while signed out: %v", err)
	}
}

func TestSignOutInDemoReturnsToWelcome(t *testing.T) {
	w := newDemo(t, &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true})
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	st, err := w.SignOut(context.Background())
	if err != nil {
		t.Fatalf("SignOut: %v", err)
	}
	if st.SignedIn || st.Mode != ModeNone {
		t.Fatalf("after sign-out: %+v", st)
	}
}

// googleClientFile is a client_secret.json as Cloud Console writes it (Google's endpoints),
// for the emulator's demo client.
func googleClientFile() []byte {
	return []byte(`{"installed":{"client_id":"` + emulator.DemoClientID + `","project_id":"chat-members-demo",` +
		`"auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token",` +
		`"client_secret":"` + emulator.DemoClientSecret + `","redirect_uris":["http://localhost"]}}`)
}

// emulatorEndpoints stands the emulator in for Google in live mode, by the explicit wiring
// tests have (Options.LiveEndpoints); a client file cannot do this.
func emulatorEndpoints(emu *emulator.Server) *auth.Endpoints {
	return &auth.Endpoints{AuthURL: emu.AuthURL(), TokenURL: emu.TokenURL(), RevokeURL: emu.RevokeURL(), UserinfoURL: emu.UserinfoURL()}
}

// Live mode signs in with the user's client file, keeps a 0600 copy of it, and the sign-in
// survives a restart.
func TestLiveModeSignsInAndRestores(t *testing.T) {
	emu, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emu.Close() })
	dir := t.TempDir()
	store := &auth.FileStore{Dir: filepath.Join(dir, "tokens")}
	b := &userBrowser{t: t, account: emulator.DemoSecondAdminEmail, allow: true}

	opts := Options{LiveAllowed: true, ConfigDir: dir, Store: store, LiveEndpoints: emulatorEndpoints(emu)}
	w := New(opts)
	t.Cleanup(w.Close)
	w.SetBrowser(b.open, func(string) {})
	st, err := w.UseClientSecret(googleClientFile())
	if err != nil || st.Mode != ModeLive {
		t.Fatalf("UseClientSecret: %+v %v", st, err)
	}
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := b.openedURLs()[0]; !strings.HasPrefix(got, emu.URL()+"/o/oauth2/auth?") {
		t.Fatalf("consent URL %q", got)
	}
	info, err := os.Stat(filepath.Join(dir, "client_secret.json"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("saved client secret: %v %v", info, err)
	}

	again := New(opts)
	t.Cleanup(again.Close)
	st = again.Restore()
	if st.Mode != ModeLive || !st.SignedIn || st.Account != emulator.DemoSecondAdminEmail {
		t.Fatalf("restored: %+v", st)
	}
}

// A client file whose auth_uri and token_uri lead anywhere but Google (here the emulator, over
// plain http) is refused before anything is sent there, and nothing changes.
func TestLiveModeRefusesAClientFileThatIsNotGoogles(t *testing.T) {
	emu, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emu.Close() })
	dir := t.TempDir()
	w := New(Options{LiveAllowed: true, ConfigDir: dir, Store: auth.NewMemoryStore()})
	t.Cleanup(w.Close)
	w.SetBrowser(func(u string) error { t.Errorf("the browser was opened at %s", u); return nil }, func(string) {})
	_, err = w.UseClientSecret(emu.ClientSecretJSON())
	p, _ := problem.As(err)
	if p == nil || p.Code != "auth.secret_not_google" || !strings.Contains(p.Message, "127.0.0.1") {
		t.Fatalf("UseClientSecret: want auth.secret_not_google naming the host, got %v", err)
	}
	path := filepath.Join(dir, "emulator.json")
	if err := os.WriteFile(path, emu.ClientSecretJSON(), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := w.ImportClientSecretFile(path); problem.CodeOf(err) != "auth.secret_not_google" {
		t.Fatalf("ImportClientSecretFile: want auth.secret_not_google, got %v", err)
	}
	if st := w.Status(); st.Mode != ModeNone {
		t.Fatalf("mode %q after a refused file", st.Mode)
	}
	if _, err := os.Stat(filepath.Join(dir, "client_secret.json")); !os.IsNotExist(err) {
		t.Fatalf("the refused file was kept: %v", err)
	}
	if _, err := w.SignIn(context.Background()); problem.CodeOf(err) != "workspace.none" {
		t.Fatalf("SignIn after a refused file: %v", err)
	}
}

func TestBadClientSecretChangesNothing(t *testing.T) {
	w := newDemo(t, nil)
	before := w.Status()
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.json")
	if err := os.WriteFile(huge, make([]byte, auth.MaxClientSecretSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	web := filepath.Join(dir, "web.json")
	os.WriteFile(web, []byte(`{"web":{"client_id":"x.apps.googleusercontent.com","client_secret":"fake","auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token"}}`), 0o600)
	notJSON := filepath.Join(dir, "notes.json")
	os.WriteFile(notJSON, []byte("hello"), 0o600)
	for path, code := range map[string]string{
		huge:                       "auth.secret_too_large",
		filepath.Join(dir, "none"): "auth.secret_unreadable",
		web:                        "auth.secret_web_client",
		notJSON:                    "auth.secret_not_json",
	} {
		_, err := w.ImportClientSecretFile(path)
		if problem.CodeOf(err) != code {
			t.Errorf("%s: want %s, got %v", filepath.Base(path), code, err)
		}
	}
	if after := w.Status(); after.Mode != before.Mode {
		t.Fatalf("mode changed from %q to %q", before.Mode, after.Mode)
	}
}

func TestDevBridgeRefusesLiveMode(t *testing.T) {
	w := New(Options{LiveAllowed: false, ConfigDir: t.TempDir()})
	t.Cleanup(w.Close)
	_, err := w.UseClientSecret([]byte(`{"installed":{}}`))
	if problem.CodeOf(err) != "workspace.live_refused" {
		t.Fatalf("want workspace.live_refused, got %v", err)
	}
	if st := w.Restore(); st.Mode != ModeNone {
		t.Fatalf("Restore in the dev bridge chose %q", st.Mode)
	}
}

func TestOpenLinkOnlyOpensChatLinks(t *testing.T) {
	w := New(Options{})
	var opened []string
	w.SetBrowser(func(u string) error { opened = append(opened, u); return nil }, func(string) {})
	if err := w.OpenLink("https://chat.google.com/room/AAAAq3Tz9Ek"); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"file:///etc/passwd", "https://evil.example/chat.google.com", "http://chat.google.com/room/x", "javascript:alert(1)", "https://evil%5C@chat.google.com/room/x"} {
		if err := w.OpenLink(bad); problem.CodeOf(err) != "workspace.bad_link" {
			t.Errorf("OpenLink(%q) = %v", bad, err)
		}
	}
	if len(opened) != 1 {
		t.Fatalf("opened %q", opened)
	}
	w.SetBrowser(func(string) error { return errors.New("no browser") }, func(string) {})
	if err := w.OpenLink("https://chat.google.com/room/AAAAq3Tz9Ek"); problem.CodeOf(err) != "workspace.browser_failed" {
		t.Fatalf("want workspace.browser_failed, got %v", err)
	}
}

func TestSystemLanguage(t *testing.T) {
	for _, c := range []struct{ lcAll, lang, want string }{
		{"", "ru_RU.UTF-8", "ru"},
		{"C.UTF-8", "de_DE.UTF-8", "de"},
		{"", "", "en"},
		{"en_GB.UTF-8", "ru_RU.UTF-8", "en"},
	} {
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANGUAGE", "")
		t.Setenv("LANG", c.lang)
		if got := SystemLanguage(); got != c.want {
			t.Errorf("LC_ALL=%q LANG=%q: got %q, want %q", c.lcAll, c.lang, got, c.want)
		}
	}
}

// A second sign-in while one waits in the browser replaces it: the first ends as cancelled,
// the second completes (the auth service runs one flow at a time, so it must wait its turn).
func TestSecondSignInReplacesTheFirst(t *testing.T) {
	w := newDemo(t, nil)
	answering := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	var mu sync.Mutex
	calls := 0
	firstOpened := make(chan struct{})
	w.SetBrowser(func(u string) error {
		mu.Lock()
		calls++
		n := calls
		mu.Unlock()
		if n == 1 {
			close(firstOpened) // the person ignores the first page
			return nil
		}
		return answering.open(u)
	}, func(string) {})
	first := make(chan error, 1)
	go func() { _, err := w.SignIn(context.Background()); first <- err }()
	<-firstOpened
	st, err := w.SignIn(context.Background())
	if err != nil || !st.SignedIn {
		t.Fatalf("second SignIn: %+v %v", st, err)
	}
	if err := <-first; problem.CodeOf(err) != "auth.cancelled" {
		t.Fatalf("first SignIn: want auth.cancelled, got %v", err)
	}
}

// After a cancel, signing in again right away works, and a cancel reaches the new attempt.
func TestCancelThenRetryThenCancelAgain(t *testing.T) {
	w := newDemo(t, nil)
	opened := make(chan struct{}, 4)
	w.SetBrowser(func(string) error { opened <- struct{}{}; return nil }, func(string) {})
	for round := 1; round <= 2; round++ {
		done := make(chan error, 1)
		go func() { _, err := w.SignIn(context.Background()); done <- err }()
		select {
		case <-opened:
		case <-time.After(10 * time.Second):
			t.Fatalf("round %d: the browser was never opened", round)
		}
		w.CancelSignIn()
		select {
		case err := <-done:
			if problem.CodeOf(err) != "auth.cancelled" {
				t.Fatalf("round %d: want auth.cancelled, got %v", round, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("round %d: CancelSignIn did not end the sign-in", round)
		}
	}
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	w.SetBrowser(b.open, func(string) {})
	if st, err := w.SignIn(context.Background()); err != nil || !st.SignedIn {
		t.Fatalf("sign-in after cancels: %+v %v", st, err)
	}
}

// If the person picks another account on the extra-permission page, the grant is refused: the
// workspace stays signed in as the first account with its permissions, says which account to
// pick, and the app is added once the right one is chosen.
func TestExtraConsentWithAnotherAccountIsRefused(t *testing.T) {
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	w := newDemo(t, b)
	if _, err := w.SignIn(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := w.Status()
	spacesBefore, err := listSpaces(w)
	if err != nil {
		t.Fatal(err)
	}

	b.account = emulator.DemoSecondAdminEmail
	_, err = addApp(w, "spaces/"+emulator.DemoExternalSpaceID)
	p, _ := problem.As(err)
	if p == nil || p.Code != "auth.wrong_account" || p.Params["account"] != emulator.DemoAdminEmail ||
		p.Params["chosen"] != emulator.DemoSecondAdminEmail {
		t.Fatalf("AddApp as another account: want auth.wrong_account naming both accounts, got %v", err)
	}
	opened := b.openedURLs()
	if len(opened) != 2 {
		t.Fatalf("opened %q: want one extra consent, not a second round", opened)
	}
	if u, _ := url.Parse(opened[1]); u.Query().Get("login_hint") != emulator.DemoAdminEmail {
		t.Errorf("extra consent without login_hint: %s", opened[1])
	}
	st := w.Status()
	if !st.SignedIn || st.Account != emulator.DemoAdminEmail || strings.Join(st.Scopes, " ") != strings.Join(before.Scopes, " ") {
		t.Fatalf("after the refusal: %+v, before %+v", st, before)
	}
	spaces, err := listSpaces(w)
	if err != nil || len(spaces) != len(spacesBefore) {
		t.Fatalf("ListSpaces after the refusal: %d spaces (was %d), %v", len(spaces), len(spacesBefore), err)
	}

	b.account = emulator.DemoAdminEmail
	if _, err := addApp(w, "spaces/"+emulator.DemoExternalSpaceID); err != nil {
		t.Fatalf("AddApp as the signed-in account: %v", err)
	}
	if st := w.Status(); st.Account != emulator.DemoAdminEmail {
		t.Fatalf("account %q", st.Account)
	}
}

// In the demo, "Open in Google Chat" shows the emulator's page for the space, not Google's.
func TestDemoOpenLinkStaysInTheDemo(t *testing.T) {
	w := newDemo(t, nil)
	var opened []string
	w.SetBrowser(func(u string) error { opened = append(opened, u); return nil }, func(string) {})
	if err := w.OpenLink("https://chat.google.com/room/" + emulator.DemoInternalSpaceID); err != nil {
		t.Fatal(err)
	}
	if len(opened) != 1 || !strings.HasPrefix(opened[0], "http://127.0.0.1:") || !strings.HasSuffix(opened[0], "/chat/room/"+emulator.DemoInternalSpaceID) {
		t.Fatalf("opened %q", opened)
	}
	res, err := http.Get(opened[0])
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("the demo page answered %d", res.StatusCode)
	}
}

// failingStore refuses every save, like a keyring that rejects the record with no file to
// fall back to.
type failingStore struct{ *auth.MemoryStore }

func (*failingStore) Save(string, *auth.Record) error { return errors.New("keyring: refused") }

// A sign-in that could not be saved still works, and Status says it will not survive a restart.
func TestStatusReportsASignInThatCouldNotBeSaved(t *testing.T) {
	emu, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emu.Close() })
	b := &userBrowser{t: t, account: emulator.DemoAdminEmail, allow: true}
	w := New(Options{LiveAllowed: true, ConfigDir: t.TempDir(), Store: &failingStore{auth.NewMemoryStore()}, LiveEndpoints: emulatorEndpoints(emu)})
	t.Cleanup(w.Close)
	w.SetBrowser(b.open, func(string) {})
	if _, err := w.UseClientSecret(googleClientFile()); err != nil {
		t.Fatal(err)
	}
	st, err := w.SignIn(context.Background())
	if err != nil || !st.SignedIn {
		t.Fatalf("SignIn: %+v %v", st, err)
	}
	if st.StoreProblem == nil || st.StoreProblem.Code != "auth.store_failed" {
		t.Fatalf("StoreProblem = %+v, want auth.store_failed", st.StoreProblem)
	}
}
