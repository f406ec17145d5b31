#!/usr/bin/env bash
# Installs the real Ghost test/real/ghost.cjs runs (npm `ghost` 6.65.0, its production
# dependencies pinned by tools/ghost/package-lock.json) and Node.js 22 (Ghost's engines) into the
# cache, once: about 8 minutes, most of it building better-sqlite3 and re2 from source. Ghost
# cannot be a dependency (its package has `file:` dependencies on tarballs inside it), so its
# own tarball is unpacked and installed in place. Prints Ghost's directory, then Node.js 22's binary.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
use_cached_node 22
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../tools/ghost" && pwd)"
version="$(node -p "require('$source_dir/package.json').ghostVersion")"
lock_hash="$(cat "$source_dir/package.json" "$source_dir/package-lock.json" | sha256sum | cut -c1-12)"
prefix="$cache_root/ghost-$lock_hash"
if [[ ! -f "$prefix/.complete" ]]; then
	echo "Installing Ghost $version into $prefix (about 8 minutes, once)" >&2
	rm -rf "$prefix" && mkdir -p "$prefix"
	(
		cd "$prefix"
		npm pack "ghost@$version" --silent --loglevel=error >/dev/null
		tar xzf "ghost-$version.tgz" && rm "ghost-$version.tgz"
		cp "$source_dir/package-lock.json" package/
		cd package
		# bookshelf 1.2 asks for knex <0.22 while Ghost pins knex 2.4: Ghost's own install ignores peer ranges too.
		npm ci --omit=dev --legacy-peer-deps --ignore-scripts --no-audit --no-fund --loglevel=error >&2
		npm rebuild better-sqlite3 re2 --loglevel=error >&2
	)
	touch "$prefix/.complete"
fi
echo "$prefix/package"
command -v node
