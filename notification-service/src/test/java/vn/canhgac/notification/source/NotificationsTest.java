package vn.canhgac.notification.source;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_DETECTED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_REOPENED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_STATUS_CHANGED;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.notification.testing.TestContacts.BANK_SOC;
import static vn.canhgac.notification.testing.TestContacts.CAMRANH_FOCAL_POINT;
import static vn.canhgac.notification.testing.TestContacts.CAMRANH_LEADER;
import static vn.canhgac.notification.testing.TestContacts.DEPARTMENT_DUTY;
import static vn.canhgac.notification.testing.TestContacts.DEPARTMENT_FOCAL_POINT;
import static vn.canhgac.notification.testing.TestContacts.PROVINCE_LEADER;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.canhgac.commons.contracts.ExposureEvent;
import vn.canhgac.commons.testing.KhanhHoaTree;
import vn.canhgac.commons.testing.RunIds;
import vn.canhgac.commons.testing.Sql;
import vn.canhgac.notification.testing.Events;
import vn.canhgac.notification.testing.MailServer;
import vn.canhgac.notification.testing.TestContacts;

/**
 * Events from the other services reach the right people through the real SMTP server, and only them: a directive
 * its recipients' leaders and focal points, new exposures their organisation in one digest (critical ones at once),
 * an incident its organisation and every coordinator above; the bank, outside Khánh Hòa, hears nothing.
 */
@QuarkusTest
@ExtendWith(KhanhHoaTree.class)
class NotificationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String CAMRANH = "UBND-CAMRANH";
    private static final String CAMRANH_PATH = "/UBND-KH/STTTT-KH/UBND-CAMRANH/";

    @Inject
    Pool pool;

    @BeforeEach
    void contacts() {
        TestContacts.announce(KhanhHoaTree.producer());
        await().atMost(PATIENCE)
                .untilAsserted(() -> as("khanhhoa-coordinator")
                        .queryParam("organization", CAMRANH)
                        .get("/api/v1/notification-preferences")
                        .then()
                        .statusCode(200)
                        .body("email", org.hamcrest.Matchers.hasItem(CAMRANH_FOCAL_POINT)));
    }

    @Test
    void aDirectiveReachesItsRecipientsLeaderAndFocalPointAndNobodyElse() {
        String reference = "6410-" + RunIds.next(6);
        Events.issue(
                Events.directive(reference, LocalDate.now(), LocalDate.now().plusDays(20), CAMRANH));

        await().atMost(PATIENCE)
                .until(() -> MailServer.about(CAMRANH_FOCAL_POINT, reference).size() == 1
                        && MailServer.about(CAMRANH_LEADER, reference).size() == 1);
        MailServer.Delivered mail =
                MailServer.about(CAMRANH_FOCAL_POINT, reference).getFirst();
        assertTrue(mail.subject().startsWith("[Canh Gác] Văn bản chỉ đạo " + reference), mail.subject());
        assertTrue(mail.mime().contains("text/html") && mail.mime().contains("text/plain"), "HTML and plain text");
        for (String other : List.of(BANK_SOC, DEPARTMENT_FOCAL_POINT, DEPARTMENT_DUTY, PROVINCE_LEADER)) {
            assertEquals(List.of(), MailServer.about(other, reference), other + " is no recipient");
        }
        // In the console: Cam Ranh's operator sees it, unread; the bank's admin does not.
        as("camranh-operator")
                .queryParam("unread", true)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.find { it.facts.reference == '" + reference + "' }.kind", equalTo("DIRECTIVE_ISSUED"));
        as("bank-admin")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.findAll { it.facts.reference == '" + reference + "' }.size()", equalTo(0));
        // Read for oneself only, and only one's own organisation's.
        String id = as("camranh-operator")
                .get("/api/v1/notifications")
                .then()
                .extract()
                .path("items.find { it.facts.reference == '" + reference + "' }.id");
        as("bank-admin").post("/api/v1/notifications/" + id + "/read").then().statusCode(404);
        as("camranh-operator")
                .post("/api/v1/notifications/" + id + "/read")
                .then()
                .statusCode(204);
        as("camranh-operator")
                .get("/api/v1/notifications")
                .then()
                .body("items.find { it.id == '" + id + "' }.read", equalTo(true));
        as("agency-system")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }.read", equalTo(false));
    }

    @Test
    void newExposuresAreGatheredIntoOneDigestAndACriticalOneGoesAtOnce() {
        choose(CAMRANH, CAMRANH_FOCAL_POINT, Map.of("digestMinutes", 0));
        String reference = "ZIMBRA-" + RunIds.next(6);
        for (int i = 0; i < 3; i++) {
            Events.detect(Events.exposure(CAMRANH, CAMRANH_PATH, reference, "HIGH", "mail" + i + ".camranh.gov.vn"));
        }
        String critical = "BIGIP-" + RunIds.next(6);
        Events.detect(Events.exposure(CAMRANH, CAMRANH_PATH, critical, "CRITICAL", "vpn.camranh.gov.vn"));

        await().atMost(PATIENCE)
                .until(() -> MailServer.inbox(CAMRANH_FOCAL_POINT).stream()
                                .anyMatch(m -> m.text().contains(reference))
                        && MailServer.inbox(CAMRANH_FOCAL_POINT).stream()
                                .anyMatch(m -> m.text().contains(critical)));
        List<MailServer.Delivered> digests = MailServer.inbox(CAMRANH_FOCAL_POINT).stream()
                .filter(m -> m.text().contains(reference))
                .toList();
        assertEquals(1, digests.size(), "one digest for the three exposures");
        // Other classes' exposures of Cam Ranh may share the digest: it is one message per contact and interval.
        assertTrue(
                digests.getFirst().subject().contains(" điểm yếu, nguy cơ mới"),
                digests.getFirst().subject());
        for (int i = 0; i < 3; i++) {
            assertTrue(digests.getFirst().text().contains("mail" + i + ".camranh.gov.vn"), "all three in the digest");
        }
        // The leader is not an exposure contact; the bank hears nothing of Cam Ranh.
        assertEquals(
                0,
                MailServer.inbox(CAMRANH_LEADER).stream()
                        .filter(m -> m.text().contains(reference))
                        .count());
        assertEquals(
                0,
                MailServer.inbox(BANK_SOC).stream()
                        .filter(m -> m.text().contains(reference))
                        .count());
    }

    /**
     * Delivered twice in a row and again later (a replay after a crash before the offsets were committed), an
     * exposure is told once: its notice is keyed by the exposure and its detection, so the consumer writes no
     * processed marker for it.
     */
    @Test
    void anExposureDeliveredAgainIsToldOnce() {
        String reference = "AGAIN-" + RunIds.next(6);
        ExposureEvent exposure = Events.exposure(CAMRANH, CAMRANH_PATH, reference, "CRITICAL", "again.camranh.gov.vn");
        String eventId = UUID.randomUUID().toString();
        KhanhHoaTree.producer().publish(EXPOSURE_DETECTED, exposure, eventId);
        KhanhHoaTree.producer().publish(EXPOSURE_DETECTED, exposure, eventId);
        await().atMost(PATIENCE).until(() -> mentioning(CAMRANH_FOCAL_POINT, reference) == 1);

        KhanhHoaTree.producer().publish(EXPOSURE_DETECTED, exposure, eventId);
        String after = "AFTER-" + RunIds.next(6);
        Events.detect(Events.exposure(CAMRANH, CAMRANH_PATH, after, "CRITICAL", "after.camranh.gov.vn"));
        await().atMost(PATIENCE).until(() -> mentioning(CAMRANH_FOCAL_POINT, after) == 1);

        assertEquals(1, mentioning(CAMRANH_FOCAL_POINT, reference), "told once");
        assertEquals(
                List.of(),
                Sql.texts(
                        pool,
                        "select id from processed_event where id = $1",
                        Tuple.of("notification-service.exposures/" + eventId)));
    }

    /**
     * An import that finds 120 high and 30 critical exposures in one agency is told in a few notifications that
     * count them all, not in 150: a few critical e-mails and a digest, not an e-mail per exposure. Delivered again
     * (a consumer group started over), the same detections tell nobody anything more.
     */
    @Test
    void manyNewExposuresAreToldInFewNotificationsThatCountThemAll() {
        choose(CAMRANH, CAMRANH_FOCAL_POINT, Map.of("digestMinutes", 0));
        String high = "BULK-" + RunIds.next(6);
        String critical = "BULKC-" + RunIds.next(6);
        List<ExposureEvent> found = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            found.add(Events.exposure(CAMRANH, CAMRANH_PATH, high, "HIGH", "bulk" + i + ".camranh.gov.vn"));
        }
        for (int i = 0; i < 30; i++) {
            found.add(Events.exposure(CAMRANH, CAMRANH_PATH, critical, "CRITICAL", "edge" + i + ".camranh.gov.vn"));
        }
        KhanhHoaTree.producer().publishAll(EXPOSURE_DETECTED, found);

        await().atMost(PATIENCE).until(() -> counted(high) == 120 && counted(critical) == 30);
        assertTrue(inbox(high).size() < 60, "gathered by batch: " + inbox(high).size() + " notifications");
        int criticalNotices = inbox(critical).size();
        assertTrue(criticalNotices < 30, criticalNotices + " notifications");
        await().atMost(PATIENCE)
                .until(() -> mentioning(CAMRANH_FOCAL_POINT, critical) == criticalNotices
                        && mentioning(CAMRANH_FOCAL_POINT, high) >= 1);
        assertTrue(mentioning(CAMRANH_FOCAL_POINT, high) <= 3, "a digest per 10 s, not a message per exposure");

        KhanhHoaTree.producer().publishAll(EXPOSURE_DETECTED, found);
        String after = "AFTERBULK-" + RunIds.next(6);
        Events.detect(Events.exposure(CAMRANH, CAMRANH_PATH, after, "CRITICAL", "afterbulk.camranh.gov.vn"));
        await().atMost(PATIENCE).until(() -> counted(after) == 1);
        assertEquals(120, counted(high), "told once");
        assertEquals(30, counted(critical), "told once");
        assertEquals(criticalNotices, mentioning(CAMRANH_FOCAL_POINT, critical));
    }

    /**
     * What the replica remembers decides, not the version check alone: a detection delivered again beside a newer
     * version of its exposure is not told again; one that arrives after a newer version (a relay that retried it
     * late) is told, once; one whose exposure was resolved by the time it lands is not told. The topic has three
     * partitions, so each exposure's last event is awaited on the replica before what was told is counted.
     */
    @Test
    void aDetectionIsToldOnceWhateverVersionsComeWithItOrBeforeIt() {
        String again = "VERS-" + RunIds.next(6);
        ExposureEvent detected = Events.exposure(CAMRANH, CAMRANH_PATH, again, "HIGH", "vers.camranh.gov.vn");
        ExposureEvent acknowledged = later(detected, "ACKNOWLEDGED");
        KhanhHoaTree.producer().publish(EXPOSURE_DETECTED, detected);
        KhanhHoaTree.producer().publish(EXPOSURE_STATUS_CHANGED, acknowledged);
        KhanhHoaTree.producer().publish(EXPOSURE_DETECTED, detected);
        KhanhHoaTree.producer().publish(EXPOSURE_STATUS_CHANGED, acknowledged);
        KhanhHoaTree.producer().publish(EXPOSURE_STATUS_CHANGED, later(acknowledged, "IN_PROGRESS"));

        String late = "LATE-" + RunIds.next(6);
        ExposureEvent lateOne = Events.exposure(CAMRANH, CAMRANH_PATH, late, "HIGH", "late.camranh.gov.vn");
        ExposureEvent inProgress = later(lateOne, "IN_PROGRESS");
        KhanhHoaTree.producer().publish(EXPOSURE_STATUS_CHANGED, inProgress);
        KhanhHoaTree.producer().publish(EXPOSURE_DETECTED, lateOne);
        KhanhHoaTree.producer().publish(EXPOSURE_DETECTED, lateOne);
        KhanhHoaTree.producer().publish(EXPOSURE_STATUS_CHANGED, later(inProgress, "ACKNOWLEDGED"));

        String resolved = "GONE-" + RunIds.next(6);
        ExposureEvent resolvedOne = Events.exposure(CAMRANH, CAMRANH_PATH, resolved, "HIGH", "gone.camranh.gov.vn");
        ExposureEvent gone = later(resolvedOne, "RESOLVED");
        KhanhHoaTree.producer().publish(EXPOSURE_STATUS_CHANGED, gone);
        KhanhHoaTree.producer().publish(EXPOSURE_DETECTED, resolvedOne);
        KhanhHoaTree.producer().publish(EXPOSURE_STATUS_CHANGED, later(gone, "RESOLVED"));

        await().atMost(PATIENCE)
                .until(() -> List.of("3", "3", "3")
                        .equals(List.of(version(detected.id()), version(lateOne.id()), version(resolvedOne.id()))));
        await().atMost(PATIENCE).until(() -> counted(again) == 1 && counted(late) == 1);
        assertEquals(1, counted(again), "told once");
        assertEquals(1, counted(late), "told once, though it came after a newer version");
        assertEquals(0, counted(resolved), "resolved before its detection landed");
    }

    /**
     * An exposure the agency resolved that a later advisory or list names again is told again, as back, once: its
     * reopen is read when it is sent, so it may already be acknowledged then, and is still told. A detection replayed
     * after it (a consumer group started over) is not told again, nor is the reopen sent twice, though the second
     * send read a later step.
     */
    @Test
    void aReopenedExposureIsToldOnceAndItsDetectionReplayedAfterIsNot() {
        String reference = "BACK-" + RunIds.next(6);
        ExposureEvent detected = Events.exposure(CAMRANH, CAMRANH_PATH, reference, "CRITICAL", "back.camranh.gov.vn");
        Events.detect(detected);
        await().atMost(PATIENCE).until(() -> mentioning(CAMRANH_FOCAL_POINT, reference) == 1);

        ExposureEvent resolved = later(detected, "RESOLVED");
        ExposureEvent reopened = later(resolved, "ACKNOWLEDGED");
        KhanhHoaTree.producer().publish(EXPOSURE_STATUS_CHANGED, resolved);
        String eventId = UUID.randomUUID().toString();
        Instant recorded = Instant.now();
        KhanhHoaTree.producer().publishAt(EXPOSURE_REOPENED, reopened, eventId, recorded);
        // Sent again by a relay that did not see the broker's answer, read after the agency's next step.
        KhanhHoaTree.producer().publishAt(EXPOSURE_REOPENED, later(reopened, "IN_PROGRESS"), eventId, recorded);
        KhanhHoaTree.producer().publish(EXPOSURE_DETECTED, detected);
        await().atMost(PATIENCE).until(() -> mentioning(CAMRANH_FOCAL_POINT, reference) == 2);

        String after = "AFTERBACK-" + RunIds.next(6);
        Events.detect(Events.exposure(CAMRANH, CAMRANH_PATH, after, "CRITICAL", "afterback.camranh.gov.vn"));
        await().atMost(PATIENCE).until(() -> mentioning(CAMRANH_FOCAL_POINT, after) == 1);
        assertEquals(2, mentioning(CAMRANH_FOCAL_POINT, reference), "detected once, back once");
        assertEquals(
                List.of("EXPOSURE_DETECTED", "EXPOSURE_REOPENED"),
                kindsListing(detected.id()).stream().sorted().toList(),
                "the notices that list the exposure (one may list others of its batch, and name no single reference)");
        assertEquals(
                1,
                MailServer.inbox(CAMRANH_FOCAL_POINT).stream()
                        .map(m -> m.text().replaceAll("=\\r?\\n", ""))
                        .filter(text -> text.contains(reference))
                        .filter(text -> text.contains("nay mở lại") || text.contains("are open again"))
                        .count(),
                "the second message says the exposure is back");
    }

    /** New exposures and exposures back again, gathered in the same minutes, go out as two digests in their own words. */
    @Test
    void newAndReopenedExposuresGatheredTogetherAreToldInTheirOwnDigests() {
        choose(CAMRANH, CAMRANH_FOCAL_POINT, Map.of("digestMinutes", 0));
        String found = "NEWD-" + RunIds.next(6);
        String back = "BACKD-" + RunIds.next(6);
        Events.detect(Events.exposure(CAMRANH, CAMRANH_PATH, found, "HIGH", "newd.camranh.gov.vn"));
        KhanhHoaTree.producer()
                .publish(
                        EXPOSURE_REOPENED,
                        later(Events.exposure(CAMRANH, CAMRANH_PATH, back, "HIGH", "backd.camranh.gov.vn"), "OPEN"));
        await().atMost(PATIENCE)
                .until(() -> mentioning(CAMRANH_FOCAL_POINT, found) == 1 && mentioning(CAMRANH_FOCAL_POINT, back) == 1);

        List<String> texts = MailServer.inbox(CAMRANH_FOCAL_POINT).stream()
                .map(m -> m.text().replaceAll("=\\r?\\n", ""))
                .filter(text -> text.contains(found) || text.contains(back))
                .toList();
        assertEquals(2, texts.size(), "two digests, not one that mixes them");
        for (String text : texts) {
            boolean saysBack = text.contains("nay mở lại") || text.contains("are open again");
            assertEquals(text.contains(back), saysBack, text);
        }
    }

    /** The version the replica holds of an exposure ("" while it holds none). */
    private String version(UUID exposure) {
        List<String> versions =
                Sql.texts(pool, "select version::text from exposure_replica where id = $1", Tuple.of(exposure));
        return versions.isEmpty() ? "" : versions.getFirst();
    }

    /** The exposure one version later, in another status (as a status-changed event carries it). */
    private static ExposureEvent later(ExposureEvent e, String status) {
        return new ExposureEvent(
                e.id(),
                e.organizationCode(),
                e.orgPath(),
                e.sourceKind(),
                e.advisoryId(),
                e.advisoryReference(),
                e.botnetListId(),
                e.botnetListReference(),
                e.assetId(),
                e.hostname(),
                e.network(),
                e.subject(),
                e.matched(),
                e.severity(),
                e.dueOn(),
                status,
                e.detectedAt(),
                Instant.now(),
                "analyst",
                e.version() + 1);
    }

    /** Cam Ranh's notifications about a reference, as its operator's console lists them. */
    private static List<Map<String, Object>> inbox(String reference) {
        return inboxWhere("it.facts.reference == '" + reference + "'");
    }

    /** The kinds of Cam Ranh's notifications that list the exposure (one may list others and name no reference). */
    private static List<String> kindsListing(UUID exposure) {
        return inboxWhere("it.facts.items.any { item -> item.link == '/exposures/" + exposure + "' }").stream()
                .map(n -> (String) n.get("kind"))
                .toList();
    }

    private static List<Map<String, Object>> inboxWhere(String condition) {
        return as("camranh-operator")
                .queryParam("limit", 200)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { " + condition + " }");
    }

    /** How many exposures of a reference Cam Ranh's notifications count. */
    @SuppressWarnings("unchecked")
    private static int counted(String reference) {
        return inbox(reference).stream()
                .mapToInt(n -> Integer.parseInt(((Map<String, Map<String, String>>) (Map<?, ?>) n.get("facts"))
                        .get("values")
                        .get("count")))
                .sum();
    }

    /** Messages whose text names an ASCII reference (quoted-printable breaks long lines with "=" at the end). */
    private static long mentioning(String address, String reference) {
        return MailServer.inbox(address).stream()
                .filter(m -> m.text().replaceAll("=\\r?\\n", "").contains(reference))
                .count();
    }

    @Test
    void historyReplayedFromTheTopicsTellsNobody() throws Exception {
        Instant longAgo = Instant.now().minus(java.time.Duration.ofDays(10));
        String reference = "OLD-" + RunIds.next(6);
        KhanhHoaTree.producer()
                .publishAt(
                        vn.canhgac.commons.contracts.EventContracts.EXPOSURE_DETECTED,
                        Events.exposure(CAMRANH, CAMRANH_PATH, reference, "CRITICAL", "old.camranh.gov.vn"),
                        longAgo);
        String directive = "OLD-D-" + RunIds.next(6);
        KhanhHoaTree.producer()
                .publishAt(
                        vn.canhgac.commons.contracts.EventContracts.DIRECTIVE_ISSUED,
                        Events.directive(
                                directive, LocalDate.now(), LocalDate.now().plusDays(5), CAMRANH),
                        longAgo);
        String marker = "NEW-" + RunIds.next(6);
        Events.issue(Events.directive(marker, LocalDate.now(), LocalDate.now().plusDays(20), CAMRANH));

        // The newer directive, published after both, arrives: the old ones were applied, and told nobody.
        await().atMost(PATIENCE)
                .until(() -> MailServer.about(CAMRANH_FOCAL_POINT, marker).size() == 1);
        Thread.sleep(4_000);
        assertEquals(List.of(), MailServer.about(CAMRANH_FOCAL_POINT, directive));
        assertEquals(
                0,
                MailServer.inbox(CAMRANH_FOCAL_POINT).stream()
                        .filter(m -> m.text().contains(reference))
                        .count());
    }

    @Test
    void anIncidentReachesItsOrganisationAndEveryCoordinatorAboveButNotTheBank() {
        String reference = "SC-" + RunIds.next(6);
        Events.report(Events.incident(
                reference, CAMRANH, CAMRANH_PATH, "HIGH", Instant.now().plusSeconds(86_400)));

        await().atMost(PATIENCE)
                .until(() -> MailServer.about(CAMRANH_FOCAL_POINT, reference).size() == 1
                        && MailServer.about(DEPARTMENT_FOCAL_POINT, reference).size() == 1
                        && MailServer.about(DEPARTMENT_DUTY, reference).size() == 1
                        && MailServer.about(PROVINCE_LEADER, reference).size() == 1);
        assertEquals(List.of(), MailServer.about(BANK_SOC, reference));
        as("khanhhoa-coordinator")
                .get("/api/v1/notifications/unread-count")
                .then()
                .statusCode(200)
                .body("unread", greaterThanOrEqualTo(1));
    }

    @Test
    void anEscalationIsToldOncePerCentreUpTheChain() {
        String reference = "SC-E-" + RunIds.next(6);
        var incident = Events.incident(
                reference, CAMRANH, CAMRANH_PATH, "HIGH", Instant.now().plusSeconds(86_400));
        Events.escalate(incident, List.of("VNCERT"));
        Events.escalate(incident, List.of("VNCERT", "NCSC"));

        String vncert = "Sự cố " + reference + " đã được chuyển lên VNCERT";
        String both = "Sự cố " + reference + " đã được chuyển lên VNCERT, NCSC";
        await().atMost(PATIENCE)
                .until(() -> MailServer.about(DEPARTMENT_DUTY, reference).size() == 2);
        pauseBriefly();
        assertEquals(
                1,
                MailServer.about(DEPARTMENT_DUTY, vncert).stream()
                        .filter(m -> !m.subject().contains("NCSC"))
                        .count());
        assertEquals(1, MailServer.about(DEPARTMENT_DUTY, both).size(), "the second escalation tells of NCSC once");
        assertEquals(List.of(), MailServer.about(BANK_SOC, reference));
    }

    private static void pauseBriefly() {
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aContactsMinimumSeverityAndLanguageAreHonoured() {
        choose(CAMRANH, CAMRANH_LEADER, Map.of("minSeverity", "CRITICAL", "language", "en"));
        String high = "SC-H-" + RunIds.next(6);
        String critical = "SC-C-" + RunIds.next(6);
        Events.report(Events.incident(
                high, CAMRANH, CAMRANH_PATH, "HIGH", Instant.now().plusSeconds(86_400)));
        Events.report(Events.incident(
                critical, CAMRANH, CAMRANH_PATH, "CRITICAL", Instant.now().plusSeconds(86_400)));

        await().atMost(PATIENCE)
                .until(() -> MailServer.about(CAMRANH_LEADER, critical).size() == 1
                        && MailServer.about(CAMRANH_FOCAL_POINT, high).size() == 1);
        assertTrue(
                MailServer.about(CAMRANH_LEADER, critical).getFirst().subject().startsWith("[Canh Gác] Incident "));
        assertEquals(List.of(), MailServer.about(CAMRANH_LEADER, high), "below the leader's minimum severity");
    }

    @Test
    void preferencesAreReadAndChosenWithinTheScopeOnly() {
        as("bank-admin")
                .queryParam("organization", CAMRANH)
                .get("/api/v1/notification-preferences")
                .then()
                .statusCode(404);
        as("bank-admin")
                .contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(Map.of("channels", List.of("EMAIL"), "minSeverity", "LOW", "digestMinutes", 5, "language", "vi"))
                .put("/api/v1/notification-preferences/" + CAMRANH + "/" + CAMRANH_FOCAL_POINT)
                .then()
                .statusCode(404);
        as("khanhhoa-coordinator")
                .contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(Map.of(
                        "channels", List.of("SMS"), "minSeverity", "SOMETIMES", "digestMinutes", -1, "language", "fr"))
                .put("/api/v1/notification-preferences/" + CAMRANH + "/" + CAMRANH_FOCAL_POINT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aStalePreferenceIsRefusedWith412() {
        as("khanhhoa-coordinator")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"999\"")
                .body(Map.of("channels", List.of("EMAIL"), "minSeverity", "LOW", "digestMinutes", 5, "language", "vi"))
                .put("/api/v1/notification-preferences/" + CAMRANH + "/" + CAMRANH_FOCAL_POINT)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
    }

    /** Changes some of a contact's preferences, as Khánh Hòa's coordinator. */
    static void choose(String organization, String email, Map<String, Object> changes) {
        Map<String, Object> preference = new java.util.HashMap<>(
                Map.of("channels", List.of("EMAIL"), "minSeverity", "LOW", "digestMinutes", 60, "language", "vi"));
        preference.putAll(changes);
        as("khanhhoa-coordinator")
                .contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(preference)
                .put("/api/v1/notification-preferences/" + organization + "/" + email)
                .then()
                .statusCode(200);
    }
}
