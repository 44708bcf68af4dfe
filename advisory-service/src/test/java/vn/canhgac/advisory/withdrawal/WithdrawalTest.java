package vn.canhgac.advisory.withdrawal;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.advisory.InventoryFeed.Product;

/** An advisory or a botnet list published by mistake is withdrawn: its exposures close, it matches nothing more. */
@QuarkusTest
class WithdrawalTest {

    private static InventoryFeed inventory;
    private static final String UNIT = InventoryFeed.unique("WD");
    private static final String UNIT_PATH = "/UBND-KH/STTTT-KH/" + UNIT + "/";
    /** A public address (botnet lists refuse private and reserved ranges). */
    private static final String ADDRESS =
            "203.162." + (100 + ThreadLocalRandom.current().nextInt(100)) + "."
                    + (1 + ThreadLocalRandom.current().nextInt(250));

    @BeforeAll
    static void inventory() {
        inventory = InventoryFeed.withUnitOfKhanhHoa(UNIT);
    }

    @BeforeEach
    void replicated() {
        InventoryFeed.awaitOrganization(UNIT);
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    @Test
    void aWithdrawnAdvisoryClosesItsExposuresWithTheReasonAndMatchesNothingMore() {
        String product = InventoryFeed.unique("Portal");
        String advisory = as("authority")
                .contentType(ContentType.JSON)
                .body("""
                        {"reference":"%s","issuer":"NCSC","title":"Sai sản phẩm","issuedOn":"2024-01-10","severity":"HIGH",
                         "cves":["CVE-2024-0001"],"affected":[{"vendor":"Acme","product":"%s","startIncluding":"1.0",
                         "endExcluding":"2.0"}]}""".formatted(InventoryFeed.unique("99/CATTT-NCSC"), product))
                .post("/api/v1/advisories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID asset = UUID.randomUUID();
        inventory.asset(
                asset,
                UNIT,
                UNIT_PATH,
                "portal-wd",
                0,
                List.of(ADDRESS),
                List.of(Product.named("Acme", product, "1.5")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("authority")
                        .queryParam("advisoryId", advisory)
                        .get("/api/v1/exposures")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].status", equalTo("OPEN")));

        String withdrawal = "/api/v1/advisories/" + advisory + "/withdrawal";
        assertProblem(
                as("khanhhoa-coordinator")
                        .contentType(ContentType.JSON)
                        .body("{\"reason\":\"nhầm\"}")
                        .post(withdrawal)
                        .then(),
                403,
                "forbidden");
        assertProblem(
                as("national-feed")
                        .contentType(ContentType.JSON)
                        .body("{\"reason\":\"not mine\"}")
                        .post(withdrawal)
                        .then(),
                403,
                "forbidden");
        assertProblem(
                as("authority")
                        .contentType(ContentType.JSON)
                        .body("{\"reason\":\"\"}")
                        .post(withdrawal)
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("authority")
                        .contentType(ContentType.JSON)
                        .body("{\"reason\":\"x\"}")
                        .post("/api/v1/advisories/" + UUID.randomUUID() + "/withdrawal")
                        .then(),
                404,
                "not-found");

        as("authority")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Published for the wrong product\"}")
                .post(withdrawal)
                .then()
                .statusCode(200)
                .body("exposuresClosed", equalTo(1))
                .body("reason", equalTo("Published for the wrong product"));
        as("authority")
                .get("/api/v1/advisories/" + advisory)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        as("khanhhoa-coordinator")
                .queryParam("advisoryId", advisory)
                .queryParam("status", "WITHDRAWN")
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        assertProblem(
                as("authority")
                        .contentType(ContentType.JSON)
                        .body("{\"reason\":\"again\"}")
                        .post(withdrawal)
                        .then(),
                409,
                "already-withdrawn");

        // A new version of the product installed later is not matched by the withdrawn advisory.
        UUID later = UUID.randomUUID();
        inventory.asset(
                later, UNIT, UNIT_PATH, "portal-wd-2", 0, List.of(), List.of(Product.named("Acme", product, "1.6")));
        InventoryFeed.awaitAsset(later);
        as("authority")
                .queryParam("advisoryId", advisory)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items.status", everyItem(equalTo("WITHDRAWN")));
    }

    /**
     * A list withdrawn by mistake takes nothing from another active list that names the same address: the hit is
     * withdrawn with it, and reopens under the other list within seconds, without waiting for the asset's next
     * event.
     */
    @Test
    void aHitAnotherActiveListStillNamesReopensUnderThatList() {
        String address = "203.163." + (1 + ThreadLocalRandom.current().nextInt(250)) + "."
                + (1 + ThreadLocalRandom.current().nextInt(250));
        UUID asset = UUID.randomUUID();
        inventory.asset(asset, UNIT, UNIT_PATH, "listed-wd", 0, List.of(address), List.of());
        InventoryFeed.awaitAsset(asset);
        String first = publishList(address);
        String second = publishList(address);
        as("authority")
                .queryParam("assetId", asset)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].botnetListId", equalTo(second));

        as("national-feed")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Sent twice\"}")
                .post("/api/v1/botnet-lists/" + second + "/withdrawal")
                .then()
                .statusCode(200)
                .body("exposuresClosed", equalTo(1));
        // No event of the asset: the withdrawal asked for it to be matched again, and that is done within seconds.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("authority")
                        .queryParam("assetId", asset)
                        .get("/api/v1/exposures")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].status", equalTo("OPEN"))
                        .body("items[0].botnetListId", equalTo(first)));
    }

    private static String publishList(String address) {
        return as("national-feed")
                .contentType("text/plain; charset=utf-8")
                .queryParam("reference", InventoryFeed.unique("AD-HOC"))
                .queryParam("kind", "AD_HOC")
                .body(address + "\n")
                .post("/api/v1/botnet-lists")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void theFeedThatPublishedABotnetListMayWithdrawIt() {
        String list = as("national-feed")
                .contentType("text/plain; charset=utf-8")
                .queryParam("reference", InventoryFeed.unique("AD-HOC"))
                .queryParam("kind", "AD_HOC")
                .body(ADDRESS + " Mirai\n")
                .post("/api/v1/botnet-lists")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertProblem(
                as("bank-admin")
                        .contentType(ContentType.JSON)
                        .body("{\"reason\":\"x\"}")
                        .post("/api/v1/botnet-lists/" + list + "/withdrawal")
                        .then(),
                403,
                "forbidden");
        as("national-feed")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"0.0.0.0/0 by mistake\"}")
                .post("/api/v1/botnet-lists/" + list + "/withdrawal")
                .then()
                .statusCode(200)
                .body("kind", equalTo("botnet-list"));
    }
}
