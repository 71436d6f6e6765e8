#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a loopback port for the store tests and prints the
# URL to export as STORYLINE_TEST_POSTGRES_URL. Stop it with: start-postgres.sh stop <dir>.
# Needs the Debian postgresql package (initdb refuses to run as root, so it runs as postgres).
# Usage: eval "$(test/store/start-postgres.sh)"   ... npm test ...   test/store/start-postgres.sh stop "$STORYLINE_TEST_POSTGRES_DIR"
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "${1:-}" = stop ]; then
  as_pg "$bin/pg_ctl" -D "$2/data" -m immediate stop >/dev/null
  rm -rf "$2"
  exit 0
fi
port=${STORYLINE_TEST_POSTGRES_PORT:-55432}
dir=$(mktemp -d /tmp/storyline-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
# C locale: text ordering is byte ordering, as in SQLite (ISO times and ids sort the same way).
as_pg "$bin/initdb" -D "$dir/data" -U storyline --auth=trust --locale=C -E UTF8 >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
echo "export STORYLINE_TEST_POSTGRES_URL=postgres://storyline@127.0.0.1:$port/postgres"
echo "export STORYLINE_TEST_POSTGRES_DIR=$dir"
