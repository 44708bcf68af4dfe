package vn.canhgac.gateway.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.testing.Problems.assertProblem;
import static vn.canhgac.gateway.e2e.Platform.anonymous;
import static vn.canhgac.gateway.e2e.Platform.as;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.CloudEventsConsumer;
import vn.canhgac.commons.testing.RunIds;
import vn.canhgac.commons.testing.Tokens;

/**
 * Incidents go on being reported at 2 a.m. when a part of the platform is down, and nothing is lost once it is back:
 * with the broker down, a report is taken and a botnet list is matched, and both reach their readers afterwards;
 * with the identity provider down, the tokens people already hold keep working and forged ones are still refused.
 */
class IncidentOutageE2E {

    private static final String INCIDENT_EVENTS = "e2e.incident.incidents";

    private final String run = RunIds.next(6).toUpperCase();

    @Test
    void whatHappensWhileKafkaIsDownReachesItsReadersWhenItReturns() throws Exception {
        // Cam Ranh's constituency (demo data) is 203.162.10.0/24: a listed address there is Cam Ranh's.
        String address = "203.162.10." + (100 + ThreadLocalRandom.current().nextInt(150));
        String list = "OUTAGE-BOTNET-" + run;
        String incident;
        Platform.canhgac("kafka", "stop");
        try {
            incident = as("camranh-operator")
                    .body("""
                            {"title":"Báo cáo lúc mất kết nối Kafka %s","category":"PHISHING_FRAUD","severity":"MEDIUM",
                             "detectedAt":"2024-02-10T02:05:00+07:00"}""".formatted(run))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as("national-feed")
                    .contentType("text/plain")
                    .queryParam("reference", list)
                    .queryParam("kind", "AD_HOC")
                    .body(address + "\n")
                    .post("/api/v1/botnet-lists")
                    .then()
                    .statusCode(201);
            Thread.sleep(3_000);
            as("camranh-operator")
                    .queryParam("category", "MALWARE")
                    .queryParam("q", list)
                    .get("/api/v1/incidents")
                    .then()
                    .statusCode(200)
                    .body("items", empty());
        } finally {
            Platform.canhgac("kafka", "start");
        }
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> as("camranh-operator")
                        .queryParam("category", "MALWARE")
                        .queryParam("q", list)
                        .get("/api/v1/incidents")
                        .then()
                        .statusCode(200)
                        .body("items[0].observables.value", hasItem(address))
                        .body("items[0].reportingOrganization", equalTo("UBND-CAMRANH")));
        assertTrue(
                CloudEventsConsumer.find(INCIDENT_EVENTS, incident, Duration.ofSeconds(60))
                        .isPresent(),
                "the report's event was published once the broker was back");
    }

    @Test
    void whileKeycloakIsDownTokensAlreadyHeldStillWorkAndForgedOnesAreRefused() throws Exception {
        String held = Tokens.of("camranh-operator");
        String report = """
                {"title":"Báo cáo lúc mất Keycloak %s","category":"DDOS","severity":"HIGH",
                 "detectedAt":"2024-02-10T02:05:00+07:00"}""".formatted(run);
        Platform.canhgac("keycloak", "stop");
        try {
            anonymous()
                    .auth()
                    .oauth2(held)
                    .contentType("application/json")
                    .body(report)
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201);
            assertProblem(
                    anonymous()
                            .auth()
                            .oauth2(Tokens.signedByStranger())
                            .get("/api/v1/incidents")
                            .then(),
                    401,
                    "unauthorized");
        } finally {
            Platform.canhgac("keycloak", "start");
        }
        // A token issued after the restart (the realm's keys are the same) works as before.
        anonymous()
                .auth()
                .oauth2(Tokens.fresh("camranh-operator"))
                .queryParam("q", "mat keycloak " + run)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .body("items.title", hasItem("Báo cáo lúc mất Keycloak " + run));
    }
}
