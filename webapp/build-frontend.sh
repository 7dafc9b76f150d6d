#!/usr/bin/env bash
# Builds the Vue front end with the machine's own node and npm (called by Maven in generate-resources).
# npm ci runs only when node_modules is missing or older than package-lock.json, to keep rebuilds fast.
set -euo pipefail
cd "$(dirname "$0")/frontend"
command -v npm >/dev/null || { echo "npm not found: install Node.js 20+ and npm" >&2; exit 1; }
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run build --silent
# the front end's unit tests (Node's own runner, no dependency): a broken helper fails the build
node --test src/utils/*.test.js
