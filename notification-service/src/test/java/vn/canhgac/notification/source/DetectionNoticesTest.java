package vn.canhgac.notification.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_DETECTED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_REOPENED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_STATUS_CHANGED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_UPDATED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.contracts.ExposureEvent;
import vn.canhgac.notification.notice.Notice;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeKind;
import vn.canhgac.notification.testing.Events;

/**
 * A batch's new and reopened exposures become one notice per organisation, severity and kind, listing the first and
 * counting all.
 */
class DetectionNoticesTest {

    private static final String CAMRANH = "UBND-CAMRANH";
    private static final String BANK = "NH-KH";

    @Test
    void oneNoticePerOrganisationAndSeverityThatCountsAll() {
        List<ExposureEvent> batch = new ArrayList<>();
        batch.addAll(many(CAMRANH, "HIGH", "ZIMBRA-1", 250));
        batch.addAll(many(CAMRANH, "CRITICAL", "BIGIP-1", 3));
        batch.addAll(many(BANK, "HIGH", "ZIMBRA-1", 2));

        List<Notice> notices = DetectionNotices.grouped(batch, detected(batch), ids(batch));

        assertEquals(3, notices.size());
        Notice high = notices.getFirst();
        assertEquals(CAMRANH, high.organization());
        assertEquals("HIGH", high.severity());
        assertTrue(high.gathered(), "not critical: gathered into a digest");
        assertEquals(250, high.facts().count());
        assertEquals(NoticeFacts.KEPT_ITEMS, high.facts().items().size());
        assertEquals("ZIMBRA-1", high.facts().reference());
        assertEquals(
                "/exposures?organization=UBND-CAMRANH&severity=HIGH",
                high.facts().link());
        assertTrue(high.facts().headline().endsWith(" (+249)"), high.facts().headline());

        Notice critical = notices.get(1);
        assertEquals("CRITICAL", critical.severity());
        assertEquals(3, critical.facts().count());
        assertTrue(!critical.gathered(), "critical: at once, in one message for the three");
        assertEquals(BANK, notices.get(2).organization());
        assertEquals(
                3,
                notices.stream()
                        .map(Notice::dedupKey)
                        .collect(Collectors.toSet())
                        .size(),
                "each group is its own notification");
    }

    @Test
    void onlyWhatIsToldNowAndOneExposureReadsAsBefore() {
        List<ExposureEvent> batch = many(CAMRANH, "HIGH", "ZIMBRA-2", 3);
        ExposureEvent told = batch.get(1);

        List<Notice> notices = DetectionNotices.grouped(batch, detected(batch), Set.of(told.id()));

        assertEquals(1, notices.size());
        NoticeFacts facts = notices.getFirst().facts();
        assertEquals(1, facts.count());
        assertEquals("/exposures/" + told.id(), facts.link());
        assertEquals(DetectionNotices.label(told), facts.headline());
        assertEquals(List.of(), DetectionNotices.grouped(batch, detected(batch), Set.of(UUID.randomUUID())));
    }

    @Test
    void aGroupOfSeveralSourcesNamesNoSingleReference() {
        List<ExposureEvent> batch = new ArrayList<>(many(CAMRANH, "HIGH", "ZIMBRA-3", 1));
        batch.addAll(many(CAMRANH, "HIGH", "EXCHANGE-3", 1));

        NoticeFacts facts = DetectionNotices.grouped(batch, detected(batch), ids(batch))
                .getFirst()
                .facts();

        assertNull(facts.reference());
        assertEquals(2, facts.count());
    }

    @Test
    void reopenedExposuresAreToldApartFromNewOnes() {
        List<ExposureEvent> found = many(CAMRANH, "HIGH", "ZIMBRA-4", 2);
        List<ExposureEvent> back = many(CAMRANH, "HIGH", "ZIMBRA-4", 3);
        List<ExposureEvent> batch = new ArrayList<>(found);
        batch.addAll(back);
        Map<UUID, DetectionNotices.News> news = new HashMap<>(detected(found));
        back.forEach(e -> news.put(
                e.id(),
                DetectionNotices.News.of(EXPOSURE_REOPENED.type(), Instant.now(), e)
                        .orElseThrow()));

        List<Notice> notices = DetectionNotices.grouped(batch, news, ids(batch));

        assertEquals(
                List.of(NoticeKind.EXPOSURE_DETECTED, NoticeKind.EXPOSURE_REOPENED),
                notices.stream().map(Notice::kind).toList());
        assertEquals(List.of(2, 3), notices.stream().map(n -> n.facts().count()).toList());
        assertTrue(
                notices.get(1).dedupKey().startsWith("exposures-reopened:"),
                notices.get(1).dedupKey());
        assertTrue(notices.get(1).gathered(), "not critical: gathered into a digest, as new ones are");
    }

    @Test
    void onlyDetectionsAndReopensHaveSomethingToTell() {
        ExposureEvent exposure = many(CAMRANH, "HIGH", "ZIMBRA-5", 1).getFirst();
        Instant recorded = exposure.statusChangedAt().minusSeconds(30);
        assertEquals(
                recorded,
                DetectionNotices.News.of(EXPOSURE_REOPENED.type(), recorded, exposure)
                        .orElseThrow()
                        .at(),
                "a reopen is the event's, not the status change its data holds when sent");
        assertEquals(
                exposure.detectedAt(),
                DetectionNotices.News.of(EXPOSURE_DETECTED.type(), recorded, exposure)
                        .orElseThrow()
                        .at());
        for (String type : List.of(EXPOSURE_STATUS_CHANGED.type(), EXPOSURE_UPDATED.type())) {
            assertEquals(Optional.empty(), DetectionNotices.News.of(type, recorded, exposure), type);
        }
    }

    private static Map<UUID, DetectionNotices.News> detected(List<ExposureEvent> exposures) {
        return exposures.stream()
                .collect(Collectors.toMap(
                        ExposureEvent::id,
                        e -> DetectionNotices.News.of(EXPOSURE_DETECTED.type(), e.detectedAt(), e)
                                .orElseThrow()));
    }

    private static List<ExposureEvent> many(String organization, String severity, String reference, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> Events.exposure(
                        organization, "/" + organization + "/", reference, severity, "h" + i + ".example.vn"))
                .toList();
    }

    private static Set<UUID> ids(List<ExposureEvent> exposures) {
        return exposures.stream().map(ExposureEvent::id).collect(Collectors.toSet());
    }
}
