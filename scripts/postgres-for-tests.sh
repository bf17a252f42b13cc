#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the store tests and print its URL.
# Installs Debian's postgresql when it is missing (CI machines start bare).
# Stop it with: pg_ctl -D "$(dirname URL's data folder)" stop — or let the machine go.
set -euo pipefail
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PORT=${NEWSGRAPH_PG_PORT:-54329}
DIR=$(mktemp -d /tmp/newsgraph-pg.XXXXXX)
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
as_owner "$BIN/initdb" -D "$DIR/data" -A trust -U newsgraph -E UTF8 >/dev/null
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U newsgraph newsgraph_test
echo "postgresql://newsgraph@127.0.0.1:$PORT/newsgraph_test"
