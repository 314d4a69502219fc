package about

import (
	"encoding/json"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func listed(t *testing.T) map[string]Part {
	t.Helper()
	m := map[string]Part{}
	for _, p := range Parts() {
		if p.Text == "" || p.Licence == "" || p.Version == "" {
			t.Errorf("%s: no licence, text or version: %+v", p.Name, p)
		}
		m[p.Name] = p
	}
	return m
}

// Every module linked into each of the app's builds (the same `go list -deps` the binaries are
// linked from, with each build's tags) is in licences.json at the version go.mod selects: a new
// or upgraded module without `go generate ./backend/about` fails here.
func TestLicencesCoverEveryLinkedModule(t *testing.T) {
	parts := listed(t)
	for _, b := range Builds {
		cmd := exec.Command("go", "list", "-deps", "-tags", b.Tags,
			"-f", "{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}}{{end}}{{end}}", ".")
		cmd.Dir = "../.."
		cmd.Env = append(os.Environ(), "GOOS="+b.GOOS, "CGO_ENABLED="+b.CGO)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list for %+v: %v", b, err)
		}
		n := 0
		for _, l := range strings.Split(string(out), "\n") {
			f := strings.Fields(l)
			if len(f) != 2 {
				continue
			}
			n++
			if p, ok := parts[f[0]]; !ok || p.Version != f[1] || p.Kind != "go" {
				t.Errorf("%s %s (linked into the %s/%s build) is not in licences.json (listed: %q): run go generate ./backend/about", f[0], f[1], b.GOOS, b.Tags, p.Version)
			}
		}
		if n < 5 {
			t.Fatalf("only %d modules in the %+v build: the listing is broken", n, b)
		}
	}
}

// This test binary's own build info (it links this package's dependencies) is covered too.
func TestLicencesCoverThisBinarysBuildInfo(t *testing.T) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		t.Fatal("no build info")
	}
	parts := listed(t)
	for _, d := range bi.Deps {
		if p, ok := parts[d.Path]; !ok || p.Version != d.Version {
			t.Errorf("%s %s is not in licences.json", d.Path, d.Version)
		}
	}
	if v := parts["Go standard library"].Version; v != runtime.Version() {
		t.Errorf("the Go standard library is listed at %q, this toolchain is %s: run go generate ./backend/about", v, runtime.Version())
	}
}

// The npm packages listed are at the versions package-lock.json installs, and svelte (whose
// runtime is in every Svelte bundle) is among them.
func TestLicencesMatchThePackageLock(t *testing.T) {
	b, err := os.ReadFile("../../frontend/package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	var lock struct {
		Packages map[string]struct{ Version string } `json:"packages"`
	}
	if err := json.Unmarshal(b, &lock); err != nil {
		t.Fatal(err)
	}
	parts := listed(t)
	if parts["svelte"].Kind != "npm" {
		t.Error("svelte is not listed")
	}
	for _, p := range parts {
		if p.Kind != "npm" {
			continue
		}
		if v := lock.Packages["node_modules/"+p.Name].Version; v != p.Version {
			t.Errorf("npm %s: listed %s, package-lock.json has %q: run go generate ./backend/about", p.Name, p.Version, v)
		}
	}
}

func TestVersionIsWailsJSONsProductVersion(t *testing.T) {
	b, err := os.ReadFile("../../wails.json")
	if err != nil {
		t.Fatal(err)
	}
	if v := Version(b); v == "" || !strings.Contains(string(b), `"productVersion": "`+v+`"`) {
		t.Fatalf("Version = %q", v)
	}
}
