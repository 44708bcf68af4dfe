package vn.canhgac.commons.contracts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.canhgac.commons.events.EventTopics;

/**
 * Every event the platform publishes, in one place: for each topic its key and its types, each tied to the record
 * of its data. Producers record events through these ({@code outbox.record(ASSET_UPSERTED, event)}), so a topic,
 * a type and a payload cannot be mixed up; the schemas in {@code contracts/} describe them for other systems.
 */
public final class EventContracts {

    /** {@code inventory.organizations}, keyed by the organisation's code, compacted. */
    public static final EventContract<OrganizationEvent> ORGANIZATION_UPSERTED = new EventContract<>(
            EventTopics.ORGANIZATIONS,
            "canhgac.organization.upserted",
            1,
            OrganizationEvent.class,
            OrganizationEvent::code);

    public static final EventContract<OrganizationEvent> ORGANIZATION_DELETED = new EventContract<>(
            EventTopics.ORGANIZATIONS,
            "canhgac.organization.deleted",
            1,
            OrganizationEvent.class,
            OrganizationEvent::code);

    /** {@code inventory.systems}, keyed by the system's id, compacted. */
    public static final EventContract<SystemEvent> SYSTEM_UPSERTED = new EventContract<>(
            EventTopics.SYSTEMS, "canhgac.system.upserted", 1, SystemEvent.class, e -> text(e.id()));

    public static final EventContract<SystemEvent> SYSTEM_DELETED =
            new EventContract<>(EventTopics.SYSTEMS, "canhgac.system.deleted", 1, SystemEvent.class, e -> text(e.id()));

    /** {@code inventory.assets}, keyed by the asset's id, compacted. */
    public static final EventContract<AssetEvent> ASSET_UPSERTED =
            new EventContract<>(EventTopics.ASSETS, "canhgac.asset.upserted", 1, AssetEvent.class, e -> text(e.id()));

    public static final EventContract<AssetEvent> ASSET_DELETED =
            new EventContract<>(EventTopics.ASSETS, "canhgac.asset.deleted", 1, AssetEvent.class, e -> text(e.id()));

    /** {@code advisory.exposures}, keyed by the exposure's id. */
    public static final EventContract<ExposureEvent> EXPOSURE_DETECTED = new EventContract<>(
            EventTopics.EXPOSURES, "canhgac.exposure.detected", 1, ExposureEvent.class, e -> text(e.id()));

    public static final EventContract<ExposureEvent> EXPOSURE_STATUS_CHANGED = new EventContract<>(
            EventTopics.EXPOSURES, "canhgac.exposure.status-changed", 1, ExposureEvent.class, e -> text(e.id()));

    /**
     * An exposure that was closed (resolved, mitigated, withdrawn with its source, or stated not affected) is open,
     * or to confirm, again: a later advisory or list names it, a statement of not affected no longer holds, or the
     * advisory that superseded a KEV entry's hit is withdrawn. Its own type, because the data is the exposure as it
     * is when the event is sent: an agency may have acknowledged it by then, and read as a status change that would
     * be a person's step, not a hit come back. The event's time is when the reopen was recorded.
     */
    public static final EventContract<ExposureEvent> EXPOSURE_REOPENED = new EventContract<>(
            EventTopics.EXPOSURES, "canhgac.exposure.reopened", 1, ExposureEvent.class, e -> text(e.id()));

    /**
     * An exposure changed and kept its status: a newer list or an installed version still affected names it (its
     * evidence moved), a withdrawn list's hit went over to another list that names it, or a revision or a KEV entry
     * changed its severity or due date. Not a new hit, nor a reopened one: a consumer that acts on hits acts on the
     * two types above, and keeps this one's data as the exposure's newest state.
     */
    public static final EventContract<ExposureEvent> EXPOSURE_UPDATED = new EventContract<>(
            EventTopics.EXPOSURES, "canhgac.exposure.updated", 1, ExposureEvent.class, e -> text(e.id()));

    /** {@code advisory.directives}, keyed by the directive's id. */
    public static final EventContract<DirectiveEvent> DIRECTIVE_ISSUED = new EventContract<>(
            EventTopics.DIRECTIVES, "canhgac.directive.issued", 1, DirectiveEvent.class, e -> text(e.id()));

    /**
     * {@code advisory.directives}: a recipient's report, keyed by directive and recipient ({@code id/code}), not
     * by the directive alone: the topic is compacted, and the report must not replace the directive's own event.
     */
    public static final EventContract<DirectiveReportEvent> DIRECTIVE_REPORTED = new EventContract<>(
            EventTopics.DIRECTIVES,
            "canhgac.directive.reported",
            1,
            DirectiveReportEvent.class,
            e -> e.directiveId() == null ? null : e.directiveId() + "/" + e.organizationCode());

    /** {@code incident.duty}, keyed by the shift's id, compacted. */
    public static final EventContract<DutyShiftEvent> DUTY_SHIFT_ADDED = new EventContract<>(
            EventTopics.DUTY, "canhgac.duty-shift.added", 1, DutyShiftEvent.class, e -> text(e.id()));

    public static final EventContract<DutyShiftEvent> DUTY_SHIFT_DELETED = new EventContract<>(
            EventTopics.DUTY, "canhgac.duty-shift.deleted", 1, DutyShiftEvent.class, e -> text(e.id()));

    /** {@code incident.incidents}, keyed by the incident's id. */
    public static final EventContract<IncidentEvent> INCIDENT_REPORTED = new EventContract<>(
            EventTopics.INCIDENTS, "canhgac.incident.reported", 1, IncidentEvent.class, e -> text(e.id()));

    public static final EventContract<IncidentEvent> INCIDENT_STATUS_CHANGED = new EventContract<>(
            EventTopics.INCIDENTS, "canhgac.incident.status-changed", 1, IncidentEvent.class, e -> text(e.id()));

    public static final EventContract<IncidentEvent> INCIDENT_ESCALATED = new EventContract<>(
            EventTopics.INCIDENTS, "canhgac.incident.escalated", 1, IncidentEvent.class, e -> text(e.id()));

    private static final List<EventContract<?>> ALL = List.of(
            ORGANIZATION_UPSERTED,
            ORGANIZATION_DELETED,
            SYSTEM_UPSERTED,
            SYSTEM_DELETED,
            ASSET_UPSERTED,
            ASSET_DELETED,
            EXPOSURE_DETECTED,
            EXPOSURE_STATUS_CHANGED,
            EXPOSURE_REOPENED,
            EXPOSURE_UPDATED,
            DIRECTIVE_ISSUED,
            DIRECTIVE_REPORTED,
            DUTY_SHIFT_ADDED,
            DUTY_SHIFT_DELETED,
            INCIDENT_REPORTED,
            INCIDENT_STATUS_CHANGED,
            INCIDENT_ESCALATED);

    private EventContracts() {}

    public static List<EventContract<?>> all() {
        return ALL;
    }

    public static Optional<EventContract<?>> ofType(String type) {
        return ALL.stream().filter(c -> c.type().equals(type)).findFirst();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
