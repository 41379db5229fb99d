#!/usr/bin/env bash
# Runs the server's tests (or any command given) against a throwaway PostgreSQL cluster on 127.0.0.1: initdb into a
# temporary folder, start, create a database, run with DATABASE_URL, stop and delete, whatever the outcome.
#
#   server/test-postgres.sh                       the server's Node and end-to-end tests on PostgreSQL
#   server/test-postgres.sh npx tsx bench/…      any command, with DATABASE_URL set
#
# Needs Debian's `postgresql` package (or initdb/pg_ctl on PATH). PGPORT chooses the port (default 5539). As root,
# the cluster runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PGPORT:-5539}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
bin=${bin:-$(dirname "$(command -v initdb)")}
dir=$(mktemp -d /tmp/ra-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$dir"
  as_owner=(runuser -u postgres --)
fi

cleanup() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres >"$dir/initdb.log"
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres ra_test
export DATABASE_URL="postgres://postgres@127.0.0.1:$port/ra_test"
echo "PostgreSQL $("$bin/postgres" --version | grep -oE '[0-9]+\.[0-9]+' | head -1) on 127.0.0.1:$port, DATABASE_URL=$DATABASE_URL"

if [ $# -gt 0 ]; then
  "$@"
else
  node --import tsx --test --test-concurrency=1 server/*.node-test.ts server/*.e2e-test.ts
fi
