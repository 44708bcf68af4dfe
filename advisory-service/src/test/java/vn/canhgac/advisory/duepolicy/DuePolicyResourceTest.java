package vn.canhgac.advisory.duepolicy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static vn.canhgac.commons.testing.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.advisory.InventoryFeed.Product;
import vn.canhgac.advisory.exposure.Publishing;

/** The national due policy: everyone reads it, only the Authority sets it, and new exposures follow it. */
@QuarkusTest
class DuePolicyResourceTest {

    private static final String DEFAULTS = "{\"critical\":3,\"high\":7,\"medium\":30,\"low\":90}";
    private static final String UNIT = InventoryFeed.unique("DUE");
    private static final String UNIT_PATH = "/UBND-KH/STTTT-KH/" + UNIT + "/";
    private static InventoryFeed inventory;

    @BeforeAll
    static void inventory() {
        inventory = InventoryFeed.withUnitOfKhanhHoa(UNIT);
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    private static String etag() {
        return as("authority")
                .get("/api/v1/due-policy")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "authority",
                "khanhhoa-coordinator",
                "bank-admin",
                "khanhhoa-auditor",
                "camranh-operator",
                "national-feed"
            })
    void everyoneReadsIt(String who) {
        as(who).get("/api/v1/due-policy")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("critical", notNullValue())
                .body("low", notNullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"khanhhoa-coordinator", "bank-admin", "national-feed"})
    void onlyTheAuthoritySetsIt(String who) {
        as(who).contentType(ContentType.JSON)
                .header("If-Match", etag())
                .body(DEFAULTS)
                .put("/api/v1/due-policy")
                .then()
                .statusCode(403);
    }

    @Test
    void aChangeNeedsTheCurrentVersionAndSaneDays() {
        as("authority")
                .contentType(ContentType.JSON)
                .body(DEFAULTS)
                .put("/api/v1/due-policy")
                .then()
                .statusCode(428);
        as("authority")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"999999\"")
                .body(DEFAULTS)
                .put("/api/v1/due-policy")
                .then()
                .statusCode(412);
        for (String bad : List.of(
                "{\"critical\":0,\"high\":7,\"medium\":30,\"low\":90}",
                "{\"critical\":3,\"high\":7,\"medium\":30,\"low\":366}",
                "{\"critical\":3,\"high\":7,\"medium\":30}",
                "{\"critical\":\"soon\",\"high\":7,\"medium\":30,\"low\":90}")) {
            as("authority")
                    .contentType(ContentType.JSON)
                    .header("If-Match", etag())
                    .body(bad)
                    .put("/api/v1/due-policy")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        as("authority")
                .get("/api/v1/due-policy")
                .then()
                .body("critical", equalTo(3))
                .body("low", equalTo(90));
    }

    @Test
    void newExposuresAreDueAsThePolicySays() {
        as("authority")
                .contentType(ContentType.JSON)
                .header("If-Match", etag())
                .body("{\"critical\":2,\"high\":5,\"medium\":20,\"low\":60}")
                .put("/api/v1/due-policy")
                .then()
                .statusCode(200)
                .body("high", equalTo(5));
        try {
            String product = InventoryFeed.unique("Portal");
            UUID asset = UUID.randomUUID();
            InventoryFeed.awaitOrganization(UNIT);
            inventory.asset(
                    asset,
                    UNIT,
                    UNIT_PATH,
                    "due-1",
                    0,
                    List.of(),
                    List.of(Product.named("Canh Software", product, "1.0")));
            InventoryFeed.awaitAsset(asset);
            Publishing.advisory("""
                    {"reference":"%s","issuer":"NCSC","title":"Portal","issuedOn":"%s","severity":"HIGH",
                     "affected":[{"vendor":"Canh Software","product":"%s","endExcluding":"2.0"}]}""".formatted(InventoryFeed.unique("DUE"), LocalDate.now(), product));
            as("authority")
                    .queryParam("assetId", asset)
                    .get("/api/v1/exposures")
                    .then()
                    .statusCode(200)
                    .body("items[0].dueOn", equalTo(LocalDate.now().plusDays(5).toString()));
        } finally {
            as("authority")
                    .contentType(ContentType.JSON)
                    .header("If-Match", etag())
                    .body(DEFAULTS)
                    .put("/api/v1/due-policy")
                    .then()
                    .statusCode(200);
        }
    }
}
