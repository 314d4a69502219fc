// pkgtool does the parts of `wails build` that `make package` needs on Linux without the Wails
// CLI, the way Wails v2.11.0 does them (so a Mac or Windows `wails build` and this tool agree):
//
//	pkgtool render SRC DST   resolve a Wails build-asset template ({{.Name}}, {{.Info.*}}) with
//	                         the project data of wails.json, as Wails' buildassets package does
//	pkgtool syso OUT         the Windows resources (build/windows/icon.ico, the resolved
//	                         wails.exe.manifest and info.json) as an amd64 .syso for `go build`,
//	                         with the same library and calls as Wails' packager (tc-hib/winres)
//	pkgtool pecheck FILE ARCH [gui]
//	                         fail unless FILE is a PE executable for ARCH (amd64 or 386), with
//	                         the Windows GUI subsystem when "gui" is given, and with an icon and a
//	                         version resource
//
// It is its own Go module so that the app's go.mod does not carry a build tool's dependencies.
// Run it from the repository root: go run ./scripts/pkgtool (through the Makefile).
package main

import (
	"bytes"
	"debug/pe"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"text/template"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
)

// info is Wails v2's project.Info, the "info" object of wails.json, with Wails' defaults.
type info struct {
	CompanyName      string `json:"companyName"`
	ProductName      string `json:"productName"`
	ProductVersion   string `json:"productVersion"`
	Copyright        string `json:"copyright"`
	Comments         string `json:"comments"`
	FileAssociations []struct {
		Ext, Name, Description, IconName, Role string
	} `json:"fileAssociations"`
	Protocols []struct {
		Scheme, Description, Role string
	} `json:"protocols"`
}

// project is what Wails hands its build-asset templates.
type project struct {
	Name           string `json:"name"`
	OutputFilename string `json:"outputfilename"`
	Info           info   `json:"info"`
}

func loadProject(path string) (project, error) {
	var p project
	b, err := os.ReadFile(path)
	if err != nil {
		return p, err
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return p, fmt.Errorf("%s: %w", path, err)
	}
	if p.Name == "" {
		return p, fmt.Errorf("%s: no name", path)
	}
	if p.OutputFilename == "" {
		p.OutputFilename = p.Name
	}
	if p.Info.CompanyName == "" {
		p.Info.CompanyName = p.Name
	}
	if p.Info.ProductName == "" {
		p.Info.ProductName = p.Name
	}
	if p.Info.ProductVersion == "" {
		p.Info.ProductVersion = "1.0.0"
	}
	return p, nil
}

func render(p project, src string) ([]byte, error) {
	b, err := os.ReadFile(src)
	if err != nil {
		return nil, err
	}
	t, err := template.New(filepath.Base(src)).Option("missingkey=error").Parse(string(b))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := t.Execute(&out, p); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func syso(p project, out string) error {
	var rs winres.ResourceSet
	f, err := os.Open("build/windows/icon.ico")
	if err != nil {
		return err
	}
	defer f.Close()
	ico, err := winres.LoadICO(f)
	if err != nil {
		return fmt.Errorf("build/windows/icon.ico: %w", err)
	}
	if err := rs.SetIcon(winres.RT_ICON, ico); err != nil {
		return err
	}
	manifest, err := render(p, "build/windows/wails.exe.manifest")
	if err != nil {
		return err
	}
	m, err := winres.AppManifestFromXML(manifest)
	if err != nil {
		return fmt.Errorf("wails.exe.manifest: %w", err)
	}
	rs.SetManifest(m)
	vi, err := render(p, "build/windows/info.json")
	if err != nil {
		return err
	}
	var v version.Info
	if err := v.UnmarshalJSON(vi); err != nil {
		return fmt.Errorf("info.json: %w", err)
	}
	rs.SetVersionInfo(v)
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := rs.WriteObject(w, winres.ArchAMD64); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

func pecheck(path, arch string, gui bool) error {
	f, err := pe.Open(path)
	if err != nil {
		return fmt.Errorf("%s is not a PE file: %w", path, err)
	}
	defer f.Close()
	machines := map[string]uint16{"amd64": pe.IMAGE_FILE_MACHINE_AMD64, "386": pe.IMAGE_FILE_MACHINE_I386}
	if f.Machine != machines[arch] {
		return fmt.Errorf("%s: machine %#x, want %s", path, f.Machine, arch)
	}
	if f.Characteristics&pe.IMAGE_FILE_EXECUTABLE_IMAGE == 0 {
		return fmt.Errorf("%s: not marked executable", path)
	}
	var subsystem uint16
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		subsystem = h.Subsystem
	case *pe.OptionalHeader32:
		subsystem = h.Subsystem
	default:
		return fmt.Errorf("%s: no optional header", path)
	}
	if gui && subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return fmt.Errorf("%s: subsystem %d, want Windows GUI (a console window would open with it)", path, subsystem)
	}
	rs, err := winres.LoadFromEXE(mustOpen(path))
	if err != nil {
		return fmt.Errorf("%s: resources: %w", path, err)
	}
	var icons, versions int
	rs.Walk(func(typeID, _ winres.Identifier, _ uint16, _ []byte) bool {
		switch typeID {
		case winres.RT_GROUP_ICON:
			icons++
		case winres.RT_VERSION:
			versions++
		}
		return true
	})
	if icons == 0 || versions == 0 {
		return fmt.Errorf("%s: %d icon groups, %d version resources; want both", path, icons, versions)
	}
	fmt.Printf("pecheck: %s: PE %s, subsystem %d, icon and version resources present\n", path, arch, subsystem)
	return nil
}

func mustOpen(path string) *os.File {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pkgtool:", err)
		os.Exit(1)
	}
	return f
}

func run(args []string) error {
	if len(args) < 1 {
		return errors.New("usage: pkgtool render SRC DST | syso OUT | pecheck FILE ARCH [gui]")
	}
	switch {
	case args[0] == "render" && len(args) == 3:
		p, err := loadProject("wails.json")
		if err != nil {
			return err
		}
		b, err := render(p, args[1])
		if err != nil {
			return err
		}
		return os.WriteFile(args[2], b, 0o644)
	case args[0] == "syso" && len(args) == 2:
		p, err := loadProject("wails.json")
		if err != nil {
			return err
		}
		return syso(p, args[1])
	case args[0] == "pecheck" && (len(args) == 3 || len(args) == 4):
		return pecheck(args[1], args[2], len(args) == 4 && args[3] == "gui")
	}
	return errors.New("usage: pkgtool render SRC DST | syso OUT | pecheck FILE ARCH [gui]")
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "pkgtool:", err)
		os.Exit(1)
	}
}
