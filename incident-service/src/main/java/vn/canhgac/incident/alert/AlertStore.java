package vn.canhgac.incident.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.sql.Conditions;
import vn.canhgac.incident.handling.ObservableInput;

/** The alert table, in SQL, on the client or connection the caller gives (and holds the transaction of). */
@ApplicationScoped
public class AlertStore {

    /** An alert with the path of the organisation it belongs to. */
    record Owned(AlertView alert, String path) {}

    private static final String COLUMNS = """
            id, source, source_ref, organization_code, type, title, observed_at, first_pushed_at, last_pushed_at,
            occurrences, observables::text as observables, status, incident_id""";
    private static final String UPSERT = """
            insert into alert as x (id, source, source_ref, organization_code, org_path, type, title, observed_at,
                first_pushed_at, last_pushed_at, occurrences, observables, raw, status, version)
            select u.id, u.source, u.ref, o.code, o.path, u.type, u.title, u.observed, now(), now(), u.times,
                   u.observables::json, u.raw::json, 'NEW', 0
            from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                        $8::int[], $9::text[], $10::text[])
                 as u(id, source, ref, org, type, title, observed, times, observables, raw)
            join organization_replica o on o.code = u.org and not o.deleted
            on conflict (organization_code, source, source_ref) do update set occurrences = x.occurrences + excluded.occurrences,
                last_pushed_at = now(), raw = coalesce(excluded.raw, x.raw), version = x.version + 1
            returning\s""" + COLUMNS + ", (xmax = 0) as inserted";
    private static final String UNKNOWN_ORGANIZATIONS = """
            select c from unnest($1::text[]) as c except select code from organization_replica where not deleted and path like $2""";
    private static final String ONE = "select " + COLUMNS + ", org_path from alert where id = $1";
    private static final String ORGANIZATION_PATH = "select path from organization_replica where code = $1";
    private static final String MARK = """
            update alert set status = $2, incident_id = $3, version = version + 1 where id = $1 and status = 'NEW'""";

    private final ObjectMapper json;

    public AlertStore(ObjectMapper json) {
        this.json = json;
    }

    /** Of these organisation codes, those that are unknown or whose path does not match the pattern. */
    Uni<List<String>> unknownOrganizations(SqlClient connection, List<String> codes, String pathPattern) {
        return connection
                .preparedQuery(UNKNOWN_ORGANIZATIONS)
                .execute(Tuple.of(codes.toArray(String[]::new), pathPattern))
                .map(rows -> {
                    List<String> unknown = new ArrayList<>();
                    rows.forEach(row -> unknown.add(row.getString(0)));
                    return unknown;
                });
    }

    /**
     * Inserts the alerts, each pushed {@code times} as often (same order); one already stored is counted again and
     * answered as a duplicate. Alerts of an unknown organisation are left out.
     */
    Uni<List<AlertView>> upsert(SqlClient connection, List<AlertInput> alerts, List<Integer> times) {
        return connection
                .preparedQuery(UPSERT)
                .execute(upsertRow(alerts, times))
                .map(rows -> {
                    List<AlertView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(view(row, !row.getBoolean("inserted"))));
                    return views;
                });
    }

    /** One page of the alerts under the path pattern, most recently pushed first. */
    Uni<List<AlertView>> page(
            SqlClient client, String pathPattern, String organization, String status, Cursor.Parts after, int limit) {
        Conditions where = Conditions.on(Tuple.tuple())
                .and("org_path like ?", pathPattern)
                .whenPresent(organization, "organization_code = ?")
                .whenPresent(status, "status = ?", s -> s.strip().toUpperCase(Locale.ROOT));
        if (after != null) {
            where.and("(last_pushed_at, id) < (?, ?)", after.timestamp(0), after.uuid(1));
        }
        String sql = "select " + COLUMNS + " from alert" + where.clause()
                + " order by last_pushed_at desc, id desc limit " + (limit + 1);
        return client.preparedQuery(sql).execute(where.params()).map(rows -> {
            List<AlertView> found = new ArrayList<>();
            rows.forEach(row -> found.add(view(row, false)));
            return found;
        });
    }

    /** The alert with its organisation's path, or null. */
    Uni<Owned> find(SqlClient client, UUID id) {
        return client.preparedQuery(ONE).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new Owned(view(row, false), row.getString("org_path"));
        });
    }

    /** The path of the organisation; fails when there is none. */
    Uni<String> organizationPath(SqlClient client, String code) {
        return client.preparedQuery(ORGANIZATION_PATH)
                .execute(Tuple.of(code))
                .map(rows -> rows.iterator().next().getString(0));
    }

    /** Records what became of a new alert; false when it is not new any more. */
    Uni<Boolean> mark(SqlClient connection, UUID id, String status, UUID incidentId) {
        return connection
                .preparedQuery(MARK)
                .execute(Tuple.of(id, status, incidentId))
                .map(rows -> rows.rowCount() != 0);
    }

    private Tuple upsertRow(List<AlertInput> rows, List<Integer> counts) {
        return Tuple.tuple()
                .addArrayOfUUID(rows.stream().map(r -> TimeOrderedIds.next()).toArray(UUID[]::new))
                .addArrayOfString(rows.stream().map(AlertInput::source).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(AlertInput::sourceReference).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(AlertInput::organization).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(AlertInput::type).toArray(String[]::new))
                .addArrayOfString(rows.stream().map(AlertInput::title).toArray(String[]::new))
                .addArrayOfOffsetDateTime(
                        rows.stream().map(AlertInput::observedAt).toArray(OffsetDateTime[]::new))
                .addArrayOfInteger(counts.toArray(Integer[]::new))
                .addArrayOfString(rows.stream().map(r -> write(r.observables())).toArray(String[]::new))
                .addArrayOfString(rows.stream()
                        .map(r -> r.raw() == null ? null : r.raw().toString())
                        .toArray(String[]::new));
    }

    private AlertView view(Row row, boolean duplicate) {
        try {
            return AlertView.of(
                    row,
                    json.readValue(row.getString("observables"), new TypeReference<List<ObservableInput>>() {}),
                    duplicate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored observables are not JSON", e);
        }
    }

    private String write(List<ObservableInput> observables) {
        try {
            return json.writeValueAsString(observables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
