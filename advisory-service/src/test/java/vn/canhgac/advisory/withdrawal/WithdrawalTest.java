package vn.canhgac.advisory.withdrawal;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
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
import vn.canhgac.advisory.exposure.Publishing;

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
        String advisory = Publishing.advisory("""
                {"reference":"%s","issuer":"NCSC","title":"Sai sản phẩm","issuedOn":"2024-01-10","severity":"HIGH",
                 "cves":["CVE-2024-0001"],"affected":[{"vendor":"Acme","product":"%s","startIncluding":"1.0",
                 "endExcluding":"2.0"}]}""".formatted(InventoryFeed.unique("99/CATTT-NCSC"), product));
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
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawal.by", equalTo("authority"))
                .body("withdrawal.reason", equalTo("Published for the wrong product"))
                .body("withdrawal.at", notNullValue());
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
     * A list withdrawn by mistake takes nothing from another active list that names the same address: the hit stays
     * open, under the other list, at once; the withdrawal closes nothing.
     */
    @Test
    void aHitAnotherActiveListStillNamesStaysOpenUnderThatList() {
        String address = randomAddress();
        UUID asset = assetAt(address, "listed-wd");
        String first = publishList(address);
        String second = publishList(address);
        assetHit(asset).body("items", hasSize(1)).body("items[0].botnetListId", equalTo(second));

        withdrawList(second).body("exposuresClosed", equalTo(0));
        assetHit(asset)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].botnetListId", equalTo(first));
    }

    /** The same for an address of an organisation's constituency that is no registered asset. */
    @Test
    void aConstituencyHitAnotherActiveListStillNamesStaysOpenUnderThatList() {
        String net = InventoryFeed.randomNetwork24();
        String ward = InventoryFeed.unique("WARD");
        inventory.organization(ward, "/UBND-KH/STTTT-KH/" + ward + "/", 0, List.of(net + "0/24"));
        InventoryFeed.awaitOrganization(ward);
        String first = publishList(net + "91");
        String second = publishList(net + "91");
        wardHit(ward).body("items[0].botnetListId", equalTo(second));

        withdrawList(second).body("exposuresClosed", equalTo(0));
        wardHit(ward).body("items[0].status", equalTo("OPEN")).body("items[0].botnetListId", equalTo(first));
    }

    private static ValidatableResponse wardHit(String organization) {
        return as("authority")
                .queryParam("organization", organization)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    /**
     * The agency had resolved a hit and a later list reopened it, or was working on one when a later list named it
     * again: that list withdrawn, the first is resolved again and the second is still in progress, both under the
     * list that still names them.
     */
    @Test
    void aWithdrawnListLeavesTheAgencysWorkAsItWasBeforeIt() {
        String fixedAddress = randomAddress();
        String workedAddress = randomAddress();
        UUID fixed = assetAt(fixedAddress, "bot-fixed");
        UUID worked = assetAt(workedAddress, "bot-worked");
        String first = publishList(fixedAddress + "\n" + workedAddress);
        String fixedHit = assetHit(fixed).extract().path("items[0].id");
        String workedHit = assetHit(worked).extract().path("items[0].id");
        changeStatus(fixedHit, "RESOLVED", "đã gỡ mã độc");
        changeStatus(workedHit, "IN_PROGRESS", "đang xử lý");

        String second = publishList(fixedAddress + "\n" + workedAddress);
        assetHit(fixed).body("items[0].status", equalTo("OPEN")).body("items[0].botnetListId", equalTo(second));
        assetHit(worked).body("items[0].status", equalTo("IN_PROGRESS")).body("items[0].botnetListId", equalTo(second));

        withdrawList(second).body("exposuresClosed", equalTo(0));
        assetHit(fixed).body("items[0].status", equalTo("RESOLVED")).body("items[0].botnetListId", equalTo(first));
        assetHit(worked).body("items[0].status", equalTo("IN_PROGRESS")).body("items[0].botnetListId", equalTo(first));
        as("authority")
                .get("/api/v1/exposures/" + fixedHit)
                .then()
                .statusCode(200)
                .body("history[-1].note", startsWith("back as it was before"));
    }

    /** An asset of the unit at this address, in advisory-service's read model; answers its id. */
    private static UUID assetAt(String address, String hostname) {
        UUID asset = UUID.randomUUID();
        inventory.asset(asset, UNIT, UNIT_PATH, hostname, 0, List.of(address), List.of());
        InventoryFeed.awaitAsset(asset);
        return asset;
    }

    private static String randomAddress() {
        return "203.163." + (1 + ThreadLocalRandom.current().nextInt(250)) + "."
                + (1 + ThreadLocalRandom.current().nextInt(250));
    }

    private static ValidatableResponse assetHit(UUID asset) {
        return as("authority")
                .queryParam("assetId", asset)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    private static void changeStatus(String exposure, String status, String note) {
        as("khanhhoa-coordinator")
                .contentType(ContentType.JSON)
                .body("{\"status\":\"%s\",\"note\":\"%s\"}".formatted(status, note))
                .post("/api/v1/exposures/" + exposure + "/status")
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse withdrawList(String list) {
        return as("national-feed")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Sent twice\"}")
                .post("/api/v1/botnet-lists/" + list + "/withdrawal")
                .then()
                .statusCode(200);
    }

    private static String publishList(String address) {
        return publishList(InventoryFeed.unique("AD-HOC"), address);
    }

    private static String publishList(String reference, String address) {
        return as("national-feed")
                .contentType("text/plain; charset=utf-8")
                .queryParam("reference", reference)
                .queryParam("kind", "AD_HOC")
                .body(address + "\n")
                .post("/api/v1/botnet-lists")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * A withdrawn list says when, by whom and why, and the same file sent again under its reference is refused: were
     * it answered as the stored list, its sender would believe it active while it matches nothing. The issuer's
     * lists, published before the withdrawal or after it, are compared with the latest list still active before
     * them, not with the withdrawn one.
     */
    @Test
    void aWithdrawnListSaysSoAndTheSameFileAgainIsRefused() {
        String address = randomAddress();
        UUID asset = assetAt(address, "bot-again");
        String active = publishList(randomAddress());
        String reference = InventoryFeed.unique("AD-HOC");
        String withdrawn = publishList(reference, address);
        as("authority")
                .get("/api/v1/botnet-lists/" + withdrawn)
                .then()
                .statusCode(200)
                .body("withdrawal", nullValue());
        String later = publishList(InventoryFeed.unique("AD-HOC"), randomAddress());
        previousOf(later, withdrawn);
        withdrawList(withdrawn);
        previousOf(later, active);

        as("khanhhoa-coordinator")
                .get("/api/v1/botnet-lists/" + withdrawn)
                .then()
                .statusCode(200)
                .body("withdrawal.by", equalTo("service-account-national-feed"))
                .body("withdrawal.reason", equalTo("Sent twice"))
                .body("withdrawal.at", notNullValue());
        as("authority")
                .queryParam("limit", 500)
                .get("/api/v1/botnet-lists")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '%s' }.withdrawal.reason".formatted(withdrawn), equalTo("Sent twice"))
                .body("items.find { it.id == '%s' }.withdrawal".formatted(active), nullValue());
        assertProblem(
                        as("national-feed")
                                .contentType("text/plain; charset=utf-8")
                                .header("Accept-Language", "vi")
                                .queryParam("reference", reference)
                                .body(address + "\n")
                                .post("/api/v1/botnet-lists")
                                .then(),
                        409,
                        "botnet-list-withdrawn")
                .body("detail", containsString("Sent twice"))
                .body("detail", containsString("số hiệu mới"));
        assetHit(asset).body("items[0].status", equalTo("WITHDRAWN"));

        previousOf(publishList(InventoryFeed.unique("AD-HOC"), randomAddress()), later);
    }

    private static void previousOf(String list, String previous) {
        as("authority")
                .get("/api/v1/botnet-lists/" + list)
                .then()
                .statusCode(200)
                .body("previousId", equalTo(previous));
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
