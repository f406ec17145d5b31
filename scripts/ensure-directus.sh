#!/usr/bin/env bash
# Installs the real Directus test/real/directus.cjs runs (tools/directus: 12.4.0, which the
# registry serves whole, and its lockfile) and Node.js 22 (its isolated-vm 5 does not build
# against Node.js 24) into the cache, once; prints Directus's directory, then Node.js 22's binary.
# Recipe: ../shared/reference/real-n8n.md, "Real servers from the registry".
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
use_cached_node 22
cached_install directus "about 4 minutes, once" isolated-vm sqlite3 argon2
command -v node
