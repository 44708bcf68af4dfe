# ./canhgac bench console [ORGANIZATIONS] [ASSETS_EACH] [INCIDENTS]: the console's overview for a coordinator whose
# scope holds ORGANIZATIONS organisations (500), ORGANIZATIONS × ASSETS_EACH exposures (10,000) and INCIDENTS
# incidents (1,000), on the platform ./canhgac up started. Seeds through the API (the gateway's rate limit lifted
# meanwhile), waits until the exposures are all counted, then times the overview in Chromium and runs Lighthouse.

cmd_bench_console() {
  local organizations=${1:-500} each=${2:-20} incidents=${3:-1000} run gateway out
  find_java
  run=$(date +%H%M%S)
  gateway="http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
  mkdir -p "$BENCH_DIR"; out="$BENCH_DIR/console-$(date +%Y%m%d-%H%M%S).txt"
  ensure_chromium
  gateway_unthrottled
  say "Seeding $organizations organisations, $((organizations * each)) assets, $incidents incidents under STTTT-KH"
  (cd "$CONSOLE_DIR" && node scripts/seed-scope.mjs "$gateway" "$CANHGAC_KEYCLOAK_URL" "$run" "$organizations" "$each" "$incidents") \
    | tee "$out" || { gateway_restore; die "Seeding failed"; }
  say "Waiting until the exposure summary counts them"
  local token open=0 tries=0
  token=$(token_for khanhhoa-coordinator)
  until [ "$open" -ge $((organizations * each)) ] || [ $tries -ge 600 ]; do
    sleep 1; tries=$((tries + 1))
    open=$(curl -s -H "Authorization: Bearer $token" "$gateway/api/v1/exposures/breakdown" \
      | python3 -c 'import json,sys; print(sum(s["open"] for s in json.load(sys.stdin)["bySeverity"]))')
  done
  echo "exposures still to fix in the coordinator's scope: $open (counted after ${tries} s)" | tee -a "$out"
  gateway_restore
  (cd "$CONSOLE_DIR" && node scripts/overview-timing.mjs "$gateway" khanhhoa-coordinator 5 && \
    node scripts/lighthouse.mjs "$gateway" khanhhoa-coordinator) | tee -a "$out"
  ok "Results in $out"
}
