#!/usr/bin/env bash
# Bring up a REAL WordPress (Debian's package, MariaDB, PHP's built-in server) on 127.0.0.1 for the live tests.
# Idempotent: a second run reuses what is there. Needs root (apt-get). Loopback only.
#   usage: tests/wp/setup_wordpress.sh [PORT]          (default 8089)
#   then:  . /tmp/seoaudit-wp/env.sh                   (exports SEOAUDIT_WP_URL, SEOAUDIT_TEST_WP_USER/PASSWORD)
#   stop:  tests/wp/setup_wordpress.sh stop
# Steps and pitfalls: ../shared/docs/real-wordpress.md.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
STATE=/tmp/seoaudit-wp
PORT="${1:-8089}"
mkdir -p "$STATE"

if [ "${1:-}" = "stop" ]; then
  [ -f "$STATE/php.pid" ] && kill -- -"$(cat "$STATE/php.pid")" 2>/dev/null || true
  rm -f "$STATE/php.pid"
  exit 0
fi

HOST=127.0.0.1
URL="http://$HOST:$PORT"
USER_NAME=seoaudit-admin
PASS='correct-horse-battery-staple-42'

if ! [ -f /usr/share/wordpress/wp-settings.php ] || ! [ -d /usr/share/wordpress/wp-content/themes/twentytwentyone ] \
    || ! php -m 2>/dev/null | grep -qi simplexml || ! command -v php >/dev/null || ! command -v mysqld >/dev/null; then
  echo "setup_wordpress: installing wordpress (+ a theme) mariadb-server php-cli php-mysql (apt)"
  # The wordpress package pulls in Apache: never let apt start a service.
  policy_added=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_added=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends wordpress wordpress-theme-twentytwentyone mariadb-server php-cli php-xml \
    php-mysql curl >/dev/null
  if [ -n "$policy_added" ]; then rm -f /usr/sbin/policy-rc.d; fi
fi

# MariaDB without systemd.
if ! mysqladmin ping --silent 2>/dev/null; then
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  (setsid mysqld_safe >"$STATE/mysqld.log" 2>&1 &)
  for _ in $(seq 1 60); do mysqladmin ping --silent 2>/dev/null && break; sleep 0.5; done
  mysqladmin ping --silent
fi
mysql -u root <<SQL
CREATE DATABASE IF NOT EXISTS seoaudit_wp;
CREATE USER IF NOT EXISTS 'seoaudit'@'localhost' IDENTIFIED BY 'seoaudit';
GRANT ALL ON seoaudit_wp.* TO 'seoaudit'@'localhost';
FLUSH PRIVILEGES;
SQL

# Debian's wp-config.php loads /etc/wordpress/config-<Host header without the port>.php: always 127.0.0.1.
cat > /etc/wordpress/config-$HOST.php <<PHP
<?php
define('DB_NAME', 'seoaudit_wp');
define('DB_USER', 'seoaudit');
define('DB_PASSWORD', 'seoaudit');
define('DB_HOST', 'localhost');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
PHP

# PHP's built-in server, in its own session so that stopping it kills the workers too.
if [ -f "$STATE/php.pid" ] && kill -0 "$(cat "$STATE/php.pid")" 2>/dev/null; then
  :
else
  cd /usr/share/wordpress
  PHP_CLI_SERVER_WORKERS=4 setsid php -S "$HOST:$PORT" -t /usr/share/wordpress "$HERE/router.php" \
    >"$STATE/php.log" 2>&1 < /dev/null &
  echo $! > "$STATE/php.pid"
  cd - >/dev/null
fi
for _ in $(seq 1 60); do curl -s -o /dev/null "$URL/wp-login.php" && break; sleep 0.25; done

# Install (one POST) unless installed.
if ! curl -s "$URL/?rest_route=/" | grep -q '"namespaces"'; then
  curl -s -o /dev/null -X POST "$URL/wp-admin/install.php?step=2" \
    --data-urlencode "weblog_title=seoaudit test site" --data-urlencode "user_name=$USER_NAME" \
    --data-urlencode "admin_password=$PASS" --data-urlencode "admin_password2=$PASS" \
    --data-urlencode "pw_weak=1" --data-urlencode "admin_email=admin@example.com" --data-urlencode "blog_public=1"
fi

# Pretty permalinks and a fresh application password.
APP_PASSWORD=$(cd /usr/share/wordpress && php -r '
  $_SERVER["HTTP_HOST"] = "127.0.0.1"; $_SERVER["SERVER_NAME"] = "127.0.0.1"; $_SERVER["REQUEST_URI"] = "/";
  require "wp-load.php";
  if (get_stylesheet() !== "twentytwentyone") { switch_theme("twentytwentyone"); }
  update_option("permalink_structure", "/%year%/%monthnum%/%day%/%postname%/");
  flush_rewrite_rules();
  $user = get_user_by("login", $argv[1]);
  WP_Application_Passwords::delete_all_application_passwords($user->ID);
  $made = WP_Application_Passwords::create_new_application_password($user->ID, ["name" => "seoaudit-tests"]);
  echo $made[0];
' "$USER_NAME")
[ -n "$APP_PASSWORD" ]

cat > "$STATE/env.sh" <<ENV
export SEOAUDIT_WP_URL='$URL'
export SEOAUDIT_TEST_WP_USER='$USER_NAME'
export SEOAUDIT_TEST_WP_APP_PASSWORD='$APP_PASSWORD'
ENV
echo "setup_wordpress: WordPress $(curl -s "$URL/?rest_route=/" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("name"))') at $URL"
