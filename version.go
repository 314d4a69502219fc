package main

import _ "embed"

// wailsJSON holds info.productVersion, the one place the version is written (scripts/package.sh
// reads it for the installers, about.Version for the About panel and diagnostics).
//
//go:embed wails.json
var wailsJSON []byte
