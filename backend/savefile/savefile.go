// Package savefile finds where to save a file the user asked for when there is no save dialog
// (the browser bridge): the user's download folder, under a name that replaces nothing already
// there.
package savefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DownloadDir is the user's download folder: $XDG_DOWNLOAD_DIR when it is an absolute path
// (the XDG user-dirs setting, which desktop sessions export), else ~/Downloads.
func DownloadDir() (string, error) {
	if d := os.Getenv("XDG_DOWNLOAD_DIR"); filepath.IsAbs(d) {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, "Downloads"), nil
}

// InDownloads reserves a new file named like name in the download folder (created if missing)
// and returns its path: name itself, else "stem (2).ext", "stem (3).ext", ... The file is
// created empty, so that two saves at once never choose the same name; the caller writes it.
func InDownloads(name string) (string, error) {
	dir, err := DownloadDir()
	if err != nil {
		return "", err
	}
	return Unique(dir, name)
}

// maxTries bounds the search for a free name.
const maxTries = 1000

// Unique reserves a new file named like name in dir (created, 0700, if missing); see InDownloads.
func Unique(dir, name string) (string, error) {
	name = filepath.Base(filepath.Clean("/" + name)) // a name, never a path
	if name == "/" || name == "." {
		return "", errors.New("savefile: no file name")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i <= maxTries; i++ {
		candidate := name
		if i > 1 {
			candidate = fmt.Sprintf("%s (%d)%s", stem, i, ext)
		}
		path := filepath.Join(dir, candidate)
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		return path, f.Close()
	}
	return "", fmt.Errorf("savefile: %d files named like %s in %s already", maxTries, name, dir)
}
