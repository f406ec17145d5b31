#!/usr/bin/env bash
# Installs a real n8n into a cache folder outside the clone, once per lockfile, and prints the path
# of the command that runs it. Run under scripts/node24.sh. Recipes (../shared/reference/real-n8n.md):
#   (no argument) n8n 2.41.1 (tools/n8n), on Node.js 24: the newest 2.x the registry installs
#     (2.41.3 pins @n8n/agents@0.26.2, which the registry lacks).
#   1             n8n 1.123.81 (tools/n8n-1.123), the maintained 1.x line, on Node.js 22; its xlsx
#     comes from the registry (an npm override in the test install: n8n 1.x names SheetJS's CDN).
# Install scripts are skipped (one dependency downloads zlib/openssl from outside the registry),
# then sqlite3, the one native module n8n needs here, is built from source for that Node.js.
set -euo pipefail
source "$(dirname "$0")/cache-install.sh"
if [[ "${1:-2}" == 1 ]]; then
  use_cached_node 22
  prefix="$(cached_install n8n-1.123 "about 4 minutes, once" sqlite3)"
  # A launcher that runs n8n on Node.js 22 whatever runs first on PATH later (the suites run on 24).
  launcher="$prefix/n8n-on-node22"
  printf '#!/usr/bin/env bash\nexec %q %q "$@"\n' "$(command -v node)" "$prefix/node_modules/n8n/bin/n8n" >"$launcher"
  chmod +x "$launcher"
  echo "$launcher"
else
  prefix="$(cached_install n8n "about 6 minutes, once" sqlite3)"
  echo "$prefix/node_modules/.bin/n8n"
fi
