//go:build !dev

package main

// devBridge is false in the production build (see bridge_dev.go).
const devBridge = false
