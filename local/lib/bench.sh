# The inventory benchmarks of docs/performance.md, against the platform ./canhgac up started (JVM mode, through
# the gateway unless said otherwise). Repeatable: each run uses its own organisation BENCH-<n> and its own
# hostnames. Writes a summary to .run/bench/<timestamp>.txt. Needs python-free tools only: awk, curl, psql, wrk.
#
#   ./canhgac bench [ASSETS]    ASSETS defaults to 100000 (2 addresses and 5 products each)

BENCH_DIR="$CANHGAC_STATE/bench"

# wrk from Debian's packages, unpacked without root (apt-get download + dpkg -x), with the LuaJIT it links.
ensure_wrk() {
  local home="$CANHGAC_CACHE/wrk"
  if [ ! -x "$home/usr/bin/wrk" ]; then
    say "Fetching wrk from Debian's packages"
    mkdir -p "$home/debs"
    (cd "$home/debs" && apt-get download wrk libluajit-5.1-2 libluajit-5.1-common >/dev/null 2>&1) || die "apt-get download wrk failed"
    for deb in "$home"/debs/*.deb; do dpkg -x "$deb" "$home"; done
  fi
  WRK=("env" "LD_LIBRARY_PATH=$home/usr/lib/x86_64-linux-gnu" "$home/usr/bin/wrk")
}

bench_psql() { psql_admin -d inventory "$@"; }

# Restarts the gateway with its per-caller rate limit lifted: a benchmark is one caller sending thousands of
# requests a second, which the limit (rightly) refuses in normal operation. Restored at the end.
gateway_unthrottled() {
  stop_pid gateway
  CANHGAC_JAVA_OPTS="-Dcanhgac.rate-limit.requests-per-second=1000000 -Dcanhgac.rate-limit.burst=1000000" \
    start_service gateway platform
  wait_service gateway platform
}

gateway_restore() {
  stop_pid gateway
  start_service gateway platform
  wait_service gateway platform
}

# ASSETS rows: organisation, external id, hostname, kind, OS, two addresses (IPv4 and IPv6), five products.
generate_csv() {
  local assets=$1 org=$2 run=$3
  awk -v n="$assets" -v org="$org" -v run="$run" 'BEGIN {
    print "organization,external_id,hostname,kind,operating_system,addresses,products"
    split("nginx|nginx|1.24.0;Apache|HTTP Server|2.4.57;OpenSSL|OpenSSL|3.0.11;Oracle|MySQL|8.0.35;PostgreSQL|PostgreSQL|15.4;Synacor|Zimbra Collaboration|8.8.15;F5|BIG-IP|16.1.4;Microsoft|Exchange Server|2016;Apache|Log4j|2.17.1;OpenBSD|OpenSSH|9.3p1", p, ";")
    for (i = 0; i < n; i++) {
      a = int(i / 65536) % 256; b = int(i / 256) % 256; c = i % 256
      products = p[i % 10 + 1] ";" p[(i + 1) % 10 + 1] ";" p[(i + 3) % 10 + 1] ";" p[(i + 5) % 10 + 1] ";" p[(i + 7) % 10 + 1]
      printf "%s,B%s-%d,bench-%s-%d.example.gov.vn,server,Ubuntu 22.04,%d.%d.%d.%d;2001:db8:%x:%x::1,\"%s\"\n", \
        org, run, i, run, i, 10 + a, b, c, 1 + (i % 200), int(i / 65536), i % 65536, products
    }
  }'
}

# The same rows as three COPY files (assets, addresses, products), for the plain PostgreSQL baseline.
generate_copy_files() {
  local assets=$1 org_id=$2 run=$3 dir=$4
  awk -v n="$assets" -v org="$org_id" -v run="$run" -v dir="$dir" 'BEGIN {
    split("nginx|nginx|1.24.0;Apache|HTTP Server|2.4.57;OpenSSL|OpenSSL|3.0.11;Oracle|MySQL|8.0.35;PostgreSQL|PostgreSQL|15.4;Synacor|Zimbra Collaboration|8.8.15;F5|BIG-IP|16.1.4;Microsoft|Exchange Server|2016;Apache|Log4j|2.17.1;OpenBSD|OpenSSH|9.3p1", p, ";")
    for (i = 0; i < n; i++) {
      id = sprintf("%08x-0000-4000-8000-%012x", run, i)
      a = int(i / 65536) % 256; b = int(i / 256) % 256; c = i % 256
      printf "%s\t%s\t/BENCH-COPY/\t\\N\tid:C%d\tC%d\tcopy-%d.example.gov.vn\tSERVER\tUbuntu 22.04\t\\N\tcopy-%d\t0\tnow\tbench\tnow\tbench\n", \
        id, org, i, i, i, i > dir "/assets.tsv"
      printf "%s\t%d.%d.%d.%d\n%s\t2001:db8:%x:%x::1\n", id, 10 + a, b, c, 1 + (i % 200), id, int(i / 65536), i % 65536 > dir "/addresses.tsv"
      for (k = 0; k < 5; k++) {
        split(p[(i + k * 2) % 10 + 1], f, "|")
        printf "%s\t%d\t%s\t%s\t%s\t\\N\t\\N\n", id, k, f[1], f[2], f[3] > dir "/products.tsv"
      }
    }
  }'
}

millis() { date +%s%3N; }

# Events a service's consumers still have to apply, from its metrics on stdin: the Kafka client's current lag of
# each partition, counted once (the client reports each partition under the topic's name and again with '_' for
# '.'; summed as they come, every figure was double).
consumer_lag() {
  awk '/^kafka_consumer_fetch_manager_records_lag\{/ && $NF != "NaN" && $NF >= 0 {
         match($0, /topic="[^"]*"/); topic = substr($0, RSTART, RLENGTH); gsub(/\./, "_", topic)
         match($0, /partition="[^"]*"/); key = topic substr($0, RSTART, RLENGTH)
         if (!(key in lag) || $NF > lag[key]) lag[key] = $NF }
       END { for (key in lag) sum += lag[key]; printf "%d", sum }'
}

# One benchmark at a time: two would share the cores, and those that seed fixed ids (bench exposures) collide.
bench_alone() {
  if pid_alive bench && [ "$(cat "$CANHGAC_STATE/pids/bench.pid")" != "$$" ]; then
    die "Another benchmark is running (process $(cat "$CANHGAC_STATE/pids/bench.pid")): one at a time"
  fi
  mkdir -p "$CANHGAC_STATE/pids"
  echo "$$" > "$CANHGAC_STATE/pids/bench.pid"
}

# The services that apply others' events (their read models), each with a consumer lag.
READ_MODELS=(inventory-service advisory-service incident-service notification-service)

# SERVICE's consumer lag: events published that it has not fetched yet.
service_lag() {
  curl -fsS "http://$CANHGAC_HOST:$(management_port "$1")/q/metrics" 2>/dev/null | consumer_lag
}

# The outboxes' unpublished rows, every service's.
outbox_backlog() {
  local n=0 db
  for db in inventory advisory incident notification; do
    n=$(( n + $(psql_admin -d "$db" -Atc "select count(*) from outbox_event where published_at is null and parked_at is null" 2>/dev/null || echo 0) ))
  done
  echo "$n"
}

# Events not yet applied anywhere: the outboxes' unpublished rows and every service's consumer lag.
bench_backlog() {
  local n s
  n=$(outbox_backlog)
  for s in "${READ_MODELS[@]}"; do n=$(( n + $(service_lag "$s") )); done
  echo "$n"
}

# bench_wait_applied [SECONDS]: waits (300 s by default) until every read model has applied what was published;
# says so and fails when it gave up. BENCH_APPLIED is left holding when each service last had events it had not
# fetched yet, in seconds from the call ("incident-service 41 s, ..."): which read model the figure waited for (the
# batch it fetched last may take a little longer).
bench_wait_applied() {
  local limit=${1:-300} t0 left i lag busy=()
  t0=$(millis)
  for i in "${!READ_MODELS[@]}"; do busy+=(0); done
  while true; do
    left=$(outbox_backlog)
    for i in "${!READ_MODELS[@]}"; do
      lag=$(service_lag "${READ_MODELS[$i]}")
      left=$(( left + ${lag:-0} ))
      [ "${lag:-0}" -gt 0 ] && busy[$i]=$(( $(millis) - t0 ))
    done
    BENCH_APPLIED=""
    for i in "${!READ_MODELS[@]}"; do
      BENCH_APPLIED+="${BENCH_APPLIED:+, }${READ_MODELS[$i]} $(( (busy[$i] + 999) / 1000 )) s"
    done
    [ "$left" -gt 0 ] || return 0
    if [ $(( $(millis) - t0 )) -ge $(( limit * 1000 )) ]; then
      warn "$left events still not applied after $limit s"
      return 1
    fi
    sleep 2
  done
}

# Microseconds during which every task waited on the disk (/proc/pressure/io, "full"), since boot; 0 without it.
io_stalled_us() {
  sed -n 's/^full .*total=\([0-9]*\).*/\1/p' /proc/pressure/io 2>/dev/null | grep . || echo 0
}

# io_stalled SINCE_US SINCE_MS: "I/O stalled all work N % of the time" since then. This machine kind's disk has
# stalled every task for tens of seconds at a time; a figure taken through such a stall is not comparable.
io_stalled() {
  local us=$(( $(io_stalled_us) - $1 )) ms=$(( $(millis) - $2 ))
  [ "$ms" -gt 0 ] || ms=1
  echo "I/O stalled all work $(( us / 10 / ms )) % of the time"
}

# Waits (5 minutes at most) for autovacuum to finish, then takes a checkpoint; says how it went.
bench_quiet() {
  local vacuums t0
  t0=$(millis)
  while vacuums=$(psql_admin -Atc "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'");
        [ "$vacuums" -gt 0 ] && [ $(( $(millis) - t0 )) -lt 300000 ]; do
    sleep 2
  done
  psql_admin -c checkpoint >/dev/null
  echo "$([ "$vacuums" -gt 0 ] && echo "autovacuum still running after 5 minutes" || echo "autovacuum done"), a checkpoint taken in $(( ($(millis) - t0) / 1000 )) s"
}

# bench_rewrite DB TABLE...: the tables the cleanup emptied, rewritten (VACUUM FULL) and analysed. A plain vacuum
# leaves them as large as they were, nearly empty, and the next run's planner, seeing a few rows in 185 MB, read all
# of installed_product for each batch of assets (0.2 s each, 28 s of a run) where the index takes 1.5 ms.
# Autovacuum would also clean them during the next run.
bench_rewrite() {
  local db=$1 table vacuums=()
  shift
  for table in "$@"; do vacuums+=(-c "vacuum (full, analyze) $table"); done
  psql_admin -d "$db" "${vacuums[@]}" >/dev/null
}

# bench_forget_assets ORG: the organisation's assets, in the inventory and in every replica, and their exposures. Left
# behind, the freshness bench's next setup would match them (its new advisories and list hit the same products and
# addresses) and tell hundreds of thousands of exposures again; the catch-up bench's would grow every table a run reads.
bench_forget_assets() {
  local org=$1
  psql_admin -d inventory <<SQL >/dev/null
create temp table fresh_asset as select a.id from asset a join organization o on o.id = a.organization_id
where o.code = '$org';
delete from asset_product where asset_id in (select id from fresh_asset);
delete from asset_address where asset_id in (select id from fresh_asset);
delete from asset where id in (select id from fresh_asset);
delete from audit_entry where org_path = '/$org/';
SQL
  bench_rewrite inventory asset_product asset_address asset audit_entry
  psql_admin -d advisory <<SQL >/dev/null
create temp table fresh_exposure as select id from exposure where organization_code = '$org';
delete from exposure_history where exposure_id in (select id from fresh_exposure);
delete from exposure where id in (select id from fresh_exposure);
create temp table fresh_asset as select id from asset_replica where organization_code = '$org';
delete from installed_product where asset_id in (select id from fresh_asset);
delete from asset_address_replica where asset_id in (select id from fresh_asset);
delete from asset_replica where id in (select id from fresh_asset);
SQL
  bench_rewrite advisory installed_product asset_address_replica asset_replica
  psql_admin -d incident -c "delete from asset_replica where organization_code = '$org'" >/dev/null
  bench_rewrite incident asset_replica
  bench_forget_downstream "$org"
}

# bench_forget_downstream ORGS: what incident- and notification-service made of a run's hits, for the organisations
# whose codes match the LIKE pattern ORGS: the incidents the botnet hits opened (their timelines, observables and
# links go with them), the notifications about them (their parents' too) with their deliveries, and the replicas.
# Left behind, every bench run added 10,000 incidents and 200,000 notifications, and the replicas kept the exposures
# advisory-service had forgotten.
bench_forget_downstream() {
  local orgs=$1
  psql_admin -d incident <<SQL >/dev/null
create temp table gone as select id from incident where reporting_org like '$orgs';
update alert set incident_id = null where incident_id in (select id from gone);
delete from incident where id in (select id from gone);
SQL
  bench_rewrite incident incident incident_timeline incident_observable incident_affected botnet_incident
  psql_admin -d notification <<SQL >/dev/null
create temp table gone as select id from notification
where organization_code like '$orgs' or facts -> 'values' ->> 'organization' like '$orgs';
alter table gone add primary key (id);
analyze gone;
delete from notification_read where notification_id in (select id from gone);
delete from digest_entry where notification_id in (select id from gone);
-- A digest goes when every notification it gathered does (one mixing a real one would still be sent). Two joins in
-- a union: joined by OR, the first test became a subplan that scanned the whole of gone for every delivery.
create temp table gone_delivery as
select d.id from delivery d join gone g on g.id = d.notification_id
union
select d.id from delivery d
where d.digest_of is not null
  and not exists (select 1 from unnest(d.digest_of) x(id) where not exists (select 1 from gone g where g.id = x.id));
delete from delivery_attempt where delivery_id in (select id from gone_delivery);
delete from delivery where id in (select id from gone_delivery);
delete from notification where id in (select id from gone);
delete from exposure_replica where organization_code like '$orgs';
delete from incident_replica where reporting_organization like '$orgs';
SQL
  bench_rewrite notification notification delivery delivery_attempt exposure_replica incident_replica
}

# bench_forget_exposure_replicas: notification-service's replicas of the exposures whose ids come on stdin (one a
# line), those a cleanup is about to delete in advisory-service. The freshness advisories hit the demo's organisations
# too; their replicas, left behind, would go on reminding real contacts of exposures no event will ever close.
bench_forget_exposure_replicas() {
  psql_admin -d notification -c "create temp table gone (id uuid primary key)" -c "\\copy gone from pstdin" \
    -c "delete from exposure_replica where id in (select id from gone)" >/dev/null
}

cmd_bench() {
  local assets=${1:-100000}
  find_java
  http_ok "http://$CANHGAC_HOST:$(management_port gateway)/q/health/ready" || die "Start the platform first: ./canhgac up"
  ensure_wrk
  mkdir -p "$BENCH_DIR"
  local run stamp report gateway token org work
  run=$(date +%s); stamp=$(date -u +%Y%m%dT%H%M%SZ); report="$BENCH_DIR/$stamp.txt"
  gateway="http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
  org="BENCH-$run"
  work=$(mktemp -d)
  chmod 755 "$work"   # psql's \copy may run as the postgres user, which must read the files
  BENCH_WORK=$work
  trap 'rm -rf "$BENCH_WORK"; gateway_restore' EXIT
  gateway_unthrottled
  token=$(token_for authority)
  {
    echo "Canh Gác inventory benchmark, $stamp, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
    echo "JVM $(java -version 2>&1 | head -1), services -Xmx512m SerialGC (as ./canhgac up starts them)"
  } | tee "$report"

  curl -fsS -o /dev/null -X POST "$gateway/api/v1/organizations" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data "{\"code\":\"$org\",\"kind\":\"OTHER\",\"nameVi\":\"Đơn vị đo hiệu năng $run\"}"

  say "Generating $assets assets (2 addresses, 5 products each)"
  generate_csv "$assets" "$org" "$run" > "$work/assets.csv"
  local size; size=$(du -h "$work/assets.csv" | cut -f1)

  say "Importing them through the gateway"
  local t0 t1 import_ms response
  t0=$(millis)
  response=$(import_assets_csv "$token" "$work/assets.csv")
  t1=$(millis); import_ms=$((t1 - t0))
  echo "$response" | grep -q "\"created\":$assets" || die "Import did not create $assets assets: ${response:0:300}"
  local rss; rss=$(ps -o rss= -p "$(cat "$CANHGAC_STATE/pids/inventory-service.pid")" | awk '{printf "%.0f", $1/1024}')
  printf 'import   %d assets (%s CSV, %d addresses, %d products) through the gateway: %.1f s, %.0f assets/s; inventory-service RSS after: %s MiB\n' \
    "$assets" "$size" $((assets * 2)) $((assets * 5)) "$(echo "$import_ms / 1000" | bc -l)" "$(echo "$assets * 1000 / $import_ms" | bc -l)" "$rss" | tee -a "$report"

  say "Waiting for the outbox relay to publish the import's events to Kafka"
  local pending relay_ms
  t0=$(millis)
  while :; do
    pending=$(bench_psql -c "select count(*) from outbox_event where published_at is null and parked_at is null")
    [ "$pending" = 0 ] && break
    sleep 1
  done
  t1=$(millis); relay_ms=$((t1 - t0 + import_ms))
  printf 'events   %d asset events published to Kafka %.1f s after the import began (relay, batches of 500)\n' \
    "$assets" "$(echo "$relay_ms / 1000" | bc -l)" | tee -a "$report"

  # Two baselines. The physical limit is COPY into the very tables the import wrote, as large as they are now (in a
  # transaction rolled back): index maintenance on tables of millions of rows, not the loading protocol, is most of a
  # bulk load's cost, so COPY into empty tables (the second figure) flatters the baseline on a database that has
  # grown, and tells less.
  say "Plain PostgreSQL bulk load (COPY) of the same rows: into the same tables (rolled back), then into empty ones"
  local org_id copy_ms empty_ms
  org_id=$(bench_psql -c "select id from organization where code = '$org'")
  generate_copy_files "$assets" "$org_id" "$run" "$work"
  chmod 644 "$work"/*.tsv
  t0=$(millis)
  bench_psql -c "begin" -c "\\copy public.asset from '$work/assets.tsv'" -c "\\copy public.asset_address from '$work/addresses.tsv'" \
    -c "\\copy public.asset_product from '$work/products.tsv'" -c "rollback" >/dev/null
  t1=$(millis); copy_ms=$((t1 - t0))
  bench_psql -c "drop schema if exists bench_copy cascade; create schema bench_copy;
    create table bench_copy.asset (like public.asset including all);
    create table bench_copy.asset_address (like public.asset_address including all);
    create table bench_copy.asset_product (like public.asset_product including all);" >/dev/null
  t0=$(millis)
  bench_psql -c "\\copy bench_copy.asset from '$work/assets.tsv'" -c "\\copy bench_copy.asset_address from '$work/addresses.tsv'" \
    -c "\\copy bench_copy.asset_product from '$work/products.tsv'" >/dev/null
  t1=$(millis); empty_ms=$((t1 - t0))
  bench_psql -c "drop schema bench_copy cascade" >/dev/null
  printf 'baseline COPY of the same %d assets, %d addresses, %d products (no audit, no events) into the same tables (%s assets): %.1f s (import/COPY %.2f); into empty tables: %.1f s\n' \
    "$assets" $((assets * 2)) $((assets * 5)) "$(bench_psql -c "select count(*) from asset")" "$(echo "$copy_ms / 1000" | bc -l)" \
    "$(echo "$import_ms / $copy_ms" | bc -l)" "$(echo "$empty_ms / 1000" | bc -l)" | tee -a "$report"

  say "GET /api/v1/assets/{id} under load (wrk, 2 threads, 32 connections, 30 s, 1,000 different assets)"
  bench_psql -c "select id from asset where org_path = '/$org/' limit 1000" > "$work/ids.txt"
  cat > "$work/get.lua" <<LUA
local ids = {}
for line in io.lines("$work/ids.txt") do ids[#ids + 1] = line end
local n = 0
wrk.headers["Authorization"] = "Bearer $token"
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/assets/" .. ids[(n % #ids) + 1])
end
LUA
  # The gateway was just restarted (rate limit lifted): its JIT compiles for the first ~20 s under load, during
  # which it answers at a quarter of its rate. Warm it up first, then measure.
  "${WRK[@]}" -t2 -c32 -d20s -s "$work/get.lua" "$gateway" > /dev/null
  "${WRK[@]}" -t2 -c32 -d30s --latency -s "$work/get.lua" "$gateway" > "$work/get.txt"
  "${WRK[@]}" -t2 -c32 -d15s --latency -s "$work/get.lua" "http://$CANHGAC_HOST:$CANHGAC_INVENTORY_PORT" > "$work/get-direct.txt"
  rss=$(ps -o rss= -p "$(cat "$CANHGAC_STATE/pids/inventory-service.pid")" | awk '{printf "%.0f", $1/1024}')
  { echo "GET /assets/{id} through the gateway:"; grep -E "Requests/sec|^ +50%|^ +90%|^ +99%|Non-2xx|Socket errors" "$work/get.txt" | sed 's/^/    /'
    echo "    inventory-service RSS under this load: $rss MiB"
    echo "GET /assets/{id} straight to inventory-service (no gateway hop, one token check fewer):"
    grep -E "Requests/sec|^ +50%|^ +90%|^ +99%|Non-2xx|Socket errors" "$work/get-direct.txt" | sed 's/^/    /'; } | tee -a "$report"

  say "CIDR containment search over at least 1,000,000 stored addresses"
  local stored
  stored=$(bench_psql -c "select count(*) from asset_address")
  if [ "$stored" -lt 1000000 ]; then
    # Tops up to a million addresses with more addresses of this run's assets (100.64.0.0/10, never searched below).
    bench_psql -c "insert into asset_address (asset_id, address)
      select a.id, ('100.' || (64 + (g / 65536) % 64) || '.' || (g / 256) % 256 || '.' || g % 256)::inet
      from (select id, row_number() over () as r from asset where org_path = '/$org/') a
      cross join lateral generate_series(0, 7) k
      cross join lateral (select (a.r * 8 + k)::int as g) n
      on conflict do nothing" >/dev/null
    bench_psql -c "analyze asset_address" >/dev/null
    stored=$(bench_psql -c "select count(*) from asset_address")
  fi
  cat > "$work/cidr.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/assets?ip=10." .. (n % 2) .. "." .. (n % 256) .. ".0/24&limit=50")
end
LUA
  "${WRK[@]}" -t1 -c1 -d15s --latency -s "$work/cidr.lua" "$gateway" > "$work/cidr-1.txt"
  "${WRK[@]}" -t2 -c16 -d15s --latency -s "$work/cidr.lua" "$gateway" > "$work/cidr-16.txt"
  { echo "GET /assets?ip=<a /24>&limit=50 over $stored stored addresses (first page of 50 of 256 matches):"
    echo "  1 connection:";  grep -E "Requests/sec|^ +50%|^ +90%|^ +99%|Non-2xx" "$work/cidr-1.txt" | sed 's/^/    /'
    echo "  16 connections:"; grep -E "Requests/sec|^ +50%|^ +90%|^ +99%|Non-2xx" "$work/cidr-16.txt" | sed 's/^/    /'
    echo "  in the database alone (EXPLAIN ANALYZE of the containment lookup):"
    bench_psql -c "explain analyze select asset_id from asset_address where address <<= '10.0.77.0/24'::inet" \
      | grep -E "Execution Time|Index" | sed 's/^/    /'; } | tee -a "$report"

  local started
  started=$(grep -o 'started in [0-9.]*s' "$CANHGAC_STATE/logs/inventory-service.log" | tail -1)
  echo "inventory-service start (JVM): $started" | tee -a "$report"
  ok "Benchmark written to $report"
}

# The accuracy corpora: advisory-service's (src/test/resources/accuracy) and inventory-service's SBOMs, the same
# tests as in ./canhgac test, on their own, with precision, recall, false alarms, misses and known gaps printed.
# Needs only PostgreSQL, Kafka and Keycloak.
cmd_bench_accuracy() {
  find_java
  infra_up
  recreate_database advisory_test advisory
  mvnw -f "$CANHGAC_ROOT/pom.xml" install -DskipTests -pl commons -am >/dev/null || die "The build failed"
  mvnw -f "$CANHGAC_ROOT/pom.xml" test -pl inventory-service,advisory-service \
    -Dtest=AccuracyCorpusTest,SbomCorpusTest -Dsurefire.failIfNoSpecifiedTests=false \
    "-Dcanhgac.keycloak.url=$CANHGAC_KEYCLOAK_URL" "-Dkafka.bootstrap.servers=$CANHGAC_KAFKA_BOOTSTRAP" \
    | grep -E "^(Accuracy corpus|SBOM corpus|MISS|FALSE ALARM|REFUSED|KNOWN GAP|NO LONGER)" || true
  grep -hE "^(Accuracy corpus|SBOM corpus|MISS|FALSE ALARM|REFUSED|KNOWN GAP|NO LONGER)" \
    "$CANHGAC_ROOT"/advisory-service/target/surefire-reports/*AccuracyCorpusTest-output.txt \
    "$CANHGAC_ROOT"/inventory-service/target/surefire-reports/*SbomCorpusTest-output.txt 2>/dev/null || true
}

# GET /assets/{id} alone, through the gateway and straight to inventory-service, on a quiet platform: the other
# services (and any read-model backlog they are applying) are stopped for the length of the measurement, then
# started again. Uses the assets of the last `./canhgac bench` run.
# Where the machine's CPU went during a phase: the gateway, inventory-service, PostgreSQL (every backend) and the
# rest (wrk itself, Kafka, Keycloak, the kernel), as shares of both cores. On two cores a proxy hop is paid in CPU
# taken from the service, so this, not a profiler, says first whether the gateway can get closer to the service.
cpu_ticks_of() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat"))); done; echo "$t"; }
# PostgreSQL's server and its backends, whoever runs them (the postmaster's pid is the first line of its pid file).
postgres_pids() {
  local postmaster; postmaster=$(head -1 "$PG_DATA/postmaster.pid" 2>/dev/null)
  [ -n "$postmaster" ] && echo "$postmaster" $(pgrep -P "$postmaster")
}
# CPU ticks used so far: the machine's, then each part's: a process of the platform by its pid file (a stopped one
# counts 0; an empty pid would read /proc//stat, the machine's), or PostgreSQL with all its backends.
cpu_ticks() {
  local part
  echo -n "$(awk '/^cpu / {print $2 + $3 + $4 + $6 + $7 + $8}' /proc/stat)"
  for part in "$@"; do
    if [ "$part" = PostgreSQL ]; then echo -n " $(cpu_ticks_of $(postgres_pids))"
    else echo -n " $(cpu_ticks_of $(cat "$CANHGAC_STATE/pids/$part.pid" 2>/dev/null))"; fi
  done
  echo
}
# cpu_mark PART...: counts from now. cpu_shares: each part's share of both cores since, the rest and idle (nothing
# when not a tick has passed).
cpu_mark() { CPU_PARTS=("$@"); CPU_MARK=($(cpu_ticks "$@")); CPU_MARK_AT=$(millis); }
cpu_shares() {
  local now=($(cpu_ticks "${CPU_PARTS[@]}")) hz i line="" named=0
  hz=$(getconf CLK_TCK)
  local capacity=$(( ($(millis) - CPU_MARK_AT) * $(nproc) * hz / 1000 )) total=$(( now[0] - CPU_MARK[0] ))
  [ "$capacity" -gt 0 ] || return 0
  for ((i = 1; i <= ${#CPU_PARTS[@]}; i++)); do
    line+="${CPU_PARTS[i - 1]} $(( 100 * (now[i] - CPU_MARK[i]) / capacity )) %, "
    named=$(( named + now[i] - CPU_MARK[i] ))
  done
  echo "${line}the rest $(( 100 * (total - named) / capacity )) %, idle $(( 100 * (capacity - total) / capacity )) %"
}

# With "pinned", each phase runs with inventory-service and PostgreSQL on one CPU, and wrk with the gateway on
# another (the first two this shell may use): the gateway then has a core the service does not use, as where it runs
# as its own deployment (decision record 17, option 4), and the gap between the two phases is the hop's cost beside
# a busy service. Meant for a two-core machine; every process gets its CPUs back at the end, also when interrupted.
cmd_bench_get() {
  local pinned=${1:-}
  case "$pinned" in ""|pinned) ;; *) die "usage: ./canhgac bench get [pinned]" ;; esac
  [ -z "$pinned" ] || [ "$(allowed_cpus | wc -l)" -ge 2 ] || die "bench get pinned needs two CPUs"
  PINNED_MASKS=(); PINNED_PG_MASK=""
  find_java
  http_ok "http://$CANHGAC_HOST:$(management_port gateway)/q/health/ready" || die "Start the platform first: ./canhgac up"
  ensure_wrk
  mkdir -p "$BENCH_DIR"
  local work org token gateway report
  work=$(mktemp -d); chmod 755 "$work"
  report="$BENCH_DIR/get-$(date -u +%Y%m%dT%H%M%SZ).txt"
  gateway="http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
  org=$(bench_psql -Atc "select code from organization where code like 'BENCH-%' order by code desc limit 1")
  [ -n "$org" ] || die "Run ./canhgac bench once first: it imports the assets this reads"
  BENCH_WORK=$work
  trap 'unpin; rm -rf "$BENCH_WORK"; gateway_restore; start_service advisory-service platform; start_service incident-service platform' EXIT
  stop_pid advisory-service; stop_pid incident-service
  gateway_unthrottled
  token=$(token_for authority)
  bench_psql -Atc "select id from asset where org_path = '/$org/' limit 1000" > "$work/ids.txt"
  cat > "$work/get.lua" <<LUA
local ids = {}
for line in io.lines("$work/ids.txt") do ids[#ids + 1] = line end
local n = 0
wrk.headers["Authorization"] = "Bearer $token"
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/assets/" .. ids[(n % #ids) + 1])
end
LUA
  "${WRK[@]}" -t2 -c32 -d20s -s "$work/get.lua" "$gateway" > /dev/null
  if [ -n "$pinned" ]; then get_pinned "$work" "$gateway" "$report"; return; fi
  { echo "GET /assets/{id} on a quiet platform (advisory- and incident-service stopped), 32 connections:"
    echo "  through the gateway, 30 s:"
    cpu_mark gateway inventory-service PostgreSQL
    "${WRK[@]}" -t2 -c32 -d30s --latency -s "$work/get.lua" "$gateway" | grep -E "Requests/sec|^ +50%|^ +90%|^ +99%|Non-2xx|Socket" | sed 's/^/  /'
    echo "    CPU of both cores: $(cpu_shares)"
    echo "  straight to inventory-service, 15 s:"
    cpu_mark gateway inventory-service PostgreSQL
    "${WRK[@]}" -t2 -c32 -d15s --latency -s "$work/get.lua" "http://$CANHGAC_HOST:$CANHGAC_INVENTORY_PORT" \
      | grep -E "Requests/sec|^ +50%|^ +90%|^ +99%|Non-2xx|Socket" | sed 's/^/  /'
    echo "    CPU of both cores: $(cpu_shares)"; } | tee "$report"
  ok "Benchmark written to $report"
}

# The CPUs this shell may use, one per line ("0-3,6" gives 0 1 2 3 6).
allowed_cpus() {
  local part
  for part in $(taskset -cp $$ | sed 's/.*: //' | tr ',' ' '); do
    if [[ $part == *-* ]]; then seq "${part%-*}" "${part#*-}"; else echo "$part"; fi
  done
}

# pin_to CPU PID...: each process (all its threads) on CPU alone, its mask before kept for unpin.
pin_to() {
  local cpu=$1 pid; shift
  for pid in "$@"; do
    PINNED_MASKS+=("$pid $(taskset -p "$pid" | awk '{print $NF}')")
    taskset -a -p -c "$cpu" "$pid" > /dev/null || die "Could not pin process $pid to CPU $cpu"
  done
}

# Gives every pinned process its mask back, and the PostgreSQL backends started meanwhile (they inherited the
# postmaster's CPU) the postmaster's. Called on exit too, so that an interrupted run leaves nothing on one core.
unpin() {
  local entry pid
  for entry in "${PINNED_MASKS[@]}"; do
    taskset -a -p "${entry#* }" "${entry% *}" > /dev/null 2>&1 || true
  done
  if [ -n "$PINNED_PG_MASK" ]; then
    for pid in $(postgres_pids); do taskset -a -p "$PINNED_PG_MASK" "$pid" > /dev/null 2>&1 || true; done
  fi
  PINNED_MASKS=(); PINNED_PG_MASK=""
}

# The pinned phases of bench get, twice each, alternating.
get_pinned() {
  local work=$1 gateway=$2 report=$3 round cpus gateway_cpu service_cpu postmaster
  cpus=($(allowed_cpus)); gateway_cpu=${cpus[0]}; service_cpu=${cpus[1]}
  postmaster=$(head -1 "$PG_DATA/postmaster.pid")
  PINNED_PG_MASK=$(taskset -p "$postmaster" | awk '{print $NF}')
  pin_to "$service_cpu" "$(cat "$CANHGAC_STATE/pids/inventory-service.pid")" $(postgres_pids)
  pin_to "$gateway_cpu" "$(cat "$CANHGAC_STATE/pids/gateway.pid")"
  { echo "GET /assets/{id}, 32 connections, inventory-service and PostgreSQL on CPU $service_cpu, wrk and the gateway on CPU $gateway_cpu:"
    for round in 1 2; do
      echo "  straight to inventory-service, 20 s:"
      cpu_mark gateway inventory-service PostgreSQL
      taskset -c "$gateway_cpu" "${WRK[@]}" -t2 -c32 -d20s --latency -s "$work/get.lua" "http://$CANHGAC_HOST:$CANHGAC_INVENTORY_PORT" \
        | grep -E "Requests/sec|^ +50%|^ +99%|Non-2xx|Socket" | sed 's/^/  /'
      echo "    CPU of all cores: $(cpu_shares)"
      echo "  through the gateway, 20 s:"
      cpu_mark gateway inventory-service PostgreSQL
      taskset -c "$gateway_cpu" "${WRK[@]}" -t2 -c32 -d20s --latency -s "$work/get.lua" "$gateway" \
        | grep -E "Requests/sec|^ +50%|^ +99%|Non-2xx|Socket" | sed 's/^/  /'
      echo "    CPU of all cores: $(cpu_shares)"
    done; } | tee "$report"
  unpin
  ok "Benchmark written to $report"
}

# Rows ever written into a service's asset replica, inserted or updated (PostgreSQL's statistics, flushed about every
# second): a catch-up is timed by them rather than by counting a replica of a million rows every half second, which
# cost the database as much as a tenth of the work it was timing.
replica_writes() {
  psql_admin -d "$1" -Atc "select n_tup_ins + n_tup_upd from pg_stat_user_tables where relname = 'asset_replica'"
}

# One service's catch-up: since its start, and since its first applied event (the rate without the start).
catchup_line() {
  local service=$1 what=$2 total_ms=$3 first_ms=$4
  printf '%-17s %s of %d assets: %.1f s after start (%.0f events/s); %.1f s from the first applied (%.0f events/s)\n' \
    "$service" "$what" "$assets" "$(echo "$total_ms / 1000" | bc -l)" "$(echo "$assets * 1000 / $total_ms" | bc -l)" \
    "$(echo "($total_ms - $first_ms) / 1000" | bc -l)" "$(echo "$assets * 1000 / ($total_ms - $first_ms + 1)" | bc -l)"
}

# How fast the read models catch up: the read models are stopped, ASSETS assets are imported and their events
# published (a backlog of ASSETS events on inventory.assets), then they start again and the time until each holds
# every asset is measured (advisory-service also matches each one against every advisory and list). Default 100,000.
# With SERVICE (advisory-service or incident-service; "all" for both), only that one starts again and is timed: the
# other read model stays stopped until the end (inventory-, notification-service and the gateway run as usual).
# With "again", the same files are then imported a second time, as an agency's next scan (every asset's version moves
# on, nothing else), and that backlog is timed too.
cmd_bench_catchup() {
  local assets=${1:-100000} only=${2:-all} again=${3:-}
  [ "$only" = again ] && { only=all; again=again; }
  [ "$assets" -gt 0 ] 2>/dev/null || die "How many assets: a number above 0"
  local services=(advisory-service incident-service)
  case "$only" in all) ;; advisory-service|incident-service) services=("$only") ;;
    *) die "Which read model: advisory-service, incident-service or all" ;; esac
  case "$again" in ""|again) ;; *) die "The third argument is \"again\" or nothing" ;; esac
  find_java
  http_ok "http://$CANHGAC_HOST:$(management_port gateway)/q/health/ready" || die "Start the platform first: ./canhgac up"
  mkdir -p "$BENCH_DIR"
  local run report gateway token org work
  run=$(date +%s); report="$BENCH_DIR/catchup-$(date -u +%Y%m%dT%H%M%SZ).txt"
  gateway="http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
  org="CATCHUP-$run"
  work=$(mktemp -d)
  BENCH_WORK=$work
  BENCH_ORG=$org
  # The read models started again apply what is left, then the run's assets go: 2.4 million left by one session's runs
  # grew every table the next runs read.
  trap 'rm -rf "$BENCH_WORK"; gateway_restore; start_service advisory-service platform; start_service incident-service platform
        bench_wait_applied 900 || true; bench_forget_assets "$BENCH_ORG"' EXIT
  gateway_unthrottled
  token=$(token_for authority)
  curl -fsS -o /dev/null -X POST "$gateway/api/v1/organizations" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data "{\"code\":\"$org\",\"kind\":\"OTHER\",\"nameVi\":\"Đo tốc độ đuổi kịp $run\"}"
  sleep 3   # the organisation reaches both replicas before they stop
  echo "Canh Gác read-model catch-up, $(date -u +%Y%m%dT%H%M%SZ), $(nproc) cores" | tee "$report"
  catchup_phase "$assets asset events on inventory.assets" "read model"
  if [ -n "$again" ]; then
    catchup_phase "the same $assets assets imported again (their versions moved on, nothing else)" "again, read model"
  fi
  ok "Benchmark written to $report"
}

# catchup_phase WHAT LABEL: the timed read models stopped, the run's files imported (the same ones in every phase),
# their events published, the read models started again and timed until each has written every asset.
catchup_phase() {
  local what=$1 label=$2 chunk size pending service t0
  declare -A before timed first
  for service in "${services[@]}"; do before[$service]=$(replica_writes "${service%-service}"); done
  stop_pid advisory-service; stop_pid incident-service
  for ((chunk = 0; chunk < assets; chunk += 100000)); do   # files of 100,000 assets, as an agency would send them
    size=$(( assets - chunk < 100000 ? assets - chunk : 100000 ))
    generate_csv "$size" "$org" "${run}c$chunk" > "$work/assets.csv"
    token=$(token_for authority)
    import_assets_csv "$token" "$work/assets.csv" >/dev/null || die "The import failed"
  done
  while :; do
    pending=$(bench_psql -Atc "select count(*) from outbox_event where published_at is null and parked_at is null")
    [ "$pending" = 0 ] && break
    sleep 1
  done
  echo "backlog  $what, the read models stopped meanwhile; timed: ${services[*]}" | tee -a "$report"
  t0=$(millis)
  for service in "${services[@]}"; do start_service "$service" platform; done
  local now applied waiting=${#services[@]} shares=""
  while [ "$waiting" -gt 0 ]; do
    sleep 0.5
    now=$(millis)
    for service in "${services[@]}"; do
      [ -n "${timed[$service]:-}" ] && continue
      applied=$(( $(replica_writes "${service%-service}") - ${before[$service]} ))
      if [ -z "${first[$service]:-}" ] && [ "$applied" -gt 0 ]; then
        first[$service]=$((now - t0))
        [ -z "$shares" ] && { shares=started; cpu_mark $(catchup_processes) PostgreSQL; }
      fi
      if [ "$applied" -ge "$assets" ]; then timed[$service]=$((now - t0)); waiting=$((waiting - 1)); fi
    done
    [ $((now - t0)) -gt 3600000 ] && die "Not caught up after an hour"
  done
  echo "CPU of both cores while applying: $(cpu_shares)" | tee -a "$report"
  for service in "${services[@]}"; do
    case "$service" in
      advisory-service) catchup_line "$service" "$label + matching" "${timed[$service]}" "${first[$service]}" ;;
      *) catchup_line "$service" "$label" "${timed[$service]}" "${first[$service]}" ;;
    esac | tee -a "$report"
  done
}

# Where both cores went from the first applied event to the last: each read model, notification-service (which
# applies the exposures advisory-service publishes), Kafka, PostgreSQL (every backend) and the rest. The timed
# services' start (class loading, JIT) is left out, but for the second of two that start at once.
catchup_processes() { echo advisory-service incident-service notification-service kafka; }

