//go:build !dev && !bridge

package main

// wailsDevServer is false in the window build (see wailsdev_on.go).
const wailsDevServer = false
