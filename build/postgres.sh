#!/usr/bin/env bash
# Starts and stops a throwaway PostgreSQL 15 on a free loopback port in a temp folder.
# Source it, then: start_postgres (exports AIBRIDGE_TEST_POSTGRES) ... stop_postgres.

pg_bindir() {
  for dir in "${PG_BINDIR:-}" /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null)"; do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# initdb and postgres refuse to run as root; run them as the postgres user then.
as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bindir port
  bindir=$(pg_bindir) || { echo "PostgreSQL 15 not found: apt-get install postgresql-15 (or run .ci/run)" >&2; return 1; }
  PG_TMPDIR=$(mktemp -d /tmp/aibridge-pg.XXXXXX)
  [ "$(id -u)" = "0" ] && chown postgres "$PG_TMPDIR"
  port=$(free_port)
  as_pg "$bindir/initdb" -D "$PG_TMPDIR/data" -U aibridge --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_TMPDIR/initdb.log" 2>&1 \
    || { cat "$PG_TMPDIR/initdb.log" >&2; return 1; }
  PG_BIN="$bindir"
  pg_instance_start "$PG_TMPDIR" "$port" || return 1
  export AIBRIDGE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=aibridge;Database=postgres"
  echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port ($PG_TMPDIR)"
}

# Starts (or restarts) the server in DIR on PORT. Durability settings off: it lives for one test run.
pg_instance_start() {
  local dir=$1 port=$2
  PG_BIN=${PG_BIN:-$(pg_bindir)}
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
}

# Stops the server in DIR, keeping its data (tests use it to simulate an outage).
pg_instance_stop() {
  PG_BIN=${PG_BIN:-$(pg_bindir)}
  as_pg "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null
}

# For benchmark scripts: start a throwaway server when their arguments ask for postgres and none is named.
postgres_if_asked() {
  if [[ " $* " == *" postgres "* && -z "${AIBRIDGE_TEST_POSTGRES:-}" ]]; then
    start_postgres >/dev/null
    trap stop_postgres EXIT
  fi
}

stop_postgres() {
  if [ -n "${PG_TMPDIR:-}" ] && [ -d "$PG_TMPDIR/data" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_TMPDIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMPDIR"
    echo "PostgreSQL stopped"
  fi
}
