#!/usr/bin/env bash
# Installs the real Strapi 5 test/real/strapi.cjs runs (tools/strapi: @strapi/strapi and
# @strapi/plugin-users-permissions 5.54.0, better-sqlite3 12, and their lockfile) and Node.js 22
# (better-sqlite3 12 aborts under Node.js 24) into the cache, once; better-sqlite3 is built from
# source. Prints Strapi's directory, then Node.js 22's binary.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
use_cached_node 22
cached_install strapi "about 2.5 minutes, once" better-sqlite3
command -v node
