package vn.canhgac.inventory;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import vn.canhgac.commons.testing.Api;
import vn.canhgac.commons.testing.RunIds;

/**
 * The demo organisation tree the tests of every concept stand on, created through the API once per JVM (creating
 * what exists answers 409 and changes nothing). Called from a test method or @BeforeEach, never a static
 * @BeforeAll: REST Assured points at the application under test only once a test runs.
 */
public final class DemoTree {

    private static boolean ready;

    private DemoTree() {}

    public static synchronized void ensure() {
        if (ready) {
            return;
        }
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        create(null, "UBND-KH", "PROVINCE", "Ủy ban nhân dân tỉnh Khánh Hòa");
        create("UBND-KH", "STTTT-KH", "DEPARTMENT", "Sở Thông tin và Truyền thông tỉnh Khánh Hòa");
        create("STTTT-KH", "UBND-CAMRANH", "DISTRICT", "Ủy ban nhân dân thành phố Cam Ranh");
        create(null, "NHTM-A", "BANK", "Ngân hàng Thương mại Cổ phần A");
        ready = true;
    }

    private static void create(String parent, String code, String kind, String nameVi) {
        String parentJson = parent == null ? "null" : "\"" + parent + "\"";
        as("authority").body("""
                        {"code":"%s","kind":"%s","nameVi":"%s","parentCode":%s}""".formatted(code, kind, nameVi, parentJson)).post("/api/v1/organizations");
    }

    public static RequestSpecification as(String who) {
        return Api.as(who).contentType(ContentType.JSON);
    }

    /** A short random suffix, so that each run's objects are its own. */
    public static String unique() {
        return RunIds.next(6).toUpperCase();
    }
}
