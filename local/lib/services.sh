# The five Quarkus applications, built by the Maven wrapper and run as fast-jars.
# Each environment gets its own databases and topic prefix: "platform" (./canhgac up) uses inventory, ...;
# "e2e" (the end-to-end tests) uses inventory_e2e, ... and topics prefixed "e2e.", on ports 1808x.

service_port() {
  case "$1" in
    gateway) echo "$CANHGAC_GATEWAY_PORT" ;;
    inventory-service) echo "$CANHGAC_INVENTORY_PORT" ;;
    advisory-service) echo "$CANHGAC_ADVISORY_PORT" ;;
    incident-service) echo "$CANHGAC_INCIDENT_PORT" ;;
    notification-service) echo "$CANHGAC_NOTIFICATION_PORT" ;;
  esac
}

# The management interface (metrics, detailed health, a service's OpenAPI) listens on the HTTP port + 1000.
management_port() { echo $(( $(service_port "$1") + 1000 )); }

build_services() {
  say "Building the services (Maven wrapper, JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2))"
  mvnw -f "$CANHGAC_ROOT/pom.xml" install -DskipTests "$@" || die "The build failed"
}

ensure_databases() {
  local suffix=$1 db
  for db in "${DATABASES[@]}"; do ensure_database "$db$suffix" "$db"; done
}

# start_service NAME ENV: ENV is "platform" or "e2e".
start_service() {
  local name=$1 env=$2 port db_suffix="" prefix="" tag="$1"
  port=$(service_port "$name")
  if [ "$env" = e2e ]; then db_suffix=_e2e; prefix=e2e.; tag="e2e-$name"; fi
  pid_alive "$tag" && return 0
  port_open "$CANHGAC_HOST" "$port" && die "Port $port for $name is taken: stop what uses it or set CANHGAC_*_PORT"
  local jar="$CANHGAC_ROOT/$name/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || die "$jar is missing: the build did not produce it"
  local -a props=(
    "-Dquarkus.http.port=$port" "-Dquarkus.http.host=$CANHGAC_HOST" "-Dquarkus.management.port=$((port + 1000))"
    "-Dcanhgac.keycloak.url=$CANHGAC_KEYCLOAK_URL" "-Dkafka.bootstrap.servers=$CANHGAC_KAFKA_BOOTSTRAP"
    "-Dcanhgac.db.host=$CANHGAC_HOST" "-Dcanhgac.db.port=$CANHGAC_PG_PORT"
    "-Dcanhgac.gateway.routes.inventory.url=http://$CANHGAC_HOST:$CANHGAC_INVENTORY_PORT"
    "-Dcanhgac.gateway.routes.advisory.url=http://$CANHGAC_HOST:$CANHGAC_ADVISORY_PORT"
    "-Dcanhgac.gateway.routes.incident.url=http://$CANHGAC_HOST:$CANHGAC_INCIDENT_PORT"
    "-Dcanhgac.gateway.routes.inventory.management-url=http://$CANHGAC_HOST:$(management_port inventory-service)"
    "-Dcanhgac.gateway.routes.advisory.management-url=http://$CANHGAC_HOST:$(management_port advisory-service)"
    "-Dcanhgac.gateway.routes.incident.management-url=http://$CANHGAC_HOST:$(management_port incident-service)"
    "-Dcanhgac.gateway.routes.notification.url=http://$CANHGAC_HOST:$CANHGAC_NOTIFICATION_PORT"
    "-Dcanhgac.gateway.routes.notification.management-url=http://$CANHGAC_HOST:$(management_port notification-service)"
    "-Dcanhgac.smtp.host=$CANHGAC_HOST" "-Dcanhgac.smtp.port=$CANHGAC_SMTP_PORT"
    "-Dcanhgac.console.url=http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT"
    # On this machine webhooks may reach receivers on loopback (the tests', the benchmark's); nowhere else private.
    "-Dcanhgac.webhooks.allowed-networks=${CANHGAC_WEBHOOK_ALLOWED_NETWORKS:-127.0.0.1/32}")
  [ "$name" != gateway ] && props+=("-Dcanhgac.db.name=${name%-service}$db_suffix")
  [ -n "$prefix" ] && props+=("-Dcanhgac.topics.prefix=$prefix")
  launch "$tag" java -Xms64m -Xmx512m -XX:+UseSerialGC "${props[@]}" ${CANHGAC_JAVA_OPTS:-} -jar "$jar"
}

wait_service() {
  local name=$1 env=$2 tag=$1 port
  port=$(service_port "$name")
  [ "$env" = e2e ] && tag="e2e-$name"
  wait_until 120 "$name (:$port)" http_ok "http://$CANHGAC_HOST:$(management_port "$name")/q/health/ready" || {
    tail -40 "$CANHGAC_STATE/logs/$tag.log" >&2; die "$name did not become healthy"; }
}

start_all_services() {
  local env=$1 name
  for name in "${SERVICES[@]}" gateway; do start_service "$name" "$env"; done
  for name in "${SERVICES[@]}" gateway; do wait_service "$name" "$env"; done
}

stop_all_services() {
  local env=$1 name tag
  for name in gateway "${SERVICES[@]}"; do
    tag=$name; [ "$env" = e2e ] && tag="e2e-$name"
    stop_pid "$tag"
  done
}
