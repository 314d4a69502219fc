package main

import (
	"os/exec"
	"strings"
	"testing"
)

// The bridge build must link no Wails: App code that called the Wails runtime directly would
// crash there (no window behind the context), and Wails would bring back cgo and a display.
// Reach the window through the desktop interface instead (desktop.go).
func TestBridgeBuildLinksNoWails(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-tags", "bridge", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "github.com/wailsapp/") {
			t.Fatalf("the bridge build links %s", pkg)
		}
	}
	if !strings.Contains(string(out), "chatmembers/backend/bridge") {
		t.Fatal("the bridge build does not use backend/bridge")
	}
}
