// Command emulator runs the Google stand-in (Chat API, People API directory search, Cloud
// Identity group lookup and OAuth endpoints, demo organisation)
// on its own, for manual testing with curl, a browser or any Google client library:
//
//	go run ./cmd/emulator -addr 127.0.0.1:8085
//	go run ./cmd/emulator -fault-rate 0.2 -fault-seed 1   # a fifth of Chat API requests fail
//	go run ./cmd/emulator -setup api-disabled             # a project without the Chat API switched on
//	go run ./cmd/emulator -quota-time-scale 60            # Google's quotas, a minute's allowance each second
//	go run ./cmd/emulator -quota=false                    # no quotas at all
//
// It prints the base URL, the API endpoint and the path of a client_secret.json for the
// demo "Desktop app" client, and stops on SIGINT or SIGTERM. No display and no cgo are needed.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"chatmembers/backend/emulator"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8085", "address to listen on (host:port; port 0 picks a free one)")
	secretPath := flag.String("client-secret", "", "where to write the demo client_secret.json (default: a new temporary directory)")
	var faults emulator.Faults
	flag.Float64Var(&faults.Rate, "fault-rate", 0, "share of Chat API requests that fail on purpose (0 to 1): 429, 5xx and connection resets, before or after the request is carried out")
	flag.Uint64Var(&faults.Seed, "fault-seed", 1, "seed of the fault sequence: the same requests in the same order meet the same faults")
	flag.DurationVar(&faults.RetryAfter, "fault-retry-after", 0, "delay an injected 429 asks for (RetryInfo and Retry-After); 0: none")
	kinds := flag.String("fault-kinds", "", "comma-separated kinds to inject (default all): "+kindList())
	quota := emulator.GoogleQuota()
	flag.BoolVar(&quota.On, "quota", true, "enforce Google's Chat API quotas (300 membership writes per minute per project, 15 reads per second per space, ...): 429 RESOURCE_EXHAUSTED beyond them")
	flag.Float64Var(&quota.TimeScale, "quota-time-scale", 1, "compress the quotas' time: with 60 a minute's allowance returns every second")
	setup := flag.String("setup", "", "a Google Cloud set-up step to pretend missing (default none): "+setupList())
	flag.Parse()
	if *kinds != "" {
		for _, k := range strings.Split(*kinds, ",") {
			faults.Kinds = append(faults.Kinds, emulator.FaultKind(strings.TrimSpace(k)))
		}
	}
	if err := run(*addr, *secretPath, emulator.Options{Faults: faults, Quota: quota, Setup: emulator.SetupState(*setup)}); err != nil {
		log.Fatal(err)
	}
}

func kindList() string {
	var ks []string
	for _, k := range emulator.AllFaults() {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

func setupList() string {
	var ss []string
	for _, s := range emulator.SetupStates() {
		ss = append(ss, string(s))
	}
	return strings.Join(ss, ", ")
}

func run(addr, secretPath string, opts emulator.Options) error {
	faults := opts.Faults
	srv, err := emulator.Start(addr, opts)
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
	fmt.Printf("  API endpoint:       %s/  (option.WithEndpoint; Chat, People and Cloud Identity)\n", srv.URL())
	fmt.Printf("  client_secret.json: %s\n", secretPath)
	fmt.Printf("  demo account:       %s (Workspace admin; %s is not)\n", emulator.DemoAdminEmail, emulator.DemoNonAdminEmail)
	if faults.Rate > 0 {
		fmt.Printf("  injected faults:    %.0f %% of Chat API requests (seed %d)\n", faults.Rate*100, faults.Seed)
	}

	if opts.Quota.On {
		fmt.Printf("  quotas:             Google's, time scale %g\n", opts.Quota.TimeScale)
	} else {
		fmt.Printf("  quotas:             off\n")
	}
	if opts.Setup != emulator.SetupComplete {
		fmt.Printf("  missing setup step: %s\n", opts.Setup)
	}

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	sig := <-stop
	fmt.Printf("received %s, stopping\n", sig)
	return nil
}
