#!/usr/bin/env bash
# Installs the real Vendure test/real/vendure.cjs runs (tools/vendure: @vendure/core and
# @vendure/testing 3.7.3 with sql.js, and their lockfile) into the cache, once (about 1 minute;
# bcrypt loads its prebuilt binary, nothing is built). Prints its directory.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
cached_install vendure "about 1 minute, once"
