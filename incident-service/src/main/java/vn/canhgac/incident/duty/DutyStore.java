package vn.canhgac.incident.duty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.canhgac.commons.contracts.DutyShiftEvent;

/** The duty shifts, and the organisations they cover, in SQL. */
@ApplicationScoped
public class DutyStore {

    /** An organisation as rosters see it: {@code path} is its materialised path. */
    record Organization(String code, String path, String nameVi) {}

    private static final String ORGANIZATION =
            "select code, path, name_vi from organization_replica where code = $1 and not deleted";
    private static final String SUBTREE =
            "select code, name_vi, path from organization_replica where not deleted and path like $1 || '%' order by path";
    private static final String ORGANIZATION_ALONE =
            "select code, name_vi, path from organization_replica where not deleted and code = $1 order by path";
    private static final String INSERT = """
            insert into duty_shift (id, organization_code, org_path, person, role, phone, starts_at, ends_at, time_zone,
                created_at, created_by, email) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10, $11)
            returning *""";
    private static final String SHIFT = "select * from duty_shift where id = $1";
    private static final String SHIFT_PATH = "select org_path from duty_shift where id = $1";
    private static final String DELETE = "delete from duty_shift where id = $1 returning *";
    private static final String OVERLAPPING = """
            select * from duty_shift where organization_code = any($1) and starts_at < $3 and ends_at > $2
            order by organization_code, starts_at""";
    private static final String ON_DUTY = """
            select * from duty_shift where organization_code = any($1) and starts_at <= $2 and ends_at > $2
            order by starts_at""";

    /** The organisation of the code, or null when there is none. */
    Uni<Organization> organization(SqlClient client, String code) {
        return client.preparedQuery(ORGANIZATION)
                .execute(Tuple.of(code))
                .map(rows ->
                        rows.size() == 0 ? null : organization(rows.iterator().next()));
    }

    /** The organisation with its whole subtree, or alone, by path. */
    Uni<List<Organization>> organizations(SqlClient client, Organization organization, boolean subtree) {
        return client.preparedQuery(subtree ? SUBTREE : ORGANIZATION_ALONE)
                .execute(Tuple.of(subtree ? organization.path() : organization.code()))
                .map(rows -> {
                    List<Organization> found = new ArrayList<>();
                    rows.forEach(row -> found.add(organization(row)));
                    return found;
                });
    }

    /** A shift of the organisation, from and to already in the time zone's offsets; answers its event. */
    Uni<DutyShiftEvent> insert(
            SqlClient client,
            UUID id,
            Organization organization,
            ShiftInput input,
            OffsetDateTime from,
            OffsetDateTime to,
            ZoneId zone,
            String actor) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.tuple()
                        .addUUID(id)
                        .addString(organization.code())
                        .addString(organization.path())
                        .addString(input.person())
                        .addString(input.role())
                        .addString(input.phone())
                        .addOffsetDateTime(from)
                        .addOffsetDateTime(to)
                        .addString(zone.getId())
                        .addString(actor)
                        .addString(input.email()))
                .map(rows -> event(rows.iterator().next(), false));
    }

    /** The shift; fails when there is none. */
    Uni<ShiftView> shift(SqlClient client, UUID id) {
        return client.preparedQuery(SHIFT)
                .execute(Tuple.of(id))
                .map(rows -> ShiftView.of(rows.iterator().next()));
    }

    /** The path of the shift's organisation, or null when there is no such shift. */
    Uni<String> pathOf(SqlClient client, UUID id) {
        return client.preparedQuery(SHIFT_PATH)
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    /** Deletes the shift; answers its last event, or null when there was no such shift. */
    Uni<DutyShiftEvent> delete(SqlClient client, UUID id) {
        return client.preparedQuery(DELETE)
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : event(rows.iterator().next(), true));
    }

    private static DutyShiftEvent event(Row row, boolean deleted) {
        return new DutyShiftEvent(
                row.getUUID("id"),
                row.getString("organization_code"),
                row.getString("org_path"),
                row.getString("person"),
                row.getString("role"),
                row.getString("phone"),
                row.getString("email"),
                row.getOffsetDateTime("starts_at").toInstant(),
                row.getOffsetDateTime("ends_at").toInstant(),
                deleted);
    }

    /** The organisation's shifts that overlap the period, by start. */
    Uni<List<ShiftView>> overlapping(SqlClient client, String organization, OffsetDateTime from, OffsetDateTime to) {
        return client.preparedQuery(OVERLAPPING)
                .execute(Tuple.of(new String[] {organization}, from, to))
                .map(DutyStore::shifts);
    }

    /** Per organisation, by start, the intervals of its shifts that overlap the period. */
    Uni<Map<String, List<Coverage.Interval>>> covered(
            SqlClient client, Collection<String> organizations, OffsetDateTime from, OffsetDateTime to) {
        return client.preparedQuery(OVERLAPPING)
                .execute(Tuple.of(organizations.toArray(String[]::new), from, to))
                .map(rows -> {
                    Map<String, List<Coverage.Interval>> shifts = new LinkedHashMap<>();
                    rows.forEach(
                            row -> shifts.computeIfAbsent(row.getString("organization_code"), k -> new ArrayList<>())
                                    .add(new Coverage.Interval(
                                            row.getOffsetDateTime("starts_at").toInstant(),
                                            row.getOffsetDateTime("ends_at").toInstant())));
                    return shifts;
                });
    }

    /** The shifts of these organisations running at the instant, by start. */
    Uni<List<ShiftView>> onDuty(SqlClient client, List<String> organizations, OffsetDateTime at) {
        return client.preparedQuery(ON_DUTY)
                .execute(Tuple.of(organizations.toArray(String[]::new), at))
                .map(DutyStore::shifts);
    }

    private static List<ShiftView> shifts(RowSet<Row> rows) {
        List<ShiftView> shifts = new ArrayList<>();
        rows.forEach(row -> shifts.add(ShiftView.of(row)));
        return shifts;
    }

    private static Organization organization(Row row) {
        return new Organization(row.getString("code"), row.getString("path"), row.getString("name_vi"));
    }
}
