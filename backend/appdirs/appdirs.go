// Package appdirs chooses the app's folders per OS, in one place: Data for what the user would
// miss (the job journal and history), State for what the app can lose (the log), Config for
// settings and the token fallback. Each is the OS's folder joined with Name.
//
// On Linux and the BSDs it follows the XDG Base Directory spec: $XDG_DATA_HOME, else
// ~/.local/share; $XDG_STATE_HOME, else ~/.local/state; $XDG_CONFIG_HOME, else ~/.config. A
// relative $XDG_* path is ignored, as the spec says. macOS and Windows have no data or state
// folder of their own: data goes to the user's config folder (Application Support,
// AppData\Roaming: where apps keep data there) and state to the cache folder (Go has no
// os.UserStateDir).
package appdirs

import (
	"os"
	"path/filepath"
	"runtime"
)

// Name is the app's folder name inside each.
const Name = "chat-members"

// Data is the folder for data the user would miss.
func Data() (string, error) {
	return xdg("XDG_DATA_HOME", filepath.Join(".local", "share"), os.UserConfigDir)
}

// State is the folder for state the app can lose (logs).
func State() (string, error) {
	return xdg("XDG_STATE_HOME", filepath.Join(".local", "state"), os.UserCacheDir)
}

// Config is the folder for settings (os.UserConfigDir, which follows $XDG_CONFIG_HOME itself).
func Config() (string, error) {
	d, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, Name), nil
}

// xdg is $env/Name if env holds an absolute path; else, on Linux and the BSDs, ~/home/Name; else
// other()/Name.
func xdg(env, home string, other func() (string, error)) (string, error) {
	if d := os.Getenv(env); filepath.IsAbs(d) {
		return filepath.Join(d, Name), nil
	}
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		h, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(h, home, Name), nil
	}
	d, err := other()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, Name), nil
}
