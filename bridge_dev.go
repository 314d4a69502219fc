//go:build dev

package main

// devBridge is true in the dev build, whose browser bridge (/wails/ipc) checks no Origin: any
// local page could call the bound methods, so it must never hold real Google tokens.
const devBridge = true
