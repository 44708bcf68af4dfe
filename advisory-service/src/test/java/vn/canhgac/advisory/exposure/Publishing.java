package vn.canhgac.advisory.exposure;

import static vn.canhgac.commons.testing.Api.as;

import io.restassured.http.ContentType;
import java.util.Map;
import vn.canhgac.advisory.InventoryFeed;

/**
 * What the exposure tests (and the tests of other packages that need an advisory published) do through the API
 * before they look at the exposures: advisories, lists, withdrawals, statuses.
 */
public final class Publishing {

    private Publishing() {}

    /** A botnet list of these lines under a new reference, from the national feed; answers its id. */
    static String botnetList(String text) {
        return as("national-feed")
                .contentType("text/plain")
                .queryParam("reference", InventoryFeed.unique("LIST"))
                .body(text)
                .post("/api/v1/botnet-lists")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The Authority publishes this advisory (JSON); answers its id. */
    public static String advisory(String json) {
        return as("authority")
                .contentType(ContentType.JSON)
                .body(json)
                .post("/api/v1/advisories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void withdrawAdvisory(String advisory, String reason) {
        withdraw("/api/v1/advisories/" + advisory, reason);
    }

    static void withdrawBotnetList(String list, String reason) {
        withdraw("/api/v1/botnet-lists/" + list, reason);
    }

    /** The Authority withdraws what {@code path} names, with the reason. */
    private static void withdraw(String path, String reason) {
        as("authority")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", reason))
                .post(path + "/withdrawal")
                .then()
                .statusCode(200);
    }

    /** The Authority moves an exposure to {@code status}, with a note when one is given. */
    static void changeStatus(String exposure, String status, String note) {
        as("authority")
                .contentType(ContentType.JSON)
                .body(note == null ? Map.of("status", status) : Map.of("status", status, "note", note))
                .post("/api/v1/exposures/" + exposure + "/status")
                .then()
                .statusCode(200);
    }
}
