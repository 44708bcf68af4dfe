package vn.canhgac.advisory.exposure;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.advisory.InventoryFeed.Product;

/**
 * An escalation reminder tells a parent of its units' long-overdue exposures, and its link lists them with
 * {@code parent}: the organisations directly under it, not the parent's own exposures nor its grandchildren's
 * (those are escalated to their own parents). With {@code organization}, the link listed all three.
 */
@QuarkusTest
class ExposuresByParentTest {

    private static final String UNIT = InventoryFeed.unique("PARENT");
    private static final String UNIT_PATH = "/UBND-KH/STTTT-KH/" + UNIT + "/";
    private static final String CHILD = InventoryFeed.unique("CHILD");
    private static final String CHILD_PATH = UNIT_PATH + CHILD + "/";
    private static final String PRODUCT = InventoryFeed.unique("gateway");

    private static InventoryFeed inventory;

    @BeforeAll
    static void inventory() {
        inventory = InventoryFeed.withUnitOfKhanhHoa(UNIT);
        inventory.organization(CHILD, CHILD_PATH, 0, List.of());
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    @Test
    void theUnitsDirectlyUnderAParentAreListedWithoutItsOwnNorItsGrandchildren() {
        InventoryFeed.awaitOrganization(UNIT);
        InventoryFeed.awaitOrganization(CHILD);
        UUID unitsOwn = asset(UNIT, UNIT_PATH, "own");
        UUID childs = asset(CHILD, CHILD_PATH, "child");
        String advisory = Publishing.advisory("""
                        {"reference":"%s","issuer":"NCSC","title":"Lỗ hổng","issuedOn":"2024-01-01","severity":"HIGH",
                         "affected":[{"vendor":"Acme","product":"%s","startIncluding":"1.0","endExcluding":"2.0"}]}""".formatted(InventoryFeed.unique("PARENT"), PRODUCT));

        exposures("organization", UNIT, advisory)
                .body("items.assetId", containsInAnyOrder(unitsOwn.toString(), childs.toString()));
        exposures("parent", UNIT, advisory).body("items.assetId", contains(childs.toString()));
        exposures("parent", "STTTT-KH", advisory).body("items.assetId", contains(unitsOwn.toString()));
        String file = as("authority")
                .queryParam("parent", UNIT)
                .queryParam("advisoryId", advisory)
                .get("/api/v1/exposures/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(2, file.split("\r\n").length, "a header and the child's row");

        // A parent outside the caller's scope is refused as an organisation filter is, naming the parameter.
        assertProblem(
                        as("bank-admin")
                                .queryParam("parent", UNIT)
                                .get("/api/v1/exposures")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("parent"));
        assertProblem(
                        as("authority")
                                .queryParam("parent", "KHONG-CO")
                                .get("/api/v1/exposures")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("parent"));
    }

    private static UUID asset(String organization, String path, String hostname) {
        UUID id = UUID.randomUUID();
        inventory.asset(
                id,
                organization,
                path,
                hostname + "-" + PRODUCT.toLowerCase(),
                0,
                List.of(),
                List.of(new Product("Acme", PRODUCT, "1.5", null, null)));
        InventoryFeed.awaitAsset(id);
        return id;
    }

    private static ValidatableResponse exposures(String by, String code, String advisory) {
        return as("authority")
                .queryParam(by, code)
                .queryParam("advisoryId", advisory)
                .queryParam("limit", 10)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200);
    }
}
