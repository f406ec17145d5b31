#!/usr/bin/env bash
# Installs n8n (the version the e2e suite targets) into a cache folder outside the clone, once,
# and prints the path of its `n8n` binary. Run under scripts/node24.sh (n8n 2.x needs Node.js 24).
# Recipe (../shared/reference/real-n8n.md): 2.41.1 installs from the registry (2.41.3 does not);
# install scripts are skipped (one dependency downloads zlib/openssl from outside the registry),
# then sqlite3, the one native module n8n needs here, is built from source.
set -euo pipefail
version="${N8N_VERSION:-2.41.1}"
cache="${PASSWORD_RESET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-password-reset}"
prefix="$cache/n8n-$version"
bin="$prefix/node_modules/.bin/n8n"
if [[ ! -f "$prefix/.complete" ]]; then
  echo "Installing n8n $version into $prefix (about 3 minutes, once)" >&2
  rm -rf "$prefix" && mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error "n8n@$version" >&2
  (cd "$prefix" && npm rebuild sqlite3 --loglevel=error >&2)
  touch "$prefix/.complete"
fi
echo "$bin"
