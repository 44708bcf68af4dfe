package vn.canhgac.incident.botnet;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_DETECTED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_REOPENED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_STATUS_CHANGED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_UPDATED;
import static vn.canhgac.commons.testing.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.canhgac.commons.contracts.ExposureEvent;
import vn.canhgac.commons.testing.KhanhHoaTree;
import vn.canhgac.commons.testing.RunIds;
import vn.canhgac.commons.testing.Sql;

/**
 * Botnet exposures from advisory-service open (or add to) malware incidents; replays change nothing, and the other
 * exposures leave no trace.
 */
@QuarkusTest
@ExtendWith(KhanhHoaTree.class)
class BotnetHitsTest {

    private static final String EXPOSURES = "test.advisory.exposures";
    private static final String CONSUMER = "incident-service.exposures/";
    private final String list = "BOTNET-" + RunIds.next(8);
    private final UUID listId = UUID.randomUUID();

    @Inject
    Pool pool;

    @BeforeEach
    void replicated() {
        for (String code : java.util.List.of("UBND-CAMRANH", "NHTM-A")) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> as("authority")
                            .get("/api/v1/duty/organizations/" + code)
                            .then()
                            .statusCode(200));
        }
    }

    private void exposure(String eventId, String kind, String org, String path, String address) {
        KhanhHoaTree.producer().publish(EXPOSURE_DETECTED, detected(kind, org, path, address), eventId);
    }

    private ExposureEvent detected(String kind, String org, String path, String address) {
        return detected(kind, org, path, address, "OPEN");
    }

    private ExposureEvent detected(String kind, String org, String path, String address, String status) {
        Instant now = Instant.now();
        return new ExposureEvent(
                UUID.randomUUID(),
                org,
                path,
                kind,
                null,
                null,
                listId,
                list,
                null,
                "mail",
                null,
                address,
                list + ": " + address,
                "HIGH",
                LocalDate.parse("2024-02-12"),
                status,
                now,
                now,
                "matcher",
                0);
    }

    private ValidatableResponse incidentsOf(String who) {
        return as(who).queryParam("q", list)
                .queryParam("category", "MALWARE")
                .get("/api/v1/incidents")
                .then()
                .statusCode(200);
    }

    @Test
    void hitsOfOneListInOneOrganisationShareOneIncidentAndReplaysChangeNothing() {
        String first = UUID.randomUUID().toString();
        exposure(first, "BOTNET", "UBND-CAMRANH", "/UBND-KH/STTTT-KH/UBND-CAMRANH/", "203.0.113.25");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> incidentsOf("camranh-operator")
                        .body("items", hasSize(1))
                        .body("items[0].observables.value", equalTo(List.of("203.0.113.25")))
                        .body("items[0].severity", equalTo("HIGH"))
                        .body("items[0].reportingOrganization", equalTo("UBND-CAMRANH")));

        exposure(
                UUID.randomUUID().toString(),
                "BOTNET",
                "UBND-CAMRANH",
                "/UBND-KH/STTTT-KH/UBND-CAMRANH/",
                "203.0.113.26");
        exposure(first, "BOTNET", "UBND-CAMRANH", "/UBND-KH/STTTT-KH/UBND-CAMRANH/", "203.0.113.25"); // a replay
        String notAHit = UUID.randomUUID().toString();
        exposure(notAHit, "ADVISORY", "UBND-CAMRANH", "/UBND-KH/STTTT-KH/UBND-CAMRANH/", "F5 BIG-IP");
        exposure(UUID.randomUUID().toString(), "BOTNET", "NHTM-A", "/NHTM-A/", "198.51.100.9");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> incidentsOf("bank-admin").body("items", hasSize(1)));

        incidentsOf("camranh-operator")
                .body("items", hasSize(1))
                .body("items[0].observables.value", equalTo(List.of("203.0.113.25", "203.0.113.26")));
        String id = incidentsOf("camranh-operator").extract().path("items[0].id");
        as("camranh-operator")
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("timeline", hasSize(2));
        incidentsOf("bank-admin").body("items[0].observables.value", equalTo(List.of("198.51.100.9")));

        // A hit is remembered as processed, so that its replay changes nothing; an exposure of another kind changes
        // nothing here in the first place and leaves no marker to write.
        assertEquals(List.of(CONSUMER + first), markers(CONSUMER + first, CONSUMER + notAHit));
    }

    /**
     * A detection's or a reopen's data is read when the event is sent (decision record 17): an agency may have
     * acknowledged the hit by then, and its machine is still infected. A step to acknowledged is not a hit.
     */
    @Test
    void aDetectionOrReopenAlreadyTakenUpWhenSentIsStillAHitAndAStepThatIsNotAReopenIsNot() {
        String path = "/UBND-KH/STTTT-KH/UBND-CAMRANH/";
        KhanhHoaTree.producer()
                .publish(
                        EXPOSURE_STATUS_CHANGED,
                        detected("BOTNET", "UBND-CAMRANH", path, "203.0.113.40", "ACKNOWLEDGED"),
                        UUID.randomUUID().toString());
        KhanhHoaTree.producer()
                .publish(
                        EXPOSURE_DETECTED,
                        detected("BOTNET", "UBND-CAMRANH", path, "203.0.113.41", "ACKNOWLEDGED"),
                        UUID.randomUUID().toString());
        ExposureEvent back = detected("BOTNET", "UBND-CAMRANH", path, "203.0.113.42", "ACKNOWLEDGED");
        KhanhHoaTree.producer()
                .publish(
                        EXPOSURE_REOPENED,
                        under(back, listId, list, 3, "ACKNOWLEDGED"),
                        UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> incidentsOf("camranh-operator")
                        .body("items", hasSize(1))
                        .body("items[0].observables.value", containsInAnyOrder("203.0.113.41", "203.0.113.42")));
    }

    /**
     * An open hit that a newer list also names, or that a withdrawn list handed over to another, is announced as an
     * update under that list: the same infected machine, not a hit on the other list, so no incident of its own.
     */
    @Test
    void anOpenHitUpdatedUnderAnotherListIsNotANewHit() {
        String path = "/UBND-KH/STTTT-KH/UBND-CAMRANH/";
        ExposureEvent hit = detected("BOTNET", "UBND-CAMRANH", path, "203.0.113.60");
        KhanhHoaTree.producer()
                .publish(EXPOSURE_DETECTED, hit, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> incidentsOf("camranh-operator").body("items", hasSize(1)));

        String other = "BOTNET-" + RunIds.next(8);
        UUID otherId = UUID.randomUUID();
        KhanhHoaTree.producer()
                .publish(
                        EXPOSURE_UPDATED,
                        under(hit, otherId, other, 1, "OPEN"),
                        UUID.randomUUID().toString());
        // The exposure's next event, on the same key and so after the update: once it is applied, so is the update.
        String acknowledged = UUID.randomUUID().toString();
        KhanhHoaTree.producer()
                .publish(EXPOSURE_STATUS_CHANGED, under(hit, otherId, other, 2, "ACKNOWLEDGED"), acknowledged);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> markers(CONSUMER + acknowledged).size() == 1);

        as("camranh-operator")
                .queryParam("q", other)
                .queryParam("category", "MALWARE")
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        incidentsOf("camranh-operator")
                .body("items", hasSize(1))
                .body("items[0].observables.value", equalTo(List.of("203.0.113.60")));
    }

    /**
     * The relay reads a step's data when it sends it (decision record 17): a close the matcher recorded and sent only
     * after a newer list reopened the hit carries the reopen's state, open and changed after the close's own time.
     * The reopen's own event adds the address again; the close is not a hit beside it (it gave the incident its
     * timeline line twice). A person's step back to open, whose data is its own (recorded at the same instant, or
     * later), is a hit.
     */
    @Test
    void aCloseSentAfterTheReopenIsNotASecondHitAndAPersonsReopenIsOne() {
        String path = "/UBND-KH/STTTT-KH/UBND-CAMRANH/";
        ExposureEvent hit = detected("BOTNET", "UBND-CAMRANH", path, "203.0.113.70");
        KhanhHoaTree.producer()
                .publish(EXPOSURE_DETECTED, hit, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> incidentsOf("camranh-operator").body("items", hasSize(1)));
        String id = incidentsOf("camranh-operator").extract().path("items[0].id");

        Instant closedAt = Instant.now();
        Instant reopenedAt = closedAt.plusSeconds(2);
        String close = UUID.randomUUID().toString();
        KhanhHoaTree.producer()
                .publishAt(EXPOSURE_STATUS_CHANGED, changed(hit, 2, "OPEN", "matcher", reopenedAt), close, closedAt);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> markers(CONSUMER + close).size() == 1);
        timelineOf(id).body("timeline", hasSize(1));

        String reopen = UUID.randomUUID().toString();
        KhanhHoaTree.producer()
                .publishAt(EXPOSURE_REOPENED, changed(hit, 2, "OPEN", "matcher", reopenedAt), reopen, reopenedAt);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> markers(CONSUMER + reopen).size() == 1);
        timelineOf(id).body("timeline", hasSize(2));

        ExposureEvent other = detected("BOTNET", "UBND-CAMRANH", path, "203.0.113.71", "RESOLVED");
        Instant personAt = Instant.now();
        KhanhHoaTree.producer()
                .publishAt(
                        EXPOSURE_STATUS_CHANGED,
                        changed(other, 1, "OPEN", "camranh-operator", personAt),
                        UUID.randomUUID().toString(),
                        personAt);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> incidentsOf("camranh-operator")
                        .body("items[0].observables.value", containsInAnyOrder("203.0.113.70", "203.0.113.71")));
        timelineOf(id).body("timeline", hasSize(3));
    }

    private static ValidatableResponse timelineOf(String incident) {
        return as("camranh-operator")
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200);
    }

    private static ExposureEvent changed(ExposureEvent hit, long version, String status, String by, Instant at) {
        return new ExposureEvent(
                hit.id(),
                hit.organizationCode(),
                hit.orgPath(),
                hit.sourceKind(),
                null,
                null,
                hit.botnetListId(),
                hit.botnetListReference(),
                null,
                hit.hostname(),
                null,
                hit.subject(),
                hit.matched(),
                hit.severity(),
                hit.dueOn(),
                status,
                hit.detectedAt(),
                at,
                by,
                version);
    }

    private static ExposureEvent under(ExposureEvent hit, UUID listId, String list, long version, String status) {
        return new ExposureEvent(
                hit.id(),
                hit.organizationCode(),
                hit.orgPath(),
                hit.sourceKind(),
                null,
                null,
                listId,
                list,
                null,
                hit.hostname(),
                null,
                hit.subject(),
                list + ": " + hit.subject(),
                hit.severity(),
                hit.dueOn(),
                status,
                hit.detectedAt(),
                hit.statusChangedAt(),
                "matcher",
                version);
    }

    private List<String> markers(String... ids) {
        return Sql.texts(pool, "select id from processed_event where id = any($1) order by id", Tuple.of((Object) ids));
    }

    @Test
    void aBurstOfHitsAddsItsAddressesTogetherWithOneLineOfTimelinePerBatch() {
        exposure(UUID.randomUUID().toString(), "BOTNET", "NHTM-A", "/NHTM-A/", "198.51.100.1");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> incidentsOf("bank-admin").body("items", hasSize(1)));
        int burst = 40;
        KhanhHoaTree.producer()
                .publishAll(
                        EXPOSURE_DETECTED,
                        IntStream.range(2, 2 + burst)
                                .mapToObj(i -> detected("BOTNET", "NHTM-A", "/NHTM-A/", "198.51.100." + i))
                                .toList());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> incidentsOf("bank-admin")
                        .body("items", hasSize(1))
                        .body("items[0].observables", hasSize(burst + 1)));
        String id = incidentsOf("bank-admin").extract().path("items[0].id");
        List<String> lines = as("bank-admin")
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("timeline.text");
        assertTrue(
                lines.size() < 1 + burst / 4,
                "the burst comes in a batch or a few, a line each, not a line per address: " + lines);
        assertTrue(
                lines.stream().anyMatch(line -> line.matches("\\d+ addresses are on " + Pattern.quote(list) + ": .*")),
                "a line counts the addresses and names the first few: " + lines);
    }

    /**
     * A batch's hits are applied together, a few statements for all its groups (organisation and list): the group
     * with an incident open gets its addresses, each other group an incident of its own, with its own reference.
     */
    @Test
    void oneBatchAddsToTheIncidentsOpenAndOpensOneForEachOtherOrganisationAndList() {
        exposure(UUID.randomUUID().toString(), "BOTNET", "NHTM-A", "/NHTM-A/", "198.51.100.70");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> incidentsOf("bank-admin").body("items", hasSize(1)));
        UUID otherListId = UUID.randomUUID();
        String otherList = list + "-B";
        KhanhHoaTree.producer()
                .publishAll(
                        EXPOSURE_DETECTED,
                        List.of(
                                detected("BOTNET", "NHTM-A", "/NHTM-A/", "198.51.100.71"),
                                detected("BOTNET", "UBND-CAMRANH", "/UBND-KH/STTTT-KH/UBND-CAMRANH/", "203.0.113.71"),
                                detected("BOTNET", "UBND-CAMRANH", "/UBND-KH/STTTT-KH/UBND-CAMRANH/", "203.0.113.72"),
                                under(
                                        detected("BOTNET", "NHTM-A", "/NHTM-A/", "198.51.100.72"),
                                        otherListId,
                                        otherList,
                                        0,
                                        "OPEN")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> incidentsOf("bank-admin")
                        .body("items", hasSize(2))
                        .body(
                                "items.observables.value",
                                containsInAnyOrder(
                                        List.of("198.51.100.70", "198.51.100.71"), List.of("198.51.100.72"))));
        incidentsOf("bank-admin")
                .body(
                        "items.title",
                        containsInAnyOrder(
                                "Botnet: " + list + " lists addresses of NHTM-A",
                                "Botnet: " + otherList + " lists addresses of NHTM-A"));
        incidentsOf("camranh-operator")
                .body("items", hasSize(1))
                .body("items[0].observables.value", equalTo(List.of("203.0.113.71", "203.0.113.72")));
        List<String> references =
                new java.util.ArrayList<>(incidentsOf("bank-admin").extract().<List<String>>path("items.reference"));
        references.add(incidentsOf("camranh-operator").extract().path("items[0].reference"));
        assertEquals(3, references.stream().distinct().count(), "each incident its own reference: " + references);
    }

    @Test
    void aHitOlderThanTheMarkersKeptIsHistoryNotANewIncident() {
        // Replayed from the compacted topic after the consumer's offsets were lost: published three weeks ago, its
        // marker (kept two weeks) is gone. Then today's hit of the same list, on the same partition, after it.
        KhanhHoaTree.producer()
                .publishAt(
                        EXPOSURE_DETECTED,
                        detected("BOTNET", "UBND-CAMRANH", "/UBND-KH/STTTT-KH/UBND-CAMRANH/", "203.0.113.90"),
                        Instant.now().minus(Duration.ofDays(21)));
        exposure(
                UUID.randomUUID().toString(),
                "BOTNET",
                "UBND-CAMRANH",
                "/UBND-KH/STTTT-KH/UBND-CAMRANH/",
                "203.0.113.91");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> incidentsOf("camranh-operator")
                        .body("items", hasSize(1))
                        .body("items[0].observables.value", equalTo(List.of("203.0.113.91"))));
    }
}
