#!/usr/bin/env bash
# Installs the real Medusa 2 test/real/medusa.cjs runs (tools/medusa: @medusajs/medusa,
# framework and cli 2.21.2 and their lockfile) and Node.js 22 into the cache, once; prints
# Medusa's directory, then Node.js 22's binary.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
use_cached_node 22
cached_install medusa "about a minute, once"
command -v node
