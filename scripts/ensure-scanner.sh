#!/usr/bin/env bash
# Installs n8n's community package scanner (tools/scanner: @n8n/scan-community-package and its
# lockfile) into the cache, once; prints its directory.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
cached_install scanner "about 15 s, once"
