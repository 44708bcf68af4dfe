package vn.canhgac.advisory.exposure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.sql.Conditions;
import vn.canhgac.commons.text.SearchText;
import vn.canhgac.commons.time.Vietnam;

/** The exposures' SQL (the matcher's set-based statements apart): lists, one exposure, its history, summaries. */
@ApplicationScoped
public class ExposureStore {

    private static final String SELECT = "select " + ExposureRows.COLUMNS + " from exposure x " + ExposureRows.JOINS;
    private static final String BY_IDS =
            SELECT + " join unnest($1::uuid[]) with ordinality k(key, n) on k.key = x.id order by k.n";
    private static final String HISTORY = """
            select at, actor, from_status, to_status, note from exposure_history where exposure_id = $1 order by id""";
    private static final String CHANGE = """
            update exposure x set status = $2, status_changed_at = statement_timestamp(), status_changed_by = $3, version = version + 1,
                due_on = case when x.status = 'TO_CONFIRM' and $2 = 'OPEN'
                              then exposure_due(x.severity, (select due_on from advisory where id = x.advisory_id),
                                                current_date)
                              else x.due_on end
            where id = $1""";
    /** The history line's time is the exposure's own, so that the line and the row say the same instant. */
    private static final String RECORD = """
            insert into exposure_history (exposure_id, at, actor, from_status, to_status, note)
            select $1, status_changed_at, $2, $3, $4, $5 from exposure where id = $1""";
    /**
     * Per organisation of the level asked for: its whole subtree's exposures, by status. Read from the tally the exposure table keeps of itself (V17, {@link ExposureTally}), not by counting rows. A
     * subtree is the range of paths from {@code /A/B/} up to {@code /A/B0} ('0' follows '/'), compared bytewise so
     * the path index serves each organisation: {@code like o.path || '%'} could not use it, and a province with
     * 10,000 children took 18 s instead of 66 ms.
     */
    private static final String SUBTREE_TALLY = "t.org_path ~>=~ o.path and t.org_path ~<~ (left(o.path, -1) || '0')";

    private static final String OWN_TALLY = "t.org_path = o.path";

    private static final String SUMMARY = """
            select o.code, o.name_vi, o.path,
                   coalesce(sum(t.n) filter (where t.status = 'TO_CONFIRM'), 0)::bigint as to_confirm,
                   coalesce(sum(t.n) filter (where t.status = 'OPEN'), 0)::bigint as open,
                   coalesce(sum(t.n) filter (where t.status = 'ACKNOWLEDGED'), 0)::bigint as acknowledged,
                   coalesce(sum(t.n) filter (where t.status = 'IN_PROGRESS'), 0)::bigint as in_progress,
                   coalesce(sum(t.n) filter (where t.status = 'MITIGATED'), 0)::bigint as mitigated,
                   coalesce(sum(t.n) filter (where t.status = 'RESOLVED'), 0)::bigint as resolved,
                   coalesce(sum(t.n) filter (where t.status = 'RISK_ACCEPTED'), 0)::bigint as risk_accepted,
                   coalesce(sum(t.n) filter (where t.status = 'FALSE_POSITIVE'), 0)::bigint as false_positive,
                   coalesce(sum(t.n) filter (where t.due_on < $1), 0)::bigint as overdue
            from organization_replica o
            left join exposure_tally t on %s
            where not o.deleted and %s
            group by o.code, o.name_vi, o.path
            order by length(o.path), o.code""";

    /** The statuses of an exposure still to fix, as the summary counts them "open". */
    private static final String TO_FIX = "x.status in ('TO_CONFIRM', 'OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')";

    /** Overdue as the summary counts it: past due and taken up (a match still to confirm is not late yet). */
    private static final String OVERDUE = "x.status <> 'TO_CONFIRM' and x.due_on < $2";

    private static final String BY_SEVERITY = """
            select x.severity, count(*) as open, count(*) filter (where %s) as overdue
            from exposure x where x.org_path like $1 and %s group by x.severity""".formatted(OVERDUE, TO_FIX);

    private static final String BY_SOURCE = """
            select x.source_kind, coalesce(x.advisory_id, x.botnet_list_id) as source_id,
                   coalesce(a.reference, b.reference) as reference,
                   count(*) as open, count(*) filter (where %s) as overdue
            from exposure x
            left join advisory a on a.id = x.advisory_id
            left join botnet_list b on b.id = x.botnet_list_id
            where x.org_path like $1 and %s
            group by 1, 2, 3 order by open desc, reference limit 10""".formatted(OVERDUE, TO_FIX);

    private static final String BY_DAY = """
            select (x.detected_at at time zone 'Asia/Ho_Chi_Minh')::date as day, count(*) as detected
            from exposure x where x.org_path like $1 and x.detected_at >= $2 group by 1 order by 1""";

    private static final String ORGANIZATION_AND_CHILDREN = "(o.code = $2 or o.parent_code = $2)";
    private static final String TOP_LEVEL = "o.parent_code is null";

    /** One page of exposures under the path pattern, by due date, with the filters given. */
    public Uni<List<ExposureView>> page(
            SqlClient client,
            String pathPattern,
            ExposureFilter filter,
            LocalDate today,
            Cursor.Parts after,
            int limit) {
        Conditions where = conditions(pathPattern, filter, today);
        if (after != null) {
            where.and("(x.due_on, x.id) > (?, ?)", after.date(0), after.uuid(1));
        }
        String sql = SELECT + where.clause() + " order by x.due_on, x.id limit " + (limit + 1);
        return client.preparedQuery(sql).execute(where.params()).map(ExposureStore::views);
    }

    /** The ids of the exposures the filters select, by due date as the list, at most {@code limit}. */
    public Uni<List<UUID>> ids(
            SqlClient client, String pathPattern, ExposureFilter filter, LocalDate today, long limit) {
        Conditions where = conditions(pathPattern, filter, today);
        String sql = "select array(select x.id from exposure x" + where.clause() + " order by x.due_on, x.id limit "
                + limit + ")";
        return client.preparedQuery(sql)
                .execute(where.params())
                .map(rows -> List.of(rows.iterator().next().getArrayOfUUIDs(0)));
    }

    /** The exposures of these ids, in their order; one deleted since is left out. */
    public Uni<List<ExposureView>> byIds(SqlClient client, List<UUID> ids) {
        return client.preparedQuery(BY_IDS)
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(ExposureStore::views);
    }

    private static List<ExposureView> views(RowSet<Row> rows) {
        List<ExposureView> found = new ArrayList<>(rows.size());
        rows.forEach(row -> found.add(ExposureView.of(row)));
        return found;
    }

    private static Conditions conditions(String pathPattern, ExposureFilter filter, LocalDate today) {
        return Conditions.on(Tuple.tuple())
                .and("x.org_path like ?", pathPattern)
                .whenPresent(
                        filter.statuses().isEmpty() ? null : filter.statuses(),
                        "x.status = any(?)",
                        statuses -> statuses.stream().map(Enum::name).toArray(String[]::new))
                .whenPresent(
                        filter.parent(),
                        "x.organization_code in (select o.code from organization_replica o where o.parent_code = ?)")
                .whenPresent(filter.sourceKind(), "x.source_kind = ?")
                .whenPresent(filter.advisoryId(), "x.advisory_id = ?")
                .whenPresent(filter.botnetListId(), "x.botnet_list_id = ?")
                .whenPresent(filter.assetId(), "x.asset_id = ?")
                .whenPresent(filter.severity(), "x.severity = ?")
                .whenPresent(
                        filter.overdue() ? today : null,
                        "x.status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS') and x.due_on < ?")
                .whenPresent(filter.dueBefore(), "x.due_on < ?")
                .whenPresent(
                        filter.query(),
                        "(lower(x.subject) like ? or lower(x.matched) like ? or lower(coalesce(x.hostname, '')) like ?)",
                        SearchText::containsPattern);
    }

    /** The exposure's row, or null; {@code lock} holds it until the transaction ends. */
    public Uni<Row> find(SqlClient client, UUID id, boolean lock) {
        return client.preparedQuery(SELECT + " where x.id = $1" + (lock ? " for update of x" : ""))
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }

    public Uni<List<ExposureView.HistoryEntry>> history(SqlClient client, UUID id) {
        return client.preparedQuery(HISTORY).execute(Tuple.of(id)).map(rows -> {
            List<ExposureView.HistoryEntry> history = new ArrayList<>();
            rows.forEach(row -> history.add(new ExposureView.HistoryEntry(
                    row.getOffsetDateTime("at").toInstant(),
                    row.getString("actor"),
                    row.getString("from_status"),
                    row.getString("to_status"),
                    row.getString("note"))));
            return history;
        });
    }

    /** Moves the exposure and writes the step in its history; answers its new row. */
    public Uni<Row> move(SqlClient client, ExposureView exposure, StatusChange change, String actor) {
        return client.preparedQuery(CHANGE)
                .execute(Tuple.of(exposure.id(), change.status().name(), actor))
                .flatMap(ignored -> client.preparedQuery(RECORD)
                        .execute(Tuple.tuple()
                                .addUUID(exposure.id())
                                .addString(actor)
                                .addString(exposure.status().name())
                                .addString(change.status().name())
                                .addString(change.note())))
                .flatMap(ignored -> find(client, exposure.id(), false));
    }

    /** The exposures under the path pattern counted as {@link ExposureBreakdown} tells; severities in CVSS order. */
    public Uni<ExposureBreakdown> breakdown(SqlClient client, String pathPattern, LocalDate today) {
        Uni<List<ExposureBreakdown.BySeverity>> bySeverity = client.preparedQuery(BY_SEVERITY)
                .execute(Tuple.of(pathPattern, today))
                .map(rows -> {
                    List<ExposureBreakdown.BySeverity> found = new ArrayList<>();
                    for (String severity : List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")) {
                        long open = 0;
                        long overdue = 0;
                        for (Row row : rows) {
                            if (severity.equals(row.getString("severity"))) {
                                open = row.getLong("open");
                                overdue = row.getLong("overdue");
                            }
                        }
                        found.add(new ExposureBreakdown.BySeverity(severity, open, overdue));
                    }
                    return found;
                });
        Uni<List<ExposureBreakdown.BySource>> bySource = client.preparedQuery(BY_SOURCE)
                .execute(Tuple.of(pathPattern, today))
                .map(rows -> {
                    List<ExposureBreakdown.BySource> found = new ArrayList<>();
                    rows.forEach(row -> found.add(new ExposureBreakdown.BySource(
                            row.getString("source_kind"),
                            row.getUUID("source_id"),
                            row.getString("reference"),
                            row.getLong("open"),
                            row.getLong("overdue"))));
                    return found;
                });
        Uni<List<ExposureBreakdown.ByDay>> byDay = client.preparedQuery(BY_DAY)
                .execute(Tuple.of(
                        pathPattern,
                        today.minusDays(29).atStartOfDay(Vietnam.ZONE).toOffsetDateTime()))
                .map(rows -> {
                    List<ExposureBreakdown.ByDay> found = new ArrayList<>();
                    rows.forEach(row ->
                            found.add(new ExposureBreakdown.ByDay(row.getLocalDate("day"), row.getLong("detected"))));
                    return found;
                });
        return Uni.combine().all().unis(bySeverity, bySource, byDay).with(ExposureBreakdown::new);
    }

    /**
     * The summary rows of the top level ({@code code} null) or of an organisation and its children, each counting
     * its whole subtree or, for a caller who sees one organisation alone ({@code subtrees} false), that
     * organisation's own exposures: its figures then agree with the exposures it can list.
     */
    public Uni<List<Row>> summary(SqlClient client, String code, boolean subtrees, LocalDate today) {
        Tuple params = Tuple.of(today);
        if (code != null) {
            params.addString(code);
        }
        String sql = SUMMARY.formatted(
                subtrees ? SUBTREE_TALLY : OWN_TALLY, code == null ? TOP_LEVEL : ORGANIZATION_AND_CHILDREN);
        return client.preparedQuery(sql).execute(params).map(rows -> {
            List<Row> found = new ArrayList<>();
            rows.forEach(found::add);
            return found;
        });
    }
}
