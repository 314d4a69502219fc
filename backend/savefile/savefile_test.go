package savefile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDownloadDirHonoursXDGThenHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DOWNLOAD_DIR", "")
	if d, err := DownloadDir(); err != nil || d != filepath.Join(home, "Downloads") {
		t.Fatalf("without XDG_DOWNLOAD_DIR: %q %v", d, err)
	}
	t.Setenv("XDG_DOWNLOAD_DIR", "relative/dir") // not a path a session would set: ignored
	if d, _ := DownloadDir(); d != filepath.Join(home, "Downloads") {
		t.Fatalf("a relative XDG_DOWNLOAD_DIR was used: %q", d)
	}
	xdg := filepath.Join(home, "Téléchargements")
	t.Setenv("XDG_DOWNLOAD_DIR", xdg)
	if d, _ := DownloadDir(); d != xdg {
		t.Fatalf("with XDG_DOWNLOAD_DIR: %q", d)
	}
}

// The folder is made when missing, and a second save of the same name does not replace the
// first.
func TestInDownloadsCreatesTheFolderAndNeverReplacesAFile(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DOWNLOAD_DIR", "")
	first, err := InDownloads("job 7.csv")
	if err != nil {
		t.Fatal(err)
	}
	if first != filepath.Join(home, "Downloads", "job 7.csv") {
		t.Fatalf("first: %q", first)
	}
	if err := os.WriteFile(first, []byte("kept"), 0o600); err != nil {
		t.Fatal(err)
	}
	second, err := InDownloads("job 7.csv")
	if err != nil || second != filepath.Join(home, "Downloads", "job 7 (2).csv") {
		t.Fatalf("second: %q %v", second, err)
	}
	if b, _ := os.ReadFile(first); string(b) != "kept" {
		t.Fatalf("the first file was replaced: %q", b)
	}
}

func TestUniqueKeepsTheFileInTheFolder(t *testing.T) {
	dir := t.TempDir()
	p, err := Unique(dir, "../../etc/passwd.csv")
	if err != nil || p != filepath.Join(dir, "passwd.csv") {
		t.Fatalf("%q %v", p, err)
	}
}
