# Chat Members. `make run` and `make test` do all set-up on a fresh Debian 12 / Ubuntu machine.
SHELL := /bin/bash
GO ?= go
TAGS := webkit2_41
BIN := build/bin/chat-members
DEVBIN := build/bin/chat-members-dev
STAMP := .cache/stamps
GOFILES := $(shell find . -name '*.go' -not -path './frontend/*' -not -path './.cache/*' 2>/dev/null)
FRONTEND_SRC := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/public -type f 2>/dev/null)

.PHONY: run test bench build build-dev emulator setup-run setup-test go-deps test-go test-frontend e2e window clean

## run: build the app and open it on the demo workspace (headless: serve the browser bridge)
run: setup-run build build-dev
	@scripts/run.sh

## test: every test layer: Go (race), frontend (Vitest), end to end (Chromium), real window (Xvfb)
test: setup-test test-go test-frontend build build-dev e2e window
	@echo "make test: all layers passed"

## bench: Go benchmarks through the real Chat client against the emulator over loopback, and
## the frontend's space search
bench: go-deps frontend/node_modules/.package-lock.json
	$(GO) test -run '^$$' -bench . -benchmem ./backend/...
	cd frontend && npx vitest bench --run

## emulator: the Chat API and OAuth emulator alone, for any Google client (no display needed)
emulator: go-deps
	CGO_ENABLED=0 $(GO) run ./cmd/emulator -addr 127.0.0.1:8085

setup-run:
	@scripts/setup-toolchain.sh
	@scripts/setup-system.sh run

setup-test:
	@scripts/setup-toolchain.sh
	@scripts/setup-system.sh test

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

test-go: go-deps
	@echo "test: Go (vet, race)"
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

test-frontend: frontend/node_modules/.package-lock.json
	@echo "test: frontend (svelte-check, Vitest)"
	cd frontend && npm run check --silent && npm test --silent

## build: the production binary (same as `wails build`)
build: $(BIN)
$(BIN): go-deps frontend/dist/index.html $(GOFILES)
	@echo "build: $(BIN)"
	$(GO) build -tags desktop,production,$(TAGS) -ldflags "-w -s" -o $(BIN) .

## build-dev: the dev binary with the browser bridge (demo workspace only)
build-dev: $(DEVBIN)
$(DEVBIN): go-deps frontend/dist/index.html $(GOFILES)
	@echo "build: $(DEVBIN)"
	$(GO) build -tags dev,$(TAGS) -o $(DEVBIN) .

e2e: build-dev frontend/node_modules/.package-lock.json
	@scripts/e2e.sh

window: build
	@scripts/window-test.sh

clean:
	rm -rf build/bin .cache frontend/dist/assets frontend/dist/index.html
