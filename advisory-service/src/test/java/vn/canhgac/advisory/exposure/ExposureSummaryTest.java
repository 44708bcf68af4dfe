package vn.canhgac.advisory.exposure;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.testing.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.advisory.InventoryFeed.Product;

/**
 * The summaries read the tally the exposure table keeps of itself. After detections by an advisory and a list,
 * people's changes of status, a reopening and a withdrawal, the summary of an organisation and its child says
 * exactly what counting the exposures one by one says, before and after the tally's deltas are folded together.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class ExposureSummaryTest {

    private static InventoryFeed inventory;
    private static final String UNIT = InventoryFeed.unique("TALLY");
    private static final String UNIT_PATH = "/UBND-KH/STTTT-KH/" + UNIT + "/";
    private static final String CHILD = InventoryFeed.unique("TALLYC");
    private static final String CHILD_PATH = UNIT_PATH + CHILD + "/";
    private static final String NET = InventoryFeed.randomNetwork24();

    @Inject
    Pool pool;

    @Inject
    ExposureTally tally;

    @BeforeAll
    static void inventory() {
        inventory = new InventoryFeed();
        inventory.organization("UBND-KH", "/UBND-KH/", 0, List.of());
        inventory.organization("STTTT-KH", "/UBND-KH/STTTT-KH/", 0, List.of());
        inventory.organization(UNIT, UNIT_PATH, 0, List.of(NET + "0/25"));
        inventory.organization(CHILD, CHILD_PATH, 0, List.of());
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    @Test
    void theSummaryCountsWhatTheExposuresAre() {
        InventoryFeed.awaitOrganization(CHILD);
        String product = InventoryFeed.unique("mailer");
        UUID[] assets = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        for (int i = 0; i < assets.length; i++) {
            inventory.asset(
                    assets[i],
                    CHILD,
                    CHILD_PATH,
                    "mail-" + i,
                    0,
                    List.of(NET + (200 + i)),
                    List.of(new Product("Acme", product, "3.1." + i, null, null)));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("authority")
                        .get("/api/v1/exposures/assets/" + assets[2])
                        .then()
                        .statusCode(200));
        // Due a week after 2023-11-01 at the latest: every exposure it finds is overdue.
        String advisory = Publishing.advisory("""
                        {"reference":"%s","issuer":"NCSC","title":"Lỗ hổng","issuedOn":"2023-11-01","severity":"HIGH",
                         "dueOn":"2023-11-08",
                         "affected":[{"vendor":"Acme","product":"%s","startIncluding":"3.0","endExcluding":"4.0"}]}""".formatted(InventoryFeed.unique("TALLY"), product));
        String list = Publishing.botnetList(NET + "200\n" + NET + "201\n" + NET + "9\n");
        List<String> hits = threeExposures(Map.of("organization", UNIT, "botnetListId", list));
        List<String> found = threeExposures(Map.of("advisoryId", advisory));
        Publishing.changeStatus(found.get(0), "ACKNOWLEDGED", null);
        Publishing.changeStatus(found.get(1), "RISK_ACCEPTED", "máy chủ sắp ngừng dùng");
        Publishing.changeStatus(hits.get(0), "MITIGATED", "chặn ở tường lửa");
        Publishing.changeStatus(hits.get(1), "RESOLVED", null);
        Publishing.botnetList(
                NET + "200\n" + NET + "201\n" + NET + "9\n"); // reopens the mitigated and the resolved hit
        Publishing.withdrawAdvisory(advisory, "nhầm");

        assertEquals(counted(), summarised());
        tally.fold().await().atMost(Duration.ofSeconds(10));
        assertEquals(counted(), summarised());
        Row keys = pool.preparedQuery("""
                        select count(*) as rows, count(distinct (org_path, status, due_on)) as keys
                        from exposure_tally where org_path like $1""")
                .execute(Tuple.of(UNIT_PATH + "%"))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next();
        assertEquals(keys.getLong("keys"), keys.getLong("rows"), "folded: one row per key");
        assertTrue(keys.getLong("rows") > 0);

        theBreakdownAgreesWithTheSummary();
    }

    /**
     * The console's overview draws the breakdown: its severities add up to the summary's figures, each advisory and
     * list comes with what counting its exposures says, and every exposure is on its day's bar. Out of scope is
     * refused.
     */
    private void theBreakdownAgreesWithTheSummary() {
        Map<String, Integer> unit = summarised().get(UNIT);
        Map<String, Object> breakdown = as("authority")
                .queryParam("organization", UNIT)
                .get("/api/v1/exposures/breakdown")
                .then()
                .statusCode(200)
                .body("bySeverity.severity", contains("CRITICAL", "HIGH", "MEDIUM", "LOW"))
                .extract()
                .path("");
        List<Map<String, Object>> bySeverity = (List<Map<String, Object>>) breakdown.get("bySeverity");
        int open =
                bySeverity.stream().mapToInt(row -> (Integer) row.get("open")).sum();
        int overdue = bySeverity.stream()
                .mapToInt(row -> (Integer) row.get("overdue"))
                .sum();
        assertEquals(
                unit.get("toConfirm") + unit.get("open") + unit.get("acknowledged") + unit.get("inProgress"), open);
        assertEquals(unit.get("overdue"), overdue);
        Map<String, Integer> bySource = new LinkedHashMap<>();
        ((List<Map<String, Object>>) breakdown.get("bySource"))
                .forEach(row -> bySource.put((String) row.get("sourceId"), (Integer) row.get("open")));
        Map<String, Integer> countedBySource = new LinkedHashMap<>();
        pool.preparedQuery("""
                        select coalesce(advisory_id, botnet_list_id)::text as source, count(*) as open from exposure
                        where org_path like $1 and status in ('TO_CONFIRM', 'OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')
                        group by 1 order by 2 desc, 1""")
                .execute(Tuple.of(UNIT_PATH + "%"))
                .await()
                .atMost(Duration.ofSeconds(10))
                .forEach(row -> countedBySource.put(row.getString("source"), Math.toIntExact(row.getLong("open"))));
        assertEquals(countedBySource, bySource, "each advisory and list with its exposures still to fix");
        int detected = ((List<Map<String, Object>>) breakdown.get("detectedByDay"))
                .stream().mapToInt(row -> (Integer) row.get("detected")).sum();
        assertEquals(
                pool.preparedQuery("select count(*) from exposure where org_path like $1")
                        .execute(Tuple.of(UNIT_PATH + "%"))
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .iterator()
                        .next()
                        .getLong(0)
                        .intValue(),
                detected);
        as("bank-admin")
                .queryParam("organization", UNIT)
                .get("/api/v1/exposures/breakdown")
                .then()
                .statusCode(either(is(400)).or(is(404)));
    }

    /** The ids of the exposures this query finds, three of them. */
    private static List<String> threeExposures(Map<String, String> query) {
        return as("authority")
                .queryParams(query)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .extract()
                .path("items.id");
    }

    /**
     * An agency admin sees its own organisation alone: its summary counts its own exposures, not those of the units
     * below it, which it can neither list nor open. It counted them, so its overview's figures disagreed with the
     * list they link to and told it how its units stood.
     */
    @Test
    void aCallerWhoSeesItsOwnOrganisationIsNotCountedTheExposuresOfItsUnits() {
        String branch = InventoryFeed.unique("BRANCH");
        String net = InventoryFeed.randomNetwork24();
        inventory.organization("NHTM-A", "/NHTM-A/", 0, List.of());
        inventory.organization(branch, "/NHTM-A/" + branch + "/", 0, List.of(net + "0/24"));
        InventoryFeed.awaitOrganization(branch);
        Publishing.botnetList(net + "7\n");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("authority")
                        .queryParam("organization", branch)
                        .get("/api/v1/exposures")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(1)));

        List<String> ownOpen = as("bank-admin")
                .queryParam("status", "OPEN")
                .queryParam("limit", 500)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertEquals(ownOpen.size(), openOfTheBank("bank-admin"));
        assertTrue(openOfTheBank("authority") > ownOpen.size(), "the Authority sees the bank's whole subtree");
    }

    private static int openOfTheBank(String person) {
        return as(person)
                .queryParam("organization", "NHTM-A")
                .get("/api/v1/exposures/summary")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.organizationCode == 'NHTM-A' }.open");
    }

    /** The summary's rows, the unit's and its child's, as the API answers them. */
    private static Map<String, Map<String, Integer>> summarised() {
        List<Map<String, Object>> rows = as("authority")
                .queryParam("organization", UNIT)
                .get("/api/v1/exposures/summary")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        Map<String, Map<String, Integer>> summary = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            row.forEach((key, value) -> {
                if (value instanceof Integer count) {
                    counts.put(key, count);
                }
            });
            summary.put((String) row.get("organizationCode"), counts);
        }
        return summary;
    }

    /** The same figures, counted from the exposures one by one. */
    private Map<String, Map<String, Integer>> counted() {
        Map<String, Map<String, Integer>> counted = new LinkedHashMap<>();
        for (String[] organization : List.of(new String[] {UNIT, UNIT_PATH}, new String[] {CHILD, CHILD_PATH})) {
            Row row = pool.preparedQuery("""
                            select count(*) filter (where status = 'TO_CONFIRM') as "toConfirm",
                                   count(*) filter (where status = 'OPEN') as "open",
                                   count(*) filter (where status = 'ACKNOWLEDGED') as "acknowledged",
                                   count(*) filter (where status = 'IN_PROGRESS') as "inProgress",
                                   count(*) filter (where status = 'MITIGATED') as "mitigated",
                                   count(*) filter (where status = 'RESOLVED') as "resolved",
                                   count(*) filter (where status = 'RISK_ACCEPTED') as "riskAccepted",
                                   count(*) filter (where status = 'FALSE_POSITIVE') as "falsePositive",
                                   count(*) filter (where status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')
                                                    and due_on < current_date) as "overdue"
                            from exposure where org_path like $1""")
                    .execute(Tuple.of(organization[1] + "%"))
                    .await()
                    .atMost(Duration.ofSeconds(10))
                    .iterator()
                    .next();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int column = 0; column < row.size(); column++) {
                counts.put(row.getColumnName(column), Math.toIntExact(row.getLong(column)));
            }
            counted.put(organization[0], counts);
        }
        return counted;
    }
}
