#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server (Debian's postgresql package) on loopback for the tests, and prints the
# URL of its administration database: TEST_DATABASE_URL. Each test file then creates and drops its own database.
# Usage: export TEST_DATABASE_URL=$(bash .ci/postgres.sh)
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL introuvable : apt-get install postgresql" >&2; exit 1; }
port=${PGTEST_PORT:-54329}
dir=$(mktemp -d /tmp/cap-libre-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
echo "postgres://postgres@127.0.0.1:$port/postgres"
