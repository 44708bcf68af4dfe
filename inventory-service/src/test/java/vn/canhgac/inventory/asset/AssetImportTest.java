package vn.canhgac.inventory.asset;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.testing.Problems.assertProblem;
import static vn.canhgac.inventory.DemoTree.as;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.CloudEventsConsumer;
import vn.canhgac.commons.testing.Sboms;
import vn.canhgac.inventory.DemoTree;

/** Bulk import of assets from CSV and JSON, against the real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class AssetImportTest {

    private static final String IMPORTS = "/api/v1/assets/imports";
    private final String run = DemoTree.unique().toLowerCase();

    @Inject
    Pool pool;

    @BeforeEach
    void demoTree() {
        DemoTree.ensure();
    }

    private String csv(String... rows) {
        return "organization,external_id,hostname,kind,operating_system,addresses,products\r\n"
                + String.join("\r\n", rows) + "\r\n";
    }

    @Test
    void aCsvImportCreatesThenUpdatesOnTheNaturalKey() {
        String file = csv(
                "UBND-CAMRANH,CMDB-%s-1,web-%s,Server,Ubuntu 22.04,10.9.0.1;2001:db8:9::1,\"Apache|HTTP Server|2.4.57|cpe:2.3:a:apache:http_server:2.4.57:*:*:*:*:*:*:*;Oracle|MySQL|8.0.35\""
                        .formatted(run, run),
                "UBND-CAMRANH,CMDB-%s-2,\"db-%s\",server,\"Windows Server 2019, Datacenter\",10.9.0.2,"
                        .formatted(run, run),
                ",,pc-%s,workstation,,10.9.0.3,".formatted(run));
        as("camranh-operator")
                .contentType("text/csv")
                .queryParam("organization", "UBND-CAMRANH")
                .body(file)
                .post(IMPORTS)
                .then()
                .statusCode(200)
                .body("rows", equalTo(3))
                .body("created", equalTo(3))
                .body("updated", equalTo(0))
                .body("skipped", equalTo(0))
                .body("errors", empty());
        as("camranh-operator")
                .queryParam("q", "web-" + run)
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .body("items[0].addresses", equalTo(List.of("10.9.0.1", "2001:db8:9::1")))
                .body("items[0].products.product", equalTo(List.of("HTTP Server", "MySQL")))
                .body("items[0].externalId", equalTo("CMDB-" + run + "-1"));
        as("camranh-operator")
                .queryParam("q", "db-" + run)
                .get("/api/v1/assets")
                .then()
                .body("items[0].operatingSystem", equalTo("Windows Server 2019, Datacenter"));

        as("camranh-operator")
                .contentType("text/csv")
                .queryParam("organization", "UBND-CAMRANH")
                .body(file.replace("10.9.0.3", "10.9.0.33"))
                .post(IMPORTS)
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(3));
        as("camranh-operator")
                .queryParam("q", "pc-" + run)
                .get("/api/v1/assets")
                .then()
                .body("items", hasSize(1))
                .body("items[0].addresses", equalTo(List.of("10.9.0.33")))
                .body("items[0].version", equalTo(1));
    }

    @Test
    void allOrNothingRefusesTheWholeFileAndListsEveryBadRow() {
        String file = csv(
                "UBND-CAMRANH,,good-%s,server,,10.8.0.1,".formatted(run),
                "UBND-CAMRANH,,bad1-%s,toaster,,10.8.0.2,".formatted(run),
                "UBND-CAMRANH,,bad2-%s,server,,10.8.0.999,\"F5|BIG-IP|16|cpe:2.3:bad\"".formatted(run),
                "NHTM-A,,foreign-%s,server,,10.8.0.4,".formatted(run),
                "UBND-CAMRANH,,good-%s,server,,10.8.0.5,".formatted(run));
        assertProblem(
                        as("camranh-operator")
                                .contentType("text/csv")
                                .header("Accept-Language", "vi")
                                .body(file)
                                .post(IMPORTS)
                                .then(),
                        422,
                        "import-rejected")
                .body("errors.row", hasItems(2, 3, 4, 5))
                .body("errors.field", hasItems("kind", "addresses[0]", "products[0].cpe", "organization", "hostname"))
                .body("title", equalTo("Từ chối nhập dữ liệu"));
        as("camranh-operator").queryParam("q", run).get("/api/v1/assets").then().body("items", empty());
    }

    @Test
    void skipBadRowsWritesTheGoodOnesAndReportsTheRest() {
        String file = csv(
                "UBND-CAMRANH,,ok1-%s,server,,10.7.0.1,".formatted(run),
                "UBND-CAMRANH,,,server,,10.7.0.2,",
                "UBND-CAMRANH,,ok2-%s,appliance,,10.7.0.3,".formatted(run));
        as("camranh-operator")
                .contentType("text/csv")
                .queryParam("mode", "skip-bad-rows")
                .body(file)
                .post(IMPORTS)
                .then()
                .statusCode(200)
                .body("rows", equalTo(3))
                .body("created", equalTo(2))
                .body("skipped", equalTo(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("hostname"));
        as("camranh-operator")
                .queryParam("q", run)
                .get("/api/v1/assets")
                .then()
                .body("items.hostname", equalTo(List.of("ok1-" + run, "ok2-" + run)));
    }

    /**
     * A row whose asset would make an event larger than the platform sends (9,999 products named in 255 Vietnamese
     * characters) is reported with the other bad rows, by its number: it used to fail the whole file, without a row.
     */
    @Test
    void aRowTooLargeToAnnounceIsReportedAndTheOthersWritten() {
        String products = Sboms.widestProducts("""
                {"vendor":"%s","product":"%s","version":"%s"}""", AssetRules.MAX_PRODUCTS - 1, AssetRules.MAX_TEXT);
        String body = """
                [{"organizationCode":"UBND-CAMRANH","hostname":"huge-%s","kind":"SERVER","products":[%s]},
                 {"organizationCode":"UBND-CAMRANH","hostname":"small-%s","kind":"SERVER"}]""".formatted(run, products, run);
        as("camranh-operator")
                .queryParam("mode", "skip-bad-rows")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS)
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("skipped", equalTo(1))
                .body("errors[0].row", equalTo(1))
                .body("errors[0].field", equalTo("products"));
        as("camranh-operator")
                .queryParam("q", run)
                .get("/api/v1/assets")
                .then()
                .body("items.hostname", hasItem("small-" + run))
                .body("items.hostname", not(hasItem("huge-" + run)));
    }

    @Test
    void aJsonImportTakesTheSameObjectsAsTheApi() {
        String body = """
                [{"organizationCode":"UBND-CAMRANH","externalId":"J-%s","hostname":"json-%s","kind":"CLOUD_INSTANCE",
                  "addresses":["203.0.113.10"],"products":[{"vendor":"Zimbra","product":"Collaboration","version":"9.0"}]},
                 {"organizationCode":"UBND-CAMRANH","hostname":"json2-%s","kind":"SERVER","cores":8}]""".formatted(run, run, run);
        assertProblem(as("camranh-operator").body(body).post(IMPORTS).then(), 422, "import-rejected")
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("cores"));
        as("camranh-operator")
                .queryParam("mode", "skip-bad-rows")
                .header("Idempotency-Key", "json-" + run)
                .body(body)
                .post(IMPORTS)
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("skipped", equalTo(1));
        as("camranh-operator")
                .queryParam("mode", "skip-bad-rows")
                .header("Idempotency-Key", "json-" + run)
                .body(body)
                .post(IMPORTS)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("created", equalTo(1));
        as("camranh-operator")
                .queryParam("ip", "203.0.113.10")
                .get("/api/v1/assets")
                .then()
                .body("items.hostname", hasItem("json-" + run));
    }

    /**
     * Several batches are in flight at once: when the database refuses one in the middle (a trigger stands in for
     * a fault), the whole file is rolled back, the batches before and after it included, and nothing is announced.
     */
    @Test
    void aBatchTheDatabaseRefusesRollsBackTheWholeImport() {
        Instant started = Instant.now().minusSeconds(5);
        execute("""
                create or replace function refuse_boom() returns trigger language plpgsql as $$
                begin if new.product like 'boom-%' then raise exception 'refused for the test'; end if; return new; end $$""");
        execute(
                "create or replace trigger refuse_boom before insert on asset_product for each row execute function refuse_boom()");
        try {
            StringBuilder file = new StringBuilder("organization,hostname,kind,products\r\n");
            for (int i = 0; i < 4_500; i++) {
                String product = i == 2_100 ? "Vendor|boom-" + run + "|1.0" : "nginx|nginx|1.24.0";
                file.append("UBND-CAMRANH,multi-%s-%d,server,%s\r\n".formatted(run, i, product));
            }
            as("camranh-operator")
                    .contentType("text/csv")
                    .body(file.toString())
                    .post(IMPORTS)
                    .then()
                    .statusCode(500)
                    .contentType("application/problem+json");
        } finally {
            execute("drop trigger refuse_boom on asset_product");
        }
        assertEquals(0L, count("select count(*) from asset where hostname like 'multi-' || $1 || '-%'"));
        // Events leave the outbox once published: none may reach the topic either, for a few relay ticks.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from outbox_event where payload::text like '%multi-' || $1 || '-%'")
                                == 0L
                        && CloudEventsConsumer.since(
                                        "test.inventory.assets",
                                        started,
                                        record -> record.value().contains("multi-" + run + "-"))
                                .isEmpty());
        assertEquals(0L, count("select count(*) from audit_entry where after::text like '%multi-' || $1 || '-%'"));
    }

    private void execute(String sql) {
        pool.query(sql).execute().await().indefinitely();
    }

    private long count(String sql) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(run))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    @Test
    void unreadableFilesAreRefusedAndChangeNothing() {
        assertProblem(
                        as("camranh-operator")
                                .contentType("text/csv")
                                .body("name,ip\nx,1.2.3.4\n")
                                .post(IMPORTS)
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("header"));
        assertProblem(
                as("camranh-operator").body("{\"assets\":1}").post(IMPORTS).then(), 400, "invalid-request");
        assertProblem(
                as("camranh-operator")
                        .body(
                                "[{\"organizationCode\":\"UBND-CAMRANH\",\"hostname\":\"broken-%s\",\"kind\":\"SERVER\"},{\"hostn"
                                        .formatted(run))
                        .post(IMPORTS)
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("camranh-operator")
                        .contentType("text/csv")
                        .queryParam("mode", "sometimes")
                        .body(csv("UBND-CAMRANH,,m-%s,server,,,".formatted(run)))
                        .post(IMPORTS)
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("khanhhoa-ubnd")
                        .contentType("application/xml")
                        .body("<assets/>")
                        .post(IMPORTS)
                        .then(),
                415,
                "http-415");
        as("camranh-operator").queryParam("q", run).get("/api/v1/assets").then().body("items", empty());
    }

    @Test
    void anExportedFileEditedInASpreadsheetImportsAgainAsItWas() {
        String file = "organization,external_id,hostname,kind,operating_system,last_seen,addresses,products\r\n"
                + ("UBND-CAMRANH,CMDB-%s-1,portal-%s,server,Ubuntu 22.04,2026-11-30T01:02:03Z,10.9.1.1;2001:db8:9::11,"
                                + "\"Apache|HTTP Server|2.4.57|cpe:2.3:a:apache:http_server:2.4.57:*:*:*:*:*:*:*|;"
                                + "|log4j-core|2.17.1||pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1\"\r\n")
                        .formatted(run, run)
                // An operating system a spreadsheet would run as a formula, were it not guarded.
                + "UBND-CAMRANH,,kiosk-%s,workstation,\"=HYPERLINK(\"\"http://x\"\")\",,10.9.1.2,\r\n".formatted(run);
        as("camranh-operator")
                .contentType("text/csv")
                .body(file)
                .post(IMPORTS)
                .then()
                .statusCode(200)
                .body("created", equalTo(2));
        List<Object> before = as("camranh-operator")
                .queryParam("q", run)
                .get("/api/v1/assets")
                .then()
                .extract()
                .path("items");

        byte[] exported = as("camranh-operator")
                .queryParam("q", run)
                .get("/api/v1/assets/export")
                .then()
                .statusCode(200)
                .contentType(equalTo("text/csv;charset=UTF-8"))
                .header("Content-Disposition", startsWith("attachment; filename=\"assets-"))
                .extract()
                .asByteArray();
        String[] lines = new String(exported, StandardCharsets.UTF_8).split("\r\n");
        assertEquals(3, lines.length, String.join("\n", lines));
        assertEquals("\uFEFF" + String.join(",", CsvAssetRows.COLUMNS), lines[0]);
        assertTrue(lines[1].startsWith("UBND-CAMRANH,,kiosk-" + run + ",workstation,\"'=HYPERLINK("), lines[1]);

        as("camranh-operator")
                .contentType("text/csv")
                .body(exported)
                .post(IMPORTS)
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(2))
                .body("errors", empty());
        List<Map<String, Object>> after = as("camranh-operator")
                .queryParam("q", run)
                .get("/api/v1/assets")
                .then()
                .extract()
                .path("items");
        assertEquals(before.size(), after.size());
        for (int i = 0; i < after.size(); i++) {
            Map<String, Object> was = new HashMap<>(cast(before.get(i)));
            Map<String, Object> is = new HashMap<>(after.get(i));
            for (String moves : List.of("version", "updatedAt", "updatedBy")) {
                was.remove(moves);
                is.remove(moves);
            }
            assertEquals(was, is);
        }

        // Another agency's export holds a header alone; naming an organisation out of scope is refused.
        String foreign = as("bank-admin")
                .queryParam("q", run)
                .get("/api/v1/assets/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(1, foreign.strip().split("\r\n").length, foreign);
        assertProblem(
                as("bank-admin")
                        .queryParam("organization", "UBND-CAMRANH")
                        .get("/api/v1/assets/export")
                        .then(),
                400,
                "invalid-request");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object item) {
        return (Map<String, Object>) item;
    }
}
