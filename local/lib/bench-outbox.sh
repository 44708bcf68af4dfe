# The outbox relay with a backlog of large events (issue 13), against the platform ./canhgac up started.
#
#   ./canhgac bench outbox [EVENTS] [MB]
#
# Writes EVENTS (default 300) events of MB megabytes each (default 2, an asset's event with an SBOM of about 9,000
# npm packages) into inventory-service's outbox in one transaction, as a broker outage during SBOM uploads would
# leave them, to a scratch topic. Then times the relay until the outbox holds none of them, sampling the service's
# heap (Micrometer) and RSS every half second, and says whether the service stayed up. The topic is deleted at the end.

cmd_bench_outbox() {
  local events=${1:-300} mb=${2:-2} run stamp report topic pid t0 t1 left heap rss max_heap=0 max_rss=0 up
  run=$(date +%s); stamp=$(date -u +%Y%m%dT%H%M%SZ); report="$BENCH_DIR/outbox-$stamp.txt"
  topic="bench.outbox-$run"; find_java
  mkdir -p "$BENCH_DIR"
  pid=$(cat "$CANHGAC_STATE/pids/inventory-service.pid")
  {
    echo "Canh Gác outbox benchmark, $stamp, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "inventory-service $(ps -o args= -p "$pid" | grep -o -- '-Xmx[^ ]*') $(ps -o args= -p "$pid" | grep -o -- '-XX:+Use[A-Za-z]*GC')"
  } | tee "$report"
  echo "quiet    $(bench_quiet) (not part of any figure)" | tee -a "$report"
  say "Writing $events events of $mb MB each into the outbox in one transaction"
  bench_psql -c "insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at)
    select gen_random_uuid(), '$topic', 'k' || g, 'canhgac.bench.v1', 'k' || g,
           json_build_object('n', g, 'blob', repeat('x', $mb * 1024 * 1024 - 32)), now()
    from generate_series(1, $events) g" >/dev/null
  t0=$(millis)
  while left=$(bench_psql -Atc "select count(*) from outbox_event where topic = '$topic'"); [ "$left" -gt 0 ]; do
    # A service too busy collecting garbage to answer, or gone, is no reason to stop measuring.
    heap=$( { curl -s -m 2 "http://$CANHGAC_HOST:$(management_port inventory-service)/q/metrics" || true; } \
      | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF; n++} END {if (n) printf "%.0f", s / 1048576}')
    rss=$( { ps -o rss= -p "$pid" 2>/dev/null || true; } | awk '{printf "%.0f", $1 / 1024}')
    [ -n "$heap" ] && [ "$heap" -gt "$max_heap" ] && max_heap=$heap
    [ -n "$rss" ] && [ "$rss" -gt "$max_rss" ] && max_rss=$rss
    [ $(( $(millis) - t0 )) -lt 600000 ] || break
    sleep 0.5
  done
  t1=$(millis)
  if kill -0 "$pid" 2>/dev/null; then up="stayed up"; else up="DIED (see .run/logs/inventory-service.log)"; fi
  printf 'outbox   %s events of %s MB: sent in %.1f s (%s left); heap at most %s MiB, RSS at most %s MiB; the service %s\n' \
    "$events" "$mb" "$(echo "($t1 - $t0) / 1000" | bc -l)" "$left" "$max_heap" "$max_rss" "$up" | tee -a "$report"
  bench_psql -c "delete from outbox_event where topic = '$topic'" >/dev/null
  kafka_java "$CANHGAC_ROOT/local/kafka/DeleteTopic.java" "$CANHGAC_KAFKA_BOOTSTRAP" "$topic" >/dev/null 2>&1 \
    || warn "The scratch topic $topic is left; the broker's retention removes it"
  ok "Benchmark written to $report"
}
