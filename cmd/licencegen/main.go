// Command licencegen writes backend/about/licences.json: every part bundled into the app with
// its licence text, for the About panel. Go modules linked into any of the app's builds (the
// Linux window, the Windows window, the browser bridge: `go list -deps` with each build's tags,
// plus the standard library) and npm packages that end up in the production frontend bundle
// (a Vite build that records which node_modules files have code in the output). Run by
// `go generate ./backend/about`; TestLicencesCoverEveryLinkedModule fails when it is stale.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"

	"chatmembers/backend/about"
)

func main() {
	root := flag.String("root", ".", "the repository root")
	out := flag.String("o", "backend/about/licences.json", "the file to write")
	flag.Parse()
	if err := run(*root, *out); err != nil {
		fmt.Fprintln(os.Stderr, "licencegen:", err)
		os.Exit(1)
	}
}

func run(root, out string) error {
	var parts []about.Part
	goParts, err := goModules(root)
	if err != nil {
		return err
	}
	npmParts, err := npmPackages(filepath.Join(root, "frontend"))
	if err != nil {
		return err
	}
	parts = append(append(parts, goParts...), npmParts...)
	b, err := json.MarshalIndent(parts, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(b, '\n'), 0o644)
}

// goModules lists the modules of every package linked into one of the builds.
func goModules(root string) ([]about.Part, error) {
	goroot := strings.TrimSpace(runOut(root, nil, "go", "env", "GOROOT"))
	text, err := licenceText(goroot)
	if err != nil {
		return nil, fmt.Errorf("the Go distribution: %w", err)
	}
	parts := map[string]about.Part{"go": {Name: "Go standard library", Version: runtime.Version(), Kind: "go", Licence: name(text), Text: text}}
	for _, b := range about.Builds {
		env := []string{"GOOS=" + b.GOOS, "CGO_ENABLED=" + b.CGO}
		lines := runOut(root, env, "go", "list", "-deps", "-tags", b.Tags,
			"-f", "{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}", ".")
		for _, l := range strings.Split(lines, "\n") {
			f := strings.Fields(l)
			if len(f) != 3 {
				continue
			}
			if _, ok := parts[f[0]]; ok {
				continue
			}
			text, err := licenceText(f[2])
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f[0], err)
			}
			parts[f[0]] = about.Part{Name: f[0], Version: f[1], Kind: "go", Licence: name(text), Text: text}
		}
	}
	return sorted(parts), nil
}

// bundled prints {name: dir} for each npm package with code in the production bundle: the
// project's own vite.config.ts plus a plugin that reads the output chunks' modules.
const bundled = `
import { build } from 'vite';
const seen = {};
await build({ logLevel: 'silent', build: { write: false }, plugins: [{ name: 'bundled-packages',
  generateBundle(_o, bundle) {
    for (const c of Object.values(bundle)) {
      if (c.type !== 'chunk') continue;
      for (const [id, m] of Object.entries(c.modules)) {
        const i = id.lastIndexOf('node_modules/');
        if (i < 0 || !m.renderedLength) continue;
        const rest = id.slice(i + 13).split('/');
        const name = rest[0].startsWith('@') ? rest[0] + '/' + rest[1] : rest[0];
        seen[name] = id.slice(0, i + 13) + name;
      }
    }
  } }] });
console.log(JSON.stringify(seen));
`

func npmPackages(frontend string) ([]about.Part, error) {
	var dirs map[string]string
	if err := json.Unmarshal([]byte(runOut(frontend, nil, "node", "--input-type=module", "-e", bundled)), &dirs); err != nil {
		return nil, fmt.Errorf("the bundled npm packages: %w", err)
	}
	parts := map[string]about.Part{}
	for n, dir := range dirs {
		var pkg struct{ Version, License string }
		b, err := os.ReadFile(filepath.Join(dir, "package.json"))
		if err == nil {
			err = json.Unmarshal(b, &pkg)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		text, err := licenceText(dir)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		parts[n] = about.Part{Name: n, Version: pkg.Version, Kind: "npm", Licence: pkg.License, Text: text}
	}
	return sorted(parts), nil
}

var licenceFile = regexp.MustCompile(`(?i)^(licen[cs]e|copying)(\.md|\.txt)?$`)

// licenceText is the licence file at the top of dir (LICENSE, LICENCE.md, COPYING, ...).
func licenceText(dir string) (string, error) {
	es, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	for _, e := range es {
		if !e.IsDir() && licenceFile.MatchString(e.Name()) {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			return strings.TrimSpace(string(b)), err
		}
	}
	return "", fmt.Errorf("no licence file in %s", dir)
}

// name recognises the common licences by their wording (Go modules carry no licence field).
func name(text string) string {
	t := strings.Join(strings.Fields(text), " ")
	switch {
	case strings.Contains(t, "Apache License") && strings.Contains(t, "Version 2.0"):
		return "Apache-2.0"
	case strings.Contains(t, "Mozilla Public License") && strings.Contains(t, "2.0"):
		return "MPL-2.0"
	case strings.Contains(t, "Permission is hereby granted, free of charge"):
		return "MIT"
	case strings.Contains(t, "Permission to use, copy, modify, and/or distribute"):
		return "ISC"
	case strings.Contains(t, "Neither the name") || strings.Contains(t, "names of its contributors"):
		return "BSD-3-Clause"
	case strings.Contains(t, "Redistribution and use in source and binary forms"):
		return "BSD-2-Clause"
	case strings.Contains(t, "GNU LESSER GENERAL PUBLIC LICENSE"):
		return "LGPL"
	}
	return "see text"
}

func sorted(m map[string]about.Part) []about.Part {
	var ps []about.Part
	for _, p := range m {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Name < ps[j].Name })
	return ps
}

// runOut runs a command in dir and returns its stdout; a failure ends the generator.
func runOut(dir string, env []string, name string, args ...string) string {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env, cmd.Stderr = dir, append(os.Environ(), env...), os.Stderr
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "licencegen: %s %s: %v\n", name, strings.Join(args, " "), err)
		os.Exit(1)
	}
	return out.String()
}
