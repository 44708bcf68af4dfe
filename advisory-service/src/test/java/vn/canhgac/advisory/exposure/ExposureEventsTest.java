package vn.canhgac.advisory.exposure;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.canhgac.commons.testing.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.advisory.InventoryFeed.Product;
import vn.canhgac.advisory.VexStatements;
import vn.canhgac.commons.contracts.EventContract;
import vn.canhgac.commons.contracts.EventContracts;
import vn.canhgac.commons.contracts.ExposureEvent;
import vn.canhgac.commons.contracts.JsonSchemas;
import vn.canhgac.commons.testing.CloudEventsConsumer;
import vn.canhgac.commons.testing.CloudEventsProducer;

/**
 * The matcher records the events of the exposures it changes in the statement that changes them, and the relay
 * reads their data, in SQL, as it sends them (ExposureEventRenderer). Every event it wrote, through each kind of
 * statement (detected by an advisory, by a botnet list on an asset and on a constituency, reopened by a later list,
 * moved under a newer list and handed back when that list is withdrawn, stated not affected and reopened when the
 * statement is withdrawn, withdrawn), reads as the contract's record with no field left over and is valid against
 * its schema, and the last one of each exposure is exactly the record of its row.
 */
@QuarkusTest
class ExposureEventsTest {

    private static InventoryFeed inventory;
    private static final String UNIT = InventoryFeed.unique("EVENTS");
    private static final String UNIT_PATH = "/UBND-KH/STTTT-KH/" + UNIT + "/";
    private static final String NET = InventoryFeed.randomNetwork24();

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    /** When the test began: the events are read from the topic from then on, not from its beginning. */
    private Instant started;

    @BeforeAll
    static void inventory() {
        inventory = new InventoryFeed();
        inventory.organization("UBND-KH", "/UBND-KH/", 0, List.of());
        inventory.organization("STTTT-KH", "/UBND-KH/STTTT-KH/", 0, List.of());
        inventory.organization(UNIT, UNIT_PATH, 0, List.of(NET + "0/24"));
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    @Test
    void theEventsTheDatabaseWritesAreTheRecordsTheServiceWouldSerialise() throws IOException {
        started = Instant.now().minusSeconds(5);
        InventoryFeed.awaitOrganization(UNIT);
        UUID gateway = UUID.randomUUID();
        String product = InventoryFeed.unique("edge");
        inventory.asset(
                gateway,
                UNIT,
                UNIT_PATH,
                "edge-gw",
                0,
                List.of(NET + "25"),
                List.of(new Product("Acme", product, "7.2.1", null, null)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("authority")
                        .get("/api/v1/exposures/assets/" + gateway)
                        .then()
                        .statusCode(200));
        String cve = "CVE-2026-" + (70000 + (int) (Math.random() * 9999));
        String advisory = Publishing.advisory("""
                        {"reference":"%s","issuer":"NCSC","title":"Lỗ hổng","issuedOn":"2026-11-01","severity":"HIGH",
                         "cves":["%s"],
                         "affected":[{"vendor":"Acme","product":"%s","startIncluding":"7.0","endExcluding":"7.3"}]}""".formatted(InventoryFeed.unique("EV"), cve, product));
        relayed();
        String first = Publishing.botnetList(NET + "25 mirai\n" + NET + "77\n");
        relayed();
        String onAsset = as("authority")
                .queryParam("botnetListId", first)
                .queryParam("assetId", gateway)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");
        Publishing.changeStatus(onAsset, "MITIGATED", "chặn ở tường lửa");
        relayed();
        String second = Publishing.botnetList(NET + "25\n"); // new evidence: reopened
        relayed();
        // Both open hits move under a newer list, and back when it is withdrawn: updates, not new hits.
        String third = Publishing.botnetList(NET + "25\n" + NET + "77\n");
        relayed();
        Publishing.withdrawBotnetList(third, "danh sách trùng");
        relayed();
        // The vendor states the installed version not affected, then the statement is withdrawn: reopened.
        String statement = vendorSaysNotAffected(product, "7.2.1", cve);
        relayed();
        Publishing.withdrawAdvisory(statement, "tuyên bố sai");
        relayed();
        Publishing.withdrawAdvisory(advisory, "nhầm sản phẩm");

        Map<UUID, ExposureEvent> last = new HashMap<>();
        Map<String, Integer> kinds = new HashMap<>();
        for (ConsumerRecord<String, String> event : matcherEvents(11)) {
            JsonNode payload = json.readTree(event.value());
            String type = CloudEventsConsumer.header(event, "ce_type");
            ExposureEvent written = json.treeToValue(payload, ExposureEvent.class);
            assertEquals(payload, json.readTree(json.writeValueAsString(written)), "no field unknown to the record");
            assertEquals(List.of(), JsonSchemas.violations(schema(type), payload));
            assertEquals(written.id().toString(), event.key());
            assertEquals(7, written.id().version(), "a time-ordered id: " + written.id());
            last.put(written.id(), written);
            kinds.merge(type + " " + written.status(), 1, Integer::sum);
        }
        assertEquals(
                Map.of(
                        "canhgac.exposure.detected.v1 OPEN", 3,
                        "canhgac.exposure.reopened.v1 OPEN", 2,
                        "canhgac.exposure.updated.v1 OPEN", 4,
                        "canhgac.exposure.status-changed.v1 FALSE_POSITIVE", 1,
                        "canhgac.exposure.status-changed.v1 WITHDRAWN", 1),
                kinds,
                "advisory hit, asset hit and constituency hit detected; the asset hit reopened; both botnet hits "
                        + "moved under the third list and handed over when it was withdrawn; the advisory hit "
                        + "stated not affected, reopened when the statement was withdrawn, then withdrawn (the "
                        + "Authority's own change of status is written by the service, not here)");
        for (ExposureEvent written : last.values()) {
            assertEquals(ExposureRows.event(current(written.id())), written, "the last event of " + written.id());
        }
        assertEquals(
                Map.of(NET + "25", second, NET + "77", first),
                botnetListsOnTheTopic(last),
                "the topic's last record of each hit names the list it is under once the third is withdrawn");
    }

    /** A vendor's CSAF VEX document that says the version is not affected by the CVE; answers its advisory's id. */
    private static String vendorSaysNotAffected(String product, String version, String cve) {
        String vex = VexStatements.notAffected("Acme", product, version, cve, "2026-11-02");
        as("national-feed")
                .contentType("application/json")
                .body(vex)
                .post("/api/v1/advisories/imports/csaf")
                .then()
                .statusCode(200)
                .body("created", org.hamcrest.Matchers.equalTo(1));
        return as("authority")
                .queryParam("cve", cve)
                .get("/api/v1/advisories")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.sourceFormat == 'CSAF' }.id");
    }

    private static Map<String, String> botnetListsOnTheTopic(Map<UUID, ExposureEvent> last) {
        Map<String, String> lists = new HashMap<>();
        last.values().stream()
                .filter(e -> ExposureEvent.BOTNET.equals(e.sourceKind()))
                .forEach(e -> lists.put(e.subject(), e.botnetListId().toString()));
        return lists;
    }

    /**
     * The unit's events the matcher wrote, as the relay published them (the outbox keeps a row only until then), an
     * exposure's in their order, a vendor's statement's included; not the Authority's own change of status.
     */
    private List<ConsumerRecord<String, String>> matcherEvents(int expected) {
        return await().atMost(Duration.ofSeconds(30))
                .until(this::readMatcherEvents, events -> events.size() >= expected);
    }

    private List<ConsumerRecord<String, String>> readMatcherEvents() {
        return CloudEventsConsumer.since(CloudEventsProducer.TOPIC_PREFIX + "advisory.exposures", started, record -> {
            JsonNode payload = readTree(record.value());
            String by = payload.path("statusChangedBy").asText();
            return UNIT.equals(payload.path("organizationCode").asText())
                    && ("matcher".equals(by)
                            || by.startsWith("vex:")
                            || "WITHDRAWN".equals(payload.path("status").asText()));
        });
    }

    /**
     * Waits until the relay has sent what the last step recorded: an event's data is read when it is sent
     * (RenderedEventsTest), and each step's event is to show that step, not the one after it.
     */
    private void relayed() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pool.query("""
                                        select count(*) from outbox_event o where o.parked_at is null
                                          and o.topic like '%advisory.exposures'
                                          and not exists (select 1 from outbox_event p where p.parked_at is not null
                                                          and p.topic = o.topic and p.event_key = o.event_key)""")
                                .execute()
                                .await()
                                .atMost(Duration.ofSeconds(10))
                                .iterator()
                                .next()
                                .getLong(0)
                        == 0);
    }

    private JsonNode readTree(String value) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Row current(UUID id) {
        return pool.preparedQuery("select " + ExposureRows.COLUMNS + " from exposure x " + ExposureRows.JOINS
                        + " where x.id = $1")
                .execute(Tuple.of(id))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next();
    }

    private JsonNode schema(String type) throws IOException {
        EventContract<?> contract = EventContracts.ofType(type).orElseThrow();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(contract.schemaResource())) {
            return json.readTree(in);
        }
    }
}
