package vn.canhgac.notification.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;
import static vn.canhgac.notification.testing.TestContacts.DEPARTMENT_FOCAL_POINT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.canhgac.commons.testing.KhanhHoaTree;
import vn.canhgac.commons.testing.RunIds;
import vn.canhgac.notification.testing.Events;
import vn.canhgac.notification.testing.MailServer;
import vn.canhgac.notification.testing.Receiver;
import vn.canhgac.notification.testing.TestContacts;

/**
 * Webhooks against a real HTTP receiver: signed deliveries verified as a receiver would, retries after a 500,
 * rotation, disabling after repeated failure with a notice, replay; SSRF targets and bad input refused with nothing
 * stored; another organisation's webhooks out of reach.
 */
@QuarkusTest
@ExtendWith(KhanhHoaTree.class)
class WebhookResourceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String INCIDENT_REPORTED = "canhgac.notification.incident-reported.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void contacts() {
        TestContacts.announce(KhanhHoaTree.producer());
    }

    @Test
    void aDeliveryIsSignedRetriedAfterA500AndReceivedOnce() throws Exception {
        try (Receiver receiver = new Receiver().answering(500)) {
            JsonPath created = create("khanhhoa-coordinator", receiver.url("/canhgac"), List.of(INCIDENT_REPORTED));
            String secret = created.getString("secret");
            assertTrue(secret.startsWith("whsec_"), "the secret is shown once, at creation");
            String id = created.getString("id");
            as("khanhhoa-coordinator")
                    .get("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(200)
                    .body("secret", nullValue());
            try (Receiver bank = new Receiver()) {
                String bankHook =
                        create("bank-admin", bank.url("/hook"), List.of()).getString("id");

                String reference = "SC-W-" + RunIds.next(6);
                Events.report(Events.incident(
                        reference,
                        "UBND-CAMRANH",
                        "/UBND-KH/STTTT-KH/UBND-CAMRANH/",
                        "HIGH",
                        Instant.now().plusSeconds(3600)));

                await().atMost(PATIENCE).until(() -> receiver.received().size() == 2);
                Receiver.Received first = receiver.received().get(0);
                Receiver.Received second = receiver.received().get(1);
                assertEquals(first.header("webhook-id"), second.header("webhook-id"), "a retry keeps its id");
                assertEquals(first.body(), second.body());
                assertTrue(verifies(second, secret), "the signature verifies as a receiver would check it");
                JsonNode event = JSON.readTree(second.body());
                assertEquals("1.0", event.path("specversion").asText());
                assertEquals(INCIDENT_REPORTED, event.path("type").asText());
                assertEquals("STTTT-KH", event.path("data").path("organization").asText());
                assertEquals(reference, event.path("data").path("reference").asText());
                assertTrue(second.header("content-type").startsWith("application/cloudevents+json"));
                assertTrue(
                        second.header("webhook-id").matches("msg_[0-9a-f]{12}7[0-9a-f]{19}"),
                        "a time-ordered message id (UUID version 7): " + second.header("webhook-id"));

                await().atMost(PATIENCE)
                        .untilAsserted(() -> as("khanhhoa-coordinator")
                                .get("/api/v1/webhooks/" + id + "/deliveries")
                                .then()
                                .statusCode(200)
                                .body("items[0].id", equalTo(second.header("webhook-id")))
                                .body("items[0].state", equalTo("SENT"))
                                .body("items[0].attempts", equalTo(2))
                                .body("items[0].lastStatus", equalTo(200)));
                Thread.sleep(3_000);
                assertEquals(2, receiver.received().size(), "delivered once, nothing more");
                assertEquals(0, bank.received().size(), "the bank hears nothing of Cam Ranh");
                delete("bank-admin", bankHook);
            }
            delete("khanhhoa-coordinator", id);
        }
    }

    @Test
    void afterARotationBothSecretsSignUntilThePreviousOneLapses() throws Exception {
        try (Receiver receiver = new Receiver()) {
            JsonPath created = create("khanhhoa-coordinator", receiver.url("/"), List.of(INCIDENT_REPORTED));
            String id = created.getString("id");
            String oldSecret = created.getString("secret");
            String newSecret = as("khanhhoa-coordinator")
                    .post("/api/v1/webhooks/" + id + "/secret")
                    .then()
                    .statusCode(200)
                    .body("previousSecretValidUntil", org.hamcrest.Matchers.notNullValue())
                    .extract()
                    .path("secret");
            Events.report(Events.incident(
                    "SC-R-" + RunIds.next(6), "UBND-CAMRANH", "/UBND-KH/STTTT-KH/UBND-CAMRANH/", "HIGH", null));
            await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
            Receiver.Received delivered = receiver.received().getFirst();
            assertEquals(2, delivered.header("webhook-signature").split(" ").length);
            assertTrue(verifies(delivered, newSecret) && verifies(delivered, oldSecret));
            delete("khanhhoa-coordinator", id);
        }
    }

    @Test
    void aReceiverThatKeepsFailingIsDisabledItsOrganisationToldAndADeliveryReplayed() throws Exception {
        try (Receiver receiver = new Receiver().alwaysAnswer(503)) {
            String id = create("khanhhoa-coordinator", receiver.url("/down"), List.of(INCIDENT_REPORTED))
                    .getString("id");
            for (int i = 0; i < 2; i++) {
                Events.report(Events.incident(
                        "SC-D-" + RunIds.next(6), "UBND-CAMRANH", "/UBND-KH/STTTT-KH/UBND-CAMRANH/", "MEDIUM", null));
            }
            await().atMost(PATIENCE)
                    .untilAsserted(() -> as("khanhhoa-coordinator")
                            .get("/api/v1/webhooks/" + id)
                            .then()
                            .body("enabled", equalTo(false))
                            .body("disabledReason", equalTo("4 failures in a row")));
            await().atMost(PATIENCE)
                    .until(() -> MailServer.inbox(DEPARTMENT_FOCAL_POINT).stream()
                            .anyMatch(m ->
                                    m.subject().contains("Webhook") && m.text().contains(receiver.url("/down"))));

            receiver.alwaysAnswer(200);
            as("khanhhoa-coordinator")
                    .post("/api/v1/webhooks/" + id + "/enable")
                    .then()
                    .statusCode(200)
                    .body("enabled", equalTo(true))
                    .body("consecutiveFailures", equalTo(0));
            String failed = as("khanhhoa-coordinator")
                    .get("/api/v1/webhooks/" + id + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.find { it.state == 'FAILED' || it.state == 'PENDING' }.id");
            await().atMost(PATIENCE)
                    .untilAsserted(() -> as("khanhhoa-coordinator")
                            .post("/api/v1/webhooks/" + id + "/deliveries/" + failed + "/replay")
                            .then()
                            .statusCode(202));
            await().atMost(PATIENCE)
                    .until(() -> receiver.received().stream()
                            .anyMatch(r -> failed.equals(r.header("webhook-id"))
                                    && r.body().contains("\"type\"")));
            delete("khanhhoa-coordinator", id);
        }
    }

    @Test
    void insideTargetsAreRefusedAndNothingIsStored() {
        int before = count("khanhhoa-coordinator");
        for (String url : List.of(
                "http://127.0.0.2/hook",
                "http://10.0.0.5/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]:8080/",
                "http://[fd00::1]/",
                "http://0.0.0.0:22/",
                "http://[::ffff:192.168.1.1]/",
                "ftp://files.example.gov.vn/",
                "https://user:secret@example.gov.vn/")) {
            assertProblem(
                            as("khanhhoa-coordinator")
                                    .contentType(ContentType.JSON)
                                    .body(Map.of("url", url, "eventTypes", List.of()))
                                    .post("/api/v1/webhooks")
                                    .then(),
                            400,
                            "invalid-request")
                    .body("errors[0].field", equalTo("url"));
        }
        assertEquals(before, count("khanhhoa-coordinator"), "nothing stored");
    }

    @Test
    void badSubscriptionsAreRefusedWithNothingStored() {
        int before = count("khanhhoa-coordinator");
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("eventTypes", List.of()),
                Map.of("url", "https://example.gov.vn/hook"),
                Map.of("url", "https://example.gov.vn/hook", "eventTypes", List.of("canhgac.notification.nothing.v1")),
                Map.of(
                        "url",
                        "https://example.gov.vn/hook",
                        "eventTypes",
                        List.of("canhgac.notification.webhook-disabled.v1")),
                Map.of("url", "x".repeat(2001), "eventTypes", List.of()),
                Map.of("url", "https://example.gov.vn/hook", "eventTypes", List.of(), "secret", "mine"))) {
            as("khanhhoa-coordinator")
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
        assertEquals(before, count("khanhhoa-coordinator"), "nothing stored");
    }

    @Test
    void anotherOrganisationsWebhooksAreOutOfReachAndOperatorsManageNone() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String id =
                    create("khanhhoa-coordinator", receiver.url("/"), List.of()).getString("id");
            as("bank-admin").get("/api/v1/webhooks/" + id).then().statusCode(404);
            as("bank-admin")
                    .header("If-Match", "*")
                    .delete("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(404);
            as("bank-admin").post("/api/v1/webhooks/" + id + "/secret").then().statusCode(404);
            as("bank-admin")
                    .get("/api/v1/webhooks/" + id + "/deliveries")
                    .then()
                    .statusCode(404);
            as("camranh-operator")
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/"), "eventTypes", List.of()))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(403);
            as("khanhhoa-coordinator").delete("/api/v1/webhooks/" + id).then().statusCode(428);
            delete("khanhhoa-coordinator", id);
        }
    }

    private static JsonPath create(String who, String url, List<String> types) {
        Map<String, Object> body = new HashMap<>(Map.of("url", url, "eventTypes", types));
        body.put("description", "Hệ thống giám sát của đơn vị");
        return as(who).contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static void delete(String who, String id) {
        as(who).header("If-Match", "*").delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    private static int count(String who) {
        return as(who).get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("")
                .size();
    }

    /** What a receiver does: recompute the signature over id.timestamp.body and compare in constant time. */
    private static boolean verifies(Receiver.Received request, String secret) {
        String expected = Signatures.sign(
                secret,
                request.header("webhook-id"),
                Long.parseLong(request.header("webhook-timestamp")),
                request.body());
        for (String signature : request.header("webhook-signature").split(" ")) {
            if (java.security.MessageDigest.isEqual(
                    signature.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    expected.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                return Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.header("webhook-timestamp")))
                        < 300;
            }
        }
        return false;
    }
}
