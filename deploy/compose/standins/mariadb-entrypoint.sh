#!/bin/sh
# First start: a fresh data directory, root@'%' with an empty password (MARIADB_ALLOW_EMPTY_ROOT_PASSWORD), the
# init scripts; then MariaDB on every interface, as the official image runs it.
set -e
if [ ! -d /var/lib/mysql/mysql ]; then
  mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  mariadbd --user=mysql --skip-networking --socket=/run/mysqld/init.sock &
  pid=$!
  i=0
  until mariadb-admin --socket=/run/mysqld/init.sock ping >/dev/null 2>&1; do
    i=$((i + 1)); [ "$i" -lt 300 ] || { echo "MariaDB did not start" >&2; exit 1; }; sleep 0.1
  done
  mariadb --socket=/run/mysqld/init.sock -e "CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '';
    GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION; FLUSH PRIVILEGES;"
  for script in /docker-entrypoint-initdb.d/*.sql; do
    [ -f "$script" ] && mariadb --socket=/run/mysqld/init.sock <"$script"
  done
  mariadb-admin --socket=/run/mysqld/init.sock shutdown
  wait "$pid" || true
fi
shift 2>/dev/null || true # the image's CMD, mariadbd itself
exec mariadbd --user=mysql --bind-address=0.0.0.0 --skip-name-resolve "$@"
