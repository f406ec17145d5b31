#!/usr/bin/env bash
# Installs the Firebase Auth Emulator test/real/firebase.cjs runs (tools/firebase-tools:
# firebase-tools 15.34.2 and its lockfile; the Auth emulator is pure Node.js, no Java) into the
# cache, once; prints its directory.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
cached_install firebase-tools "about 2 minutes, once"
