package vn.canhgac.advisory.botnet;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.commons.time.Vietnam;

/** Botnet lists published in each format and compared with the previous list of their issuer. */
@QuarkusTest
class BotnetListResourceTest {

    @Test
    void aListIsComparedWithThePreviousListOfItsIssuer() throws IOException {
        String issuer = InventoryFeed.unique("NCSC");
        String net = InventoryFeed.randomNetwork24();
        String january = as("national-feed")
                .contentType("text/csv")
                .queryParam("reference", InventoryFeed.unique("01/2024"))
                .queryParam("issuer", issuer)
                .queryParam("issuedOn", "2024-01-05")
                .queryParam("kind", "MONTHLY")
                .body("ip,botnet\n" + net + "1,Mirai\n" + net + "2,Mirai\n" + net + "3,Gafgyt\n")
                .post("/api/v1/botnet-lists")
                .then()
                .statusCode(201)
                .body("format", equalTo("CSV"))
                .body("previousId", equalTo(null))
                .extract()
                .path("id");

        String bundle;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/botnet-stix.json")) {
            bundle = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("HOST_A", net + "2")
                    .replace("HOST_B", net + "3");
        }
        String february = as("national-feed")
                .contentType("application/stix+json")
                .queryParam("reference", InventoryFeed.unique("02/2024"))
                .queryParam("issuer", issuer)
                .queryParam("issuedOn", "2024-02-05")
                .queryParam("kind", "MONTHLY")
                .body(bundle)
                .post("/api/v1/botnet-lists")
                .then()
                .statusCode(201)
                .body("format", equalTo("STIX"))
                .body("entryCount", equalTo(4))
                .body("previousId", equalTo(january))
                .extract()
                .path("id");

        as("khanhhoa-coordinator")
                .get("/api/v1/botnet-lists/" + february + "/diff")
                .then()
                .statusCode(200)
                .body("previousId", equalTo(january))
                .body("added", equalTo(2))
                .body("removed", equalTo(1))
                .body("kept", equalTo(2));
        as("authority")
                .queryParam("change", "REMOVED")
                .get("/api/v1/botnet-lists/" + february + "/entries")
                .then()
                .statusCode(200)
                .body("items.network", equalTo(List.of(net + "1/32")))
                .body("items[0].label", equalTo("Mirai"));
        as("authority")
                .queryParam("change", "ADDED")
                .get("/api/v1/botnet-lists/" + february + "/entries")
                .then()
                .statusCode(200)
                .body("items.network", equalTo(List.of("185.220.101.0/24", "2a0b:4140:bad::1/128")));
        as("authority")
                .queryParam("limit", 1)
                .get("/api/v1/botnet-lists/" + february + "/entries")
                .then()
                .statusCode(200)
                .body("items.network", equalTo(List.of(net + "2/32")));
        assertProblem(
                as("bank-admin")
                        .get("/api/v1/botnet-lists/" + february + "/entries")
                        .then(),
                403,
                "forbidden");
    }

    @Test
    void badListsOfEveryFormatAreRefusedAndStoreNothing() {
        String reference = InventoryFeed.unique("BAD-FORMAT");
        assertProblem(
                as("national-feed")
                        .contentType("text/csv")
                        .queryParam("reference", reference)
                        .body("when,where\n2024-01-01,somewhere\n")
                        .post("/api/v1/botnet-lists")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                        as("national-feed")
                                .contentType("text/csv")
                                .queryParam("reference", reference)
                                .body("ip,botnet\n203.0.113.1,Mirai\n203.0.113.x,Mirai\n")
                                .post("/api/v1/botnet-lists")
                                .then(),
                        422,
                        "botnet-list-rejected")
                .body("errors[0].row", equalTo(3));
        assertProblem(
                as("national-feed")
                        .contentType("application/json")
                        .queryParam("reference", reference)
                        .body("{\"type\":\"indicator\",\"objects\":[]}")
                        .post("/api/v1/botnet-lists")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("national-feed")
                        .contentType("application/json")
                        .queryParam("reference", reference)
                        .body("{\"type\":\"bundle\",\"objects\":[{\"type\":\"ipv4-addr\",\"value\":\"10.0.0.300\"}]}")
                        .post("/api/v1/botnet-lists")
                        .then(),
                422,
                "botnet-list-rejected");
        assertProblem(
                as("national-feed")
                        .contentType("text/plain")
                        .queryParam("reference", reference)
                        .body("# only a comment\n")
                        .post("/api/v1/botnet-lists")
                        .then(),
                400,
                "invalid-request");
        assertProblem(
                as("national-feed")
                        .contentType("application/json")
                        .queryParam("reference", reference)
                        .body("[{\"ip_address\":\"45.79.19.196\"}, 7, {\"ip\":")
                        .post("/api/v1/botnet-lists")
                        .then(),
                422,
                "botnet-list-rejected");
        // Only the Authority forces prefixes wider than /8 or /32.
        assertProblem(
                as("national-feed")
                        .contentType("text/plain")
                        .queryParam("reference", reference)
                        .queryParam("widePrefixes", true)
                        .body("2a0b:7e80::/29\n")
                        .post("/api/v1/botnet-lists")
                        .then(),
                403,
                "forbidden");
        assertProblem(
                as("national-feed")
                        .contentType("text/plain")
                        .queryParam("reference", reference)
                        .body("2a0b:7e80::/29\n")
                        .post("/api/v1/botnet-lists")
                        .then(),
                422,
                "botnet-list-rejected");
        // A list dated after today in Vietnam would outrank every list issued until that day.
        String tomorrow = Vietnam.today().plusDays(1).toString();
        assertProblem(
                        as("national-feed")
                                .contentType("text/plain")
                                .queryParam("reference", reference)
                                .queryParam("issuedOn", tomorrow)
                                .body("198.51.100.7\n")
                                .post("/api/v1/botnet-lists")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("issuedOn"))
                .body("errors[0].message", containsString(tomorrow));
        assertProblem(
                        as("national-feed")
                                .contentType("text/plain")
                                .header("Accept-Language", "vi")
                                .queryParam("reference", reference)
                                .queryParam("issuedOn", "2024-03-10")
                                .queryParam("dueOn", "2024-03-09")
                                .body("198.51.100.7\n")
                                .post("/api/v1/botnet-lists")
                                .then(),
                        400,
                        "invalid-request")
                .body("errors[0].field", equalTo("dueOn"))
                .body("errors[0].message", containsString("sớm hơn ngày ban hành danh sách"));
        as("authority")
                .queryParam("limit", 500)
                .get("/api/v1/botnet-lists")
                .then()
                .statusCode(200)
                .body("items.reference", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(reference)));
    }
}
