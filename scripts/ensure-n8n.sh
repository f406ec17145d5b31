#!/usr/bin/env bash
# Installs the n8n the e2e suite targets (tools/n8n: n8n 2.41.1 and its lockfile) into a cache
# folder outside the clone, once per lockfile, and prints the path of its `n8n` binary. Run under
# scripts/node24.sh (n8n 2.x needs Node.js 24). Recipe (../shared/reference/real-n8n.md): 2.41.1
# installs from the registry (2.41.3 does not); install scripts are skipped (one dependency
# downloads zlib/openssl from outside the registry), then sqlite3, the one native module n8n
# needs here, is built from source.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
prefix="$(cached_install n8n "about 6 minutes, once" sqlite3)"
echo "$prefix/node_modules/.bin/n8n"
