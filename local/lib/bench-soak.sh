# The mixed soak of docs/performance.md (issue 13), against the platform ./canhgac up started:
#
#   ./canhgac bench soak [MINUTES]    MINUTES of mixed load (default 30)
#
# For MINUTES, at once and at a steady pace, through the gateway:
#   reads    GET /assets/{id} (the authority) and GET /exposures?limit=20 (Khánh Hòa's coordinator) (wrk, 4
#            connections, 5 ms between requests each);
#   reports  POST /incidents as Cam Ranh's operator (wrk, 2 connections, 50 ms apart);
#   alerts   POST /alerts as the national feed, half of them repeats (wrk, 2 connections, 50 ms apart);
#   imports  2,000 assets every minute;
#   lists    a botnet list of 1,000 of those assets' addresses every 5 minutes.
# Every 10 s it samples the platform's own metrics: the gateway's requests, mean latency and 5xx answers, each
# service's heap, and each service's Kafka consumer lag. The samples go to .run/bench/soak-<stamp>.csv, the plots
# (PNG, drawn by local/tools/SoakPlot.java with the JDK alone) to .run/bench/soak-<stamp>/, and a summary to the
# report. A soak of 30 minutes or more also replaces the plots that docs/performance.md shows (docs/soak/).

SOAK_INTERVAL=10

# soak_wrk SECONDS CONNECTIONS SCRIPT OUT: one wrk run of a paced script (its delay() spaces each connection's requests).
soak_wrk() {
  local seconds=$1 connections=$2 script=$3 out=$4
  "${WRK[@]}" -t1 -c"$connections" -d"${seconds}s" -s "$script" "$gateway" >> "$out" 2>&1
}

# soak_script FILE DELAY_MS BODY: a wrk script whose request() is BODY (it may use n, the request's number, and ids).
soak_script() {
  local file=$1 delay=$2 body=$3
  cat > "$file" <<LUA
local n = 0
local ids = {}
for line in io.lines("$work/ids.txt") do ids[#ids + 1] = line end
delay = function() return $delay end
request = function()
  n = n + 1
  $body
end
LUA
}

soak_reads() {
  while [ "$(date +%s)" -lt "$end" ]; do
    soak_script "$work/reads.lua" 5 "
  if n % 2 == 0 then
    return wrk.format(\"GET\", \"/api/v1/assets/\" .. ids[(n % #ids) + 1], {[\"Authorization\"] = \"Bearer $(soak_token authority)\"})
  end
  return wrk.format(\"GET\", \"/api/v1/exposures?limit=20\", {[\"Authorization\"] = \"Bearer $(soak_token khanhhoa-coordinator)\"})"
    soak_wrk "$(soak_slice)" 4 "$work/reads.lua" "$work/reads.out"
  done
}

# soak_posts NAME PATH CALLER BODY: POSTs to PATH as CALLER, 2 connections 50 ms apart, until the end; BODY is a Lua
# expression of the request's number n.
soak_posts() {
  local name=$1 path=$2 caller=$3 body=$4
  while [ "$(date +%s)" -lt "$end" ]; do
    soak_script "$work/$name.lua" 50 "
  return wrk.format(\"POST\", \"$path\", {[\"Authorization\"] = \"Bearer $(soak_token "$caller")\", [\"Content-Type\"] = \"application/json\"}, $body)"
    soak_wrk "$(soak_slice)" 2 "$work/$name.lua" "$work/$name.out"
  done
}

soak_reports() {
  soak_posts reports /api/v1/incidents camranh-operator "'{\"title\":\"Soak ' .. n .. '-' .. math.random(1, 1000000000) .. '\",\"category\":\"MALWARE\",\"severity\":\"MEDIUM\",\"detectedAt\":\"2024-02-10T02:05:00+07:00\",\"observables\":[{\"type\":\"IP\",\"value\":\"203.0.113.7\"}]}'"
}

soak_alerts() {
  soak_posts alerts /api/v1/alerts national-feed "'{\"source\":\"SOAK\",\"sourceReference\":\"$run-' .. math.floor(n / 2) .. '-' .. math.random(1, 1000000000) % 2 .. '\",\"organization\":\"UBND-CAMRANH\",\"type\":\"beacon\",\"title\":\"Soak ' .. n .. '\",\"observedAt\":\"2024-02-10T02:05:00+07:00\",\"observables\":[{\"type\":\"IP\",\"value\":\"203.0.113.8\"}]}'"
}

# Tokens live five minutes: one loop fetches the four callers' tokens every minute, one after the other (when
# every loop asked Keycloak for its own at the same instant, one request was refused with a 400), and each wrk run
# lasts at most two minutes, then starts again with the freshest, so that no run outlives its token. (Runs of four
# minutes on tokens fetched every three outlived them: until 2026-12-01 a quarter of the soak's requests were 401.)
soak_fetch_tokens() {
  local who
  for who in authority khanhhoa-coordinator camranh-operator national-feed; do
    (token_for "$who") > "$work/token-$who.new" && mv "$work/token-$who.new" "$work/token-$who"
  done
}
soak_tokens() { while [ "$(date +%s)" -lt "$end" ]; do soak_sleep 60; soak_fetch_tokens; done; }
soak_token() { cat "$work/token-$1"; }

soak_slice() { local left=$(( end - $(date +%s) )); echo $(( left < 120 ? (left > 1 ? left : 1) : 120 )); }

# Sleeps N seconds, or until the end if that comes first.
soak_sleep() { local left=$(( end - $(date +%s) )); sleep $(( left < $1 ? (left > 0 ? left : 0) : $1 )); }

# soak_post NAME CALLER TYPE FILE PATH: POSTs FILE to PATH as CALLER; "time status" goes to NAME.out (000: no answer).
soak_post() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$gateway$5" -H "Authorization: Bearer $(soak_token "$2")" \
    -H "Content-Type: $3" --data-binary @"$4") || code=000
  echo "$(date +%s) $code" >> "$work/$1.out"
}

# soak_csv ASSETS ORG RUN K: the bench's assets with a public IPv4 address each (36.K.x.y), so that the soak's
# botnet lists name Internet hosts. A list of private addresses is refused (422), as the soak's were, unnoticed,
# until 2026-12-01.
soak_csv() {
  generate_csv "$1" "$2" "$3" | awk -F, -v OFS=, -v k="$4" 'NR == 1 {print; next}
    {i = NR - 2; sub(/^[^;]*/, "36." k "." int(i / 256) % 256 "." i % 256, $6); print}'
}

# The local SMTP server keeps every message in memory: emptied every two minutes, as a mail server delivers them
# away. (Until 2026-12-01 it was not: the reports' notices filled its 256 MiB, and it stopped half-way through.)
soak_mail() {
  while [ "$(date +%s)" -lt "$end" ]; do
    soak_sleep 120
    curl -s -o /dev/null -X POST "http://$CANHGAC_HOST:$CANHGAC_MAIL_API_PORT/api/mail/purge" || true
  done
}

soak_imports() {
  local k=0
  while [ "$(date +%s)" -lt "$end" ]; do
    soak_csv 2000 "$org" "${run}i$k" $(( k % 200 + 1 )) > "$work/import.csv"
    soak_post imports authority text/csv "$work/import.csv" /api/v1/assets/imports
    k=$((k + 1))
    soak_sleep 60
  done
}

soak_lists() {
  local k=0
  while :; do
    soak_sleep 150
    [ "$(date +%s)" -lt "$end" ] || break
    { echo "# soak list $k"; bench_psql -c "select host(address) from asset_address a join asset s on s.id = a.asset_id
        where s.org_path = '/$org/' and family(address) = 4 order by random() limit 1000" || true; } > "$work/list.txt"
    soak_post lists national-feed text/plain "$work/list.txt" "/api/v1/botnet-lists?reference=SOAK-$run-$k&issuer=SOAK&kind=AD_HOC"
    k=$((k + 1))
    soak_sleep 150
  done
}

# One line of samples: time, gateway requests and seconds (cumulative), gateway 5xx (cumulative), then per service
# its heap in MiB and its consumers' summed lag, then the e-mails and webhook calls waiting to be sent.
soak_sample() {
  local t=$1 line gw port
  gw=$(curl -s -m 5 "http://$CANHGAC_HOST:9080/q/metrics")
  line="$t,$(echo "$gw" | awk '/^http_server_requests_seconds_count\{.*uri="\/api/ {c += $NF} END {printf "%d", c}'),"
  line+="$(echo "$gw" | awk '/^http_server_requests_seconds_sum\{.*uri="\/api/ {s += $NF} END {printf "%.3f", s}'),"
  line+="$(echo "$gw" | awk '/^http_server_requests_seconds_count\{.*status="5/ {c += $NF} END {printf "%d", c}')"
  for port in 9080 9081 9082 9083 9084; do
    local m; m=$(curl -s -m 5 "http://$CANHGAC_HOST:$port/q/metrics")
    line+=",$(echo "$m" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.1f", s / 1048576}')"
    line+=",$(echo "$m" | consumer_lag)"
  done
  line+=",$(psql_admin -d notification -c "select count(*) from delivery where state = 'PENDING'" 2>/dev/null || echo NaN)"
  echo "$line"
}

cmd_bench_soak() {
  local minutes=${1:-30}
  find_java
  http_ok "http://$CANHGAC_HOST:$(management_port gateway)/q/health/ready" || die "Start the platform first: ./canhgac up"
  ensure_wrk
  mkdir -p "$BENCH_DIR"
  local run stamp report csv gateway org work end
  run=$(date +%s); stamp=$(date -u +%Y%m%dT%H%M%SZ)
  report="$BENCH_DIR/soak-$stamp.txt"; csv="$BENCH_DIR/soak-$stamp.csv"
  gateway="http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
  org="SOAK-$run"
  work=$(mktemp -d); chmod 755 "$work"
  BENCH_WORK=$work
  trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$BENCH_WORK"; gateway_restore' EXIT
  gateway_unthrottled
  soak_fetch_tokens
  curl -fsS -o /dev/null -X POST "$gateway/api/v1/organizations" -H "Authorization: Bearer $(soak_token authority)" \
    -H 'Content-Type: application/json' --data "{\"code\":\"$org\",\"kind\":\"OTHER\",\"nameVi\":\"Chạy bền $run\"}"
  soak_csv 2000 "$org" "${run}s" 0 > "$work/seed.csv"
  import_assets_csv "$(soak_token authority)" "$work/seed.csv" >/dev/null || die "The seed import failed"
  bench_psql -c "select id from asset where org_path = '/$org/' limit 1000" > "$work/ids.txt"

  say "Soak: $minutes minutes of reads, reports, alerts, imports and lists; samples every $SOAK_INTERVAL s"
  echo "seconds,requests,request_seconds,errors_5xx,gateway_heap_mib,gateway_lag,inventory_heap_mib,inventory_lag,advisory_heap_mib,advisory_lag,incident_heap_mib,incident_lag,notification_heap_mib,notification_lag,deliveries_waiting" > "$csv"
  end=$(( $(date +%s) + minutes * 60 ))
  local loops=() loop
  for loop in soak_tokens soak_reads soak_reports soak_alerts soak_imports soak_lists soak_mail; do
    "$loop" & loops+=($!)
  done
  local start; start=$(date +%s)
  while [ "$(date +%s)" -lt "$end" ]; do
    soak_sample $(( $(date +%s) - start )) >> "$csv"
    sleep "$SOAK_INTERVAL"
  done
  # The load loops only: the gateway, restarted unthrottled by this shell, is one of its children too.
  wait "${loops[@]}" || true   # a loop that stopped early shows in the samples, not as the soak's failure
  soak_sample $(( $(date +%s) - start )) >> "$csv"

  java "$CANHGAC_ROOT/local/tools/SoakPlot.java" "$csv" "$BENCH_DIR/soak-$stamp" | tee "$report"
  [ "$minutes" -lt 30 ] || cp "$BENCH_DIR/soak-$stamp"/*.png "$CANHGAC_ROOT/docs/soak/"
  { echo "wrk runs (reads, reports, alerts): non-2xx answers"
    { grep -h "Non-2xx" "$work"/*.out || true; } | awk '{s += $NF} END {print "  " s + 0}'
    echo "imports (status: count)"; awk '{print "  " $2}' "$work/imports.out" 2>/dev/null | sort | uniq -c
    echo "botnet lists (status: count)"; awk '{print "  " $2}' "$work/lists.out" 2>/dev/null | sort | uniq -c; } | tee -a "$report"
  ok "Samples in $csv, plots in $BENCH_DIR/soak-$stamp/, summary in $report"
}
