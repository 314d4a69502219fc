package main

import "embed"

// assets is the built frontend, served by the window's asset server or by the bridge.
//
//go:embed all:frontend/dist
var assets embed.FS

// assetsDir is where the built frontend sits inside assets.
const assetsDir = "frontend/dist"
