#!/usr/bin/env bash
# Installs what test/real/wordpress.cjs runs, from Debian's packages, once per machine: WordPress
# (6.1.9 in bookworm), PHP's command line and its MySQL driver, MariaDB (about 40 s).
set -euo pipefail
missing=()
[[ -f /usr/share/wordpress/wp-login.php ]] || missing+=(wordpress)
command -v php >/dev/null || missing+=(php-cli)
php -m 2>/dev/null | grep -qi '^mysqli$' || missing+=(php-mysql)
command -v mariadbd >/dev/null || [[ -x /usr/sbin/mariadbd ]] || missing+=(mariadb-server)
if ((${#missing[@]})); then
	echo "Installing from Debian: ${missing[*]} (about 40 s, once)" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
