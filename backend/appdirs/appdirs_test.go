package appdirs

import (
	"path/filepath"
	"runtime"
	"testing"
)

// Data and State follow their $XDG_* variable when it is absolute, and ignore a relative one.
func TestFollowsXDG(t *testing.T) {
	for _, c := range []struct {
		env string
		dir func() (string, error)
	}{{"XDG_DATA_HOME", Data}, {"XDG_STATE_HOME", State}} {
		t.Setenv(c.env, "/tmp/x")
		if d, err := c.dir(); err != nil || d != filepath.Join("/tmp/x", Name) {
			t.Errorf("%s=/tmp/x: %q, %v", c.env, d, err)
		}
		t.Setenv(c.env, "relative")
		if d, err := c.dir(); err != nil || d == filepath.Join("relative", Name) {
			t.Errorf("%s=relative: %q, %v", c.env, d, err)
		}
	}
}

// Without $XDG_*, Linux uses the spec's folders under the home folder.
func TestLinuxDefaults(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the XDG defaults apply on Linux and the BSDs")
	}
	t.Setenv("HOME", "/home/u")
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("XDG_CONFIG_HOME", "")
	for _, c := range []struct {
		name string
		dir  func() (string, error)
		want string
	}{
		{"Data", Data, "/home/u/.local/share/chat-members"},
		{"State", State, "/home/u/.local/state/chat-members"},
		{"Config", Config, "/home/u/.config/chat-members"},
	} {
		if d, err := c.dir(); err != nil || d != c.want {
			t.Errorf("%s() = %q, %v; want %q", c.name, d, err, c.want)
		}
	}
}
