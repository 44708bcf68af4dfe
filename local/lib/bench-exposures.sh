# The matching benchmarks of docs/performance.md (issue 4), against the platform ./canhgac up started.
#
#   ./canhgac bench exposures [HITS]
#
# 1. Seeds advisory-service's read model straight in its database (as if inventory's events had been applied):
#    500,000 assets with 2 IPv4 addresses each (1,000,000 addresses) and one installed product each (500,000
#    products of 1,000 kinds), 10,000 organisations with one /24 constituency range each.
# 2. Publishes a botnet list of 1,000,000 entries through the gateway (as the national feed, plain text):
#    HITS of them (default 10,000) are asset addresses, 1,000 fall in constituency ranges, the rest hit nothing.
#    The request returns once the list is stored and matched: its time is import plus matching, end to end.
# 3. Publishes an advisory with 50 affected version ranges through the gateway: matched against the 500,000
#    installed products before it answers.
# 4. Beside each, the same join done as plainly as possible in one SQL query on the same data: the limit.
# 5. Publishes a second list naming the HITS asset addresses and the 1,000 constituency entries again (their
#    exposures take it as evidence) and withdraws it: the withdrawal hands the hits over to the first list, which
#    still names them, before it answers.
# 6. Publishes an advisory about HITS/500 CVEs that names HITS/500 products (500 assets each) in versions nobody runs,
#    then a KEV catalogue with one entry per CVE and product: the advisory holds the entries' name-only hits back.
#    It is withdrawn: the withdrawal asks for those HITS assets to be matched again, and the AssetRematching job
#    finds the HITS hits to confirm. Timed from the answer until no request is left.
# Each figure is taken on a quiet machine: after autovacuum and a checkpoint, the list's baseline before the list,
# and the advisory once the other read models have applied the list's hits. The service's own phases of the list
# (staged, stored, compared, matched) are read from its log.
# Everything it seeds lives under organisation paths /BENCHX-<run>/ and is removed at the end.

bench_advisory_psql() { psql_admin -d advisory "$@"; }

seed_read_model() {
  local run=$1
  bench_advisory_psql <<SQL >/dev/null
insert into organization_replica (code, id, parent_code, path, name_vi, kind, search_text, version, updated_at)
select 'BX$run-' || g, gen_random_uuid(), null, '/BENCHX-$run/BX$run-' || g || '/', 'Đơn vị đo ' || g, 'AGENCY',
       'don vi do ' || g, 0, now()
from generate_series(0, 9999) g;
insert into asset_replica (id, organization_code, org_path, hostname, version, updated_at)
select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'BX$run-' || (g % 10000),
       '/BENCHX-$run/BX$run-' || (g % 10000) || '/', 'h' || g, 0, now()
from generate_series(0, 499999) g;
-- Two addresses per asset: 20.x.y.z and 21.x.y.z (public: botnet lists skip private space).
insert into asset_address_replica (asset_id, address)
select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
       ((20 + k) || '.' || (g / 65536) || '.' || (g / 256 % 256) || '.' || (g % 256))::inet
from generate_series(0, 499999) g cross join generate_series(0, 1) k;
-- One product per asset: 1,000 kinds, versions 1.<g%20+1>.<g%7+1> (keys as VersionKey writes them).
insert into installed_product (asset_id, position, identity, vendor, product, version, version_key)
select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 0, 'name:benchvendor:product' || (g % 1000),
       'BenchVendor', 'Product' || (g % 1000), '1.' || (g % 20 + 1) || '.' || (g % 7 + 1),
       '5b0' || '5b1' || '5' || chr(97 + length((g % 20 + 1)::text)) || (g % 20 + 1)
             || '5' || chr(97 + length((g % 7 + 1)::text)) || (g % 7 + 1) || '3'
from generate_series(0, 499999) g;
-- 10,000 constituency ranges: 23.16.0.0/24, 23.16.1.0/24, ... (no asset lives there).
insert into constituency_range (organization_code, org_path, network, wide)
select 'BX$run-' || g, '/BENCHX-$run/BX$run-' || g || '/',
       ('23.' || (16 + g / 256) || '.' || (g % 256) || '.0/24')::cidr, false
from generate_series(0, 9999) g;
insert into constituency_bucket (bucket, organization_code, network)
select set_masklen(network, 16), organization_code, network from constituency_range
where org_path like '/BENCHX-$run/%';
analyze asset_replica; analyze asset_address_replica; analyze installed_product;
analyze constituency_range; analyze constituency_bucket;
SQL
}

# 1,000,000 lines: HITS asset addresses, 1,000 addresses in constituency ranges, the rest in 45.0.0.0/8.
generate_botnet_list() {
  local hits=$1
  awk -v hits="$hits" 'BEGIN {
    print "# benchmark botnet list"
    for (i = 0; i < 1000000; i++) {
      if (i < hits) { g = (i * 37) % 500000; printf "20.%d.%d.%d\n", int(g / 65536), int(g / 256) % 256, g % 256 }
      else if (i < hits + 1000) { r = i - hits; printf "23.%d.%d.%d mirai\n", 16 + int(r * 10 / 256), (r * 10) % 256, 7 }
      else { printf "45.%d.%d.%d\n", int(i / 65536) % 256, int(i / 256) % 256, i % 256 }
    }
  }'
}

advisory_with_50_ranges() {
  local run=$1
  awk -v run="$run" 'BEGIN {
    printf "{\"reference\":\"BENCH-ADV-%s\",\"issuer\":\"bench\",\"title\":\"50 ranges\",\"issuedOn\":\"2026-01-01\",", run
    printf "\"severity\":\"HIGH\",\"affected\":["
    for (k = 0; k < 50; k++) {
      printf "%s{\"vendor\":\"BenchVendor\",\"product\":\"Product%d\",\"startIncluding\":\"1.%d\",\"endExcluding\":\"1.%d.5\"}", \
        (k ? "," : ""), k * 20, (k % 10) + 1, (k % 10) + 5
    }
    print "]}"
  }'
}

cleanup_read_model() {
  local run=$1
  # Rows a consumer writes after the deletion would stay behind: let them finish first.
  bench_wait_applied >/dev/null || true
  local exposures="select id from exposure where org_path like '/BENCHX-$run/%'
      or botnet_list_id in (select id from botnet_list where reference in ('BENCH-$run', 'BENCH-$run-AGAIN'))
      or advisory_id in (select id from advisory where reference in ('BENCH-ADV-$run', 'BENCH-ADV-$run-HELD'))"
  bench_advisory_psql -c "copy ($exposures) to stdout" | bench_forget_exposure_replicas
  bench_advisory_psql <<SQL >/dev/null
create temp table bench_exposure as $exposures;
delete from exposure_history where exposure_id in (select id from bench_exposure);
delete from exposure where id in (select id from bench_exposure);
delete from botnet_entry where list_id in (select id from botnet_list where reference in ('BENCH-$run', 'BENCH-$run-AGAIN'));
delete from botnet_list where reference in ('BENCH-$run', 'BENCH-$run-AGAIN');
delete from asset_rematch where asset_id in (select id from asset_replica where org_path like '/BENCHX-$run/%');
delete from advisory where reference in ('BENCH-ADV-$run', 'BENCH-ADV-$run-HELD')
    or cves && array(select 'CVE-2026-' || (2000000 + ($run % 1000) * 1000 + g) from generate_series(0, 999) g);
delete from constituency_bucket where organization_code like 'BX$run-%';
delete from constituency_range where org_path like '/BENCHX-$run/%';
delete from installed_product where asset_id in (select id from asset_replica where org_path like '/BENCHX-$run/%');
delete from asset_address_replica where asset_id in (select id from asset_replica where org_path like '/BENCHX-$run/%');
delete from asset_replica where org_path like '/BENCHX-$run/%';
delete from organization_replica where path like '/BENCHX-$run/%';
SQL
  # A million dead entries left to autovacuum would slow the next run's index scans.
  bench_advisory_psql -c "vacuum analyze botnet_entry" -c "vacuum analyze asset_address_replica" \
    -c "vacuum analyze installed_product" -c "vacuum analyze asset_replica" >/dev/null
  # The run's agencies (BX<run>-<n>) and their parent (BENCHX-<run>), told of every incident they reported.
  bench_forget_downstream "B%X$run%"
}

# Step 5: a list naming the hit addresses again, withdrawn; the withdrawal hands the hits over before it answers.
bench_withdrawal() {
  local run=$1 hits=$2 work=$3 gateway feed list response t0 t1 kept
  gateway="http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
  feed=$(token_for national-feed)
  head -n $((hits + 1001)) "$work/botnet.txt" > "$work/again.txt"
  bench_wait_applied >/dev/null || true   # the steps before are not timed with it
  say "A second list naming the $hits hit addresses and 1,000 constituency entries: the open hits move under it"
  t0=$(millis)
  response=$(curl -fsS -X POST "$gateway/api/v1/botnet-lists?reference=BENCH-$run-AGAIN&issuer=BENCH-$run&kind=AD_HOC" \
    -H "Authorization: Bearer $feed" -H 'Content-Type: text/plain' --data-binary @"$work/again.txt")
  t1=$(millis)
  list=$(echo "$response" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  local applied="its events not all applied within 300 s"
  bench_wait_applied >/dev/null && applied=$(printf 'its events applied by every read model %.1f s after the answer' \
    "$(echo "($(millis) - $t1) / 1000" | bc -l)")
  printf 'again    %s hit addresses and 1,000 constituency entries named by a second list: answered in %.2f s (%s); %s\n' \
    "$hits" "$(echo "($t1 - $t0) / 1000" | bc -l)" "$(echo "$response" | grep -o '"matching":{[^}]*}')" \
    "$applied" | tee -a "$report"
  echo "quiet    $(bench_quiet) (not part of any figure)" | tee -a "$report"
  say "Withdrawing a list that names the $hits hit addresses and 1,000 constituency entries again: handed over to the first list"
  t0=$(millis)
  response=$(curl -fsS -X POST "$gateway/api/v1/botnet-lists/$list/withdrawal" -H "Authorization: Bearer $feed" \
    -H 'Content-Type: application/json' -d '{"reason":"benchmark"}')
  t1=$(millis)
  kept=$(bench_advisory_psql -Atc "select count(*) filter (where x.asset_id is not null) || ' asset hits and '
      || count(*) filter (where x.asset_id is null) || ' constituency hits'
    from exposure x join botnet_list l on l.id = x.botnet_list_id where l.reference = 'BENCH-$run' and x.status = 'OPEN'")
  printf 'withdraw a list of %s hit addresses and 1,000 constituency entries: answered in %.2f s (%s); %s open under the first list\n' \
    "$hits" "$(echo "($t1 - $t0) / 1000" | bc -l)" "$(echo "$response" | grep -o '"exposuresClosed":[0-9]*')" \
    "$kept" | tee -a "$report"
}

# Step 6: KEV hits an advisory held back, found by the rematch job once it is withdrawn.
bench_rematch_kev() {
  local run=$1 hits=$2 gateway authority feed advisory response t0 t1 t2 left found products=$(( $2 / 500 ))
  gateway="http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
  authority=$(token_for authority); feed=$(token_for national-feed)
  awk -v run="$run" -v n="$products" 'BEGIN {
    printf "{\"reference\":\"BENCH-ADV-%s-HELD\",\"issuer\":\"bench\",\"title\":\"versions nobody runs\",", run
    printf "\"issuedOn\":\"2026-01-01\",\"severity\":\"HIGH\",\"cves\":["
    for (k = 0; k < n; k++) printf "%s\"CVE-2026-%d\"", (k ? "," : ""), 2000000 + (run % 1000) * 1000 + k
    printf "],\"affected\":["
    for (k = 0; k < n; k++) printf "%s{\"vendor\":\"BenchVendor\",\"product\":\"Product%d\",\"startIncluding\":\"9.0\",\"endExcluding\":\"9.1\"}", (k ? "," : ""), k
    print "]}"
  }' > "$work/held.json"
  awk -v run="$run" -v n="$products" 'BEGIN {
    printf "{\"title\":\"CISA Catalog of Known Exploited Vulnerabilities\",\"catalogVersion\":\"%s\",\"count\":%d,\"vulnerabilities\":[", run, n
    for (k = 0; k < n; k++) {
      printf "%s{\"cveID\":\"CVE-2026-%d\",\"vendorProject\":\"BenchVendor\",\"product\":\"Product%d\",", (k ? "," : ""), 2000000 + (run % 1000) * 1000 + k, k
      printf "\"vulnerabilityName\":\"BenchVendor Product%d Vulnerability\",\"dateAdded\":\"2026-11-01\",", k
      printf "\"shortDescription\":\"A vulnerability.\",\"requiredAction\":\"Apply updates per vendor instructions.\","
      printf "\"dueDate\":\"2026-11-22\",\"knownRansomwareCampaignUse\":\"Unknown\",\"notes\":\"\"}"
    }
    print "]}"
  }' > "$work/kev.json"
  advisory=$(curl -fsS -X POST "$gateway/api/v1/advisories" -H "Authorization: Bearer $authority" \
    -H 'Content-Type: application/json' --data-binary @"$work/held.json" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -fsS -o /dev/null -X POST "$gateway/api/v1/advisories/imports/kev" -H "Authorization: Bearer $feed" \
    -H 'Content-Type: application/json' --data-binary @"$work/kev.json" || die "The KEV catalogue was refused"
  bench_wait_applied >/dev/null || true
  echo "quiet    $(bench_quiet) (not part of any figure)" | tee -a "$report"
  say "Withdrawing an advisory that held back $hits KEV name-only hits: the rematch job finds them"
  t0=$(millis)
  response=$(curl -fsS -X POST "$gateway/api/v1/advisories/$advisory/withdrawal" -H "Authorization: Bearer $authority" \
    -H 'Content-Type: application/json' -d '{"reason":"benchmark"}')
  t1=$(millis)
  while left=$(bench_advisory_psql -Atc "select count(*) from asset_rematch where failed_at is null"); [ "$left" -gt 0 ]; do
    [ $(( $(millis) - t0 )) -lt 600000 ] || break
    sleep 0.2
  done
  t2=$(millis)
  found=$(bench_advisory_psql -Atc "select count(*) from exposure where org_path like '/BENCHX-$run/%'
    and status = 'TO_CONFIRM' and advisory_id in (select id from advisory where source_format = 'KEV')")
  printf 'rematch  withdraw an advisory that held %s products back from %s KEV entries: answered in %.2f s; matched again %.1f s after the answer (%s requests left); %s hits to confirm found\n' \
    "$products" "$products" "$(echo "($t1 - $t0) / 1000" | bc -l)" "$(echo "($t2 - $t1) / 1000" | bc -l)" "$left" "$found" | tee -a "$report"
}

# Step 3b: the list's exposures as one CSV file through the gateway (sent as read, a page of 500 rows at a time),
# beside the same rows written by COPY in psql; the service's resident memory sampled while it sends.
bench_export() {
  local run=$1 work=$2 list token pid rss_before rss_peak sampler t0 t1 rows bytes
  list=$(bench_advisory_psql -tAc "select id from botnet_list where reference = 'BENCH-$run'")
  token=$(token_for authority)
  pid=$(cat "$CANHGAC_STATE/pids/advisory-service.pid")
  rss_before=$(ps -o rss= -p "$pid" | awk '{printf "%.0f", $1/1024}')
  say "The list's exposures as one CSV file through the gateway"
  ( peak=0; while kill -0 "$pid" 2>/dev/null; do
      r=$(ps -o rss= -p "$pid" | tr -d ' '); [ "${r:-0}" -gt "$peak" ] && peak=$r; echo "$peak" > "$work/rss-peak"; sleep 0.2
    done ) & sampler=$!
  t0=$(millis)
  curl -fsS -o "$work/export.csv" "$gateway/api/v1/exposures/export?botnetListId=$list" -H "Authorization: Bearer $token"
  t1=$(millis)
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  rss_peak=$(awk '{printf "%.0f", $1/1024}' "$work/rss-peak")
  rows=$(( $(grep -c $'\r$' "$work/export.csv") - 1 ))
  bytes=$(du -h "$work/export.csv" | cut -f1)
  printf 'export   %s exposures of the list as CSV (%s) through the gateway: %.2f s; advisory-service RSS %s MiB before, %s MiB at most while sending\n' \
    "$rows" "$bytes" "$(echo "($t1 - $t0) / 1000" | bc -l)" "$rss_before" "$rss_peak" | tee -a "$report"
  local plain
  plain=$(bench_advisory_psql <<SQL
\timing on
\copy (select x.organization_code, x.hostname, x.network, x.source_kind, coalesce(v.reference, l.reference), v.revision, x.subject, x.matched, x.severity, x.status, x.due_on, x.detected_at, x.status_changed_at, x.status_changed_by, v.remediation, x.id from exposure x left join advisory v on v.id = x.advisory_id left join botnet_list l on l.id = x.botnet_list_id where x.botnet_list_id = '$list' order by x.due_on, x.id) to '/dev/null' csv header
SQL
)
  echo "$plain" | grep -E "^Time" | awk '{printf "baseline the same rows by COPY in psql: %.2f s\n", $2 / 1000}' | tee -a "$report"
}

cmd_bench_exposures() {
  local hits=${1:-10000}
  find_java
  http_ok "http://$CANHGAC_HOST:$(management_port gateway)/q/health/ready" || die "Start the platform first: ./canhgac up"
  mkdir -p "$BENCH_DIR"
  local run stamp report gateway feed authority work t0 t1 ms response io0
  run=$(date +%s); stamp=$(date -u +%Y%m%dT%H%M%SZ); report="$BENCH_DIR/exposures-$stamp.txt"
  gateway="http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
  work=$(mktemp -d); chmod 755 "$work"
  BENCH_WORK=$work; BENCH_RUN=$run
  trap 'rm -rf "$BENCH_WORK"; cleanup_read_model "$BENCH_RUN"; gateway_restore' EXIT
  gateway_unthrottled
  { echo "Canh Gác matching benchmark, $stamp, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
    echo "JVM $(java -version 2>&1 | head -1), services -Xmx512m SerialGC (as ./canhgac up starts them)"; } | tee "$report"

  say "Seeding the read model: 500,000 assets, 1,000,000 addresses, 500,000 products, 10,000 constituency ranges"
  t0=$(millis); seed_read_model "$run"; t1=$(millis)
  echo "seed     read model written by SQL in $(( (t1 - t0) / 1000 )) s (not part of any figure)" | tee -a "$report"

  generate_botnet_list "$hits" > "$work/botnet.txt"
  sed -e '/^#/d' -e 's/ .*//' "$work/botnet.txt" > "$work/entries.txt"; chmod 644 "$work/entries.txt"
  echo "quiet    $(bench_quiet) (not part of any figure)" | tee -a "$report"

  # The baseline runs first: run after the import, it shared the cores with incident- and notification-service
  # applying the list's hits, and took 2.8-6.0 s instead of about 1.5 s.
  say "The same join as plainly as possible: COPY the entries, one SQL query"
  local plain
  plain=$(bench_advisory_psql <<SQL
-- The session settings the service's import runs with (no JIT, work_mem 256MB).
set jit = off;
set work_mem = '256MB';
\timing on
create temp table plain_entry (network cidr);
\copy plain_entry from '$work/entries.txt'
select count(*) from plain_entry e join asset_address_replica a on a.address = e.network;
select count(*) from plain_entry e join constituency_bucket b on b.bucket = set_masklen(e.network, 16) and e.network <<= b.network;
SQL
)
  echo "$plain" | grep -E "^Time" | awk '{s += $2} END {printf "baseline COPY of the entries + two join queries (assets, ranges): %.1f s\n", s / 1000}' | tee -a "$report"
  echo "$plain" | grep -vE "^Time|^$" | sed 's/^/    counts: /' | tee -a "$report"

  say "Botnet list of 1,000,000 entries ($hits asset hits, 1,000 constituency hits) through the gateway"
  feed=$(token_for national-feed)
  t0=$(millis); io0=$(io_stalled_us)
  response=$(curl -fsS -X POST "$gateway/api/v1/botnet-lists?reference=BENCH-$run&issuer=BENCH-$run&kind=AD_HOC" \
    -H "Authorization: Bearer $feed" -H 'Content-Type: text/plain' --data-binary @"$work/botnet.txt")
  t1=$(millis); ms=$((t1 - t0))
  printf 'botnet   1,000,000 entries (%s) imported and matched against 1,000,000 addresses and 10,000 ranges: %.1f s; %s; %s\n' \
    "$(du -h "$work/botnet.txt" | cut -f1)" "$(echo "$ms / 1000" | bc -l)" "$(echo "$response" | grep -o '"matching":{[^}]*}')" \
    "$(io_stalled "$io0" "$t0")" | tee -a "$report"
  local phases
  phases=$(grep -a "Botnet list BENCH-$run:" "$CANHGAC_STATE/logs/advisory-service.log" | tail -1 \
    | grep -oE '[0-9]+ entries read.*matched in [0-9]+ ms' || echo "not found in advisory-service's log")
  echo "    phases: $phases" | tee -a "$report"

  # The hits' events are applied by the other read models before the next figure, which would share the cores.
  local applied="the list's events applied" t_sent
  t_sent=$(millis); io0=$(io_stalled_us)
  bench_wait_applied || applied="the list's events NOT all applied after 5 minutes"
  printf 'events   the list'"'"'s events sent by the relay and applied by every read model %.1f s after the answer (polled every 2 s); %s\n' \
    "$(echo "($(millis) - $t_sent) / 1000" | bc -l)" "$(io_stalled "$io0" "$t_sent")" | tee -a "$report"
  echo "    last busy: $BENCH_APPLIED" | tee -a "$report"
  echo "quiet    $applied; $(bench_quiet) (not part of any figure)" | tee -a "$report"
  bench_export "$run" "$work"

  say "Advisory with 50 affected ranges against 500,000 installed products, through the gateway"
  authority=$(token_for authority)
  advisory_with_50_ranges "$run" > "$work/advisory.json"
  t0=$(millis)
  response=$(curl -fsS -X POST "$gateway/api/v1/advisories" -H "Authorization: Bearer $authority" \
    -H 'Content-Type: application/json' --data-binary @"$work/advisory.json")
  t1=$(millis); ms=$((t1 - t0))
  printf 'advisory 50 ranges matched against 500,000 installed products: %.2f s; %s\n' \
    "$(echo "$ms / 1000" | bc -l)" "$(echo "$response" | grep -o '"matching":{[^}]*}')" | tee -a "$report"
  plain=$(bench_advisory_psql <<SQL
\timing on
select count(*) from affected_product r join advisory v on v.id = r.advisory_id and v.reference = 'BENCH-ADV-$run'
join installed_product p on p.identity = r.identity and p.version_key >= r.lower_key and p.version_key < r.upper_key;
SQL
)
  echo "$plain" | grep -E "^Time" | awk '{printf "baseline the same join in one SQL query: %.2f s\n", $2 / 1000}' | tee -a "$report"
  echo "$plain" | grep -vE "^Time|^$" | sed 's/^/    matches: /' | tee -a "$report"
  bench_withdrawal "$run" "$hits" "$work"
  bench_rematch_kev "$run" "$hits" "$work"
  local rss; rss=$(ps -o rss= -p "$(cat "$CANHGAC_STATE/pids/advisory-service.pid")" | awk '{printf "%.0f", $1/1024}')
  echo "advisory-service RSS after: $rss MiB" | tee -a "$report"
  ok "Benchmark written to $report"
}
