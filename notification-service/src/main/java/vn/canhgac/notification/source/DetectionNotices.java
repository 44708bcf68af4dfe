package vn.canhgac.notification.source;

import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_DETECTED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_REOPENED;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.canhgac.commons.contracts.ExposureEvent;
import vn.canhgac.notification.notice.Notice;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeKind;

/**
 * New and reopened exposures told in groups: one notification per organisation, severity and kind for a batch of
 * events, listing the first {@link NoticeFacts#KEPT_ITEMS} and counting all. An import that brings 10,000 critical
 * exposures to an agency is then a few messages, not 10,000; the link leads to the organisation's exposures of that
 * severity.
 */
final class DetectionNotices {

    private DetectionNotices() {}

    /**
     * What an event has to tell, and the instant that makes it one: a detection (when it was found), or a reopen
     * (when it was recorded, the event's time). Not the reopen's {@code statusChangedAt}: its data is read when it is
     * sent, so an agency may have acknowledged it since, and a send the relay repeats would carry a later one.
     */
    record News(NoticeKind kind, ExposureEvent exposure, Instant at) {

        static Optional<News> of(String type, Instant recordedAt, ExposureEvent exposure) {
            if (EXPOSURE_DETECTED.type().equals(type) && exposure.detectedAt() != null) {
                return Optional.of(new News(NoticeKind.EXPOSURE_DETECTED, exposure, exposure.detectedAt()));
            }
            if (EXPOSURE_REOPENED.type().equals(type) && recordedAt != null) {
                return Optional.of(new News(NoticeKind.EXPOSURE_REOPENED, exposure, recordedAt));
            }
            return Optional.empty();
        }
    }

    /** The notices for the exposures told ({@code told}, of {@code news}), in the order of the batch. */
    static List<Notice> grouped(List<ExposureEvent> exposures, Map<UUID, News> news, Set<UUID> told) {
        Map<String, List<ExposureEvent>> groups = new LinkedHashMap<>();
        exposures.stream()
                .filter(e -> told.contains(e.id()))
                .forEach(e -> groups.computeIfAbsent(
                                e.organizationCode() + "|" + e.severity() + "|"
                                        + news.get(e.id()).kind(),
                                k -> new ArrayList<>())
                        .add(e));
        return groups.values().stream().map(group -> notice(group, news)).toList();
    }

    private static Notice notice(List<ExposureEvent> group, Map<UUID, News> news) {
        NoticeKind kind = news.get(group.getFirst().id()).kind();
        ExposureEvent first = group.getFirst();
        boolean one = group.size() == 1;
        List<NoticeFacts.Item> items = group.stream()
                .limit(NoticeFacts.KEPT_ITEMS)
                .map(e -> new NoticeFacts.Item(label(e), e.severity(), "/exposures/" + e.id()))
                .toList();
        String earliestDue = group.stream()
                .map(ExposureEvent::dueOn)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(LocalDate::toString)
                .orElse("");
        NoticeFacts facts = new NoticeFacts(
                sharedReference(group),
                one ? label(first) : label(first) + " (+" + (group.size() - 1) + ")",
                one
                        ? "/exposures/" + first.id()
                        : "/exposures?organization=" + first.organizationCode() + "&severity=" + first.severity(),
                Map.of("dueOn", earliestDue, NoticeFacts.COUNT, String.valueOf(group.size())),
                items);
        return Notice.of(
                (kind == NoticeKind.EXPOSURE_DETECTED ? "exposures-detected:" : "exposures-reopened:")
                        + identity(group, news),
                kind,
                first.organizationCode(),
                first.severity(),
                facts);
    }

    /**
     * The group's exposures and what is told of them: one notification per set told (each detection and each
     * reopen is told once).
     */
    private static UUID identity(List<ExposureEvent> group, Map<UUID, News> news) {
        StringBuilder all = new StringBuilder();
        group.forEach(e ->
                all.append(e.id()).append('@').append(news.get(e.id()).at()).append(';'));
        return UUID.nameUUIDFromBytes(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The advisory's or list's reference when the whole group comes from one, otherwise none. */
    private static String sharedReference(List<ExposureEvent> group) {
        String reference = reference(group.getFirst());
        return group.stream().allMatch(e -> Objects.equals(reference(e), reference)) ? reference : null;
    }

    /** What an exposure is, in one line: the host or range, what matched, and from which advisory or list. */
    static String label(ExposureEvent exposure) {
        String where = exposure.hostname() != null
                ? exposure.hostname()
                : exposure.network() != null ? exposure.network() : "";
        String what = exposure.subject() == null ? "" : exposure.subject();
        String separator = where.isEmpty() || what.isEmpty() ? "" : " — ";
        return where + separator + what + " (" + reference(exposure) + ")";
    }

    private static String reference(ExposureEvent exposure) {
        return exposure.advisoryReference() != null ? exposure.advisoryReference() : exposure.botnetListReference();
    }
}
