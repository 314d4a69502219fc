//go:build !bridge

// The window build: the app in a Wails window (WebKitGTK on Linux). The headless browser
// bridge is main_bridge.go (build tag "bridge").
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"

	"chatmembers/backend/session"
)

func main() {
	// A `wails dev` build reads its own flags (-assetdir, -devserver) from os.Args too, so
	// unknown flags are not an error here.
	fs := flag.NewFlagSet("chat-members", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	demo := fs.Bool("demo", false, "start on the demo workspace")
	_ = fs.Parse(os.Args[1:])

	logger, logFile := openLog()
	defer logFile.Close()
	sess := session.New(session.Options{LiveAllowed: !wailsDevServer, Log: logger})
	app := NewApp(sess, *demo || wailsDevServer)
	err := wails.Run(&options.App{
		Title:            "Chat Members",
		Width:            1100,
		Height:           760,
		MinWidth:         720,
		MinHeight:        520,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 251, A: 1},
		OnStartup:        func(ctx context.Context) { app.startup(ctx, windowDesktop{ctx}) },
		OnShutdown:       app.shutdown,
		Bind:             app.bound(),
		EnumBind:         enums(),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "chat-members:", err)
		os.Exit(1)
	}
}
