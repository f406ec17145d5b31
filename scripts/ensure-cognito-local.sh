#!/usr/bin/env bash
# Installs cognito-local (tools/cognito-local: 5.3.0 and its lockfile; pure JavaScript), the AWS
# Cognito stand-in test/real/cognito.cjs runs, into the cache, once; prints its directory.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
cached_install cognito-local "about 10 seconds, once"
