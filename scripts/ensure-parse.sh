#!/usr/bin/env bash
# Installs the real Parse Server test/real/parse.cjs runs (tools/parse-server: 7.5.4 and its
# lockfile) and Node.js 22 (Parse 7 supports up to 22) into the cache, once; prints Parse's
# directory, then Node.js 22's binary.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
use_cached_node 22
cached_install parse-server "about a minute, once"
command -v node
