# The notification benchmark of docs/performance.md (issue 14), against the platform ./canhgac up started:
#   ./canhgac bench notifications [ORGS]   a botnet list that hits ORGS organisations (default 1,000), each with a
#                                          contact (digest interval 0) and a webhook to a local receiver: the time
#                                          from the list's import returning to ORGS digests accepted by the SMTP
#                                          server and ORGS signed webhook deliveries accepted by the receiver.
# The organisations, assets, contacts and webhooks are written straight into the read models by SQL (setup, not
# measured), as the incident benchmark does; the list goes through the gateway like a national feed's. Each hit
# also opens a malware incident in incident-service, whose report is told too (at once): the figures count the
# digests of new exposures, and say how many messages went out in all.

bench_receiver() {
  # A webhook receiver as an agency would run one (the JDK's HTTP server, a thread pool): verifies each signature
  # (Standard Webhooks), counts distinct webhook-ids (digests apart), answers 204, writes its counts once a second.
  cat > "$1/Receiver.java" <<'JAVA'
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Receiver {
    public static void main(String[] args) throws Exception {
        byte[] key = Base64.getDecoder().decode(args[1].substring("whsec_".length()));
        Map<String, Long> seen = new ConcurrentHashMap<>(), digests = new ConcurrentHashMap<>();
        AtomicInteger bad = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 200);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
                byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body))).getBytes(StandardCharsets.UTF_8);
                boolean ok = false;
                for (String signature : exchange.getRequestHeaders().getFirst("webhook-signature").split(" ")) {
                    ok |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
                }
                if (ok) {
                    seen.putIfAbsent(id, System.currentTimeMillis());
                    if (new String(body, StandardCharsets.UTF_8).contains("\"type\":\"canhgac.notification.exposure-detected.v1\"")) {
                        digests.putIfAbsent(id, System.currentTimeMillis());
                    }
                } else {
                    bad.incrementAndGet();
                }
            } catch (Exception e) {
                bad.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        while (true) {
            Thread.sleep(500);
            long last = digests.values().stream().mapToLong(Long::longValue).max().orElse(0);
            Files.writeString(Path.of(args[2] + ".tmp"), "{\"verified\": " + seen.size() + ", \"digests\": "
                    + digests.size() + ", \"bad\": " + bad.get() + ", \"last\": " + last / 1000.0 + "}");
            Files.move(Path.of(args[2] + ".tmp"), Path.of(args[2]), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
JAVA
}

cmd_bench_notifications() {
  local orgs=${1:-1000}
  find_java
  http_ok "http://$CANHGAC_HOST:$(management_port notification-service)/q/health/ready" || die "Start the platform first: ./canhgac up"
  mkdir -p "$BENCH_DIR"
  local run stamp report work feed port secret t0 t1 sent_mail sent_hooks octet
  run=$(date +%s); stamp=$(date -u +%Y%m%dT%H%M%SZ); report="$BENCH_DIR/notifications-$stamp.txt"
  work=$(mktemp -d); chmod 755 "$work"; BENCH_WORK=$work
  port=$((20000 + run % 10000))
  secret="whsec_$(head -c 32 /dev/urandom | base64)"
  bench_receiver "$work"
  "$JAVA_HOME/bin/java" -Xmx256m "$work/Receiver.java" "$port" "$secret" "$work/received.json" & local receiver=$!
  BENCH_RECEIVER=$receiver
  trap 'kill "$BENCH_RECEIVER" 2>/dev/null; rm -rf "$BENCH_WORK"; gateway_restore' EXIT
  gateway_unthrottled
  { echo "Canh Gác notification benchmark, $stamp, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
    echo "JVM $(java -version 2>&1 | head -1), services -Xmx512m SerialGC (as ./canhgac up starts them)"; } | tee "$report"

  say "Setting up $orgs organisations, each with an asset, a contact and a webhook (SQL, not measured)"
  # Public addresses (botnet lists skip private and documentation ranges), a new /16 on every run.
  octet=$((64 + run % 64))
  psql_admin -d advisory <<SQL >/dev/null
insert into organization_replica (code, id, parent_code, path, name_vi, kind, search_text, version, updated_at)
select 'BN$run-' || g, gen_random_uuid(), null, '/BN$run-' || g || '/', 'Đơn vị ' || g, 'AGENCY', 'don vi', 0, now()
from generate_series(0, $orgs - 1) g;
insert into asset_replica (id, organization_code, org_path, hostname, version, updated_at)
select md5('BN$run-' || g)::uuid, 'BN$run-' || g, '/BN$run-' || g || '/', 'bn' || g, 0, now()
from generate_series(0, $orgs - 1) g;
insert into asset_address_replica (asset_id, address)
select md5('BN$run-' || g)::uuid, ('46.$octet.' || (g / 256) || '.' || (g % 256))::inet from generate_series(0, $orgs - 1) g;
SQL
  psql_admin -d notification <<SQL >/dev/null
insert into organization_replica (code, id, parent_code, path, name_vi, kind, search_text, version, updated_at)
select 'BN$run-' || g, gen_random_uuid(), null, '/BN$run-' || g || '/', 'Đơn vị ' || g, 'AGENCY', 'don vi', 0, now()
from generate_series(0, $orgs - 1) g;
insert into contact (organization_code, email, name, roles)
select 'BN$run-' || g, 'soc-' || g || '@bn$run.bench.test', 'SOC ' || g, '{SECURITY_FOCAL_POINT}' from generate_series(0, $orgs - 1) g;
insert into contact_preference (organization_code, email, channels, min_severity, digest_minutes, language, updated_at, updated_by)
select 'BN$run-' || g, 'soc-' || g || '@bn$run.bench.test', '{EMAIL}', 'LOW', 0, 'vi', now(), 'bench' from generate_series(0, $orgs - 1) g;
insert into webhook_subscription (id, organization_code, url, event_types, secret, created_at, created_by, updated_at)
select gen_random_uuid(), 'BN$run-' || g, 'http://127.0.0.1:$port/hook', '{}', '$secret', now(), 'bench', now()
from generate_series(0, $orgs - 1) g;
SQL
  awk -v octet="$octet" -v n="$orgs" 'BEGIN { for (g = 0; g < n; g++) printf "46.%d.%d.%d\n", octet, int(g / 256), g % 256 }' > "$work/hits.txt"

  say "Botnet list hitting $orgs organisations, through the gateway"
  feed=$(token_for national-feed)
  t0=$(millis)
  curl -fsS -o /dev/null -X POST "http://$CANHGAC_HOST:$CANHGAC_GATEWAY_PORT/api/v1/botnet-lists?reference=BN-$run&issuer=BN-$run" \
    -H "Authorization: Bearer $feed" -H 'Content-Type: text/plain' --data-binary @"$work/hits.txt"
  t1=$(millis)
  echo "import   list of $orgs addresses imported and matched: $(( t1 - t0 )) ms" | tee -a "$report"
  t0=$t1
  while :; do
    sent_mail=$(psql_admin -d notification -c "select count(*) from delivery where channel = 'EMAIL' and state = 'SENT'
                                               and digest_of is not null and organization_code like 'BN$run-%'")
    sent_hooks=$(python3 -c "import json; print(json.load(open('$work/received.json'))['digests'])" 2>/dev/null || echo 0)
    [ "$sent_mail" -ge "$orgs" ] && [ "$sent_hooks" -ge "$orgs" ] && break
    (( $(millis) - t0 < 300000 )) || { echo "    after 300 s: $sent_mail e-mails, $sent_hooks webhooks" | tee -a "$report"; break; }
    sleep 0.5
  done
  local mail_last hook_last in_smtp
  mail_last=$(psql_admin -d notification -c "select (extract(epoch from max(sent_at)) * 1000)::bigint from delivery
                                             where channel = 'EMAIL' and digest_of is not null
                                               and organization_code like 'BN$run-%'")
  hook_last=$(python3 -c "import json; print(int(json.load(open('$work/received.json'))['last'] * 1000))")
  in_smtp=0
  for g in $(seq 0 $((orgs - 1))); do
    [ "$(curl -s "http://$CANHGAC_HOST:$CANHGAC_MAIL_API_PORT/api/user/soc-$g@bn$run.bench.test/messages/" | grep -o 'điểm yếu, nguy cơ mới' | wc -l)" = 1 ] \
      && in_smtp=$((in_smtp + 1))
  done
  printf 'email    %s digests accepted by the SMTP server (%s mailboxes hold exactly one digest), the last %.1f s after the import returned\n' \
    "$sent_mail" "$in_smtp" "$(echo "($mail_last - $t0) / 1000" | bc -l)" | tee -a "$report"
  printf 'webhooks %s digest deliveries with a valid signature (%s refused), the last %.1f s after the import returned\n' \
    "$sent_hooks" "$(python3 -c "import json; print(json.load(open('$work/received.json'))['bad'])")" \
    "$(echo "($hook_last - $t0) / 1000" | bc -l)" | tee -a "$report"
  psql_admin -d notification -c "select 'in all   ' || count(*) || ' deliveries (digests and incident reports, e-mail and webhooks), '
                                 || sum(attempts) || ' attempts, ' || count(*) filter (where state = 'SENT') || ' sent'
                                 from delivery where organization_code like 'BN$run-%'" | tee -a "$report"
}

# ./canhgac bench notifications sustained [MINUTES] [PER_MINUTE]: PER_MINUTE new-exposure events (default 10,000) a
# minute for MINUTES (default 10), straight onto advisory.exposures as advisory-service would publish them, for 100
# organisations with a contact and a webhook each (gathered into digests). Every 30 s: the notification-service's
# consumer lag, what waits to be sent, its heap after the last collection and its RSS.
bench_producer() {
  cat > "$1/Producer.java" <<'JAVA'
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

public class Producer {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], prefix = args[1];
        int minutes = Integer.parseInt(args[2]), perMinute = Integer.parseInt(args[3]);
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("linger.ms", "5");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            long start = System.currentTimeMillis(), sent = 0, total = (long) minutes * perMinute;
            while (sent < total) {
                long due = (System.currentTimeMillis() - start) * perMinute / 60_000;
                for (; sent < Math.min(due, total); sent++) {
                    String id = UUID.randomUUID().toString(), org = prefix + "-" + (sent % 100);
                    String json = "{\"id\":\"" + id + "\",\"organizationCode\":\"" + org + "\",\"orgPath\":\"/" + org
                            + "/\",\"sourceKind\":\"ADVISORY\",\"advisoryId\":\"" + UUID.randomUUID()
                            + "\",\"advisoryReference\":\"SOAK-" + (sent % 500) + "\",\"hostname\":\"h" + sent
                            + ".soak.test\",\"subject\":\"Zimbra 8.8.15\",\"severity\":\"MEDIUM\",\"dueOn\":\""
                            + LocalDate.now().plusDays(30) + "\",\"status\":\"OPEN\",\"detectedAt\":\"" + Instant.now()
                            + "\",\"version\":1}";
                    ProducerRecord<String, String> record = new ProducerRecord<>("advisory.exposures", id, json);
                    record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
                    record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                    record.headers().add("ce_type", "canhgac.exposure.detected.v1".getBytes(StandardCharsets.UTF_8));
                    record.headers().add("ce_source", "/canhgac/bench".getBytes(StandardCharsets.UTF_8));
                    record.headers().add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
                    producer.send(record);
                }
                Thread.sleep(50);
            }
        }
    }
}
JAVA
}

cmd_bench_notifications_sustained() {
  local minutes=${1:-10} per_minute=${2:-10000}
  find_java
  http_ok "http://$CANHGAC_HOST:$(management_port notification-service)/q/health/ready" || die "Start the platform first: ./canhgac up"
  mkdir -p "$BENCH_DIR"
  local run stamp report work port secret
  run=$(date +%s); stamp=$(date -u +%Y%m%dT%H%M%SZ); report="$BENCH_DIR/notifications-sustained-$stamp.txt"
  work=$(mktemp -d); chmod 755 "$work"; BENCH_WORK=$work
  port=$((20000 + run % 10000))
  secret="whsec_$(head -c 32 /dev/urandom | base64)"
  bench_receiver "$work"; bench_producer "$work"
  "$JAVA_HOME/bin/java" -Xmx128m "$work/Receiver.java" "$port" "$secret" "$work/received.json" & BENCH_RECEIVER=$!
  trap 'kill "$BENCH_RECEIVER" 2>/dev/null; rm -rf "$BENCH_WORK"' EXIT
  { echo "Canh Gác sustained notification benchmark, $stamp, $(nproc) cores: $per_minute events a minute for $minutes min"
    echo "seconds,lag,waiting_deliveries,waiting_digest_entries,sent,heap_after_gc_mib,rss_mib"; } | tee "$report"
  psql_admin -d notification <<SQL >/dev/null
insert into organization_replica (code, id, parent_code, path, name_vi, kind, search_text, version, updated_at)
select 'BS$run-' || g, gen_random_uuid(), null, '/BS$run-' || g || '/', 'Đơn vị ' || g, 'AGENCY', 'don vi', 0, now()
from generate_series(0, 99) g;
insert into contact (organization_code, email, name, roles)
select 'BS$run-' || g, 'soc-' || g || '@bs$run.bench.test', 'SOC ' || g, '{}' from generate_series(0, 99) g;
insert into contact_preference (organization_code, email, channels, min_severity, digest_minutes, language, updated_at, updated_by)
select 'BS$run-' || g, 'soc-' || g || '@bs$run.bench.test', '{EMAIL}', 'LOW', 0, 'vi', now(), 'bench' from generate_series(0, 99) g;
insert into webhook_subscription (id, organization_code, url, event_types, secret, created_at, created_by, updated_at)
select gen_random_uuid(), 'BS$run-' || g, 'http://127.0.0.1:$port/hook', '{}', '$secret', now(), 'bench', now()
from generate_series(0, 99) g;
SQL
  "$JAVA_HOME/bin/java" -Xmx128m -cp "$KAFKA_HOME/libs/*" "$work/Producer.java" "$CANHGAC_KAFKA_BOOTSTRAP" "BS$run" \
    "$minutes" "$per_minute" > "$work/producer.log" 2>&1 & local producer=$!
  local began=$SECONDS metrics lag waiting entries sent heap rss
  while kill -0 "$producer" 2>/dev/null || (( SECONDS - began < minutes * 60 + 60 )); do
    sleep 30
    metrics=$(curl -s "http://$CANHGAC_HOST:$(management_port notification-service)/q/metrics")
    lag=$(echo "$metrics" | awk '/^kafka_consumer_fetch_manager_records_lag\{.*topic="advisory.exposures"/ {s += $2} END {printf "%d", s}')
    heap=$(echo "$metrics" | awk '/^jvm_gc_live_data_size_bytes/ {printf "%.0f", $2 / 1048576}')
    waiting=$(psql_admin -d notification -c "select count(*) from delivery where state = 'PENDING'")
    entries=$(psql_admin -d notification -c "select count(*) from digest_entry")
    sent=$(psql_admin -d notification -c "select count(*) from delivery where state = 'SENT' and organization_code like 'BS$run-%'")
    rss=$(ps -o rss= -p "$(cat "$CANHGAC_STATE/pids/notification-service.pid")" | awk '{printf "%.0f", $1 / 1024}')
    echo "$((SECONDS - began)),$lag,$waiting,$entries,$sent,$heap,$rss" | tee -a "$report"
  done
  echo "notifications recorded: $(psql_admin -d notification -c "select count(*) from notification where organization_code like 'BS$run-%'"); webhook digests verified: $(cat "$work/received.json")" | tee -a "$report"
}
