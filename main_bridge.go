//go:build bridge

// The browser bridge build: the same App served to an ordinary browser by backend/bridge, for
// `make run` without a display and for the end-to-end tests. No Wails, no webview, no display.
// It runs the demo workspace only: its page is reachable from this computer's browsers, so it
// never holds real Google tokens.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"chatmembers/backend/bridge"
	"chatmembers/backend/browser"
	"chatmembers/backend/savefile"
	"chatmembers/backend/session"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:34115", "loopback address to serve the app on")
	flag.Parse()
	if err := serve(*addr); err != nil {
		fmt.Fprintln(os.Stderr, "chat-members-bridge:", err)
		os.Exit(1)
	}
}

func serve(addr string) error {
	dist, err := fs.Sub(assets, assetsDir)
	if err != nil {
		return err
	}
	logger, logFile := openLog()
	defer logFile.Close()
	app := NewApp(session.New(session.Options{LiveAllowed: false, Log: logger}), true)
	srv, err := bridge.New(dist, app.bound()...)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("%s is already in use (is Chat Members running already?); choose another port, e.g. CHAT_MEMBERS_BRIDGE_PORT=34116 make run", addr)
	}
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	app.startup(ctx, bridgeDesktop{srv})
	defer app.shutdown(ctx)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	base := "http://" + ln.Addr().String()
	if err := waitAnswering(ctx, base, served); err != nil {
		return err
	}
	fmt.Printf("Chat Members (demo workspace) is at %s - open it in a browser on this computer. Ctrl+C stops it.\n", base)

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	stop()
	fmt.Println("Chat Members stopped.")
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shut)
}

// waitAnswering asks the bridge for its page, as a browser would, until it answers: the address
// is printed only once opening it works.
func waitAnswering(ctx context.Context, base string, served <-chan error) error {
	client := &http.Client{Timeout: 2 * time.Second}
	var last error
	for range 100 {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/", nil)
		if err != nil {
			return err
		}
		req.Header.Set("Sec-Fetch-Site", "none")
		res, err := client.Do(req)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("its page answered %s", res.Status)
		}
		last = err
		select {
		case err := <-served:
			return err
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return fmt.Errorf("the bridge at %s does not answer: %v", base, last)
}

// bridgeDesktop is the desktop of the bridge build: events go to the open pages; there is no
// file dialog (only the demo runs here), and the system browser opens only where there is a
// display (otherwise the app shows the sign-in link to open by hand).
type bridgeDesktop struct{ srv *bridge.Server }

func (d bridgeDesktop) Emit(event string, data ...any) { d.srv.Emit(event, data...) }

func (d bridgeDesktop) OpenURL(url string) error { return browser.System(nil, url) }

func (d bridgeDesktop) OpenFileDialog(string, string, string) (string, error) {
	return "", errors.New("the browser bridge has no file dialog")
}

// SaveFileDialog: a browser page cannot show the app's save dialog, so the file goes into the
// download folder, as a browser's own downloads do, under a name that replaces nothing.
func (d bridgeDesktop) SaveFileDialog(_, defaultName string) (string, error) {
	return savefile.InDownloads(defaultName)
}
