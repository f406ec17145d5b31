#!/usr/bin/env bash
# Shared by ensure-n8n.sh and ensure-directus.sh: installs tools/<tool> (a package.json and its
# lockfile) into the cache outside the clone with `npm ci`, once per lockfile, skipping install
# scripts and rebuilding only the native modules named. Prints the install's directory.
cache_root="${PASSWORD_RESET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-password-reset}"

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
