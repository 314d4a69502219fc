//go:build !bridge

// The window build: the app in a Wails window (WebKitGTK on Linux). The headless browser
// bridge is main_bridge.go (build tag "bridge").
package main

import (
	"context"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"chatmembers/backend/session"
)

// windowIcon is the app's icon for the window on Linux (on Windows the .exe's icon resource
// serves, on macOS the bundle's). 256 px: enough for any panel, a quarter of build/appicon.png's
// decoded memory. Rendered from build/appicon.svg by scripts/icon.sh.
//
//go:embed build/linux/icon.png
var windowIcon []byte

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
		Linux: &linux.Options{
			Icon: windowIcon,
			// The desktop entry's StartupWMClass, so the panel matches the window to its entry.
			ProgramName: "chat-members",
			// What Wails picks when Linux options are nil (wailsapp/wails#2977); a non-nil
			// Options would otherwise mean "always" (the zero value).
			WebviewGpuPolicy: linux.WebviewGpuPolicyNever,
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "chat-members:", err)
		os.Exit(1)
	}
}
