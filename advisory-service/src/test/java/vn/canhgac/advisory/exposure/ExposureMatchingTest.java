package vn.canhgac.advisory.exposure;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.advisory.InventoryFeed.Product;

/**
 * The matching engine against the real PostgreSQL, Kafka and Keycloak: inventory's events build the read model,
 * an advisory and botnet lists published through the API find what they hit, in the owner's scope only, and
 * matching again changes nothing unless the evidence is new.
 */
@QuarkusTest
class ExposureMatchingTest {

    private static InventoryFeed inventory;
    private static final String UNIT = InventoryFeed.unique("UNIT");
    private static final String UNIT_PATH = "/UBND-KH/STTTT-KH/" + UNIT + "/";
    private static final String NET = InventoryFeed.randomNetwork24();

    @Inject
    Pool pool;

    @Inject
    ExposureMatcher matcher;

    @BeforeAll
    static void inventory() {
        inventory = new InventoryFeed();
        inventory.organization("UBND-KH", "/UBND-KH/", 0, List.of());
        inventory.organization("STTTT-KH", "/UBND-KH/STTTT-KH/", 0, List.of());
        inventory.organization("NHTM-A", "/NHTM-A/", 0, List.of());
        // The unit answers for the whole /24; its mail server is one registered asset in it.
        inventory.organization(UNIT, UNIT_PATH, 0, List.of(NET + "0/24"));
    }

    /** RestAssured knows the test port only from here on: the replica is awaited before each test, not in @BeforeAll. */
    @BeforeEach
    void replicated() {
        InventoryFeed.awaitOrganization(UNIT);
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    private static ValidatableResponse exposures(String who, Map<String, ?> query) {
        return as(who).queryParams(query).get("/api/v1/exposures").then().statusCode(200);
    }

    private static String advisory(
            String reference, String vendor, String product, String startIncluding, String endExcluding) {
        String body = """
                {"reference":"%s","issuer":"NCSC","title":"Lỗ hổng %s %s","issuedOn":"2023-10-31","severity":"CRITICAL",
                 "cves":["CVE-2023-46747"],"remediation":"Cập nhật bản vá","dueOn":"2023-11-07",
                 "affected":[{"vendor":"%s","product":"%s","startIncluding":"%s","endExcluding":"%s"}]}""".formatted(reference, vendor, product, vendor, product, startIncluding, endExcluding);
        return as("authority")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/advisories")
                .then()
                .statusCode(201)
                .body("affected[0].versions", equalTo(">= " + startIncluding + ", < " + endExcluding))
                .extract()
                .path("id");
    }

    private static ValidatableResponse botnetList(String reference, String text) {
        return botnetList(reference, text, null);
    }

    private static ValidatableResponse botnetList(String reference, String text, LocalDate issuedOn) {
        return as("national-feed")
                .contentType("text/plain; charset=utf-8")
                .queryParam("reference", reference)
                .queryParam("kind", "MONTHLY")
                .queryParams(issuedOn == null ? Map.of() : Map.of("issuedOn", issuedOn.toString()))
                .body(text)
                .post("/api/v1/botnet-lists")
                .then();
    }

    @Test
    void anAdvisoryFindsTheVulnerableVersionsOfItsOwnerOnly() {
        String reference = InventoryFeed.unique("1943/CATTT-NCSC");
        String advisoryId = advisory(reference, "F5", "BIG-IP", "16.1.0", "16.1.4.1");
        UUID vulnerable = UUID.randomUUID();
        UUID patched = UUID.randomUUID();
        inventory.asset(
                vulnerable,
                UNIT,
                UNIT_PATH,
                "bigip-1",
                0,
                List.of(NET + "10"),
                List.of(Product.named("F5", "BIG-IP", "16.1.4"), Product.named("OpenSSL", "OpenSSL", "3.0.11")));
        inventory.asset(
                patched,
                UNIT,
                UNIT_PATH,
                "bigip-2",
                0,
                List.of(NET + "11"),
                List.of(Product.named("f5", "big-ip", "16.1.4.1")));

        awaitAsset(vulnerable, 0);
        awaitAsset(patched, 0);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> exposures("khanhhoa-coordinator", Map.of("advisoryId", advisoryId, "organization", UNIT))
                                .body("items", hasSize(1))
                                .body("items[0].assetId", equalTo(vulnerable.toString()))
                                .body("items[0].subject", equalTo("F5 BIG-IP 16.1.4"))
                                .body("items[0].severity", equalTo("CRITICAL"))
                                .body("items[0].advisoryReference", equalTo(reference))
                                .body("items[0].status", equalTo("OPEN")));
        exposures("bank-admin", Map.of("advisoryId", advisoryId)).body("items", hasSize(0));
        // Its export likewise: a header and nothing else; naming the unit is refused as the list refuses it.
        String exported = as("bank-admin")
                .queryParam("advisoryId", advisoryId)
                .get("/api/v1/exposures/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(1, exported.strip().split("\r\n").length, exported);
        assertProblem(
                as("bank-admin")
                        .queryParam("organization", UNIT)
                        .get("/api/v1/exposures/export")
                        .then(),
                400,
                "invalid-request");
        String id = exposures("authority", Map.of("advisoryId", advisoryId, "organization", UNIT))
                .extract()
                .path("items[0].id");
        assertProblem(as("bank-admin").get("/api/v1/exposures/" + id).then(), 404, "not-found");
        assertProblem(
                as("bank-admin")
                        .contentType(ContentType.JSON)
                        .body("{\"status\":\"RESOLVED\"}")
                        .post("/api/v1/exposures/" + id + "/status")
                        .then(),
                404,
                "not-found");

        // The same asset announced again (a replay, or an unrelated change) changes nothing.
        inventory.asset(
                vulnerable,
                UNIT,
                UNIT_PATH,
                "bigip-1",
                1,
                List.of(NET + "10"),
                List.of(Product.named("F5", "BIG-IP", "16.1.4"), Product.named("OpenSSL", "OpenSSL", "3.0.11")));
        awaitAsset(vulnerable, 1);
        exposures("authority", Map.of("advisoryId", advisoryId, "organization", UNIT))
                .body("items", hasSize(1));
        as("authority")
                .get("/api/v1/exposures/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(0))
                .body("history", hasSize(1));
    }

    @Test
    void anAssetAndAListThatNamesItArrivingTogetherStillMeet() {
        // The asset side and the list side match in two transactions; neither may miss the other's uncommitted rows.
        List<UUID> assets = new java.util.ArrayList<>();
        List<String> lists = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID asset = UUID.randomUUID();
            String address = NET + (150 + i);
            inventory.asset(asset, UNIT, UNIT_PATH, "race-" + i, 0, List.of(address), List.of());
            lists.add(botnetList(InventoryFeed.unique("RACE"), address + " mirai\n")
                    .statusCode(201)
                    .extract()
                    .path("id"));
            assets.add(asset);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < assets.size(); i++) {
                exposures("authority", Map.of("botnetListId", lists.get(i), "assetId", assets.get(i)))
                        .body("items", hasSize(1));
            }
        });
    }

    /**
     * A constituency that comes after the list: the organisation's new range is matched by the scheduled job against
     * the active lists (it takes the matching lock exclusively), and the listed address in it becomes a range hit.
     */
    @Test
    void aRangeGivenAfterTheListIsMatchedAgainstIt() {
        String net = InventoryFeed.randomNetwork24();
        String listId = botnetList(InventoryFeed.unique("LATE/BOTNET"), net + "91 mirai\n")
                .statusCode(201)
                .extract()
                .path("id");
        String late = InventoryFeed.unique("LATE");
        inventory.organization(late, "/UBND-KH/STTTT-KH/" + late + "/", 0, List.of(net + "0/24"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> exposures("authority", Map.of("botnetListId", listId))
                        .body("items", hasSize(1))
                        .body("items[0].organizationCode", equalTo(late))
                        .body("items[0].subject", equalTo(net + "91"))
                        .body("items[0].network", equalTo(net + "0/24")));
    }

    @Test
    void aBotnetListHitsAssetsAndConstituencyAndIsMatchedOnce() {
        UUID mail = UUID.randomUUID();
        inventory.asset(mail, UNIT, UNIT_PATH, "mail", 0, List.of(NET + "25"), List.of());
        awaitAsset(mail, 0);
        String text = """
                # Danh sách IP botnet tháng 01/2024
                %s25   mirai
                %s77   ; an address of the unit's range that is no registered asset
                192.0.2.7
                """.formatted(NET, NET);
        String reference = InventoryFeed.unique("01/2024/BOTNET");
        // 192.0.2.7 is documentation space: skipped and reported, never a hit.
        String listId = botnetList(reference, text)
                .statusCode(201)
                .body("entryCount", equalTo(2))
                .body("skipped.count", equalTo(1))
                .body("kind", equalTo("MONTHLY"))
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> exposures("khanhhoa-coordinator", Map.of("botnetListId", listId))
                        .body("items.subject", hasItems(NET + "25", NET + "77")));
        exposures("khanhhoa-coordinator", Map.of("botnetListId", listId))
                .body("items.find { it.subject == '" + NET + "25' }.assetId", equalTo(mail.toString()))
                .body("items.find { it.subject == '" + NET + "77' }.network", equalTo(NET + "0/24"))
                .body("items.sourceKind", everyItem(equalTo("BOTNET")));
        exposures("bank-admin", Map.of("botnetListId", listId)).body("items", hasSize(0));

        // The same entries again, in another order, under the same reference: the stored list, nothing new.
        List<String> ids = exposures("authority", Map.of("botnetListId", listId))
                .body("items", hasSize(2))
                .extract()
                .path("items.id");
        botnetList(reference, "192.0.2.7\n" + NET + "77\n" + NET + "25\n")
                .statusCode(200)
                .body("id", equalTo(listId))
                .body("reference", equalTo(reference));
        // Under another reference it is another list (next month's may well repeat this one): the same exposures,
        // now evidenced by the newer list, none duplicated.
        String again = botnetList(InventoryFeed.unique("AGAIN"), "192.0.2.7\n" + NET + "77\n" + NET + "25\n")
                .statusCode(201)
                .extract()
                .path("id");
        exposures("authority", Map.of("botnetListId", again))
                .body("items", hasSize(2))
                .body("items.id", containsInAnyOrder(ids.toArray()));
    }

    /** Waits until the matcher's read model holds the asset at this version. */
    private static void awaitAsset(UUID asset, int version) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> as("authority")
                        .get("/api/v1/exposures/assets/" + asset)
                        .then()
                        .statusCode(200)
                        .body("version", equalTo(version)));
    }

    /**
     * A hit is under the latest issued list that names it and, of those issued the same day, the last published,
     * however it was matched: by a list's publication, or again by its asset's or its organisation's matching. A list
     * issued earlier and published late takes nothing, and does not reopen what the agency closed after a newer one;
     * nor does any list published before the agency closed the hit.
     * (A publication once took every hit it named and the constituency job then took some back to the first list
     * of the day: the same hit changed list back and forth.)
     */
    @Test
    void aHitStaysUnderTheLatestListHoweverItIsMatched() {
        UUID server = UUID.randomUUID();
        inventory.asset(server, UNIT, UNIT_PATH, "ranked", 0, List.of(NET + "41"), List.of());
        awaitAsset(server, 0);
        String entries = NET + "41\n" + NET + "42\n"; // the server's address, and one of the unit's range
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
        String first = listIssuedOn(yesterday, entries);
        String second = listIssuedOn(yesterday, entries);
        List<String> hits =
                underList(second).body("items", hasSize(2)).extract().path("items.id");
        String serverHit = exposures("authority", Map.of("assetId", server.toString()))
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");
        Publishing.changeStatus(serverHit, "RESOLVED", "đã gỡ mã độc");

        String older = listIssuedOn(yesterday.minusDays(5), entries);
        underList(older).body("items", hasSize(0));
        matchAgain(server);

        underList(first).body("items", hasSize(0));
        underList(second).body("items.id", containsInAnyOrder(hits.toArray()));
        closedHit(serverHit, second);

        // A hit closed under the first list of the day, as the rule before this one left some: matched again, it
        // finds the second, published before the hit was closed, which is no new evidence. It stays closed.
        pool.preparedQuery("update exposure set botnet_list_id = $1, evidence = $1::text where id = $2")
                .execute(Tuple.of(UUID.fromString(first), UUID.fromString(serverHit)))
                .await()
                .atMost(Duration.ofSeconds(10));
        matchAgain(server);
        closedHit(serverHit, first);
    }

    private void matchAgain(UUID asset) {
        pool.withTransaction(c ->
                        matcher.matchAssets(c, List.of(asset)).flatMap(report -> matcher.matchConstituency(c, UNIT)))
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    private static void closedHit(String exposure, String list) {
        as("authority")
                .get("/api/v1/exposures/" + exposure)
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("botnetListId", equalTo(list))
                .body("history.toStatus", equalTo(List.of("OPEN", "RESOLVED")));
    }

    private static String listIssuedOn(LocalDate issuedOn, String text) {
        return botnetList(InventoryFeed.unique("RANK"), text, issuedOn)
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static ValidatableResponse underList(String list) {
        return exposures("authority", Map.of("botnetListId", list));
    }

    @Test
    void theWorkflowRefusesIllegalStepsAndTheMatcherReopensOnlyOnNewEvidence() {
        UUID web = UUID.randomUUID();
        inventory.asset(web, UNIT, UNIT_PATH, "web", 0, List.of(NET + "80"), List.of());
        awaitAsset(web, 0);
        String first = InventoryFeed.unique("02/2024/BOTNET");
        botnetList(first, NET + "80\n203.0.113." + (int) (Math.random() * 250) + "\n")
                .statusCode(201)
                .body("matching.detected", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        String id = exposures("khanhhoa-coordinator", Map.of("assetId", web.toString()))
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");

        String path = "/api/v1/exposures/" + id + "/status";
        as("khanhhoa-coordinator")
                .contentType(ContentType.JSON)
                .body("{\"status\":\"ACKNOWLEDGED\",\"note\":\"Đã nhận\"}")
                .post(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("allowedNext", not(hasItem("OPEN")));
        assertProblem(
                as("khanhhoa-coordinator")
                        .contentType(ContentType.JSON)
                        .body("{\"status\":\"RISK_ACCEPTED\"}")
                        .post(path)
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("khanhhoa-auditor")
                        .contentType(ContentType.JSON)
                        .body("{\"status\":\"RESOLVED\"}")
                        .post(path)
                        .then(),
                403,
                "forbidden");
        as("khanhhoa-coordinator")
                .contentType(ContentType.JSON)
                .body("{\"status\":\"RESOLVED\",\"note\":\"Đã gỡ mã độc, cài lại máy chủ\"}")
                .post(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"));
        assertProblem(
                        as("khanhhoa-coordinator")
                                .contentType(ContentType.JSON)
                                .body("{\"status\":\"ACKNOWLEDGED\"}")
                                .post(path)
                                .then(),
                        409,
                        "illegal-transition")
                .body("allowed", equalTo(List.of("OPEN")));

        // The asset announced again: the same list, the same evidence, the exposure stays resolved.
        inventory.asset(web, UNIT, UNIT_PATH, "web", 1, List.of(NET + "80"), List.of());
        awaitAsset(web, 1);
        as("khanhhoa-coordinator").get("/api/v1/exposures/" + id).then().body("status", equalTo("RESOLVED"));
        // Next month's list still has the address: new evidence, the exposure opens again, with its history.
        String second = InventoryFeed.unique("03/2024/BOTNET");
        botnetList(second, NET + "80\n").statusCode(201).body("matching.reopened", equalTo(1));
        as("khanhhoa-coordinator")
                .get("/api/v1/exposures/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("botnetListReference", equalTo(second))
                .body("history.toStatus", equalTo(List.of("OPEN", "ACKNOWLEDGED", "RESOLVED", "OPEN")))
                .body("history[3].actor", equalTo("matcher"));

        // Bulk: one in scope moves, one unknown is listed as not found.
        UUID unknown = UUID.randomUUID();
        as("khanhhoa-coordinator")
                .contentType(ContentType.JSON)
                .body("{\"ids\":[\"" + id + "\",\"" + unknown + "\"],\"status\":\"IN_PROGRESS\"}")
                .post("/api/v1/exposures/status")
                .then()
                .statusCode(200)
                .body("changed", equalTo(List.of(id)))
                .body("refused[0].id", equalTo(unknown.toString()))
                .body("refused[0].reason", equalTo("not-found"));
        as("khanhhoa-coordinator")
                .queryParam("organization", "STTTT-KH")
                .get("/api/v1/exposures/summary")
                .then()
                .statusCode(200)
                .body("[0].organizationCode", equalTo("STTTT-KH"))
                .body(
                        "find { it.organizationCode == '" + UNIT + "' }.inProgress",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void anAddressRegisteredAfterTheListHandsItsRangeHitOverToTheAsset() {
        String reference = InventoryFeed.unique("LATE-ASSET");
        String listId = botnetList(reference, NET + "99 mozi\n")
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> exposures("khanhhoa-coordinator", Map.of("botnetListId", listId))
                        .body("items", hasSize(1))
                        .body("items[0].network", equalTo(NET + "0/24")));
        String rangeHit = exposures("khanhhoa-coordinator", Map.of("botnetListId", listId))
                .extract()
                .path("items[0].id");

        UUID camera = UUID.randomUUID();
        inventory.asset(camera, UNIT, UNIT_PATH, "camera", 0, List.of(NET + "99"), List.of());
        awaitAsset(camera, 0);
        exposures("khanhhoa-coordinator", Map.of("botnetListId", listId, "status", "OPEN"))
                .body("items", hasSize(1))
                .body("items[0].assetId", equalTo(camera.toString()));
        as("khanhhoa-coordinator")
                .get("/api/v1/exposures/" + rangeHit)
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("history[1].actor", equalTo("matcher"));
    }

    @Test
    void aBadBotnetListIsRefusedWithItsLinesAndStoresNothing() {
        String reference = InventoryFeed.unique("BAD");
        botnetList(reference, "203.0.113.5\nnot-an-ip\n203.0.113.300\n")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("botnet-list-rejected"))
                .body("errors.row", equalTo(List.of(2, 3)))
                .body("errors[0].field", equalTo("ip"));
        List<String> references = as("authority")
                .queryParam("limit", 500)
                .get("/api/v1/botnet-lists")
                .then()
                .statusCode(200)
                .extract()
                .path("items.reference");
        org.junit.jupiter.api.Assertions.assertFalse(references.contains(reference));
        as("national-feed")
                .contentType("application/xml")
                .queryParam("reference", reference)
                .body("<list/>")
                .post("/api/v1/botnet-lists")
                .then()
                .statusCode(415);
        assertProblem(
                as("national-feed")
                        .contentType("text/plain")
                        .body("203.0.113.5\n")
                        .post("/api/v1/botnet-lists")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("khanhhoa-coordinator")
                        .contentType("text/plain")
                        .queryParam("reference", reference)
                        .body("203.0.113.5\n")
                        .post("/api/v1/botnet-lists")
                        .then(),
                403,
                "forbidden");
    }
}
