# How fresh the exposures are after an import (issue 13), against the platform ./canhgac up started.
#
#   ./canhgac bench freshness [ASSETS] [hold]
#
# 1. The platform holds what a national deployment would: a KEV catalogue of 1,400 entries and 600 other
#    advisories with version ranges (2,000 active advisories), and a botnet list of 1,000,000 entries, all published
#    through the gateway. Some of them name the products and addresses the import will bring; most name nothing here.
# 2. ASSETS assets (default 100,000; five products and one public address each) are imported as one CSV file
#    through the gateway, as an agency would.
# 3. From the import's answer, the agency's exposure summary is read through the gateway every half second, as a
#    console would: the figure is the time until it shows the final count (the count no longer changes and the
#    read model says nothing is waiting to be applied).
# 4. The same file is imported again, as the agency's next scan would (nothing changed but the assets' versions):
#    the time until every read model has applied it.
# With "hold", incident- and notification-service are stopped from before the import until the figure, then started
# again and their catch-up of the backlog timed (see freshness_release).
# Everything it publishes is removed at the end (by SQL), its assets included, once every read model has applied
# what it has; the tables it emptied are rewritten (VACUUM FULL: it needs their size again in free disk, briefly).

freshness_advisory_psql() { psql_admin -d advisory "$@"; }

# The KEV catalogue: 1,400 entries as CISA writes them. Four name products the import brings (Zimbra, BIG-IP,
# Exchange, Log4j: all in the real catalogue), the rest products nobody here has.
freshness_kev() {
  local run=$1
  awk -v run="$run" 'BEGIN {
    split("Synacor|Zimbra Collaboration Suite (ZCS);F5|BIG-IP;Microsoft|Exchange Server;Apache|Log4j2", hit, ";")
    printf "{\"title\":\"CISA Catalog of Known Exploited Vulnerabilities\",\"catalogVersion\":\"%s\",", run
    printf "\"dateReleased\":\"2026-11-30T17:00:00.000Z\",\"count\":1400,\"vulnerabilities\":["
    for (i = 0; i < 1400; i++) {
      if (i < 4) { split(hit[i + 1], f, "|"); vendor = f[1]; product = f[2] }
      else { vendor = "Kevvendor" (i % 300); product = "Kevproduct " i }
      printf "%s{\"cveID\":\"CVE-2026-%d\",\"vendorProject\":\"%s\",\"product\":\"%s\",", (i ? "," : ""), 1000000 + (run % 1000) * 2000 + i, vendor, product
      printf "\"vulnerabilityName\":\"%s %s Vulnerability\",\"dateAdded\":\"2026-11-01\",", vendor, product
      printf "\"shortDescription\":\"%s %s contains a vulnerability.\",", vendor, product
      printf "\"requiredAction\":\"Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable.\","
      printf "\"dueDate\":\"2026-11-22\",\"knownRansomwareCampaignUse\":\"Unknown\",\"notes\":\"\",\"cwes\":[\"CWE-20\"]}"
    }
    print "]}"
  }'
}

# Advisory K of the 600: the first ten name versions the import brings, the others products nobody here has.
freshness_advisory() {
  local run=$1 k=$2
  awk -v run="$run" -v k="$k" 'BEGIN {
    split("nginx|nginx|1.20.0|1.25.3;Apache|HTTP Server|2.4.0|2.4.58;OpenSSL|OpenSSL|3.0.0|3.0.13;Oracle|MySQL|8.0.0|8.0.36;PostgreSQL|PostgreSQL|15.0|15.5;OpenBSD|OpenSSH|9.0|9.6;nginx|nginx|1.0|1.2;Apache|HTTP Server|2.2.0|2.2.34;OpenSSL|OpenSSL|1.1.1|1.1.1w;Oracle|MySQL|5.7.0|5.7.44", r, ";")
    if (k < 10) { split(r[k + 1], f, "|") } else { f[1] = "Benchvendor" (k % 97); f[2] = "Benchproduct " k; f[3] = "1.0"; f[4] = "2.0" }
    printf "{\"reference\":\"FRESH-%s-%d\",\"issuer\":\"NCSC\",\"title\":\"%s %s\",\"issuedOn\":\"2026-11-30\",", run, k, f[1], f[2]
    printf "\"severity\":\"%s\",\"cves\":[\"CVE-2026-%d\"],", (k % 3 ? "HIGH" : "CRITICAL"), 1000000 + (run % 1000) * 2000 + 1400 + k
    printf "\"affected\":[{\"vendor\":\"%s\",\"product\":\"%s\",\"startIncluding\":\"%s\",\"endExcluding\":\"%s\"}]}", f[1], f[2], f[3], f[4]
  }'
}

# The import's assets: asset I has address 27.N.x.y (public; N chosen per run) and five of ten products.
freshness_csv() {
  local assets=$1 org=$2 run=$3 net=$4
  awk -v n="$assets" -v org="$org" -v run="$run" -v net="$net" 'BEGIN {
    print "organization,external_id,hostname,kind,operating_system,addresses,products"
    split("nginx|nginx|1.24.0;Apache|HTTP Server|2.4.57;OpenSSL|OpenSSL|3.0.11;Oracle|MySQL|8.0.35;PostgreSQL|PostgreSQL|15.4;Synacor|Zimbra Collaboration|8.8.15;F5|BIG-IP|16.1.4;Microsoft|Exchange Server|2016;Apache|Log4j|2.17.1;OpenBSD|OpenSSH|9.3p1", p, ";")
    for (i = 0; i < n; i++) {
      products = p[i % 10 + 1] ";" p[(i + 1) % 10 + 1] ";" p[(i + 3) % 10 + 1] ";" p[(i + 5) % 10 + 1] ";" p[(i + 7) % 10 + 1]
      printf "%s,F%s-%d,fresh-%s-%d.example.gov.vn,server,Ubuntu 22.04,27.%d.%d.%d,\"%s\"\n", \
        org, run, i, run, i, net + int(i / 65536), int(i / 256) % 256, i % 256, products
    }
  }'
}

# 1,000,000 entries: every tenth asset of the import (10,000 of 100,000), the rest in 45.0.0.0/8.
freshness_list() {
  local assets=$1 net=$2
  awk -v n="$assets" -v net="$net" 'BEGIN {
    print "# benchmark botnet list"
    hits = 0
    for (i = 0; i < n; i += 10) { printf "27.%d.%d.%d\n", net + int(i / 65536), int(i / 256) % 256, i % 256; hits++ }
    for (i = hits; i < 1000000; i++) printf "45.%d.%d.%d\n", int(i / 65536) % 256, int(i / 256) % 256, i % 256
  }'
}

freshness_cleanup() {
  local run=$1 org=$2
  # Rows a consumer writes after the deletion would stay behind: let them finish first.
  bench_wait_applied || true
  # CVE-2026-N: N from 1,000,000 + (run mod 1,000) × 2,000, one per advisory of the run.
  local advisories="select id from advisory
      where cves && array(select 'CVE-2026-' || (1000000 + ($run % 1000) * 2000 + g) from generate_series(0, 1999) g)"
  local exposures="select id from exposure where organization_code = '$org' or advisory_id in ($advisories)
      or botnet_list_id in (select id from botnet_list where reference = 'FRESH-$run')"
  freshness_advisory_psql -c "copy ($exposures) to stdout" | bench_forget_exposure_replicas
  freshness_advisory_psql <<SQL >/dev/null
create temp table fresh_advisory as $advisories;
create temp table fresh_list as select id from botnet_list where reference = 'FRESH-$run';
create temp table fresh_exposure as $exposures;
delete from exposure_history where exposure_id in (select id from fresh_exposure);
delete from exposure where id in (select id from fresh_exposure);
delete from advisory where id in (select id from fresh_advisory);
delete from botnet_entry where list_id in (select id from fresh_list);
delete from botnet_list where id in (select id from fresh_list);
$FRESHNESS_FLOOR_DROP
SQL
  bench_rewrite advisory botnet_entry exposure exposure_history
  bench_forget_assets "$org"
}

# The floor's copies, also dropped by the cleanup: a run stopped while they were full would leave gigabytes behind.
FRESHNESS_FLOOR_DROP="set client_min_messages = warning; drop table if exists freshness_floor_asset, freshness_floor_address, freshness_floor_product,
    freshness_floor_exposure, freshness_floor_history, freshness_floor_outbox;"

# freshness_floor ORG: the physical limit beside the figure. What the run made advisory-service's read model store (the
# assets' replica with their addresses and products, the exposures, a history row and an event each) is written
# again, once the machine is quiet, into empty copies of its tables with the same indexes, in one transaction: a design
# that stores these rows cannot make them visible faster. Finding the hits is not in it, nor the exposure table's
# triggers (its tally): a lower bound. Answers seconds.
freshness_floor() {
  local org=$1
  freshness_advisory_psql -At <<SQL | tail -1
\set ON_ERROR_STOP on
\set QUIET on
$FRESHNESS_FLOOR_DROP
create temp table src_asset as select * from asset_replica where organization_code = '$org';
create temp table src_address as select * from asset_address_replica where asset_id in (select id from src_asset);
create temp table src_product as select * from installed_product where asset_id in (select id from src_asset);
create temp table src_exposure as select * from exposure where organization_code = '$org';
create table freshness_floor_asset (like asset_replica including all);
create table freshness_floor_address (like asset_address_replica including all);
create table freshness_floor_product (like installed_product including all);
create table freshness_floor_exposure (like exposure including all);
create table freshness_floor_history (like exposure_history including all);
create table freshness_floor_outbox (like outbox_event including all);
create temp table floor_clock as select clock_timestamp() as started;
begin;
insert into freshness_floor_asset select * from src_asset;
insert into freshness_floor_address select * from src_address;
insert into freshness_floor_product select * from src_product;
insert into freshness_floor_exposure select * from src_exposure;
insert into freshness_floor_history (exposure_id, at, actor, from_status, to_status)
select id, detected_at, status_changed_by, null, status from src_exposure;
insert into freshness_floor_outbox (event_id, topic, event_key, event_type, subject, payload, occurred_at)
select gen_random_uuid(), 'advisory.exposures', x.id::text, 'exposure.detected', x.id::text, row_to_json(x), now()
from src_exposure x;
commit;
select round(extract(epoch from clock_timestamp() - started)::numeric, 1) from floor_clock;
$FRESHNESS_FLOOR_DROP
SQL
}

# The setup publishes events too (a new advisory matches the assets earlier runs left, and a million-entry list may
# hit them): they are applied before the import, so that the figure is the import's own, as on a platform whose
# catalogue was published days before.
freshness_drain() {
  local t0
  t0=$(millis)
  bench_wait_applied 900 || die "The setup's events were not applied in 15 minutes"
  echo "drained  the setup's events applied by every read model in $(( ($(millis) - t0) / 1000 )) s (not part of the figure)" \
    | tee -a "$report"
  # Autovacuum after the setup (and after an earlier run's cleanup) would otherwise take its share of the cores
  # during the import; a deployment's catalogue has long been cleaned up after when an agency imports.
  echo "quiet    $(bench_quiet) (not part of the figure)" | tee -a "$report"
}

# The agency's count of exposures and how many events its read model still has to apply, through the gateway.
freshness_poll() {
  local token=$1 org=$2 headers count
  headers=$(mktemp)
  # The first row is the agency's own: every status counted.
  count=$(curl -fsS -D "$headers" "http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT/api/v1/exposures/summary?organization=$org" \
    -H "Authorization: Bearer $token" | awk -v RS='}' 'NR == 1' \
    | grep -oE '"(toConfirm|open|acknowledged|inProgress|mitigated|resolved|riskAccepted|falsePositive)":[0-9]+' \
    | awk -F: '{s += $2} END {print s + 0}')
  echo "${count:-0} $(awk -F': ' 'tolower($1) == "canhgac-data-behind" {print $2 + 0}' "$headers" | tr -d '\r')"
  rm -f "$headers"
}

# freshness_again CSV ASSETS: the agency's next scan. The same file imported again (every asset's version moves on
# and its event is published, its products and addresses unchanged) until every read model has applied it.
freshness_again() {
  local csv=$1 assets=$2 token t0 t1 quiet
  say "Importing the same $assets assets again, as the agency's next scan would"
  quiet=$(bench_quiet)
  token=$(token_for authority)
  cpu_mark gateway inventory-service advisory-service incident-service notification-service kafka PostgreSQL
  t0=$(millis)
  import_assets_csv "$token" "$csv" >/dev/null || die "The second import failed"
  t1=$(millis)
  bench_wait_applied 900 || die "The second import was not applied in 15 minutes"
  printf 'again    the same %d assets imported again (%s): answered in %.1f s, applied by every read model %.1f s after the answer\n' \
    "$assets" "$quiet" "$(echo "($t1 - $t0) / 1000" | bc -l)" "$(echo "($(millis) - $t1) / 1000" | bc -l)" | tee -a "$report"
  echo "cpu      from the second import until it was applied: $(cpu_shares)" | tee -a "$report"
}

# With "hold": the read models off the figure's path, incident- and notification-service (they apply the same
# exposure events, on the same cores), are stopped before the import and started again after the figure. The figure is
# then what cores of their own would give them (decision record 17, option 4), and each one's catch-up of the backlog
# the run left it is timed.
FRESHNESS_HELD=(incident-service notification-service)

# freshness_release: starts the held read models once advisory-service's relay has sent every event, and times each
# consumer group of theirs on the exposures by the offsets it commits (GroupCatchUp.java: the services' own lag
# metric appears up to a minute after their start, when a fast one is done).
freshness_release() {
  local t0 service group backlog first caught
  local out="$work/catchup.txt"
  until [ "$(outbox_backlog)" = 0 ]; do sleep 1; done
  kafka_java "$CANHGAC_ROOT/local/kafka/GroupCatchUp.java" "$CANHGAC_KAFKA_BOOTSTRAP" 1800 \
    "${FRESHNESS_HELD[@]/%/.exposures}" > "$out" 2>/dev/null &
  local watcher=$!
  until grep -q '^ready$' "$out"; do
    kill -0 "$watcher" 2>/dev/null || die "The consumer groups' offsets could not be read"
    sleep 0.2
  done
  t0=$(millis)
  for service in "${FRESHNESS_HELD[@]}"; do start_service "$service" platform; done
  wait "$watcher" || die "The held read models had not caught up after 30 minutes"
  while read -r group backlog first caught; do
    [ "$group" = ready ] && continue
    printf 'held     %-31s a backlog of %d events applied %.1f s after its start, %.1f s from its first commit (%.0f events/s)\n' \
      "$group" "$backlog" "$(echo "($caught - $t0) / 1000" | bc -l)" "$(echo "($caught - $first) / 1000" | bc -l)" \
      "$(echo "$backlog * 1000 / ($caught - $first + 1)" | bc -l)" | tee -a "$report"
  done < "$out"
}

cmd_bench_freshness() {
  local assets=${1:-100000} hold=${2:-}
  case "$hold" in ""|hold) ;; *) die "The second argument is \"hold\" or nothing" ;; esac
  find_java
  http_ok "http://$CANHGAC_HOST:$(management_port gateway)/q/health/ready" || die "Start the platform first: ./canhgac up"
  mkdir -p "$BENCH_DIR"
  local run stamp report gateway org net work token feed t0 t1 k service
  run=$(date +%s); stamp=$(date -u +%Y%m%dT%H%M%SZ); report="$BENCH_DIR/freshness-$stamp.txt"
  gateway="http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
  org="FRESH-$run"; net=$(( 64 + (run % 48) * 4 ))
  work=$(mktemp -d); chmod 755 "$work"
  BENCH_WORK=$work; BENCH_RUN=$run; BENCH_ORG=$org
  trap 'rm -rf "$BENCH_WORK"; gateway_restore; for s in "${FRESHNESS_HELD[@]}"; do start_service "$s" platform; wait_service "$s" platform; done
        freshness_cleanup "$BENCH_RUN" "$BENCH_ORG"' EXIT
  gateway_unthrottled
  { echo "Canh Gác freshness benchmark, $stamp, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
    echo "JVM $(java -version 2>&1 | head -1), services -Xmx512m SerialGC (as ./canhgac up starts them)"; } | tee "$report"

  token=$(token_for authority)
  curl -fsS -o /dev/null -X POST "$gateway/api/v1/organizations" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data "{\"code\":\"$org\",\"kind\":\"AGENCY\",\"nameVi\":\"Đo độ tươi $run\"}" \
    || die "Could not create the agency"

  say "Publishing 2,000 advisories (a KEV catalogue of 1,400, 600 others) and a botnet list of 1,000,000 entries"
  t0=$(millis)
  freshness_kev "$run" > "$work/kev.json"
  curl -fsS -o /dev/null -X POST "$gateway/api/v1/advisories/imports/kev" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary @"$work/kev.json" || die "The KEV import failed"
  for ((k = 0; k < 600; k++)); do
    (( k % 100 == 0 )) && token=$(token_for authority)
    freshness_advisory "$run" "$k" | curl -fsS -o /dev/null -X POST "$gateway/api/v1/advisories" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @- || die "Advisory $k failed"
  done
  freshness_list "$assets" "$net" > "$work/list.txt"
  feed=$(token_for national-feed)
  curl -fsS -o /dev/null -X POST "$gateway/api/v1/botnet-lists?reference=FRESH-$run&issuer=FRESH-$run&kind=AD_HOC" \
    -H "Authorization: Bearer $feed" -H 'Content-Type: text/plain' --data-binary @"$work/list.txt" \
    || die "The botnet list failed"
  t1=$(millis)
  echo "setup    2,000 advisories and a 1,000,000-entry list published in $(( (t1 - t0) / 1000 )) s (not part of the figure)" \
    | tee -a "$report"
  echo "active   $(freshness_advisory_psql -Atc "select count(*) from advisory where status = 'ACTIVE'") advisories, $(freshness_advisory_psql -Atc "select count(*) from botnet_list where withdrawn_at is null") botnet lists" | tee -a "$report"

  freshness_drain
  if [ -n "$hold" ]; then
    for service in "${FRESHNESS_HELD[@]}"; do stop_pid "$service"; done
    echo "held     incident- and notification-service stopped until the figure" | tee -a "$report"
  fi

  say "Importing $assets assets through the gateway, then reading the agency's summary until it is complete"
  freshness_csv "$assets" "$org" "$run" "$net" > "$work/assets.csv"
  token=$(token_for authority)
  cpu_mark gateway inventory-service advisory-service incident-service notification-service kafka PostgreSQL
  t0=$(millis)
  import_assets_csv "$token" "$work/assets.csv" >/dev/null || die "The import failed"
  t1=$(millis)
  local answered=$t1 count behind last=-1 last_change=$t1 token_at=$t1 now
  echo "import   $assets assets through the gateway: answered in $(echo "scale=1; ($t1 - $t0) / 1000" | bc) s" | tee -a "$report"
  while :; do
    read -r count behind < <(freshness_poll "$token" "$org")
    now=$(millis)
    if [ "$count" != "$last" ]; then last=$count; last_change=$now; fi
    # Complete: nothing waiting to be applied and the count unchanged for 10 s.
    if [ "${behind:-1}" = 0 ] && [ $((now - last_change)) -ge 10000 ] && [ "$count" -gt 0 ]; then break; fi
    [ $((now - answered)) -gt 1800000 ] && die "Not complete after 30 minutes"
    if [ $((now - token_at)) -ge 200000 ]; then token=$(token_for authority); token_at=$now; fi
    sleep 0.5
  done
  printf 'fresh    every exposure of the %d assets (%d) visible through the API %.1f s after the import answered\n' \
    "$assets" "$last" "$(echo "($last_change - $answered) / 1000" | bc -l)" | tee -a "$report"
  echo "cpu      from the import to 10 s after the final count: $(cpu_shares)" | tee -a "$report"
  [ -n "$hold" ] && freshness_release
  freshness_advisory_psql -Atc "select '    ' || kind || ': ' || n from (select source_kind || ' ' || status as kind, count(*) as n
      from exposure where organization_code = '$org' group by 1) s order by 1" | tee -a "$report"
  # The floor is measured on a quiet machine: after the other read models have applied the run's events too, and
  # after autovacuum has cleaned up after them.
  bench_wait_applied || true
  local quiet floor
  quiet=$(bench_quiet)
  floor=$(freshness_floor "$org") && [ -n "$floor" ] || die "The floor could not be measured"
  echo "floor    the same rows stored again in one transaction, the machine quiet (the assets' replica, $last exposures, their history and events): $floor s ($quiet)" \
    | tee -a "$report"
  freshness_again "$work/assets.csv" "$assets"
  ok "Benchmark written to $report"
}
