#!/usr/bin/env bash
# Runs a command under Node.js 24, which n8n 2.x, n8n-core 2.41 and their isolated-vm need.
set -euo pipefail
if [[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 24 ]]; then exec "$@"; fi
source "$(dirname "$0")/cache-install.sh"
use_cached_node 24
exec "$@"
