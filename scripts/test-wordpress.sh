#!/usr/bin/env bash
# The WordPress plugin against Debian's real WordPress (6.1), as root, on loopback only:
# a private MariaDB on a socket, a private Apache on 127.0.0.1:$RA_WP_PORT (default 9580), WordPress installed
# with PHP through wp-load.php (Debian has no wp-cli), the plugin linked in, posts saved as an Author (KSES on),
# then the Node/Playwright check (test/e2e/embedding-wordpress.wp-test.ts) with the bundle served from a second
# origin ($RA_WP_CDN_PORT, default 9581). Everything it starts, it stops; it leaves /etc alone but for one
# config file it removes.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
port=${RA_WP_PORT:-9580}
cdn_port=${RA_WP_CDN_PORT:-9581}
export DEBIAN_FRONTEND=noninteractive

packages=(wordpress mariadb-server apache2 libapache2-mod-php php-mysql)
if ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
  apt-get install -y -qq "${packages[@]}" >/dev/null
fi

echo "php -l on the plugin:"
find integrations/wordpress -name '*.php' -print0 | xargs -0 -n1 php -l

[ -f dist/cdn/ra-widgets.js ] || npx vite build --mode cdn --logLevel error

work=$(mktemp -d /tmp/ra-wp.XXXXXX)
chmod 755 "$work"
config_name="ra-widgets-test-$port"
config_file="/etc/wordpress/config-$config_name.php"
apache_conf="$work/apache.conf"
db_pid=""

cleanup() {
  [ -f "$work/apache.pid" ] && /usr/sbin/apache2 -f "$apache_conf" -k stop 2>/dev/null || true
  [ -n "$db_pid" ] && kill "$db_pid" 2>/dev/null && wait "$db_pid" 2>/dev/null || true
  rm -f "$config_file"
  rm -rf "$work"
}
trap cleanup EXIT

# MariaDB: its own data directory and socket, no TCP.
mkdir -p "$work/db"
chown mysql:mysql "$work/db"
mariadb-install-db --user=mysql --datadir="$work/db" --auth-root-authentication-method=socket >/dev/null
mariadbd --user=mysql --datadir="$work/db" --socket="$work/db/mysqld.sock" --pid-file="$work/db/mysqld.pid" \
  --skip-networking --skip-log-bin >"$work/mariadb.log" 2>&1 &
db_pid=$!
for _ in $(seq 1 60); do
  [ -S "$work/db/mysqld.sock" ] && mariadb --socket="$work/db/mysqld.sock" -u root -e 'SELECT 1' >/dev/null 2>&1 && break
  sleep 0.5
done
mariadb --socket="$work/db/mysqld.sock" -u root -e "
  CREATE DATABASE wordpress;
  CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'ra-test';
  GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"

# WordPress: Debian's wp-config.php reads /etc/wordpress/config-<WORDPRESS_CONFIG>.php. Content in the work
# directory: Debian's theme, and the plugin from this checkout.
mkdir -p "$work/wp-content/plugins" "$work/wp-content/uploads"
ln -s /usr/share/wordpress/wp-content/themes "$work/wp-content/themes"
# Debian's wordpress-l10n: the site in French, as the network's partners run it.
ln -s /var/lib/wordpress/wp-content/languages "$work/wp-content/languages"
ln -s "$repo/integrations/wordpress" "$work/wp-content/plugins/ra-widgets"
chown -R www-data "$work/wp-content/uploads"
cat >"$config_file" <<EOF
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'ra-test');
define('DB_HOST', 'localhost:$work/db/mysqld.sock');
define('WP_HOME', 'http://127.0.0.1:$port');
define('WP_SITEURL', 'http://127.0.0.1:$port');
define('WP_CONTENT_DIR', '$work/wp-content');
define('WP_CONTENT_URL', 'http://127.0.0.1:$port/wp-content');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
EOF
chmod 644 "$config_file"

cat >"$apache_conf" <<EOF
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$port
PidFile $work/apache.pid
ErrorLog $work/apache-error.log
User www-data
Group www-data
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule env_module /usr/lib/apache2/modules/mod_env.so
LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so
TypesConfig /etc/mime.types
StartServers 2
MaxRequestWorkers 8
DocumentRoot /usr/share/wordpress
DirectoryIndex index.php
SetEnv WORDPRESS_CONFIG $config_name
Alias /wp-content $work/wp-content
<FilesMatch \.php$>
  SetHandler application/x-httpd-php
</FilesMatch>
<Directory />
  Require all granted
  Options FollowSymLinks
</Directory>
EOF
/usr/sbin/apache2 -f "$apache_conf" -k start
for _ in $(seq 1 40); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.25
done

# Install, then save the posts as an Author: KSES filters them as it does in the editor.
WORDPRESS_CONFIG=$config_name RA_WP_PORT=$port RA_CDN="http://127.0.0.1:$cdn_port" \
  php scripts/wordpress-install.php >"$work/posts.json"
cat "$work/posts.json"

RA_WP_ORIGIN="http://127.0.0.1:$port" RA_WP_CDN_PORT=$cdn_port RA_WP_POSTS="$work/posts.json" \
  node --import tsx --test --test-concurrency=1 test/e2e/embedding-wordpress.wp-test.ts
