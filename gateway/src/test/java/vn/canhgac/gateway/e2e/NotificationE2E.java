package vn.canhgac.gateway.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.gateway.e2e.Platform.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.RunIds;

/**
 * Notifications through the whole platform: a directive issued through the gateway reaches the recipient's
 * contacts in the real SMTP server and its people's inbox, never the bank's; an incident reported in Cam Ranh
 * reaches the department's webhook, signed so that a receiver can verify it.
 */
class NotificationE2E {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CAMRANH_CONTACT = "an@camranh.demo.canhgac.vn";
    private static final String BANK_CONTACT = "soc@nhtm-a.demo.canhgac.vn";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDirectiveIsMailedToItsRecipientAndShownInItsInboxButNotTheBanks() {
        String reference = "E2E-" + RunIds.next(6) + "/STTTT-ATTT";
        as("khanhhoa-coordinator")
                .body(Map.of(
                        "reference", reference,
                        "subject", "Rà soát lỗ hổng Zimbra trước Tết",
                        "reportDueOn", LocalDate.now().plusDays(20).toString(),
                        "recipients", List.of("UBND-CAMRANH"),
                        "items", List.of(Map.of("code", "1", "text", "Rà soát và cập nhật bản vá"))))
                .post("/api/v1/directives")
                .then()
                .statusCode(201);

        await().atMost(PATIENCE).until(() -> subjects(CAMRANH_CONTACT).stream().anyMatch(s -> s.contains(reference)));
        await().atMost(PATIENCE)
                .untilAsserted(() -> as("camranh-operator")
                        .get("/api/v1/notifications")
                        .then()
                        .statusCode(200)
                        .body(
                                "items.find { it.facts.reference == '" + reference + "' }.kind",
                                equalTo("DIRECTIVE_ISSUED")));
        assertTrue(subjects(BANK_CONTACT).stream().noneMatch(s -> s.contains(reference)));
        as("bank-admin")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.findAll { it.facts.reference == '" + reference + "' }.size()", equalTo(0));
    }

    @Test
    void anIncidentInCamRanhReachesTheDepartmentsWebhookSigned() throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(Map.of(
                        "id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        "signature", exchange.getRequestHeaders().getFirst("webhook-signature"),
                        "body", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            Response created = as("khanhhoa-coordinator")
                    .body(Map.of("url", url, "eventTypes", List.of("canhgac.notification.incident-reported.v1")))
                    .post("/api/v1/webhooks");
            assertEquals(201, created.statusCode(), created.asString());
            String secret = created.path("secret");
            String id = created.path("id");
            String title = "Mã độc tống tiền trên máy chủ một cửa " + RunIds.next(6);
            as("camranh-operator")
                    .body(Map.of(
                            "title", title,
                            "category", "MALWARE",
                            "severity", "HIGH",
                            "detectedAt", "2026-02-10T02:05:00+07:00"))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201);

            await().atMost(PATIENCE)
                    .until(() -> received.stream().anyMatch(r -> r.get("body").contains(title)));
            Map<String, String> delivery = received.stream()
                    .filter(r -> r.get("body").contains(title))
                    .findFirst()
                    .orElseThrow();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1,"
                    + Base64.getEncoder()
                            .encodeToString(mac.doFinal(
                                    (delivery.get("id") + "." + delivery.get("timestamp") + "." + delivery.get("body"))
                                            .getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, delivery.get("signature"));
            JsonNode event = JSON.readTree(delivery.get("body"));
            assertEquals(
                    "canhgac.notification.incident-reported.v1",
                    event.path("type").asText());
            assertEquals("STTTT-KH", event.path("subject").asText());
            as("khanhhoa-coordinator")
                    .header("If-Match", "*")
                    .delete("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(204);
        } finally {
            receiver.stop(0);
        }
    }

    /** The subjects in a mailbox of the real SMTP server (GreenMail's API). */
    private static List<String> subjects(String address) {
        String api = System.getProperty("canhgac.mail.api", "http://127.0.0.1:8025");
        Response response = RestAssured.given().get(api + "/api/user/" + address + "/messages/");
        if (response.statusCode() != 200 || !response.asString().startsWith("[")) {
            return List.of();
        }
        return response.jsonPath().getList("subject");
    }
}
