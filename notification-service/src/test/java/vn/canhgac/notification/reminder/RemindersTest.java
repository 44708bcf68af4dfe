package vn.canhgac.notification.reminder;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.contracts.EventContracts.DIRECTIVE_ISSUED;
import static vn.canhgac.commons.contracts.EventContracts.DIRECTIVE_REPORTED;
import static vn.canhgac.commons.contracts.EventContracts.DUTY_SHIFT_ADDED;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.notification.testing.TestContacts.BANK_SOC;
import static vn.canhgac.notification.testing.TestContacts.CAMRANH_FOCAL_POINT;
import static vn.canhgac.notification.testing.TestContacts.CAMRANH_LEADER;
import static vn.canhgac.notification.testing.TestContacts.DEPARTMENT_DUTY;
import static vn.canhgac.notification.testing.TestContacts.DEPARTMENT_FOCAL_POINT;
import static vn.canhgac.notification.testing.TestContacts.PROVINCE_LEADER;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.canhgac.commons.contracts.DirectiveEvent;
import vn.canhgac.commons.contracts.DirectiveReportEvent;
import vn.canhgac.commons.contracts.DutyShiftEvent;
import vn.canhgac.commons.contracts.ExposureEvent;
import vn.canhgac.commons.testing.KhanhHoaTree;
import vn.canhgac.commons.testing.RunIds;
import vn.canhgac.commons.time.Vietnam;
import vn.canhgac.notification.testing.Events;
import vn.canhgac.notification.testing.MailServer;
import vn.canhgac.notification.testing.TestContacts;

/**
 * The timers, each run twice on the same day to show that nobody is reminded twice: report deadlines (3 days,
 * 1 day, passed, with the issuer told who has not answered), exposures due soon, overdue and escalated to the
 * parent, incidents past their deadline, duty gaps before an alert window opens, a shift starting; one lease holder.
 */
@QuarkusTest
@ExtendWith(KhanhHoaTree.class)
class RemindersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String CAMRANH = "UBND-CAMRANH";
    private static final String CAMRANH_PATH = "/UBND-KH/STTTT-KH/UBND-CAMRANH/";

    @Inject
    Reminders reminders;

    @Inject
    Pool pool;

    private final LocalDate today = LocalDate.now(Vietnam.ZONE);

    @BeforeEach
    void contacts() {
        TestContacts.announce(KhanhHoaTree.producer());
    }

    @Test
    void aReportDueInThreeDaysIsRemindedOnce() {
        String reference = "D3-" + RunIds.next(6);
        DirectiveEvent directive =
                Events.issue(Events.directive(reference, today.minusDays(10), today.plusDays(3), CAMRANH));
        awaitRow("select 1 from directive_recipient where directive_id = $1", directive.id());

        runTwice();

        await().atMost(PATIENCE)
                .until(() -> MailServer.about(CAMRANH_FOCAL_POINT, "Còn 3 ngày đến hạn báo cáo " + reference)
                                .size()
                        == 1);
        pause();
        assertEquals(
                1,
                MailServer.about(CAMRANH_FOCAL_POINT, reference).stream()
                        .filter(m -> m.subject().contains("Còn 3 ngày"))
                        .count());
    }

    @Test
    void aReportDueTomorrowIsRemindedOnce() {
        String reference = "D1-" + RunIds.next(6);
        DirectiveEvent directive =
                Events.issue(Events.directive(reference, today.minusDays(10), today.plusDays(1), CAMRANH));
        awaitRow("select 1 from directive_recipient where directive_id = $1", directive.id());

        runTwice();

        String subject = "Ngày mai đến hạn báo cáo " + reference;
        await().atMost(PATIENCE)
                .until(() -> MailServer.about(CAMRANH_LEADER, subject).size() == 1);
        pause();
        assertEquals(1, MailServer.about(CAMRANH_LEADER, subject).size());
        assertEquals(List.of(), MailServer.about(CAMRANH_LEADER, "Còn 3 ngày đến hạn báo cáo " + reference));
    }

    @Test
    void aPassedDeadlineRemindsWhoHasNotReportedAndTellsTheIssuerWho() {
        String reference = "OD-" + RunIds.next(6);
        DirectiveEvent directive =
                Events.issue(Events.directive(reference, today.minusDays(20), today.minusDays(1), CAMRANH, "NHTM-A"));
        KhanhHoaTree.producer()
                .publish(
                        DIRECTIVE_REPORTED,
                        new DirectiveReportEvent(directive.id(), reference, "NHTM-A", Instant.now(), "SOC"));
        awaitRow(
                "select 1 from directive_recipient where directive_id = $1 and reported_at is not null",
                directive.id());
        awaitRow(
                "select 1 from directive_recipient where directive_id = $1 and organization_code = 'UBND-CAMRANH'",
                directive.id());

        runTwice();

        await().atMost(PATIENCE)
                .until(() -> MailServer.about(CAMRANH_LEADER, "Quá hạn báo cáo " + reference)
                                        .size()
                                == 1
                        && MailServer.about(DEPARTMENT_FOCAL_POINT, "chưa báo cáo theo " + reference)
                                        .size()
                                == 1);
        MailServer.Delivered unanswered = MailServer.about(DEPARTMENT_FOCAL_POINT, "chưa báo cáo theo " + reference)
                .getFirst();
        assertTrue(unanswered.subject().startsWith("[Canh Gác] 1 đơn vị"), unanswered.subject());
        assertTrue(
                unanswered.text().contains("UBND-CAMRANH") && !unanswered.text().contains("NHTM-A"));
        pause();
        assertEquals(List.of(), MailServer.about(BANK_SOC, "Quá hạn báo cáo " + reference), "the bank reported");
        assertEquals(
                1,
                MailServer.about(CAMRANH_LEADER, "Quá hạn báo cáo " + reference).size());
    }

    @Test
    void exposuresDueSoonOverdueAndLongOverdueAreToldOnceAndTheLastEscalatedToTheParent() {
        String reference = "DUE-" + RunIds.next(6);
        ExposureEvent soon = due(Events.exposure(CAMRANH, CAMRANH_PATH, reference, "HIGH", "soon.camranh.gov.vn"), 2);
        ExposureEvent late = due(Events.exposure(CAMRANH, CAMRANH_PATH, reference, "HIGH", "late.camranh.gov.vn"), -1);
        ExposureEvent old =
                due(Events.exposure(CAMRANH, CAMRANH_PATH, reference, "CRITICAL", "old.camranh.gov.vn"), -10);
        for (ExposureEvent exposure : List.of(soon, late, old)) {
            Events.detect(exposure);
            awaitRow("select 1 from exposure_replica where id = $1", exposure.id());
        }

        runTwice();

        await().atMost(PATIENCE)
                .until(() -> mails(CAMRANH_FOCAL_POINT, "soon.camranh.gov.vn", "3 ngày") == 1
                        && mails(CAMRANH_FOCAL_POINT, "late.camranh.gov.vn", "quá hạn") == 1
                        && mails(DEPARTMENT_FOCAL_POINT, "old.camranh.gov.vn", "vượt cấp") == 1);
        pause();
        assertEquals(1, mails(CAMRANH_FOCAL_POINT, "soon.camranh.gov.vn", "3 ngày"));
        assertEquals(0, mails(DEPARTMENT_FOCAL_POINT, "late.camranh.gov.vn", "vượt cấp"), "not past the threshold");
        assertEquals(0, mails(BANK_SOC, reference, ""));

        // In the console, the same words as the e-mail's subject, in the language asked, and a link to those
        // exposures of the organisation: it showed the kind's code and led to every overdue exposure in scope.
        as("camranh-operator")
                .header("Accept-Language", "vi")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.find { it.kind == 'EXPOSURES_OVERDUE' }.title", startsWith("2 điểm yếu của "))
                .body("items.find { it.kind == 'EXPOSURES_OVERDUE' }.title", endsWith("đã quá hạn xử lý"))
                .body(
                        "items.find { it.kind == 'EXPOSURES_OVERDUE' }.facts.link",
                        equalTo("/exposures?organization=" + CAMRANH + "&overdue=true"))
                .body(
                        "items.find { it.kind == 'EXPOSURES_DUE_SOON' }.facts.link",
                        equalTo("/exposures?organization=" + CAMRANH
                                + "&status=TO_CONFIRM,OPEN,ACKNOWLEDGED,IN_PROGRESS"));
        as("camranh-operator")
                .header("Accept-Language", "en")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.find { it.kind == 'EXPOSURES_DUE_SOON' }.title", endsWith("due within 3 days"));

        // The escalation names the department it tells (it named the first exposure's organisation), and leads to
        // what it escalated, overdue beyond the threshold (it led to every overdue exposure of the subtree).
        String escalation =
                "items.find { it.kind == 'EXPOSURES_ESCALATED' && it.facts.items.any { i -> i.text.contains('%s') } }"
                        .formatted(reference);
        as("khanhhoa-coordinator")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body(escalation + ".facts.values.organization", equalTo("STTTT-KH"))
                .body(
                        escalation + ".facts.link",
                        equalTo("/exposures?parent=STTTT-KH&overdue=true&dueBefore=" + today.minusDays(7)));
    }

    @Test
    void anIncidentPastItsDeadlineIsToldToItsOrganisationAndParent() {
        String reference = "SLA-" + RunIds.next(6);
        Events.report(Events.incident(
                reference, CAMRANH, CAMRANH_PATH, "HIGH", Instant.now().minusSeconds(60)));
        awaitRow("select 1 from incident_replica where reference = $1", reference);

        runTwice();

        String subject = "Sự cố " + reference + " đã quá hạn xử lý";
        await().atMost(PATIENCE)
                .until(() -> MailServer.about(CAMRANH_FOCAL_POINT, subject).size() == 1
                        && MailServer.about(DEPARTMENT_DUTY, subject).size() == 1);
        assertEquals(List.of(), MailServer.about(BANK_SOC, reference));
    }

    @Test
    void aShiftStartingWithinTheHourIsToldToThePersonOnDuty() {
        String person = "truc-" + RunIds.next(6).toLowerCase(java.util.Locale.ROOT) + "@camranh.test";
        DutyShiftEvent shift = new DutyShiftEvent(
                UUID.randomUUID(),
                CAMRANH,
                CAMRANH_PATH,
                "Phạm Văn Dũng",
                "Trực ca đêm",
                "0905.123.456",
                person,
                Instant.now().plusSeconds(1800),
                Instant.now().plusSeconds(1800 + 8 * 3600),
                false);
        KhanhHoaTree.producer().publish(DUTY_SHIFT_ADDED, shift);
        awaitRow("select 1 from duty_shift_replica where id = $1", shift.id());

        runTwice();

        await().atMost(PATIENCE).until(() -> MailServer.inbox(person).size() == 1);
        assertTrue(MailServer.inbox(person).getFirst().subject().startsWith("[Canh Gác] Ca trực của bạn bắt đầu lúc"));
    }

    @Test
    void aShiftStartingIsToldInTheLanguageThePersonChoseAsAContact() {
        vn.canhgac.commons.testing.Api.as("khanhhoa-ubnd")
                .contentType(io.restassured.http.ContentType.JSON)
                .header("If-Match", "*")
                .body(java.util.Map.of(
                        "channels", List.of("EMAIL"), "minSeverity", "LOW", "digestMinutes", 60, "language", "en"))
                .put("/api/v1/notification-preferences/UBND-KH/" + PROVINCE_LEADER)
                .then()
                .statusCode(200);
        DutyShiftEvent shift = new DutyShiftEvent(
                UUID.randomUUID(),
                "UBND-KH",
                "/UBND-KH/",
                "Lãnh đạo trực",
                null,
                "0258.3822.661",
                PROVINCE_LEADER.toUpperCase(java.util.Locale.ROOT),
                Instant.now().plusSeconds(1200),
                Instant.now().plusSeconds(1200 + 3600),
                false);
        KhanhHoaTree.producer().publish(DUTY_SHIFT_ADDED, shift);
        awaitRow("select 1 from duty_shift_replica where id = $1", shift.id());

        runTwice();

        await().atMost(PATIENCE)
                .until(() -> MailServer.about(PROVINCE_LEADER, "Your duty shift starts at")
                                .size()
                        == 1);
    }

    @Test
    void gapsInDutyOverAnAlertWindowOpeningTomorrowAreTold() {
        String window = "Tết-" + RunIds.next(6);
        DirectiveEvent directive = new DirectiveEvent(
                UUID.randomUUID(),
                "W-" + window,
                "STTTT-KH",
                null,
                "Trực 24/7 dịp " + window,
                today.minusDays(7),
                null,
                List.of(new DirectiveEvent.AlertWindow(window, today.plusDays(1), today.plusDays(2))),
                List.of(CAMRANH),
                "Nguyễn Văn Bình");
        // One shift covers the first day only: the second day is a gap.
        DutyShiftEvent firstDay = new DutyShiftEvent(
                UUID.randomUUID(),
                CAMRANH,
                CAMRANH_PATH,
                "Lê Thị Hoa",
                null,
                "0905.000.111",
                null,
                today.plusDays(1).atStartOfDay(Vietnam.ZONE).toInstant(),
                today.plusDays(2).atStartOfDay(Vietnam.ZONE).toInstant(),
                false);
        KhanhHoaTree.producer().publish(DUTY_SHIFT_ADDED, firstDay);
        KhanhHoaTree.producer().publish(DIRECTIVE_ISSUED, directive);
        awaitRow("select 1 from duty_shift_replica where id = $1", firstDay.id());
        awaitRow("select 1 from directive_recipient where directive_id = $1", directive.id());

        runTwice();

        String subject = "Thiếu người trực 24/7 trong " + window;
        await().atMost(PATIENCE)
                .until(() -> MailServer.about(CAMRANH_LEADER, subject).size() == 1);
        String gap = MailServer.about(CAMRANH_LEADER, subject).getFirst().text();
        String secondDay = today.plusDays(2).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertTrue(gap.contains(secondDay + " 00:00"), gap);
    }

    @Test
    void oneReplicaHoldsTheLeaseUntilItLapses() {
        SchedulerLease first = new SchedulerLease(pool);
        SchedulerLease second = new SchedulerLease(pool);
        String name = "test-" + RunIds.next(6);
        assertTrue(first.hold(name, Duration.ofSeconds(30)).await().indefinitely());
        assertFalse(second.hold(name, Duration.ofSeconds(30)).await().indefinitely());
        assertTrue(first.hold(name, Duration.ofSeconds(30)).await().indefinitely(), "the holder renews");
        pool.preparedQuery("update scheduler_lease set expires_at = now() - interval '1 second' where name = $1")
                .execute(Tuple.of(name))
                .await()
                .indefinitely();
        assertTrue(second.hold(name, Duration.ofSeconds(30)).await().indefinitely(), "taken over once lapsed");
        assertFalse(first.hold(name, Duration.ofSeconds(30)).await().indefinitely());
    }

    private void runTwice() {
        reminders.runAll(today).await().atMost(Duration.ofSeconds(30));
        reminders.runAll(today).await().atMost(Duration.ofSeconds(30));
    }

    private void awaitRow(String sql, Object value) {
        await().atMost(PATIENCE)
                .until(() -> pool.preparedQuery(sql)
                                .execute(Tuple.of(value))
                                .await()
                                .indefinitely()
                                .size()
                        > 0);
    }

    private static long mails(String address, String about, String subjectPart) {
        return MailServer.inbox(address).stream()
                .filter(m -> m.subject().contains(subjectPart) && m.text().contains(about))
                .count();
    }

    /** Long enough for a second, wrong message to have arrived if there were one. */
    private static void pause() {
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ExposureEvent due(ExposureEvent exposure, int days) {
        return new ExposureEvent(
                exposure.id(),
                exposure.organizationCode(),
                exposure.orgPath(),
                exposure.sourceKind(),
                exposure.advisoryId(),
                exposure.advisoryReference(),
                exposure.botnetListId(),
                exposure.botnetListReference(),
                exposure.assetId(),
                exposure.hostname(),
                exposure.network(),
                exposure.subject(),
                exposure.matched(),
                exposure.severity(),
                today.plusDays(days),
                exposure.status(),
                exposure.detectedAt(),
                exposure.statusChangedAt(),
                exposure.statusChangedBy(),
                exposure.version());
    }
}
