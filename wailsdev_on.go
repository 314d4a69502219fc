//go:build dev && !bridge

package main

// wailsDevServer is true in a `wails dev` build, whose dev server (/wails/ipc on 34115) checks
// no Origin: any local page could call the bound methods, so it must never hold real Google
// tokens. make builds no such binary; the headless bridge is main_bridge.go.
const wailsDevServer = true
