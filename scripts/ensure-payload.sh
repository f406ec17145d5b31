#!/usr/bin/env bash
# Installs the real Payload CMS test/real/payload.cjs runs (tools/payload: payload and
# @payloadcms/db-sqlite 3.90.2 and their lockfile; libsql ships prebuilt) into the cache, once;
# prints its directory.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
cached_install payload "about 30 seconds, once"
