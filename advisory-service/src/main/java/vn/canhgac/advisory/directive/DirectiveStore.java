package vn.canhgac.advisory.directive;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.sql.Conditions;

/**
 * The directives' SQL: a directive with its items, alert windows and recipients, what each recipient
 * acknowledged and reported, and the compiled view of recipients. Visibility is {@code VISIBLE}: the issuer's side
 * ($1 the caller's scope pattern, $2 its organisation) or a recipient in scope.
 */
@ApplicationScoped
public class DirectiveStore {

    private static final String VISIBLE = """
            (d.issuer_path like $1 or d.issuer_code = $2
             or exists (select 1 from directive_recipient r where r.directive_id = d.id and r.org_path like $1))""";
    private static final String SELECT = """
            select d.*, p.reference as parent_reference,
                   (select count(*) from directive_recipient r where r.directive_id = d.id) as recipient_count,
                   (select count(acknowledged_at) from directive_recipient r where r.directive_id = d.id) as acknowledged_count,
                   (select count(reported_at) from directive_recipient r where r.directive_id = d.id) as reported_count
            from directive d left join directive p on p.id = d.parent_id""";
    private static final String INSERT = """
            insert into directive (id, reference, issuer_code, issuer_path, subject, body, issued_on, report_due_on,
                parent_id, recipient_kinds, attachments, version, created_at, created_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, now(), $12)
            on conflict (issuer_code, reference) do nothing""";
    private static final String INSERT_ITEMS = """
            insert into directive_item (directive_id, position, code, text)
            select $1, u.position, u.code, u.text from unnest($2::int[], $3::text[], $4::text[]) as u(position, code, text)""";
    private static final String INSERT_WINDOWS = """
            insert into directive_alert_window (directive_id, name, starts_on, ends_on)
            select $1, u.name, u.starts_on, u.ends_on
            from unnest($2::text[], $3::date[], $4::date[]) as u(name, starts_on, ends_on)""";
    private static final String UNKNOWN_RECIPIENTS = """
            select c from unnest($1::text[]) as c
            except select code from organization_replica where not deleted and path like $2""";
    private static final String INSERT_RECIPIENTS = """
            insert into directive_recipient (directive_id, organization_code, org_path)
            select $1, o.code, o.path from organization_replica o
            where not o.deleted and o.code <> $2 and o.path like $3 and (o.code = any($4) or o.kind = any($5))
            on conflict do nothing
            returning organization_code""";
    private static final String ITEMS =
            "select code, text from directive_item where directive_id = $1 order by position";
    private static final String WINDOWS = """
            select name, starts_on, ends_on from directive_alert_window where directive_id = $1 order by starts_on""";
    private static final String ACKNOWLEDGE = """
            update directive_recipient set acknowledged_at = coalesce(acknowledged_at, now()),
                acknowledged_by = coalesce(acknowledged_by, $3)
            where directive_id = $1 and organization_code = $2
            returning org_path, acknowledged_at = now() as first""";
    private static final String REPORT = """
            update directive_recipient set acknowledged_at = coalesce(acknowledged_at, now()),
                acknowledged_by = coalesce(acknowledged_by, $3), reported_at = now(), reported_by = $3, report_text = $4
            where directive_id = $1 and organization_code = $2
            returning org_path""";
    private static final String REPORT_ITEMS = """
            insert into directive_item_report (directive_id, organization_code, item_code, status, text)
            select $1, $2, u.code, u.status, u.text from unnest($3::text[], $4::text[], $5::text[]) as u(code, status, text)
            on conflict (directive_id, organization_code, item_code)
            do update set status = excluded.status, text = excluded.text""";
    private static final String RECIPIENTS = """
            select r.*, o.name_vi,
                   (select count(*) from exposure x where x.org_path like r.org_path || '%'
                        and x.status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')) as open_exposures,
                   (select count(*) from exposure x where x.org_path like r.org_path || '%'
                        and x.status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS') and x.due_on < $3) as overdue_exposures,
                   f.reference as forwarded_as,
                   (select count(*) from directive_recipient fr where fr.directive_id = f.id) as forwarded_recipients,
                   (select count(fr.reported_at) from directive_recipient fr where fr.directive_id = f.id) as forwarded_reported
            from directive_recipient r
            left join organization_replica o on o.code = r.organization_code
            left join directive f on f.parent_id = r.directive_id and f.issuer_code = r.organization_code
            where r.directive_id = $1 and r.org_path like $2
            order by r.organization_code""";
    private static final String ITEM_REPORTS = """
            select organization_code, item_code, status, text from directive_item_report where directive_id = $1""";

    private static final String IS_RECIPIENT =
            "select 1 from directive_recipient where directive_id = $1 and organization_code = $2";

    /** The directive if the caller's side may see it, or null. */
    public Uni<DirectiveDetails> visible(SqlClient client, String scopePattern, String orgCode, UUID id) {
        return client.preparedQuery(SELECT + " where d.id = $3 and " + VISIBLE)
                .execute(Tuple.of(scopePattern, orgCode, id))
                .flatMap(rows -> rows.size() == 0
                        ? Uni.createFrom().nullItem()
                        : withParts(client, rows.iterator().next()));
    }

    public Uni<DirectiveDetails> read(SqlClient client, UUID id) {
        return client.preparedQuery(SELECT + " where d.id = $1")
                .execute(Tuple.of(id))
                .flatMap(rows -> withParts(client, rows.iterator().next()));
    }

    /** A page of the directives the caller's side sees, of one box or all, newest first (without items and windows). */
    public Uni<List<DirectiveDetails>> page(
            SqlClient client, String scopePattern, String orgCode, DirectiveBox box, Cursor.Parts after, int limit) {
        Conditions where = Conditions.on(Tuple.of(scopePattern, orgCode), VISIBLE);
        if (box != null) {
            where.and(box.condition, orgCode);
        }
        if (after != null) {
            where.and("(d.issued_on, d.id) < (?, ?)", after.date(0), after.uuid(1));
        }
        String sql = SELECT + where.clause() + " order by d.issued_on desc, d.id desc limit " + (limit + 1);
        return client.preparedQuery(sql).execute(where.params()).map(rows -> {
            List<DirectiveDetails> found = new ArrayList<>();
            rows.forEach(row -> found.add(details(row, List.of(), List.of())));
            return found;
        });
    }

    public Uni<Boolean> isRecipient(SqlClient client, UUID id, String orgCode) {
        return client.preparedQuery(IS_RECIPIENT).execute(Tuple.of(id, orgCode)).map(rows -> rows.size() > 0);
    }

    /** The codes among {@code codes} that name no organisation under {@code pathPattern}. */
    public Uni<List<String>> unknownRecipients(SqlClient client, String[] codes, String pathPattern) {
        return client.preparedQuery(UNKNOWN_RECIPIENTS)
                .execute(Tuple.of(codes, pathPattern))
                .map(rows -> {
                    List<String> unknown = new ArrayList<>();
                    rows.forEach(row -> unknown.add(row.getString(0)));
                    return unknown;
                });
    }

    /** Inserts the directive; false when the issuer already has one with that reference. */
    public Uni<Boolean> insert(
            SqlClient client,
            UUID id,
            DirectiveInput input,
            String issuerCode,
            String issuerPath,
            UUID parentId,
            LocalDate issuedOn,
            String actor) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.tuple()
                        .addUUID(id)
                        .addString(input.reference().strip())
                        .addString(issuerCode)
                        .addString(issuerPath)
                        .addString(input.subject())
                        .addString(input.body())
                        .addLocalDate(issuedOn)
                        .addLocalDate(input.reportDueOn())
                        .addUUID(parentId)
                        .addArrayOfString(kinds(input))
                        .addArrayOfString(input.attachments().toArray(String[]::new))
                        .addString(actor))
                .map(inserted -> inserted.rowCount() > 0);
    }

    public Uni<Void> insertItems(SqlClient client, UUID id, List<DirectiveInput.Item> items) {
        return client.preparedQuery(INSERT_ITEMS)
                .execute(Tuple.of(
                        id,
                        IntStream.range(0, items.size()).boxed().toArray(Integer[]::new),
                        items.stream().map(DirectiveInput.Item::code).toArray(String[]::new),
                        items.stream().map(DirectiveInput.Item::text).toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> insertWindows(SqlClient client, UUID id, List<DirectiveInput.AlertWindow> windows) {
        return client.preparedQuery(INSERT_WINDOWS)
                .execute(Tuple.of(
                        id,
                        windows.stream().map(DirectiveInput.AlertWindow::name).toArray(String[]::new),
                        windows.stream()
                                .map(DirectiveInput.AlertWindow::startsOn)
                                .toArray(LocalDate[]::new),
                        windows.stream().map(DirectiveInput.AlertWindow::endsOn).toArray(LocalDate[]::new)))
                .replaceWithVoid();
    }

    /** Addresses the directive to the organisations named or of the kinds named, under the path; answers whom. */
    public Uni<List<String>> insertRecipients(
            SqlClient client, UUID id, String issuerCode, String pathPattern, String[] codes, DirectiveInput input) {
        return client.preparedQuery(INSERT_RECIPIENTS)
                .execute(Tuple.tuple()
                        .addUUID(id)
                        .addString(issuerCode)
                        .addString(pathPattern)
                        .addArrayOfString(codes)
                        .addArrayOfString(kinds(input)))
                .map(rows -> {
                    List<String> codesAddressed = new ArrayList<>();
                    rows.forEach(row -> codesAddressed.add(row.getString(0)));
                    return codesAddressed;
                });
    }

    /** A recipient's acknowledgement: its organisation's path, and whether this one was the first. */
    public record Acknowledgement(String orgPath, boolean first) {}

    /** Marks the recipient's acknowledgement (the first one stays); answers it, or null for no recipient. */
    public Uni<Acknowledgement> acknowledge(SqlClient client, UUID id, String orgCode, String actor) {
        return client.preparedQuery(ACKNOWLEDGE)
                .execute(Tuple.of(id, orgCode, actor))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Acknowledgement(row.getString("org_path"), row.getBoolean("first"));
                });
    }

    /** Records the recipient's report (acknowledging it too); answers its path, or null when it is not a recipient. */
    public Uni<String> report(SqlClient client, UUID id, String orgCode, String actor, String text) {
        return client.preparedQuery(REPORT)
                .execute(Tuple.of(id, orgCode, actor, text))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("org_path"));
    }

    public Uni<Void> reportItems(SqlClient client, UUID id, String orgCode, List<ReportInput.ItemReport> items) {
        return client.preparedQuery(REPORT_ITEMS)
                .execute(Tuple.tuple()
                        .addUUID(id)
                        .addString(orgCode)
                        .addArrayOfString(
                                items.stream().map(ReportInput.ItemReport::code).toArray(String[]::new))
                        .addArrayOfString(
                                items.stream().map(i -> i.status().name()).toArray(String[]::new))
                        .addArrayOfString(
                                items.stream().map(ReportInput.ItemReport::text).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Every recipient under the path pattern with its answer, items and open exposures, as of {@code today}. */
    public Uni<List<RecipientStatus>> recipients(
            SqlClient client, DirectiveDetails directive, String pathPattern, LocalDate today) {
        return itemReports(client, directive.id())
                .flatMap(items -> client.preparedQuery(RECIPIENTS)
                        .execute(Tuple.of(directive.id(), pathPattern, today))
                        .map(rows -> {
                            List<RecipientStatus> statuses = new ArrayList<>();
                            rows.forEach(row -> statuses.add(recipient(row, directive, today, items)));
                            return statuses;
                        }));
    }

    private Uni<Map<String, List<ReportInput.ItemReport>>> itemReports(SqlClient client, UUID id) {
        return client.preparedQuery(ITEM_REPORTS).execute(Tuple.of(id)).map(rows -> {
            Map<String, List<ReportInput.ItemReport>> items = new LinkedHashMap<>();
            rows.forEach(row -> items.computeIfAbsent(row.getString("organization_code"), k -> new ArrayList<>())
                    .add(new ReportInput.ItemReport(
                            row.getString("item_code"),
                            ReportInput.ItemStatus.valueOf(row.getString("status")),
                            row.getString("text"))));
            return items;
        });
    }

    private static RecipientStatus recipient(
            Row row, DirectiveDetails directive, LocalDate today, Map<String, List<ReportInput.ItemReport>> items) {
        String code = row.getString("organization_code");
        boolean late = row.getValue("reported_at") == null
                && directive.reportDueOn() != null
                && directive.reportDueOn().isBefore(today);
        boolean forwarded = row.getString("forwarded_as") != null;
        return new RecipientStatus(
                code,
                row.getString("name_vi"),
                instant(row, "acknowledged_at"),
                row.getString("acknowledged_by"),
                instant(row, "reported_at"),
                row.getString("reported_by"),
                row.getString("report_text"),
                late,
                items.getOrDefault(code, List.of()),
                row.getLong("open_exposures"),
                row.getLong("overdue_exposures"),
                row.getString("forwarded_as"),
                forwarded ? row.getInteger("forwarded_recipients") : null,
                forwarded ? row.getInteger("forwarded_reported") : null);
    }

    private static String[] kinds(DirectiveInput input) {
        return input.recipientKinds().stream().map(Enum::name).toArray(String[]::new);
    }

    private static Uni<DirectiveDetails> withParts(SqlClient client, Row row) {
        UUID id = row.getUUID("id");
        return client.preparedQuery(ITEMS)
                .execute(Tuple.of(id))
                .flatMap(itemRows -> client.preparedQuery(WINDOWS)
                        .execute(Tuple.of(id))
                        .map(windowRows -> {
                            List<DirectiveInput.Item> items = new ArrayList<>();
                            itemRows.forEach(
                                    r -> items.add(new DirectiveInput.Item(r.getString("code"), r.getString("text"))));
                            List<DirectiveInput.AlertWindow> windows = new ArrayList<>();
                            windowRows.forEach(r -> windows.add(new DirectiveInput.AlertWindow(
                                    r.getString("name"), r.getLocalDate("starts_on"), r.getLocalDate("ends_on"))));
                            return details(row, items, windows);
                        }));
    }

    private static DirectiveDetails details(
            Row row, List<DirectiveInput.Item> items, List<DirectiveInput.AlertWindow> windows) {
        return new DirectiveDetails(
                row.getUUID("id"),
                row.getString("reference"),
                row.getString("issuer_code"),
                row.getString("subject"),
                row.getString("body"),
                row.getLocalDate("issued_on"),
                row.getLocalDate("report_due_on"),
                row.getUUID("parent_id"),
                row.getString("parent_reference"),
                items,
                windows,
                List.of(row.getArrayOfStrings("attachments")),
                List.of(row.getArrayOfStrings("recipient_kinds")),
                row.getLong("recipient_count").intValue(),
                row.getLong("acknowledged_count").intValue(),
                row.getLong("reported_count").intValue(),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getString("created_by"));
    }

    private static Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
