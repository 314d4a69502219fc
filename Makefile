# Chat Members. `make run` and `make test` do all set-up on a fresh Debian 12 / Ubuntu machine.
SHELL := /bin/bash
GO ?= go
TAGS := webkit2_41
BIN := build/bin/chat-members
BRIDGEBIN := build/bin/chat-members-bridge
STAMP := .cache/stamps
# What the binaries are built from: Go sources and embedded files, not tests (editing a test
# must not relink the app). The frontend is embedded through frontend/dist/index.html.
GOSRC := go.mod go.sum $(shell find . \( -path ./frontend -o -path ./.cache -o -path ./build -o -path ./.git -o -path ./scripts -o -name testdata \) -prune \
  -o -type f \( -name '*.go' -o -path './backend/*' \) -not -name '*_test.go' -print 2>/dev/null)
FRONTEND_SRC := $(shell find frontend/src frontend/wailsjs frontend/public frontend/index.html frontend/vite.config.ts \
  frontend/svelte.config.js frontend/tsconfig.json frontend/package.json -type f -not -name '*.test.ts' -not -path 'frontend/src/test/*' 2>/dev/null)
# No display (DISPLAY and WAYLAND_DISPLAY unset): `make run` serves the app to a browser instead
# of opening a window, and needs no GTK, WebKit or Xvfb for that.
HEADLESS := $(if $(DISPLAY)$(WAYLAND_DISPLAY),,1)

.PHONY: run test bench build build-bridge build-dev emulator setup-run setup-test setup-package go-deps test-go test-frontend e2e window package package-test clean

## run: build the app and open it on the demo workspace (headless: serve it to a browser)
run: setup-run $(if $(HEADLESS),build-bridge,build)
	@scripts/run.sh

## test: every test layer: Go (race), frontend (Vitest), end to end (Chromium), real window (Xvfb),
## then the installers (make package) and their checks
test: setup-test test-go test-frontend build build-bridge e2e window package-test
	@echo "make test: all layers passed"

## bench: Go benchmarks through the real Chat client against the emulator over loopback, 1,000
## bulk adds at Google's quota (scripts/bulkbench, quotas at time scale 30), the frontend's space
## search, 10,000 spaces drawn in Chromium and WebKitGTK (bench-spaces.sh), and the real window's
## exec->first paint against a bare Wails window, and its memory (bench-start.sh), and how long a
## pasted 10,000-row table takes to show its preview in the real window (bench-paste.sh)
bench: go-deps frontend/node_modules/.package-lock.json build-bridge build build/bin/bench-bare
	$(GO) test -run '^$$' -bench . -benchmem ./backend/...
	$(GO) run ./scripts/bulkbench -scale 30
	cd frontend && npx vitest bench --run
	@scripts/bench-spaces.sh
	@scripts/bench-start.sh
	@scripts/bench-paste.sh

# The baseline of bench-start.sh: a bare Wails window, built as $(BIN) is.
build/bin/bench-bare: $(STAMP)/go-deps scripts/bench/bare/main.go scripts/bench/bare/index.html
	$(GO) build -tags desktop,production,$(TAGS) -ldflags "-w -s" -o $@ ./scripts/bench/bare

## emulator: the Chat API and OAuth emulator alone, for any Google client (no display needed)
emulator: go-deps
	CGO_ENABLED=0 $(GO) run ./cmd/emulator -addr 127.0.0.1:8085

setup-run:
	@scripts/setup-toolchain.sh
	@$(if $(HEADLESS),true,scripts/setup-system.sh run)

setup-test:
	@scripts/setup-toolchain.sh
	@scripts/setup-system.sh test

setup-package:
	@scripts/setup-toolchain.sh
	@scripts/setup-system.sh package

go-deps: $(STAMP)/go-deps
$(STAMP)/go-deps: go.mod go.sum
	@echo "setup: downloading Go modules"
	@$(GO) mod download
	@mkdir -p $(STAMP) && touch $@

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	@echo "setup: installing npm packages (npm ci)"
	@cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SRC)
	@echo "build: frontend"
	@cd frontend && npm run build --silent
	@touch $@

test-go: go-deps
	@echo "test: Go (vet, race)"
	$(GO) vet ./...
	$(GO) vet -tags bridge .
	$(GO) test -race -count=1 ./...
	@echo "test: fuzzing the table reader (5 s)"
	$(GO) test -run '^$$' -fuzz '^FuzzTable$$' -fuzztime 5s ./backend/table

test-frontend: frontend/node_modules/.package-lock.json
	@echo "test: frontend (svelte-check, Vitest)"
	cd frontend && npm run check --silent && npm test --silent

# The binaries depend on the go-deps stamp, not on the phony go-deps (a phony prerequisite is
# always out of date and relinked both binaries on every `make run`). `go build` leaves an
# up-to-date binary untouched, so touch it or make would run `go build` every time.

## build: the production binary (same as `wails build`)
build: $(BIN)
$(BIN): $(STAMP)/go-deps frontend/dist/index.html $(GOSRC) build/linux/icon.png
	@echo "build: $(BIN)"
	$(GO) build -tags desktop,production,$(TAGS) -ldflags "-w -s" -o $(BIN) .
	@touch $@

## build-bridge: the browser bridge (demo workspace only; pure Go, needs no display)
build-bridge: $(BRIDGEBIN)
build-dev: build-bridge
$(BRIDGEBIN): $(STAMP)/go-deps frontend/dist/index.html $(GOSRC)
	@echo "build: $(BRIDGEBIN)"
	CGO_ENABLED=0 $(GO) build -tags bridge -ldflags "-w -s" -o $(BRIDGEBIN) .
	@touch $@

e2e: build-bridge frontend/node_modules/.package-lock.json
	@scripts/e2e.sh

window: build
	@scripts/window-test.sh

## package: the installers in build/bin: a .deb (nfpm), the Windows .exe and its NSIS installer
package: setup-package $(STAMP)/go-deps frontend/dist/index.html
	@scripts/package.sh

# The package checks: the unpacked .deb starts to the welcome screen under Xvfb, its Depends,
# lintian, the Windows files are PE executables and the installer holds the app.
package-test: package
	@scripts/package-test.sh

clean:
	rm -rf build/bin .cache frontend/dist/assets frontend/dist/index.html
