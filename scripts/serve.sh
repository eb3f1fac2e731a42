#!/usr/bin/env bash
# Builds the widget, the policy studio and the register page and serves them locally; prints the address to open.
# Usage: scripts/serve.sh [PORT]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh
scripts/build-web.sh
scripts/build-studio.sh
scripts/build-register.sh
exec node tests/browser/server.mjs --port "${1:-8080}"
