package vn.canhgac.gateway.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.canhgac.commons.testing.Problems.assertProblem;
import static vn.canhgac.gateway.e2e.Platform.as;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.RunIds;

/**
 * A committed change is never lost: with the broker down, inventory-service still accepts the change (its
 * outbox row commits with it); the consumers cannot hear of it; once the broker is back, the relay publishes
 * it by itself and the consumers catch up.
 */
class OutboxOutageE2E {

    @Test
    void whatWasCommittedWhileKafkaWasDownIsDeliveredWhenItReturns() throws Exception {
        String code = "OUTAGE-" + RunIds.next(8).toUpperCase();
        Platform.canhgac("kafka", "stop");
        try {
            as("khanhhoa-coordinator")
                    .body("""
                            {"code":"%s","kind":"AGENCY","nameVi":"Đơn vị lập trong lúc mất kết nối","parentCode":"STTTT-KH"}""".formatted(code))
                    .post("/api/v1/organizations")
                    .then()
                    .statusCode(201);
            as("khanhhoa-coordinator")
                    .get("/api/v1/organizations/" + code)
                    .then()
                    .statusCode(200);
            Thread.sleep(3_000);
            assertProblem(
                    as("khanhhoa-coordinator")
                            .get("/api/v1/exposures/organizations/" + code)
                            .then(),
                    404,
                    "not-found");
        } finally {
            Platform.canhgac("kafka", "start");
        }
        for (String replica : new String[] {"/api/v1/exposures/organizations/", "/api/v1/duty/organizations/"}) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> as("khanhhoa-coordinator")
                            .get(replica + code)
                            .then()
                            .statusCode(200)
                            .body("nameVi", equalTo("Đơn vị lập trong lúc mất kết nối")));
        }
    }
}
