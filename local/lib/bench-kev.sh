# A KEV catalogue imported on a large inventory of few distinct products (docs/performance.md, issue 13, fifth
# part). The advisory-service read model is padded with PAD installed products (default 14,000,000), spread evenly
# over the product identities it already holds, as years of benchmark imports leave it; then a catalogue of 1,400
# entries (four naming products the inventory has, as in `bench freshness`) is imported through the gateway and
# timed. The padding belongs to no asset: it weighs on every lookup of its products but is never a hit. Padding,
# catalogue and exposures are removed at the end.
#
#   ./canhgac bench kev [PAD]   needs ./canhgac up and the assets of a `./canhgac bench freshness` run

source "$CANHGAC_ROOT/local/lib/bench-freshness.sh"

# Marks the padding: no installed product of a real asset is at this position.
KEV_PAD_POSITION=1000000

kev_unpad() {
  freshness_advisory_psql -c "delete from installed_product where position = $KEV_PAD_POSITION" \
    -c "vacuum analyze installed_product" >/dev/null
}

cmd_bench_kev() {
  local pad=${1:-14000000}
  find_java
  http_ok "http://$CANHGAC_HOST:$(management_port gateway)/q/health/ready" || die "Start the platform first: ./canhgac up"
  [ "$(freshness_advisory_psql -Atc "select count(*) > 0 from installed_product")" = t ] \
    || die "The inventory is empty: run ./canhgac bench freshness first"
  mkdir -p "$BENCH_DIR"
  local run stamp report work t0 t1 answer
  run=$(date +%s); stamp=$(date -u +%Y%m%dT%H%M%SZ); report="$BENCH_DIR/kev-$stamp.txt"
  work=$(mktemp -d)
  BENCH_WORK=$work; BENCH_RUN=$run
  trap 'rm -rf "$BENCH_WORK"; kev_unpad; freshness_cleanup "$BENCH_RUN" KEV-BENCH-NONE' EXIT
  echo "Canh Gác KEV benchmark, $stamp, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)" \
    | tee "$report"

  say "Padding the read model with $pad installed products"
  t0=$(millis)
  freshness_advisory_psql >/dev/null <<SQL
insert into installed_product (asset_id, position, identity, vendor, product, version, version_key, stream)
select gen_random_uuid(), $KEV_PAD_POSITION, i.identity, i.vendor, i.product, i.version, i.version_key, i.stream
from (select distinct on (identity) * from installed_product order by identity) i
cross join generate_series(1, ceil($pad::numeric / (select count(distinct identity) from installed_product))::int);
analyze installed_product;
SQL
  t1=$(millis)
  freshness_advisory_psql -Atc "select 'inventory ' || count(*) || ' installed products of ' || count(distinct asset_id)
      filter (where position <> $KEV_PAD_POSITION) || ' assets, ' || count(distinct identity) || ' distinct products'
      from installed_product" | tee -a "$report"
  echo "padding  added in $(( (t1 - t0) / 1000 )) s (not part of the figure)" | tee -a "$report"

  say "Importing a KEV catalogue of 1,400 entries through the gateway"
  freshness_kev "$run" > "$work/kev.json"
  t0=$(millis)
  answer=$(curl -fsS -X POST "http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT/api/v1/advisories/imports/kev" \
    -H "Authorization: Bearer $(token_for authority)" -H 'Content-Type: application/json' \
    --data-binary @"$work/kev.json") || die "The KEV import failed"
  t1=$(millis)
  printf 'import   1,400 entries answered in %.1f s, exposures %s\n' "$(echo "($t1 - $t0) / 1000" | bc -l)" \
    "$(echo "$answer" | grep -oE '"exposures":\{[^}]*\}' | cut -d: -f2-)" | tee -a "$report"
  ok "Benchmark written to $report"
}
