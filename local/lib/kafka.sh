# Kafka in KRaft mode (one node, broker and controller) from its jars on Maven Central.
KAFKA_HOME="$CANHGAC_CACHE/kafka-$KAFKA_VERSION"
KAFKA_DATA="$CANHGAC_STATE/kafka"

kafka_install() {
  [ -f "$KAFKA_HOME/libs/kafka_2.13-$KAFKA_VERSION.jar" ] && [ -f "$KAFKA_HOME/libs/slf4j-api-2.0.17.jar" ] && return 0
  say "Fetching Kafka $KAFKA_VERSION from Maven Central"
  rm -rf "$KAFKA_HOME/libs"
  mvnw -f "$CANHGAC_ROOT/local/kafka/pom.xml" dependency:copy-dependencies -Dkafka.version="$KAFKA_VERSION" \
    -DoutputDirectory="$KAFKA_HOME/libs" -DincludeScope=runtime || die "Kafka could not be fetched"
  rm -f "$KAFKA_HOME"/libs/slf4j-api-1.*.jar
}

kafka_ready() { port_open "$CANHGAC_HOST" "$CANHGAC_KAFKA_PORT"; }

kafka_java() {
  "$JAVA_HOME/bin/java" -Xms256m -Xmx768m -XX:+UseG1GC \
    -Dlog4j2.configurationFile="$CANHGAC_ROOT/local/kafka/log4j2.yaml" -cp "$KAFKA_HOME/libs/*" "$@"
}

kafka_start() {
  kafka_install
  if kafka_ready; then
    pid_alive kafka || warn "Port $CANHGAC_KAFKA_PORT is already open: using the broker there"
    return 0
  fi
  mkdir -p "$KAFKA_DATA"
  cat >"$KAFKA_DATA/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$CANHGAC_HOST:$CANHGAC_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$CANHGAC_HOST:$CANHGAC_KAFKA_PORT,CONTROLLER://$CANHGAC_HOST:$CANHGAC_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$CANHGAC_HOST:$CANHGAC_KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.hours=168
# An asset's event with its largest SBOM (10,000 products) is several MB: see the outbox channel's max.request.size.
message.max.bytes=16777216
PROPS
  if [ ! -f "$KAFKA_DATA/data/meta.properties" ]; then
    say "Formatting Kafka storage"
    kafka_java kafka.tools.StorageTool format --standalone -t "$(kafka_java kafka.tools.StorageTool random-uuid)" \
      -c "$KAFKA_DATA/server.properties" >"$CANHGAC_STATE/logs/kafka-format.log" 2>&1 \
      || { cat "$CANHGAC_STATE/logs/kafka-format.log" >&2; die "Kafka storage could not be formatted"; }
  fi
  say "Starting Kafka on $CANHGAC_KAFKA_BOOTSTRAP"
  launch kafka "$JAVA_HOME/bin/java" -Xms256m -Xmx768m -XX:+UseG1GC \
    -Dlog4j2.configurationFile="$CANHGAC_ROOT/local/kafka/log4j2.yaml" -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$KAFKA_DATA/server.properties"
  wait_until 90 "Kafka" kafka_ready || { tail -30 "$CANHGAC_STATE/logs/kafka.log" >&2; die "Kafka did not start"; }
}

kafka_stop() { stop_pid kafka; }
