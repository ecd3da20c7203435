#!/usr/bin/env bash
# A REAL WordPress of its own (Debian's package, a private MariaDB, PHP's built-in server) on 127.0.0.1 for the
# live tests. Each STATE_DIR is one WordPress: its own free port, its own MariaDB (data directory and socket in
# STATE_DIR, no TCP), its own database, content directory, config file and application password, so several can
# run on one machine at once (two CI runs) without touching each other. Needs root (apt-get). Loopback only.
#   start: tests/wp/setup_wordpress.sh start STATE_DIR    then . STATE_DIR/env.sh (SEOAUDIT_WP_URL,
#                                                          SEOAUDIT_TEST_WP_USER, SEOAUDIT_TEST_WP_APP_PASSWORD)
#   stop:  tests/wp/setup_wordpress.sh stop STATE_DIR     (PHP, MariaDB, the config file, STATE_DIR: all of it)
# Any failure is one "setup_wordpress: error: …" line (and the logs that explain it), exit 1, and everything
# started so far is stopped. Steps and pitfalls: ../shared/docs/real-wordpress.md.
set -Eeuo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ACTION="${1:-}"
STATE="${2:-}"
USER_NAME=seoaudit-admin
APT_LOCK=/var/lock/seoaudit-wp-apt.lock  # our setups install one at a time (policy-rc.d is machine-wide)

die() { echo "setup_wordpress: error: $*" >&2; exit 1; }
[ "$ACTION" = start ] || [ "$ACTION" = stop ] || die "usage: $0 start|stop STATE_DIR"
[ -n "$STATE" ] || die "usage: $0 $ACTION STATE_DIR (a directory of its own, e.g. \$(mktemp -d))"
STATE="$(mkdir -p "$STATE" && cd "$STATE" && pwd)"

# Only what this STATE_DIR started: a pid counts when its command line names STATE_DIR.
ours() { [ -n "${1:-}" ] && { tr '\0' ' ' < "/proc/$1/cmdline"; } 2>/dev/null | grep -qF -- "$STATE"; }

stop() {
  local pid
  if [ -f "$STATE/php.pid" ] && pid="$(cat "$STATE/php.pid")" && ours "$pid"; then
    kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  fi
  if [ -S "$STATE/mysql/mysqld.sock" ]; then
    mysqladmin --no-defaults --socket="$STATE/mysql/mysqld.sock" -u root shutdown 2>/dev/null || true
  fi
  if [ -f "$STATE/mysql/mysqld.pid" ] && pid="$(cat "$STATE/mysql/mysqld.pid")" && ours "$pid"; then
    for _ in $(seq 1 100); do ours "$pid" || break; sleep 0.1; done
    ours "$pid" && kill -9 "$pid" 2>/dev/null || true
  fi
  if [ -f "$STATE/config-name" ]; then rm -f "/etc/wordpress/config-$(cat "$STATE/config-name").php"; fi
  rm -rf "$STATE"
}

if [ "$ACTION" = stop ]; then
  stop
  exit 0
fi

# From here on every failure, expected (die) or not (ERR), shows the logs and stops what was started.
die() {
  trap - ERR
  echo "setup_wordpress: error: $*" >&2
  for log in "$STATE/apt.log" "$STATE/mysql/mysqld.err" "$STATE/php.log" "$STATE/install.log"; do
    if [ -s "$log" ]; then echo "--- last lines of $log" >&2; tail -n 30 "$log" >&2; fi
  done
  stop
  exit 1
}
trap 'die "line $LINENO failed: $BASH_COMMAND"' ERR

[ "$(id -u)" = 0 ] || die "needs root (apt-get, /etc/wordpress)"
chmod 755 "$STATE"

# -- packages (once per machine), waiting for apt's lock rather than failing on it ----------------------------
apt_get() {  # apt-get with its lock waited for: dpkg's (DPkg::Lock::Timeout) and the lists' (retried)
  for _ in $(seq 1 60); do
    if apt-get -o DPkg::Lock::Timeout=600 "$@" >"$STATE/apt.log" 2>&1; then return 0; fi
    grep -q "Could not get lock" "$STATE/apt.log" || return 1
    echo "setup_wordpress: apt is busy (another install or unattended-upgrades): waiting" >&2
    sleep 10
  done
  return 1
}
have_packages() {
  local modules
  modules="$(php -m 2>/dev/null || true)"  # read whole: `php -m | grep -q` dies of SIGPIPE under pipefail
  [ -f /usr/share/wordpress/wp-settings.php ] && [ -d /usr/share/wordpress/wp-content/themes/twentytwentyone ] \
    && grep -qix simplexml <<<"$modules" && grep -qix mysqli <<<"$modules" \
    && command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null && command -v curl >/dev/null \
    && command -v wget >/dev/null  # not WordPress's: tests/test_warc.py makes a crawl archive with wget --warc-file
}
if ! have_packages; then
  exec 9>"$APT_LOCK"
  flock 9
  if ! have_packages; then
    echo "setup_wordpress: installing wordpress, a theme, mariadb-server, php-cli, php-xml, php-mysql, curl, wget (apt)"
    # The wordpress package pulls in Apache and the server package MariaDB: apt must start no service.
    policy_added=
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_added=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt_ok=1
    apt_get update -qq && apt_get install -y -qq --no-install-recommends wordpress wordpress-theme-twentytwentyone \
      mariadb-server php-cli php-xml php-mysql curl wget || apt_ok=
    if [ -n "$policy_added" ]; then rm -f /usr/sbin/policy-rc.d; fi
    [ -n "$apt_ok" ] || die "apt-get failed (last lines of its output: $(tail -n 5 "$STATE/apt.log" | tr '\n' ' '))"
  fi
  exec 9>&-
fi

# -- a private MariaDB: its data directory and socket live in STATE_DIR, no TCP port ---------------------------
NAME="seoaudit-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"  # the config file's name: WORDPRESS_CONFIG
echo "$NAME" > "$STATE/config-name"
SOCKET="$STATE/mysql/mysqld.sock"
# Its own temporary directory: a MariaDB that starts deletes every `#sql*` file of its tmpdir, so with a shared
# /tmp one setup's server removed the temporary tables of another's install-db ("Unknown table
# 'mysql.tmp_proxies_priv'"). And small: InnoDB's defaults (a 96 MB redo log written at start, a 128 MB buffer
# pool) make several of these on a busy CI machine slow to start.
mkdir -p "$STATE/mysql" "$STATE/mysql-tmp" && chown mysql:mysql "$STATE/mysql" "$STATE/mysql-tmp"
OWN_SERVER=(--tmpdir="$STATE/mysql-tmp" --innodb-log-file-size=8M --innodb-buffer-pool-size=32M)
mariadb-install-db --no-defaults --user=mysql --datadir="$STATE/mysql" --auth-root-authentication-method=socket \
  --skip-test-db "${OWN_SERVER[@]}" >"$STATE/install.log" 2>&1
setsid mariadbd --no-defaults --user=mysql --datadir="$STATE/mysql" --socket="$SOCKET" --skip-networking \
  "${OWN_SERVER[@]}" --pid-file="$STATE/mysql/mysqld.pid" --log-error="$STATE/mysql/mysqld.err" \
  </dev/null >/dev/null 2>&1 &
mariadb_pid=$!
mariadb_up() { mysqladmin --no-defaults --socket="$SOCKET" -u root ping --silent >/dev/null 2>&1; }
# As long as it takes a live server to start (up to 3 minutes on a busy machine); one that exited fails at once.
for _ in $(seq 1 900); do
  mariadb_up || ! ours "$mariadb_pid" && break
  sleep 0.2
done
mariadb_up || die "MariaDB did not start"
DB_PASSWORD="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
mysql --no-defaults --socket="$SOCKET" -u root <<SQL
CREATE DATABASE wordpress;
CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';
SQL

# -- its own content directory (the tests' mu-plugin, uploads), the shared theme linked in ---------------------
mkdir -p "$STATE/wp-content/themes" "$STATE/wp-content/plugins" "$STATE/wp-content/mu-plugins" \
  "$STATE/wp-content/uploads"
ln -s /usr/share/wordpress/wp-content/themes/twentytwentyone "$STATE/wp-content/themes/twentytwentyone"
cp "$HERE/mu-plugin.php" "$STATE/wp-content/mu-plugins/seoaudit-tests.php"

# -- PHP's built-in server on a free port, in its own session (stopping it stops its workers) ------------------
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=
for _ in 1 2 3 4 5; do
  port="$(free_port)"
  : >"$STATE/php.log"
  # One simple command in the background, so that $! is PHP itself (setsid makes it a session leader without
  # forking) and no shell is left holding this script's output open.
  SEOAUDIT_WP_CONFIG="$NAME" SEOAUDIT_WP_CONTENT="$STATE/wp-content" PHP_CLI_SERVER_WORKERS=4 \
    setsid php -d error_log="$STATE/php-error.log" -S "127.0.0.1:$port" -t /usr/share/wordpress \
    "$HERE/router.php" >"$STATE/php.log" 2>&1 </dev/null &
  echo $! >"$STATE/php.pid"
  for _ in $(seq 1 50); do
    grep -q "Failed to listen" "$STATE/php.log" && break
    if grep -q "started" "$STATE/php.log"; then PORT="$port"; break; fi
    ours "$(cat "$STATE/php.pid")" || break
    sleep 0.1
  done
  [ -n "$PORT" ] && break
  echo "setup_wordpress: port $port was taken before PHP could listen on it: another one" >&2
  kill -- -"$(cat "$STATE/php.pid")" 2>/dev/null || true
done
[ -n "$PORT" ] || die "PHP's server could not listen on a free port (php.log: $(tr '\n' ' ' <"$STATE/php.log"))"
URL="http://127.0.0.1:$PORT"

# Debian's wp-config.php reads /etc/wordpress/config-$WORDPRESS_CONFIG.php (router.php sets it): one per STATE_DIR.
set -o noclobber
cat > "/etc/wordpress/config-$NAME.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost:$SOCKET');
define('WP_CONTENT_DIR', '$STATE/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
PHP
set +o noclobber

# -- install (one POST), then check that the WordPress answering is this one ----------------------------------
TITLE="seoaudit test site $NAME"
ADMIN_PASSWORD="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
status="$(curl -s -o "$STATE/install.html" -w '%{http_code}' -X POST "$URL/wp-admin/install.php?step=2" \
  --data-urlencode "weblog_title=$TITLE" --data-urlencode "user_name=$USER_NAME" \
  --data-urlencode "admin_password=$ADMIN_PASSWORD" --data-urlencode "admin_password2=$ADMIN_PASSWORD" \
  --data-urlencode "pw_weak=1" --data-urlencode "admin_email=admin@example.com" --data-urlencode "blog_public=1")"
[ "$status" = 200 ] || die "the install POST to $URL answered HTTP $status"
answered="$(curl -s "$URL/?rest_route=/" | python3 -c 'import json, sys; print(json.load(sys.stdin).get("name", ""))' \
  2>/dev/null || true)"
[ "$answered" = "$TITLE" ] || die "$URL answers as '$answered', not as this WordPress ('$TITLE')"

# -- pretty permalinks and this run's application password --------------------------------------------------
APP_PASSWORD="$(cd /usr/share/wordpress && php -r '
  $_SERVER["WORDPRESS_CONFIG"] = $argv[1]; $_SERVER["HTTP_HOST"] = $argv[2];
  $_SERVER["SERVER_NAME"] = "127.0.0.1"; $_SERVER["REQUEST_URI"] = "/";
  require "wp-load.php";
  if (get_stylesheet() !== "twentytwentyone") { switch_theme("twentytwentyone"); }
  update_option("permalink_structure", "/%year%/%monthnum%/%day%/%postname%/");
  flush_rewrite_rules();
  $user = get_user_by("login", $argv[3]);
  $made = WP_Application_Passwords::create_new_application_password($user->ID, ["name" => "seoaudit-tests"]);
  if (is_wp_error($made)) { fwrite(STDERR, $made->get_error_message() . "\n"); exit(1); }
  echo $made[0];
' "$NAME" "127.0.0.1:$PORT" "$USER_NAME")"
[ -n "$APP_PASSWORD" ] || die "no application password was made"
curl -sf -o /dev/null -u "$USER_NAME:$APP_PASSWORD" "$URL/wp-json/wp/v2/users/me?context=edit" \
  || die "$URL does not accept the application password it just made (pretty permalinks or auth broken)"

cat > "$STATE/env.sh" <<ENV
export SEOAUDIT_WP_URL='$URL'
export SEOAUDIT_TEST_WP_USER='$USER_NAME'
export SEOAUDIT_TEST_WP_APP_PASSWORD='$APP_PASSWORD'
ENV
echo "setup_wordpress: WordPress '$TITLE' at $URL (state in $STATE)"
