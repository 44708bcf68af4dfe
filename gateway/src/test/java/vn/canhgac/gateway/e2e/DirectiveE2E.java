package vn.canhgac.gateway.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.canhgac.gateway.e2e.Platform.as;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed letter's chain through the gateway (demo data): 6410/BTTTT-CATTT reached the province, which forwarded
 * it as 839/UBND-KGVX to its department; the department reports, the province downloads the compiled report.
 */
class DirectiveE2E {

    @Test
    void theDepartmentReportsOnTheForwardedDirectiveAndTheProvinceCompilesIt() {
        List<String> references = as("khanhhoa-coordinator")
                .get("/api/v1/directives")
                .then()
                .statusCode(200)
                .body("items.reference", hasItem("839/UBND-KGVX"))
                .body("items.reference", not(hasItem("6410/BTTTT-CATTT")))
                .extract()
                .path("items.reference");
        List<String> ids = as("khanhhoa-coordinator")
                .get("/api/v1/directives")
                .then()
                .extract()
                .path("items.id");
        String d839 = ids.get(references.indexOf("839/UBND-KGVX"));

        as("khanhhoa-coordinator")
                .body("""
                        {"items":[{"code":"1a","status":"DONE","text":"Đã rà soát các hệ thống cấp độ 3"},
                                  {"code":"1b","status":"DONE","text":"Trực 24/7 từ 08/02 đến 14/02"},
                                  {"code":"1c","status":"IN_PROGRESS"}],
                         "text":"Sở TT&TT Khánh Hòa báo cáo"}""")
                .put("/api/v1/directives/" + d839 + "/report")
                .then()
                .statusCode(200);
        as("khanhhoa-ubnd")
                .accept("text/csv")
                .get("/api/v1/directives/" + d839 + "/recipients")
                .then()
                .statusCode(200)
                .body(containsString("STTTT-KH"))
                .body(containsString("DONE: Trực 24/7 từ 08/02 đến 14/02"));
        as("bank-admin").get("/api/v1/directives/" + d839).then().statusCode(404);
    }
}
