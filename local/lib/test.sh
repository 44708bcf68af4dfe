# ./canhgac test: every test against real parts. Starts what is not running, stops what it started.
#   1. unit and integration tests of every module (mvnw install): the services' @QuarkusTest suites run
#      against the real PostgreSQL (databases *_test), Kafka (topics test.*), Keycloak and SMTP server;
#   2. end-to-end tests through the gateway: the five services run as packaged jars on ports 1808x with
#      databases *_e2e and topics e2e.*, so a platform started by ./canhgac up is left alone.

started_here=()

stop_what_we_started() {
  local status=$?
  stop_all_services e2e
  local part
  for part in "${started_here[@]}"; do
    case $part in
      keycloak) keycloak_stop ;;
      kafka) kafka_stop ;;
      postgres) postgres_stop ;;
      mail) mail_stop ;;
    esac
  done
  exit $status
}

surefire_totals() {
  local tests=0 failures=0 errors=0 skipped=0 file t f e s
  for file in "$CANHGAC_ROOT"/*/target/surefire-reports/TEST-*.xml; do
    [ -f "$file" ] || continue
    read -r t f e s < <(sed -n 's/.*<testsuite[^>]* tests="\([0-9]*\)"[^>]* errors="\([0-9]*\)"[^>]* skipped="\([0-9]*\)"[^>]* failures="\([0-9]*\)".*/\1 \4 \2 \3/p' "$file" | head -1)
    tests=$((tests + ${t:-0})); failures=$((failures + ${f:-0})); errors=$((errors + ${e:-0})); skipped=$((skipped + ${s:-0}))
  done
  echo "Tests: $((tests - failures - errors - skipped)) passed, $((failures + errors)) failed, $skipped skipped"
}

cmd_test() {
  local began=$SECONDS
  find_java
  trap stop_what_we_started EXIT
  postgres_ready || started_here+=(postgres)
  kafka_ready || started_here+=(kafka)
  keycloak_ready || started_here+=(keycloak)
  mail_ready || started_here+=(mail)
  infra_up
  local db
  for db in "${DATABASES[@]}"; do
    recreate_database "${db}_test" "$db"
    recreate_database "${db}_e2e" "$db"
  done
  local -a props=("-Dcanhgac.keycloak.url=$CANHGAC_KEYCLOAK_URL" "-Dkafka.bootstrap.servers=$CANHGAC_KAFKA_BOOTSTRAP"
    "-Dcanhgac.db.host=$CANHGAC_HOST" "-Dcanhgac.db.port=$CANHGAC_PG_PORT"
    "-Dcanhgac.smtp.host=$CANHGAC_HOST" "-Dcanhgac.smtp.port=$CANHGAC_SMTP_PORT"
    "-Dcanhgac.mail.api=http://$CANHGAC_HOST:$CANHGAC_MAIL_API_PORT")

  ensure_node
  ensure_chromium
  rm -rf "$CANHGAC_ROOT"/*/target/surefire-reports "$CANHGAC_ROOT/console/target/playwright"
  say "Unit and integration tests (real PostgreSQL, Kafka, Keycloak)"
  local unit_status=0
  mvnw -f "$CANHGAC_ROOT/pom.xml" install "${props[@]}" || unit_status=$?
  surefire_totals
  [ $unit_status -eq 0 ] || die "Unit or integration tests failed (reports: */target/surefire-reports)"

  say "End-to-end tests through the gateway"
  export CANHGAC_GATEWAY_PORT=18080 CANHGAC_INVENTORY_PORT=18081 CANHGAC_ADVISORY_PORT=18082 CANHGAC_INCIDENT_PORT=18083 \
    CANHGAC_NOTIFICATION_PORT=18084
  start_all_services e2e
  load_demo_data "http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
  local e2e_status=0
  mvnw -f "$CANHGAC_ROOT/gateway/pom.xml" -Pe2e surefire:test "${props[@]}" \
    -Dcanhgac.e2e.gateway="http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT" || e2e_status=$?
  surefire_totals
  say "Browser tests of the console (Playwright, Debian's Chromium, the real Keycloak login)"
  local browser_status=0
  console_check_api "http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT" || browser_status=$?
  [ $browser_status -ne 0 ] || console_browser_tests "http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT" || browser_status=$?
  browser_totals
  echo "$((SECONDS - began))" >"$CANHGAC_STATE/test.seconds"
  [ $e2e_status -eq 0 ] || die "End-to-end tests failed (logs: .run/logs/e2e-*.log)"
  [ $browser_status -eq 0 ] || die "Browser tests failed (console/target/playwright: traces and screenshots of each failure)"
  ok "All tests passed in $((SECONDS - began)) s"
}
