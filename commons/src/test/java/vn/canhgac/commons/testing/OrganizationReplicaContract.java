package vn.canhgac.commons.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.canhgac.commons.contracts.EventContracts.ORGANIZATION_UPSERTED;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.organization.OrganizationKind;

/**
 * What every consumer of {@code inventory.organizations} must do, against the real broker and database: apply
 * events into its replica, serve it in the caller's scope, skip replays and stale versions, and set aside a
 * record that is not a CloudEvent without stopping. A service runs it by extending it with its own path.
 */
public abstract class OrganizationReplicaContract {

    private static CloudEventsProducer producer;

    private final String run = RunIds.next(6).toUpperCase();

    /** The path under which the service serves its replica, e.g. {@code /api/v1/exposures/organizations}. */
    protected abstract String replicaPath();

    @BeforeAll
    static void connect() {
        producer = new CloudEventsProducer();
        // The coordinator's own organisation, as inventory would have announced it.
        publish("STTTT-KH", "/UBND-KH/STTTT-KH/", 0, "Sở Thông tin và Truyền thông tỉnh Khánh Hòa");
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    static void publish(String code, String path, long version, String nameVi) {
        publish(UUID.randomUUID().toString(), code, path, version, nameVi);
    }

    static void publish(String eventId, String code, String path, long version, String nameVi) {
        producer.publish(
                ORGANIZATION_UPSERTED,
                OrganizationFeed.organization(code, path, OrganizationKind.AGENCY, version, nameVi),
                eventId);
    }

    private void awaitName(String code, String nameVi) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> as("authority")
                        .get(replicaPath() + "/" + code)
                        .then()
                        .statusCode(200)
                        .body("nameVi", equalTo(nameVi)));
    }

    @Test
    void replicatesAnOrganisationAndServesItOnlyInScope() {
        String code = "UNIT-" + run;
        publish(code, "/UBND-KH/STTTT-KH/" + code + "/", 0, "Trung tâm Giám sát Khánh Hòa");
        awaitName(code, "Trung tâm Giám sát Khánh Hòa");

        as("khanhhoa-coordinator")
                .get(replicaPath() + "/" + code)
                .then()
                .statusCode(200)
                .body("parentCode", equalTo("STTTT-KH"));
        as("khanhhoa-coordinator")
                .queryParam("q", "giam sat khanh hoa")
                .get(replicaPath())
                .then()
                .statusCode(200)
                .body("items.code", hasItem(code));
        assertProblem(as("bank-admin").get(replicaPath() + "/" + code).then(), 404, "not-found");
        as("bank-admin").get(replicaPath()).then().statusCode(200).body("items.code", not(hasItem(code)));
    }

    @Test
    void replayedAndStaleEventsChangeNothing() {
        String code = "REPLAY-" + run;
        String path = "/UBND-KH/STTTT-KH/" + code + "/";
        String eventId = UUID.randomUUID().toString();
        publish(eventId, code, path, 1, "Tên gốc");
        awaitName(code, "Tên gốc");

        publish(eventId, code, path, 2, "Bản phát lại"); // the same event id again: a replay
        publish(code, path, 0, "Phiên bản cũ"); // an older version arriving late
        String sentinel = "SENTINEL-" + run; // same partition, so it comes after both
        publish(sentinel, "/UBND-KH/STTTT-KH/" + sentinel + "/", 0, "Mốc");
        awaitName(sentinel, "Mốc");

        as("authority")
                .get(replicaPath() + "/" + code)
                .then()
                .statusCode(200)
                .body("nameVi", equalTo("Tên gốc"))
                .body("version", equalTo(1));
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String code = "NEWER-" + run;
        String json = ("{\"id\":\"%s\",\"code\":\"%s\",\"parentCode\":\"STTTT-KH\",\"path\":\"/UBND-KH/STTTT-KH/%s/\","
                        + "\"nameVi\":\"Bản mới hơn\",\"kind\":\"AGENCY\",\"version\":0,\"deleted\":false,"
                        + "\"updatedAt\":\"%s\",\"riskScore\":{\"value\":42,\"model\":\"v9\"}}")
                .formatted(UUID.randomUUID(), code, code, Instant.now());
        producer.send(OrganizationFeed.TOPIC, code, UUID.randomUUID().toString(), ORGANIZATION_UPSERTED.type(), json);
        awaitName(code, "Bản mới hơn");
    }

    @Test
    void aRecordThatIsNotACloudEventIsSetAsideAndConsumptionGoesOn() {
        producer.sendRaw(OrganizationFeed.TOPIC, "GARBAGE-" + run, "{not json at all");
        String code = "AFTER-GARBAGE-" + run;
        publish(code, "/UBND-KH/STTTT-KH/" + code + "/", 0, "Vẫn tiếp tục");
        awaitName(code, "Vẫn tiếp tục");
    }

    @Test
    void refusesCallersWithoutAValidToken() throws InterruptedException {
        assertProblem(given().get(replicaPath()).then(), 401, "unauthorized");
        assertProblem(
                given().auth()
                        .oauth2(Tokens.signedByStranger())
                        .get(replicaPath())
                        .then(),
                401,
                "unauthorized");
        assertProblem(given().auth().oauth2(Tokens.expired()).get(replicaPath()).then(), 401, "unauthorized");
        as("national-feed").accept(ContentType.JSON).get(replicaPath()).then().statusCode(200);
    }
}
