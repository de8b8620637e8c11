# Sourced by .ci/run: a throwaway PostgreSQL cluster on a loopback port for the store contract tests
# (Debian's postgresql package; no container runtime). Exports ENCORE_TEST_POSTGRES for the tests and
# ENCORE_REQUIRE_POSTGRES=1 so they fail loudly, rather than skip, if the database could not be started.

start_test_postgres() {
  export ENCORE_REQUIRE_POSTGRES=1
  if [ -n "${ENCORE_TEST_POSTGRES:-}" ]; then return 0; fi
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bindir" ]; then
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
  if [ -z "$bindir" ]; then echo "postgres: no /usr/lib/postgresql/*/bin after apt-get install postgresql" >&2; return 1; fi
  ENCORE_PG_BIN=$bindir
  ENCORE_PG_DIR=$(mktemp -d /tmp/encore-ci-pg.XXXXXX)
  # initdb refuses to run as root: run the cluster as the postgres user the Debian package creates.
  ENCORE_PG_AS=()
  if [ "$(id -u)" = 0 ]; then ENCORE_PG_AS=(runuser -u postgres --); chown postgres "$ENCORE_PG_DIR"; fi
  local port
  for port in $(seq 55400 55499); do
    if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  done
  "${ENCORE_PG_AS[@]}" "$bindir/initdb" -D "$ENCORE_PG_DIR/data" -A trust -U encore --no-sync >/dev/null || return 1
  "${ENCORE_PG_AS[@]}" "$bindir/pg_ctl" -D "$ENCORE_PG_DIR/data" -l "$ENCORE_PG_DIR/log" -w \
    -o "-p $port -k $ENCORE_PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null || { cat "$ENCORE_PG_DIR/log" >&2; return 1; }
  "${ENCORE_PG_AS[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U encore encore_test || return 1
  export ENCORE_TEST_POSTGRES="postgres://encore@127.0.0.1:$port/encore_test"
  echo "postgres: throwaway cluster on 127.0.0.1:$port ($ENCORE_PG_DIR)"
}

stop_test_postgres() {
  if [ -n "${ENCORE_PG_DIR:-}" ] && [ -d "$ENCORE_PG_DIR/data" ]; then
    "${ENCORE_PG_AS[@]}" "$ENCORE_PG_BIN/pg_ctl" -D "$ENCORE_PG_DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$ENCORE_PG_DIR"
  fi
}
