# PostgreSQL from Debian's packages, one cluster in the state folder, one database per service.
PG_DATA="$CANHGAC_STATE/postgres"

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] && echo "$dir"
}

# pg_run CMD...: runs a PostgreSQL binary as the postgres user when we are root (postgres refuses root).
pg_run() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_install() {
  [ -n "$(pg_bin)" ] && return 0
  say "Installing PostgreSQL from Debian's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  # The package creates and may start a 'main' cluster on 5432; ours lives in the state folder instead.
  as_root pg_ctlcluster --force "$(basename "$(dirname "$(pg_bin)")")" main stop 2>/dev/null || true
  [ -n "$(pg_bin)" ] || die "PostgreSQL did not install"
}

postgres_ready() { "$(pg_bin)/pg_isready" -q -h "$CANHGAC_HOST" -p "$CANHGAC_PG_PORT"; }

postgres_start() {
  postgres_install
  local bin; bin=$(pg_bin)
  if postgres_ready; then
    pg_run "$bin/psql" -h "$CANHGAC_HOST" -p "$CANHGAC_PG_PORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1 \
      || die "Something else listens on port $CANHGAC_PG_PORT: stop it or set CANHGAC_PG_PORT"
    return 0
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    say "Creating the PostgreSQL cluster in $PG_DATA"
    mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DATA" && chmod 700 "$PG_DATA"
    pg_run "$bin/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  mkdir -p "$CANHGAC_STATE/postgres-socket"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$CANHGAC_STATE/postgres-socket"
  say "Starting PostgreSQL on $CANHGAC_HOST:$CANHGAC_PG_PORT"
  # Write-heavy bursts (imports, botnet lists, a wave of reports) used to fill 1 GB of WAL in a minute and force a
  # checkpoint each time, whose writes stalled commits (p99 of incident reports, docs/performance.md): checkpoints
  # are spaced by time instead. Commits stay synchronous: a report acknowledged is on disk.
  # Shared buffers of 4 GB (of 24 GiB): this machine kind's kernel pages out file pages it finds cold (DAMON,
  # 128 MB/s), page cache included, and reads them back from a disk that then answers in 20-50 ms; with 512 MB the
  # database's pages lived in the page cache, and I/O stalled every task 33-55 % of a botnet list's matching
  # (docs/performance.md, twenty-second part of issue 13). Shared memory is not paged out without swap. A smaller
  # machine sets less (CANHGAC_PG_SHARED_BUFFERS=1GB).
  pg_run "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 start \
    -o "-h $CANHGAC_HOST -p $CANHGAC_PG_PORT -k $CANHGAC_STATE/postgres-socket -c max_connections=300 -c shared_buffers=${CANHGAC_PG_SHARED_BUFFERS:-4GB} -c synchronous_commit=on -c max_wal_size=8GB -c checkpoint_timeout=15min" >/dev/null \
    || { tail -20 "$PG_DATA/server.log" >&2; die "PostgreSQL did not start"; }
  touch "$CANHGAC_STATE/pids/postgres.started"
  ok "PostgreSQL ready"
}

psql_admin() { pg_run "$(pg_bin)/psql" -h "$CANHGAC_HOST" -p "$CANHGAC_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# ensure_database NAME OWNER: creates the role (password = its name, for local use only) and the database.
ensure_database() {
  local db=$1 owner=$2
  psql_admin -c "do \$\$ begin if not exists (select from pg_roles where rolname = '$owner') then
                   create role \"$owner\" login password '$owner'; end if; end \$\$;" >/dev/null
  if [ -z "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" ]; then
    psql_admin -c "create database \"$db\" owner \"$owner\"" >/dev/null
  fi
}

recreate_database() {
  local db=$1 owner=$2
  psql_admin -c "drop database if exists \"$db\" with (force)" >/dev/null 2>&1
  ensure_database "$db" "$owner"
}

postgres_stop() {
  [ -f "$PG_DATA/postmaster.pid" ] || return 0
  pg_run "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null && ok "PostgreSQL stopped"
  rm -f "$CANHGAC_STATE/pids/postgres.started"
}
