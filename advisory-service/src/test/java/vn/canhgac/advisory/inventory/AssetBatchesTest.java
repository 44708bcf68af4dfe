package vn.canhgac.advisory.inventory;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.contracts.EventContracts.ASSET_UPSERTED;
import static vn.canhgac.commons.testing.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.advisory.InventoryFeed.Product;
import vn.canhgac.advisory.exposure.ExposureMatcher;
import vn.canhgac.advisory.exposure.Publishing;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.testing.CloudEventsConsumer;
import vn.canhgac.commons.testing.CloudEventsProducer;
import vn.canhgac.commons.testing.Sql;

/**
 * The asset read model applies inventory's events in batches (issue 13): an event delivered twice, in one batch or
 * two (a replay after a crash before the offsets were committed), applies once; an older version arriving late
 * changes nothing; a record that can never apply is set aside on the dead-letter topic and the rest of its batch
 * goes on; and matching a batch finds exactly what matching its assets one at a time finds.
 */
@QuarkusTest
class AssetBatchesTest {

    private static final String UNIT = InventoryFeed.unique("BATCH");
    private static final String UNIT_PATH = "/UBND-KH/STTTT-KH/" + UNIT + "/";
    private static final String NET = InventoryFeed.randomNetwork24();
    private static final String ASSETS = CloudEventsProducer.TOPIC_PREFIX + ASSET_UPSERTED.topic();
    private static final String DEAD_LETTERS = "test.dead-letter.advisory-service";
    private static InventoryFeed inventory;
    private static CloudEventsProducer producer;

    @Inject
    Pool pool;

    @Inject
    ExposureMatcher matcher;

    @Inject
    AssetReplicas replicas;

    @BeforeAll
    static void feeds() {
        inventory = InventoryFeed.withUnitOfKhanhHoa(UNIT);
        producer = new CloudEventsProducer();
    }

    @AfterAll
    static void close() {
        inventory.close();
        producer.close();
    }

    @BeforeEach
    void replicated() {
        InventoryFeed.awaitOrganization(UNIT);
    }

    @Test
    void anEventTwiceAndAnOlderVersionLateApplyOnce() {
        UUID asset = UUID.randomUUID();
        AssetEvent second = event(asset, "mail-v2", 2, NET + "20");
        producer.publish(ASSET_UPSERTED, second, "dup-" + asset);
        producer.publish(ASSET_UPSERTED, second, "dup-" + asset); // the same event again: the same batch or the next
        producer.publish(ASSET_UPSERTED, event(asset, "mail-v1", 1, NET + "21")); // an older version, late
        UUID sentinel = UUID.randomUUID();
        producer.publish(ASSET_UPSERTED, event(sentinel, "sentinel", 0, NET + "22"));
        InventoryFeed.awaitAsset(sentinel);
        as("authority")
                .get("/api/v1/exposures/assets/" + asset)
                .then()
                .statusCode(200)
                .body("hostname", equalTo("mail-v2"))
                .body("version", equalTo(2))
                .body("addresses", equalTo(List.of(NET + "20")));

        // A replay, as after a crash between the transaction and the offset commit: nothing changes, even where the
        // version check alone would let it in (an event id is applied once, whatever it carries).
        producer.publish(ASSET_UPSERTED, second, "dup-" + asset);
        producer.publish(ASSET_UPSERTED, event(asset, "mail-v3", 3, NET + "24"), "dup-" + asset);
        UUID later = UUID.randomUUID();
        producer.publish(ASSET_UPSERTED, event(later, "later", 0, NET + "23"));
        InventoryFeed.awaitAsset(later);
        as("authority")
                .get("/api/v1/exposures/assets/" + asset)
                .then()
                .body("hostname", equalTo("mail-v2"))
                .body("version", equalTo(2));

        // Lists built from the read model say how fresh it is, and so does their file, which is streamed past the
        // response filter that writes the list's headers.
        for (String path : List.of("/api/v1/exposures", "/api/v1/exposures/export")) {
            as("authority")
                    .queryParam("organization", UNIT)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Canhgac-Data-As-Of", notNullValue());
        }
    }

    @Test
    void aRecordThatCanNeverApplyIsSetAsideAndItsBatchGoesOn() {
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String garbageKey = "GARBAGE-" + UUID.randomUUID();
        String malformedKey = UUID.randomUUID().toString();
        producer.publish(ASSET_UPSERTED, event(before, "before", 0, NET + "30"));
        producer.sendRaw(ASSETS, garbageKey, "{not a cloud event");
        producer.send(ASSETS, malformedKey, UUID.randomUUID().toString(), ASSET_UPSERTED.type(), """
                {"id":"not-a-uuid","version":"seven"}""");
        producer.publish(ASSET_UPSERTED, event(after, "after", 0, NET + "31"));

        InventoryFeed.awaitAsset(before);
        InventoryFeed.awaitAsset(after);
        ConsumerRecord<String, String> garbage = CloudEventsConsumer.find(
                        DEAD_LETTERS, garbageKey, Duration.ofSeconds(30))
                .orElseThrow(
                        () -> new AssertionError("the record that is no CloudEvent is not on the dead-letter topic"));
        assertEquals("{not a cloud event", garbage.value());
        assertEquals(ASSETS, CloudEventsConsumer.header(garbage, "dead-letter-topic"));
        ConsumerRecord<String, String> malformed = CloudEventsConsumer.find(
                        DEAD_LETTERS, malformedKey, Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("the unreadable event is not on the dead-letter topic"));
        assertTrue(CloudEventsConsumer.header(malformed, "dead-letter-reason").contains("AssetEvent"));
        assertEquals(ASSET_UPSERTED.type(), CloudEventsConsumer.header(malformed, "ce_type"));
    }

    @Test
    void anEventTheDatabaseRefusesIsSetAsideAndTheOthersApplyOnce() {
        UUID before = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        producer.publish(ASSET_UPSERTED, event(before, "before", 0, NET + "32"));
        producer.publish(ASSET_UPSERTED, event(refused, "refused", 0, "not-an-ip")); // readable, but no inet
        producer.publish(ASSET_UPSERTED, event(after, "after", 0, NET + "33"));

        InventoryFeed.awaitAsset(before);
        InventoryFeed.awaitAsset(after);
        ConsumerRecord<String, String> setAside = CloudEventsConsumer.find(
                        DEAD_LETTERS, refused.toString(), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("the refused event is not on the dead-letter topic"));
        assertEquals(ASSET_UPSERTED.type(), CloudEventsConsumer.header(setAside, "ce_type"));
        as("authority").get("/api/v1/exposures/assets/" + refused).then().statusCode(404);
        as("authority")
                .get("/api/v1/exposures/assets/" + before)
                .then()
                .statusCode(200)
                .body("addresses", equalTo(List.of(NET + "32")));
    }

    /** The database down while a batch arrives: the batch waits, nothing is acknowledged, and it applies once back. */
    @Test
    void aBatchThatArrivesWhileTheDatabaseIsDownAppliesWhenItIsBack() throws Exception {
        List<UUID> assets = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        platform("postgres", "stop");
        try {
            for (int i = 0; i < assets.size(); i++) {
                producer.publish(
                        ASSET_UPSERTED,
                        event(assets.get(i), "outage-" + i, 0, NET + (60 + i)),
                        "outage-" + assets.get(i));
            }
            Thread.sleep(3_000); // the consumer polls them and finds no database
        } finally {
            platform("postgres", "start");
        }
        assets.forEach(id -> InventoryFeed.awaitAsset(id, Duration.ofSeconds(90)));
        assertEquals(
                3,
                pool.preparedQuery("select count(*) from processed_event where id = any($1)")
                        .execute(Tuple.of((Object) assets.stream()
                                .map(id -> "advisory-service.assets/outage-" + id)
                                .toArray(String[]::new)))
                        .map(rows -> rows.iterator().next().getLong(0))
                        .await()
                        .indefinitely(),
                "each event applied once");
    }

    private static void platform(String... command) throws Exception {
        File root = new File(System.getProperty("user.dir")).getParentFile();
        List<String> line = new ArrayList<>(List.of(new File(root, "canhgac").getPath()));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).directory(root).inheritIO().start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("./canhgac " + String.join(" ", command) + " failed");
        }
    }

    @Test
    void matchingABatchFindsWhatMatchingEachAssetFinds() {
        String advisory = Publishing.advisory("""
                {"reference":"%s","issuer":"NCSC","title":"OpenSSL và BIG-IP","issuedOn":"2024-01-10",
                 "severity":"HIGH","cves":["CVE-2023-5678"],"dueOn":"2024-01-24",
                 "affected":[{"vendor":"OpenSSL","product":"OpenSSL","startIncluding":"3.0.0","endExcluding":"3.0.13"},
                             {"vendor":"F5","product":"BIG-IP","startIncluding":"16.1.0","endExcluding":"16.1.4.1"}]}""".formatted(InventoryFeed.unique("BATCH-ADV")));
        publishList(NET + "41\n" + NET + "43\n" + NET + "45\n");

        List<UUID> assets = new ArrayList<>();
        String[] openssl = {"3.0.11", "3.0.13", "1.1.1w", "3.0.2"};
        String[] bigip = {"16.1.4", "16.1.4.1", "15.1.10", "16.1.0"};
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            assets.add(id);
            inventory.asset(
                    id,
                    UNIT,
                    UNIT_PATH,
                    "host-" + i,
                    0,
                    List.of(NET + (40 + i)),
                    List.of(
                            Product.named("OpenSSL", "OpenSSL", openssl[i % 4]),
                            Product.named("F5", "BIG-IP", bigip[(i / 4) % 4])));
        }
        assets.forEach(InventoryFeed::awaitAsset);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("authority")
                        .queryParam("advisoryId", advisory)
                        .queryParam("organization", UNIT)
                        .get("/api/v1/exposures")
                        .then()
                        .body("items", hasSize(10))); // OpenSSL 3.0.11 and 3.0.2 on six assets, BIG-IP 16.1.4 on four

        List<String> consumed = exposures(assets);
        reset(assets);
        for (UUID asset : assets) {
            pool.withTransaction(c -> matcher.matchAsset(c, asset)).await().indefinitely();
        }
        List<String> oneByOne = exposures(assets);
        reset(assets);
        pool.withTransaction(c -> matcher.matchAssets(c, assets)).await().indefinitely();
        List<String> batched = exposures(assets);

        assertFalse(consumed.isEmpty());
        assertEquals(3, consumed.stream().filter(x -> x.startsWith("B|")).count(), "the listed addresses 41, 43, 45");
        assertEquals(
                10,
                consumed.stream()
                        .filter(x -> x.startsWith("A|" + advisory + "|"))
                        .count(),
                String.join("\n", consumed));
        assertEquals(oneByOne, batched);
        assertEquals(consumed, batched);
    }

    /**
     * An inventory imported again: the asset's next version carries the same owner, addresses and products. The
     * replica takes its version and hostname but neither rewrites its products nor matches it again; a change of what
     * matching reads (a listed address), a replica row from before the digest, and a deletion are all matched.
     */
    @Test
    void anEventThatChangesNothingMatchingReadsIsNotMatchedAgain() {
        String listed = NET + "71";
        String advisory = Publishing.advisory("""
                {"reference":"%s","issuer":"NCSC","title":"OpenSSH","issuedOn":"2024-07-01","severity":"HIGH",
                 "cves":["CVE-2024-6387"],"affected":[{"vendor":"OpenBSD","product":"OpenSSH",
                 "startIncluding":"8.5","endExcluding":"9.8"}]}""".formatted(InventoryFeed.unique("AGAIN-ADV")));
        publishList(listed + "\n");
        UUID asset = UUID.randomUUID();
        List<Product> products = List.of(Product.named("OpenBSD", "OpenSSH", "9.3p1"));
        inventory.asset(asset, UNIT, UNIT_PATH, "ssh-v0", 0, List.of(NET + "70"), products);
        awaitVersion(asset, 0);
        assertEquals(List.of("A|" + advisory + "|" + asset + "|0"), openKeys(asset, advisory));
        String rowsBefore = installedRows(asset);

        inventory.asset(asset, UNIT, UNIT_PATH, "ssh-v1", 1, List.of(NET + "70"), products);
        awaitVersion(asset, 1);
        as("authority").get("/api/v1/exposures/assets/" + asset).then().body("hostname", equalTo("ssh-v1"));
        assertEquals(rowsBefore, installedRows(asset), "the same products are not written again");

        inventory.asset(asset, UNIT, UNIT_PATH, "ssh-v2", 2, List.of(NET + "70", listed), products);
        awaitVersion(asset, 2);
        assertEquals(
                List.of("A|" + advisory + "|" + asset + "|0", "B|" + asset + "|" + listed), openKeys(asset, advisory));
        assertFalse(rowsBefore.equals(installedRows(asset)), "a changed asset has its parts rewritten");

        // A row applied before the digest existed: its next event is a change, whatever it carries.
        String rowsOfV2 = installedRows(asset);
        pool.preparedQuery("update asset_replica set inputs_digest = null where id = $1")
                .execute(Tuple.of(asset))
                .await()
                .indefinitely();
        inventory.asset(asset, UNIT, UNIT_PATH, "ssh-v3", 3, List.of(NET + "70", listed), products);
        awaitVersion(asset, 3);
        assertFalse(rowsOfV2.equals(installedRows(asset)));

        inventory.asset(UUID.randomUUID().toString(), asset, UNIT, UNIT_PATH, "ssh-v4", 4, List.of(), List.of(), true);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> openKeys(asset, advisory).isEmpty());
        assertEquals("", installedRows(asset));
    }

    /**
     * Something beside the asset changed (an advisory withdrawn or revised while a KEV entry is about one of its CVEs)
     * and asked for it to be matched again:
     * the job does it within seconds, without waiting for an event of the asset, and takes the request. Until then
     * the exposures count it as behind.
     */
    @Test
    void anAssetAskedToBeMatchedAgainIsMatchedWithoutAnEvent() {
        String advisory = Publishing.advisory("""
                {"reference":"%s","issuer":"NCSC","title":"OpenSSH","issuedOn":"2024-07-01","severity":"HIGH",
                 "cves":["CVE-2024-6387"],"affected":[{"vendor":"OpenBSD","product":"OpenSSH",
                 "startIncluding":"8.5","endExcluding":"9.8"}]}""".formatted(InventoryFeed.unique("REQ-ADV")));
        UUID asset = UUID.randomUUID();
        inventory.asset(
                asset, UNIT, UNIT_PATH, "ssh-req", 0, List.of(), List.of(Product.named("OpenBSD", "OpenSSH", "9.6")));
        awaitVersion(asset, 0);
        List<String> found = openKeys(asset, advisory);
        assertEquals(1, found.size());
        reset(List.of(asset));

        // While a batch holds the asset, the job leaves it; the exposures say they are behind meanwhile.
        SqlConnection batch = pool.getConnection().await().indefinitely();
        Transaction holding = batch.begin().await().indefinitely();
        try {
            batch.preparedQuery("select 1 from asset_replica where id = $1 for update")
                    .execute(Tuple.of(asset))
                    .await()
                    .indefinitely();
            requestRematch(asset);
            await().atMost(Duration.ofSeconds(30)).until(() -> behind() >= 1);
            assertEquals(1, pendingRematches(asset));
            holding.rollback().await().indefinitely();
        } finally {
            batch.close().await().indefinitely();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> openKeys(asset, advisory).equals(found));
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingRematches(asset) == 0);
    }

    /** What the exposures list says its read model still has to apply ({@code Canhgac-Data-Behind}), 0 when silent. */
    private static long behind() {
        String header = as("authority")
                .queryParam("organization", UNIT)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .extract()
                .header("Canhgac-Data-Behind");
        return header == null ? 0 : Long.parseLong(header);
    }

    /**
     * The asset's next event takes a request made before it: the asset is matched again though its digest did not
     * change, and the request is gone with the batch.
     */
    @Test
    void anAssetsNextEventTakesTheRequestToMatchItAgain() {
        UUID asset = UUID.randomUUID();
        List<Product> products = List.of(Product.named("OpenBSD", "OpenSSH", "9.3p1"));
        inventory.asset(asset, UNIT, UNIT_PATH, "ssh-next", 0, List.of(NET + "90"), products);
        awaitVersion(asset, 0);
        AssetEvent unchanged =
                InventoryFeed.assetEvent(asset, UNIT, UNIT_PATH, "ssh-next", 1, List.of(NET + "90"), products, false);

        List<AssetEvent> changed = pool.withTransaction(
                        c -> c.preparedQuery("insert into asset_rematch (asset_id) values ($1)")
                                .execute(Tuple.of(asset))
                                .flatMap(ignored -> replicas.applyAll(c, List.of(unchanged))))
                .await()
                .indefinitely();

        assertEquals(List.of(asset), changed.stream().map(AssetEvent::id).toList());
        assertEquals(0, pendingRematches(asset));
    }

    private void requestRematch(UUID asset) {
        pool.preparedQuery("insert into asset_rematch (asset_id) values ($1)")
                .execute(Tuple.of(asset))
                .await()
                .indefinitely();
    }

    private long pendingRematches(UUID asset) {
        return pool.preparedQuery("select count(*) from asset_rematch where asset_id = $1")
                .execute(Tuple.of(asset))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    private static void publishList(String entries) {
        as("national-feed")
                .contentType("text/plain")
                .queryParam("reference", InventoryFeed.unique("BATCH-LIST"))
                .queryParam("kind", "AD_HOC")
                .body(entries)
                .post("/api/v1/botnet-lists")
                .then()
                .statusCode(201);
    }

    private void awaitVersion(UUID asset, long version) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("authority")
                        .get("/api/v1/exposures/assets/" + asset)
                        .then()
                        .statusCode(200)
                        .body("version", equalTo((int) version)));
    }

    /** The dedup keys of the asset's botnet hits and hits of the advisory that are not resolved or withdrawn. */
    private List<String> openKeys(UUID asset, String advisory) {
        return Sql.texts(pool, """
                select dedup_key from exposure
                where asset_id = $1 and (advisory_id = $2 or source_kind = 'BOTNET')
                  and status not in ('RESOLVED', 'WITHDRAWN')
                order by dedup_key""", Tuple.of(asset, UUID.fromString(advisory)));
    }

    /** The asset's installed products with the transaction that wrote each (xmin). */
    private String installedRows(UUID asset) {
        return String.join(",", Sql.texts(pool, """
                select identity || '@' || xmin from installed_product where asset_id = $1 order by position, identity""", Tuple.of(asset)));
    }

    private List<String> exposures(List<UUID> assets) {
        return Sql.texts(pool, """
                select dedup_key || '|' || status || '|' || severity || '|' || due_on || '|' || matched
                from exposure where asset_id = any($1) order by dedup_key""", Tuple.of((Object) assets.toArray(UUID[]::new)));
    }

    private void reset(List<UUID> assets) {
        ForgottenExposures.of(pool, assets);
    }

    private static AssetEvent event(UUID id, String hostname, long version, String address) {
        return InventoryFeed.assetEvent(id, UNIT, UNIT_PATH, hostname, version, List.of(address), List.of(), false);
    }
}
