#!/usr/bin/env bash
# Installs the real Better Auth test/real/betterAuth.cjs runs (tools/better-auth: 1.7.25 and its
# lockfile; pure JavaScript, nothing to build) into the cache, once; prints its directory.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
cached_install better-auth "about 30 seconds, once"
