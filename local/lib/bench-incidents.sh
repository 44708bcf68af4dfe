# The incident benchmarks of docs/performance.md (issue 5), against the platform ./canhgac up started.
#
#   ./canhgac bench incidents [SECONDS]     SECONDS of sustained load per test (default 120)
#   ./canhgac bench incidents botnet        only the third part (run it on a platform with no backlog of events)
#
# For comparable figures run it on a fresh platform (./canhgac down; rm -rf .run/postgres .run/kafka; ./canhgac up):
# each run leaves ~250,000 incidents and ~30,000 alerts behind, and autovacuum of tables that large lands inside
# the next run's phases.
#
# 1. Incident reports through the gateway (wrk, 2 threads, 32 connections, each report unique, an observable each),
#    as Cam Ranh's operator; errors, latency percentiles, and incident-service's RSS before and after.
# 2. Alerts through the gateway as the national feed, half of them repeats of an earlier source reference (merged):
#    one alert per request, then 100 per request (POST /alerts/bulk, as a feed that collects for a moment).
# 3. A botnet list hitting 10,000 addresses of 1,000 organisations (seeded in advisory-service's read model):
#    the time until incident-service holds malware incidents with all 10,000 addresses.

bench_incident_psql() { psql_admin -d incident "$@"; }

# Each phase starts from a quiet database: what the previous phase wrote is vacuumed and checkpointed first, so
# that autovacuum and a checkpoint do not land in the middle of the next phase's measurement.
quiet_database() { psql_admin -d incident -c "vacuum analyze" -c "checkpoint" >/dev/null; }

rss_of() { ps -o rss= -p "$(cat "$CANHGAC_STATE/pids/$1.pid")" | awk '{printf "%.0f", $1/1024}'; }

wrk_post() {
  local seconds=$1 token=$2 path=$3 body=$4 out=$5 script=$6 connections=${7:-32}
  cat > "$script" <<LUA
local n = 0
local thread_id = 0
local counter = 0
function setup(thread) thread_id = thread_id + 1; thread:set("id", thread_id) end
function init(args) math.randomseed(os.time() + id) end
request = function()
  counter = counter + 1
  local unique = id .. "-" .. counter .. "-" .. math.random(1, 1000000000)
  local half = id .. "-" .. math.floor(counter / 2)
  local body = string.gsub(string.gsub([[$body]], "UNIQUE", unique), "HALF", half)
  return wrk.format("POST", "$path", {["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"}, body)
end
LUA
  "${WRK[@]}" -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT" > "$out"
}

cmd_bench_incidents() {
  local seconds=${1:-120} only_botnet=false
  [ "$seconds" = botnet ] && { only_botnet=true; seconds=0; }
  find_java
  http_ok "http://$CANHGAC_HOST:$(management_port gateway)/q/health/ready" || die "Start the platform first: ./canhgac up"
  ensure_wrk
  mkdir -p "$BENCH_DIR"
  local stamp report work token feed before after
  stamp=$(date -u +%Y%m%dT%H%M%SZ); report="$BENCH_DIR/incidents-$stamp.txt"
  work=$(mktemp -d); chmod 755 "$work"; BENCH_WORK=$work
  trap 'rm -rf "$BENCH_WORK"; gateway_restore' EXIT
  gateway_unthrottled
  { echo "Canh Gác incident benchmark, $stamp, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
    echo "JVM $(java -version 2>&1 | head -1), services -Xmx512m SerialGC (as ./canhgac up starts them)"; } | tee "$report"

  $only_botnet || load_incidents_and_alerts "$seconds" "$work" "$report"
  botnet_to_incidents "$work" "$report" "$(token_for national-feed)"
  ok "Benchmark written to $report"
}

load_incidents_and_alerts() {
  local seconds=$1 work=$2 report=$3 feed token before after
  token=$(token_for camranh-operator)
  say "Warming up, then $seconds s of incident reports through the gateway"
  local incident='{"title":"Bench UNIQUE","category":"MALWARE","severity":"MEDIUM","detectedAt":"2024-02-10T02:05:00+07:00","observables":[{"type":"IP","value":"203.0.113.7"}]}'
  quiet_database
  wrk_post 20 "$token" /api/v1/incidents "$incident" /dev/null "$work/incident.lua"
  # wrk keeps N requests in flight whatever the latency (a closed loop): at 32 the p99 is mostly the queue in front
  # of two saturated cores. 1,000 reports/s at ~15 ms each needs ~16 in flight (Little's law); both are reported.
  local connections
  for connections in 16 32; do
    before=$(rss_of incident-service)
    wrk_post "$seconds" "$token" /api/v1/incidents "$incident" "$work/incidents.txt" "$work/incident.lua" "$connections"
    after=$(rss_of incident-service)
    { echo "reports  POST /api/v1/incidents, $connections connections, $seconds s:"
      grep -E "Requests/sec|^ +50%|^ +90%|^ +99%|Non-2xx|Socket errors|requests in" "$work/incidents.txt" | sed 's/^/    /'
      echo "    incident-service RSS before/after: $before / $after MiB"; } | tee -a "$report"
    token=$(token_for camranh-operator)
  done

  # Tokens live 5 minutes: each phase takes a fresh one.
  feed=$(token_for national-feed)
  say "Warming up, then $seconds s of alerts (half repeats) through the gateway"
  quiet_database
  local alert='{"source":"BENCH","sourceReference":"HALF","organization":"UBND-CAMRANH","type":"beacon","title":"Bench UNIQUE","observedAt":"2024-02-10T02:05:00+07:00","observables":[{"type":"IP","value":"203.0.113.8"}]}'
  wrk_post 20 "$feed" /api/v1/alerts "$alert" /dev/null "$work/alert.lua"
  before=$(rss_of incident-service)
  wrk_post "$seconds" "$feed" /api/v1/alerts "$alert" "$work/alerts.txt" "$work/alert.lua"
  after=$(rss_of incident-service)
  { echo "alerts   POST /api/v1/alerts (half merged into an earlier one), 32 connections, $seconds s:"
    grep -E "Requests/sec|^ +50%|^ +90%|^ +99%|Non-2xx|Socket errors|requests in" "$work/alerts.txt" | sed 's/^/    /'
    echo "    incident-service RSS before/after: $before / $after MiB"; } | tee -a "$report"

  feed=$(token_for national-feed)
  say "Warming up, then $seconds s of alerts in batches of 100 (half repeats of the previous batch)"
  quiet_database
  wrk_bulk_alerts 20 "$feed" /dev/null "$work/bulk.lua"
  before=$(rss_of incident-service)
  wrk_bulk_alerts "$seconds" "$feed" "$work/bulk.txt" "$work/bulk.lua"
  after=$(rss_of incident-service)
  { echo "bulk     POST /api/v1/alerts/bulk, 100 alerts per request (50 new, 50 repeats), 32 connections, $seconds s:"
    grep -E "Requests/sec|^ +50%|^ +90%|^ +99%|Non-2xx|Socket errors|requests in" "$work/bulk.txt" | sed 's/^/    /'
    awk '/Requests\/sec/ {printf "    = %.0f alerts/s\n", $2 * 100}' "$work/bulk.txt"
    echo "    incident-service RSS before/after: $before / $after MiB"; } | tee -a "$report"
}

# Batches of 100 alerts: 50 new source references, and the 50 new ones of this thread's previous batch again.
wrk_bulk_alerts() {
  local seconds=$1 token=$2 out=$3 script=$4
  cat > "$script" <<LUA
local thread_id = 0
local counter = 0
local alert = '{"source":"BENCH-BULK","sourceReference":"REF","organization":"UBND-CAMRANH","type":"beacon","title":"Bench bulk","observedAt":"2024-02-10T02:05:00+07:00","observables":[{"type":"IP","value":"203.0.113.9"}]}'
function setup(thread) thread_id = thread_id + 1; thread:set("id", thread_id .. "-" .. os.time()) end
request = function()
  counter = counter + 1
  local items = {}
  for i = 0, 99 do
    local ref
    if i < 50 then ref = id .. "-" .. counter .. "-" .. i else ref = id .. "-" .. (counter - 1) .. "-" .. (i - 50) end
    items[#items + 1] = (string.gsub(alert, "REF", ref))
  end
  return wrk.format("POST", "/api/v1/alerts/bulk",
    {["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"}, "[" .. table.concat(items, ",") .. "]")
end
LUA
  "${WRK[@]}" -t2 -c32 -d"${seconds}s" --latency -s "$script" "http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT" > "$out"
}

botnet_to_incidents() {
  local work=$1 report=$2 feed=$3
  say "Botnet list hitting 10,000 addresses of 1,000 organisations: time until the incidents hold them all"
  local run octet t0 t1 held
  run=$(date +%s)
  # New assets and addresses on every run (45.64.0.0/10, a /16 per run; public space, as botnet lists skip private,
  # shared and documentation ranges): a second run on the same platform
  # would otherwise find its exposures already open and open no incident.
  octet=$((64 + run % 64))
  psql_admin -d advisory <<SQL >/dev/null
insert into organization_replica (code, id, parent_code, path, name_vi, kind, search_text, version, updated_at)
select 'BI$run-' || g, gen_random_uuid(), null, '/BI$run-' || g || '/', 'Đơn vị ' || g, 'AGENCY', 'don vi', 0, now()
from generate_series(0, 999) g;
insert into asset_replica (id, organization_code, org_path, hostname, version, updated_at)
select md5('BI$run-' || g)::uuid, 'BI$run-' || (g % 1000),
       '/BI$run-' || (g % 1000) || '/', 'bi' || g, 0, now() from generate_series(0, 9999) g;
insert into asset_address_replica (asset_id, address)
select md5('BI$run-' || g)::uuid, ('45.$octet.' || (g / 256) || '.' || (g % 256))::inet
from generate_series(0, 9999) g;
SQL
  psql_admin -d incident <<SQL >/dev/null
insert into organization_replica (code, id, parent_code, path, name_vi, kind, search_text, version, updated_at)
select 'BI$run-' || g, gen_random_uuid(), null, '/BI$run-' || g || '/', 'Đơn vị ' || g, 'AGENCY', 'don vi', 0, now()
from generate_series(0, 999) g;
SQL
  awk -v octet="$octet" 'BEGIN { for (g = 0; g < 10000; g++) printf "45.%d.%d.%d\n", octet, int(g / 256), g % 256 }' > "$work/hits.txt"
  t0=$(millis)
  curl -fsS -o /dev/null -X POST "http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT/api/v1/botnet-lists?reference=BI-$run&issuer=BI-$run" \
    -H "Authorization: Bearer $feed" -H 'Content-Type: text/plain' --data-binary @"$work/hits.txt"
  t1=$(millis)
  echo "botnet   list of 10,000 addresses imported and matched ($(psql_admin -d advisory -c "select count(*) from exposure
        where organization_code like 'BI$run-%'") exposures): $(( t1 - t0 )) ms" | tee -a "$report"
  while :; do
    held=$(bench_incident_psql -c "select count(*) from incident_observable o join incident i on i.id = o.incident_id
                                   where i.reporting_path like '/BI$run-%'")
    [ "$held" -ge 10000 ] && break
    (( $(millis) - t0 < 600000 )) || { echo "    only $held addresses after 600 s" | tee -a "$report"; break; }
    sleep 1
  done
  t1=$(millis)
  printf 'incidents %s addresses held by %s malware incidents %.1f s after the list was published\n' "$held" \
    "$(bench_incident_psql -c "select count(*) from incident where reporting_path like '/BI$run-%'")" \
    "$(echo "($t1 - $t0) / 1000" | bc -l)" | tee -a "$report"
}
