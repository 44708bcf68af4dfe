package vn.canhgac.notification.testing;

import static vn.canhgac.commons.contracts.EventContracts.DIRECTIVE_ISSUED;
import static vn.canhgac.commons.contracts.EventContracts.EXPOSURE_DETECTED;
import static vn.canhgac.commons.contracts.EventContracts.INCIDENT_REPORTED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.contracts.DirectiveEvent;
import vn.canhgac.commons.contracts.ExposureEvent;
import vn.canhgac.commons.contracts.IncidentEvent;
import vn.canhgac.commons.testing.KhanhHoaTree;

/** Announces what the other services would, on the test topics. */
public final class Events {

    private Events() {}

    public static DirectiveEvent directive(
            String reference, LocalDate issuedOn, LocalDate dueOn, String... recipients) {
        return new DirectiveEvent(
                UUID.randomUUID(),
                reference,
                "STTTT-KH",
                null,
                "Bảo đảm an toàn thông tin dịp Tết " + reference,
                issuedOn,
                dueOn,
                List.of(),
                List.of(recipients),
                "Nguyễn Văn Bình");
    }

    public static DirectiveEvent issue(DirectiveEvent directive) {
        KhanhHoaTree.producer().publish(DIRECTIVE_ISSUED, directive);
        return directive;
    }

    public static ExposureEvent exposure(
            String organization, String path, String reference, String severity, String host) {
        return new ExposureEvent(
                UUID.randomUUID(),
                organization,
                path,
                ExposureEvent.ADVISORY,
                UUID.randomUUID(),
                reference,
                null,
                null,
                UUID.randomUUID(),
                host,
                null,
                "Zimbra Collaboration 8.8.15",
                "cpe:2.3:a:zimbra:collaboration:8.8.15",
                severity,
                LocalDate.now().plusDays(10),
                "OPEN",
                Instant.now(),
                Instant.now(),
                "matcher",
                1);
    }

    public static ExposureEvent detect(ExposureEvent exposure) {
        KhanhHoaTree.producer().publish(EXPOSURE_DETECTED, exposure);
        return exposure;
    }

    public static IncidentEvent incident(
            String reference, String organization, String path, String severity, Instant due) {
        return new IncidentEvent(
                UUID.randomUUID(),
                reference,
                organization,
                path,
                List.of(organization),
                List.of(),
                "Trang chủ bị thay đổi giao diện " + reference,
                "DEFACEMENT",
                severity,
                "REPORTED",
                "AMBER",
                Instant.now(),
                Instant.now(),
                due,
                1);
    }

    /** The incident as escalated to these centres (all it was escalated to so far). */
    public static void escalate(IncidentEvent incident, List<String> centres) {
        KhanhHoaTree.producer()
                .publish(
                        vn.canhgac.commons.contracts.EventContracts.INCIDENT_ESCALATED,
                        new IncidentEvent(
                                incident.id(),
                                incident.reference(),
                                incident.reportingOrganization(),
                                incident.reportingPath(),
                                incident.affectedOrganizations(),
                                centres,
                                incident.title(),
                                incident.category(),
                                incident.severity(),
                                "TRIAGED",
                                incident.tlp(),
                                incident.detectedAt(),
                                incident.reportedAt(),
                                incident.resolutionDue(),
                                incident.version() + centres.size()));
    }

    public static IncidentEvent report(IncidentEvent incident) {
        KhanhHoaTree.producer().publish(INCIDENT_REPORTED, incident);
        return incident;
    }
}
