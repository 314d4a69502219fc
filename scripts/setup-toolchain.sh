#!/usr/bin/env bash
# Makes sure Go (>= 1.21, which fetches the 1.26 toolchain go.mod asks for through the module
# proxy) and Node.js (>= 20) are present, installing Node from apt when missing.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

if ! command -v go >/dev/null 2>&1; then
  if [ -x /usr/local/go/bin/go ]; then
    echo "setup: Go is at /usr/local/go/bin but not on PATH; add it: export PATH=\$PATH:/usr/local/go/bin" >&2
  else
    echo "setup: Go is missing. Install Go 1.22 or newer (https://go.dev/doc/install); it fetches the rest itself." >&2
  fi
  exit 1
fi
gominor=$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')
if [ "${gominor:-0}" -lt 21 ]; then
  echo "setup: Go $(go env GOVERSION) is too old to fetch the toolchain this project needs; install Go 1.22 or newer." >&2
  exit 1
fi

nodemajor=0
if command -v node >/dev/null 2>&1; then
  nodemajor=$(node -p 'process.versions.node.split(".")[0]')
fi
if [ "$nodemajor" -lt 20 ]; then
  echo "setup: installing Node.js and npm from apt (found major version $nodemajor, need 20 or newer)"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  nodemajor=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$nodemajor" -lt 20 ]; then
    echo "setup: this system's apt offers Node.js $nodemajor; the frontend needs 20 or newer (https://nodejs.org)." >&2
    exit 1
  fi
fi
