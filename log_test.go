package main

import (
	"bytes"
	"context"
	"encoding/json"
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

	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/logfile"
	"chatmembers/backend/session"
)

// minted records every secret that crosses the wire to the token endpoint: the codes, verifiers
// and client secret the app sends, the access, refresh and id tokens the emulator mints.
type minted struct {
	base http.RoundTripper
	mu   sync.Mutex
	all  map[string]string // value -> what it is (as first seen)
	seen map[string]bool   // every kind seen
}

func (m *minted) add(kind, v string) {
	if len(v) < 8 { // nothing so short is a secret, and it would match anywhere
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.seen[kind] = true
	if _, ok := m.all[v]; !ok {
		m.all[v] = kind
	}
}

func (m *minted) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		if form, err := url.ParseQuery(string(body)); err == nil {
			for _, k := range []string{"code", "code_verifier", "client_secret", "refresh_token", "token"} {
				m.add("request "+k, form.Get(k))
			}
		}
	}
	if h := req.Header.Get("Authorization"); h != "" {
		m.add("Authorization header", strings.TrimPrefix(h, "Bearer "))
	}
	res, err := m.base.RoundTrip(req)
	if err != nil || !strings.HasSuffix(req.URL.Path, "/token") {
		return res, err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		return nil, err
	}
	res.Body = io.NopCloser(bytes.NewReader(body))
	var tok map[string]any
	if json.Unmarshal(body, &tok) == nil {
		for _, k := range []string{"access_token", "refresh_token", "id_token"} {
			if s, ok := tok[k].(string); ok {
				m.add("minted "+k, s)
			}
		}
	}
	return res, nil
}

var consentForm = regexp.MustCompile(`name="request_id" value="([^"]+)"`)

// consentDesktop is the desktop of the test: the system browser is a person who allows every
// consent page as the demo admin; the authorization code reaches the app in the redirect.
type consentDesktop struct {
	t      *testing.T
	events chan string
	// saveDir is where the save dialog "chooses" to save ("": the dialog fails).
	saveDir string
}

func (d consentDesktop) Emit(event string, _ ...any) {
	select {
	case d.events <- event:
	default:
	}
}

func (d consentDesktop) OpenFileDialog(string, string, string) (string, error) {
	return "", errors.New("no dialog in this test")
}

func (d consentDesktop) SaveFileDialog(_, name string) (string, error) {
	if d.saveDir == "" {
		return "", errors.New("no dialog in this test")
	}
	return filepath.Join(d.saveDir, name), nil
}

func (d consentDesktop) OpenURL(consent string) error {
	go func() {
		if err := allow(consent); err != nil {
			d.t.Errorf("consent: %v", err)
		}
	}()
	return nil
}

func allow(consent string) error {
	res, err := http.Get(consent)
	if err != nil {
		return err
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := consentForm.FindSubmatch(page)
	if m == nil {
		return fmt.Errorf("no consent form at %s", consent)
	}
	u, _ := url.Parse(consent)
	res, err = http.PostForm(u.Scheme+"://"+u.Host+"/o/oauth2/approve", url.Values{
		"request_id": {string(m[1])}, "account": {emulator.DemoAdminEmail}, "action": {"allow"},
	})
	if err != nil {
		return err
	}
	return res.Body.Close()
}

// A full session on the demo through the bound structs (sign in, list, add a person, add the
// app with its extra consent, sign out) writes its log lines, and no token value the emulator
// minted, no code, verifier or client secret appears anywhere in the log.
func TestLogOfAFullSessionHoldsNoSecret(t *testing.T) {
	t.Setenv("BROWSER", "") // the desktop's opener, i.e. the consenting person above
	path := filepath.Join(t.TempDir(), logfile.Name)
	f, err := logfile.Open(path, logfile.DefaultMaxBytes, logfile.DefaultKeep)
	if err != nil {
		t.Fatal(err)
	}
	rec := &minted{base: http.DefaultTransport, all: map[string]string{}, seen: map[string]bool{}}
	rec.add("client secret", emulator.DemoClientSecret)
	sess := session.New(session.Options{ConfigDir: t.TempDir(), Log: newLogger(f), Transport: rec, SignInTimeout: 30 * time.Second})
	app := NewApp(sess, true)
	app.startup(context.Background(), consentDesktop{t: t, events: make(chan string, 64)})
	defer app.shutdown(context.Background())
	s, sp, mem := &Session{app.h}, &Spaces{app.h}, &Members{app.h}

	if st, err := s.SignIn(); err != nil || !st.SignedIn {
		t.Fatalf("SignIn: %+v %v", st, err)
	}
	if spaces, err := sp.ListSpaces(); err != nil || len(spaces) == 0 {
		t.Fatalf("ListSpaces: %d %v", len(spaces), err)
	}
	space := "spaces/" + emulator.DemoInternalSpaceID
	if out, err := mem.Add(space, []string{emulator.DemoJoinerEmail}, chat.RoleMember, false); err != nil || len(out) != 1 || out[0].Membership == nil {
		t.Fatalf("Add: %+v %v", out, err)
	}
	if _, err := mem.AddApp(space); err != nil {
		t.Fatalf("AddApp: %v", err)
	}
	if _, err := s.SignOut(); err != nil {
		t.Fatalf("SignOut: %v", err)
	}
	f.Close()

	log, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"action":"session.sign_in"`, `"action":"spaces.list"`, `"action":"members.add"`,
		`"action":"members.add_app"`, `"action":"session.sign_out"`, `"msg":"google call"`, `"path":"/token"`} {
		if !bytes.Contains(log, []byte(want)) {
			t.Errorf("the log has no %s:\n%s", want, log)
		}
	}
	for v, kind := range rec.all {
		if bytes.Contains(log, []byte(v)) {
			t.Errorf("the log holds a %s", kind)
		}
	}
	// The check saw what it is about: codes, tokens of each kind, the client secret.
	for _, k := range []string{"request code", "request code_verifier", "minted access_token", "minted refresh_token",
		"minted id_token", "request client_secret", "Authorization header"} {
		if !rec.seen[k] {
			t.Errorf("no %s was seen on the wire (seen: %v)", k, rec.seen)
		}
	}
}
