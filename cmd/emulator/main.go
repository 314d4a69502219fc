// Command emulator runs the Google stand-in (Chat API and OAuth endpoints, demo organisation)
// on its own, for manual testing with curl, a browser or any Google client library:
//
//	go run ./cmd/emulator -addr 127.0.0.1:8085
//
// It prints the base URL, the Chat API endpoint and the path of a client_secret.json for the
// demo "Desktop app" client, and stops on SIGINT or SIGTERM. No display and no cgo are needed.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"chatmembers/backend/emulator"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8085", "address to listen on (host:port; port 0 picks a free one)")
	secretPath := flag.String("client-secret", "", "where to write the demo client_secret.json (default: a new temporary directory)")
	flag.Parse()
	if err := run(*addr, *secretPath); err != nil {
		log.Fatal(err)
	}
}

func run(addr, secretPath string) error {
	srv, err := emulator.Start(addr, emulator.Options{})
	if err != nil {
		return err
	}
	defer srv.Close()

	if secretPath == "" {
		dir, err := os.MkdirTemp("", "chat-members-emulator-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir) // the secret points at this run's port: useless afterwards
		secretPath = filepath.Join(dir, "client_secret.json")
	}
	if err := os.WriteFile(secretPath, srv.ClientSecretJSON(), 0o600); err != nil {
		return err
	}

	fmt.Printf("Google emulator (%s, %s) listening\n", emulator.DemoOrgName, emulator.DemoDomain)
	fmt.Printf("  base URL:           %s\n", srv.URL())
	fmt.Printf("  Chat API endpoint:  %s/  (option.WithEndpoint)\n", srv.URL())
	fmt.Printf("  client_secret.json: %s\n", secretPath)
	fmt.Printf("  demo account:       %s\n", emulator.DemoAdminEmail)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	sig := <-stop
	fmt.Printf("received %s, stopping\n", sig)
	return nil
}
