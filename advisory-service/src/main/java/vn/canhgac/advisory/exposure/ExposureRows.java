package vn.canhgac.advisory.exposure;

import io.vertx.mutiny.sqlclient.Row;
import vn.canhgac.commons.contracts.ExposureEvent;

/** Reads an exposure (its columns, the advisory's and the list's references) from a result row. */
final class ExposureRows {

    /** The columns every query that reads exposures selects, {@code x} being the exposure. */
    static final String COLUMNS = """
            x.id, x.organization_code, x.org_path, x.source_kind, x.advisory_id, v.reference as advisory_reference,
            x.botnet_list_id, l.reference as botnet_list_reference, x.asset_id, x.hostname, x.network::text as network,
            x.subject, x.matched, x.evidence, x.severity, x.due_on, x.status, x.detected_at, x.last_matched_at,
            x.status_changed_at, x.status_changed_by, x.version, v.revision as advisory_revision,
            v.remediation as advisory_remediation""";

    static final String JOINS = """
            left join advisory v on v.id = x.advisory_id left join botnet_list l on l.id = x.botnet_list_id""";

    /**
     * The event of an exposure read with {@link #COLUMNS}, as JSON the database writes: what {@link #event} would
     * serialise to (ExposureEventsTest holds them to it), for statements that record their own events.
     */
    static final String EVENT_JSON = """
            json_build_object('id', id, 'organizationCode', organization_code, 'orgPath', org_path,
                'sourceKind', source_kind, 'advisoryId', advisory_id, 'advisoryReference', advisory_reference,
                'botnetListId', botnet_list_id, 'botnetListReference', botnet_list_reference, 'assetId', asset_id,
                'hostname', hostname, 'network', network, 'subject', subject, 'matched', matched,
                'severity', severity, 'dueOn', due_on, 'status', status, 'detectedAt', %s,
                'statusChangedAt', %s, 'statusChangedBy', status_changed_by, 'version', version)""".formatted(instant("detected_at"), instant("status_changed_at"));

    private ExposureRows() {}

    /** A timestamp as Jackson writes an Instant: ISO 8601 in UTC, the fraction in groups of three digits. */
    private static String instant(String column) {
        return "regexp_replace(regexp_replace(to_char(" + column
                + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '000$', ''), '\\.000$', '') || 'Z'";
    }

    static ExposureEvent event(Row row) {
        return new ExposureEvent(
                row.getUUID("id"),
                row.getString("organization_code"),
                row.getString("org_path"),
                row.getString("source_kind"),
                row.getUUID("advisory_id"),
                row.getString("advisory_reference"),
                row.getUUID("botnet_list_id"),
                row.getString("botnet_list_reference"),
                row.getUUID("asset_id"),
                row.getString("hostname"),
                row.getString("network"),
                row.getString("subject"),
                row.getString("matched"),
                row.getString("severity"),
                row.getLocalDate("due_on"),
                row.getString("status"),
                row.getOffsetDateTime("detected_at").toInstant(),
                row.getOffsetDateTime("status_changed_at").toInstant(),
                row.getString("status_changed_by"),
                row.getLong("version"));
    }
}
