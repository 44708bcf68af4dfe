package vn.canhgac.advisory.directive;

import static vn.canhgac.commons.contracts.EventContracts.DIRECTIVE_ISSUED;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.canhgac.commons.audit.AuditTrail;
import vn.canhgac.commons.audit.Change;
import vn.canhgac.commons.contracts.DirectiveEvent;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.OrganizationPaths;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;

/**
 * Directives down the chain of command: issued to organisations (by code or by kind) in the issuer's subtree,
 * forwarded by a recipient to its own subtree with its own deadline, acknowledged and reported on by each
 * recipient. A directive is visible to its issuer's side and to the recipients in the caller's scope.
 */
@ApplicationScoped
public class DirectiveService {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
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
            on conflict do nothing""";
    private static final String ITEMS =
            "select code, text from directive_item where directive_id = $1 order by position";
    private static final String WINDOWS = """
            select name, starts_on, ends_on from directive_alert_window where directive_id = $1 order by starts_on""";
    private static final String ACKNOWLEDGE = """
            update directive_recipient set acknowledged_at = coalesce(acknowledged_at, now()),
                acknowledged_by = coalesce(acknowledged_by, $3)
            where directive_id = $1 and organization_code = $2""";
    private static final String REPORT = """
            update directive_recipient set acknowledged_at = coalesce(acknowledged_at, now()),
                acknowledged_by = coalesce(acknowledged_by, $3), reported_at = now(), reported_by = $3, report_text = $4
            where directive_id = $1 and organization_code = $2""";
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

    private final Pool pool;
    private final TenantScopes scopes;
    private final OrganizationPaths paths;
    private final AuditTrail audit;
    private final Outbox outbox;

    public DirectiveService(Pool pool, TenantScopes scopes, OrganizationPaths paths, AuditTrail audit, Outbox outbox) {
        this.pool = pool;
        this.scopes = scopes;
        this.paths = paths;
        this.audit = audit;
        this.outbox = outbox;
    }

    public Uni<DirectiveDetails> issue(Caller caller, DirectiveInput input) {
        return issuerPath(caller)
                .flatMap(issuerPath -> pool.withTransaction(connection ->
                        write(connection, caller, issuerPath, null, input, input.items(), input.alertWindows())));
    }

    /** Forwards a directive the caller's organisation received, to its own subtree. */
    public Uni<DirectiveDetails> forward(Caller caller, UUID parentId, DirectiveInput input) {
        return issuerPath(caller)
                .flatMap(issuerPath -> pool.withTransaction(connection -> visible(connection, caller, parentId)
                        .flatMap(parent -> connection
                                .preparedQuery(
                                        "select 1 from directive_recipient where directive_id = $1 and organization_code = $2")
                                .execute(Tuple.of(parentId, caller.orgCode()))
                                .flatMap(rows -> {
                                    if (rows.size() == 0) {
                                        throw DomainProblem.conflict("not-a-recipient", parent.reference());
                                    }
                                    return write(
                                            connection,
                                            caller,
                                            issuerPath,
                                            parent.id(),
                                            input,
                                            input.items().isEmpty() ? parent.items() : input.items(),
                                            input.alertWindows().isEmpty()
                                                    ? parent.alertWindows()
                                                    : input.alertWindows());
                                }))));
    }

    public Uni<DirectiveDetails> get(Caller caller, UUID id) {
        return visible(pool, caller, id);
    }

    public Uni<Page<DirectiveDetails>> list(Caller caller, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 2);
        return scopes.of(caller).flatMap(scope -> {
            Tuple params = Tuple.of(scope.likePattern(), String.valueOf(caller.orgCode()));
            String where = VISIBLE;
            if (cursor != null) {
                where += " and (d.issued_on, d.id) < ($3, $4)";
                params.addLocalDate(cursor.date(0)).addUUID(cursor.uuid(1));
            }
            return pool.preparedQuery(
                            SELECT + " where " + where + " order by d.issued_on desc, d.id desc limit " + (limit + 1))
                    .execute(params)
                    .map(rows -> {
                        List<DirectiveDetails> found = new ArrayList<>();
                        rows.forEach(row -> found.add(details(row, List.of(), List.of())));
                        return Page.of(
                                found, limit, d -> Cursor.encode(d.issuedOn().toString(), d.id().toString()), d -> d);
                    });
        });
    }

    public Uni<DirectiveDetails> acknowledge(Caller caller, UUID id) {
        return pool.withTransaction(connection -> visible(connection, caller, id)
                        .call(directive -> connection
                                .preparedQuery(ACKNOWLEDGE)
                                .execute(Tuple.of(id, String.valueOf(caller.orgCode()), caller.displayName()))
                                .invoke(rows -> requireRecipient(rows.rowCount(), directive))))
                .flatMap(ignored -> get(caller, id));
    }

    public Uni<DirectiveDetails> report(Caller caller, UUID id, ReportInput report) {
        return pool.withTransaction(connection -> visible(connection, caller, id)
                        .invoke(directive -> checkItems(directive, report))
                        .call(directive -> connection
                                .preparedQuery(REPORT)
                                .execute(Tuple.of(
                                        id, String.valueOf(caller.orgCode()), caller.displayName(), report.text()))
                                .invoke(rows -> requireRecipient(rows.rowCount(), directive)))
                        .call(directive -> connection
                                .preparedQuery(REPORT_ITEMS)
                                .execute(Tuple.tuple()
                                        .addUUID(id)
                                        .addString(caller.orgCode())
                                        .addArrayOfString(report.items().stream()
                                                .map(ReportInput.ItemReport::code)
                                                .toArray(String[]::new))
                                        .addArrayOfString(report.items().stream()
                                                .map(i -> i.status().name())
                                                .toArray(String[]::new))
                                        .addArrayOfString(report.items().stream()
                                                .map(ReportInput.ItemReport::text)
                                                .toArray(String[]::new))))
                        .call(directive -> audit.recordAll(
                                connection,
                                caller,
                                List.of(Change.updated(
                                        "directive-report",
                                        id + "/" + caller.orgCode(),
                                        directive.issuerCode(),
                                        null,
                                        report)))))
                .flatMap(ignored -> get(caller, id));
    }

    /**
     * Where every recipient stands, with its open exposures: the issuer's side sees all recipients, a recipient
     * (or its coordinator) only those in its scope. This is also the compiled report sent upward.
     */
    public Uni<List<RecipientStatus>> recipients(Caller caller, UUID id) {
        return scopes.of(caller)
                .flatMap(scope -> visible(pool, caller, id)
                        .flatMap(directive -> paths.pathOf(directive.issuerCode())
                                .map(issuerPath -> scope.covers(issuerPath)
                                        || directive.issuerCode().equals(caller.orgCode()))
                                .flatMap(issuerSide -> {
                                    String pattern = issuerSide ? "%" : scope.likePattern();
                                    LocalDate today = LocalDate.now(VIETNAM);
                                    return pool.preparedQuery(ITEM_REPORTS)
                                            .execute(Tuple.of(id))
                                            .flatMap(itemRows -> {
                                                Map<String, List<ReportInput.ItemReport>> items = new LinkedHashMap<>();
                                                itemRows.forEach(row -> items.computeIfAbsent(
                                                                row.getString("organization_code"),
                                                                k -> new ArrayList<>())
                                                        .add(new ReportInput.ItemReport(
                                                                row.getString("item_code"),
                                                                ReportInput.ItemStatus.valueOf(row.getString("status")),
                                                                row.getString("text"))));
                                                return pool.preparedQuery(RECIPIENTS)
                                                        .execute(Tuple.of(id, pattern, today))
                                                        .map(rows -> {
                                                            List<RecipientStatus> statuses = new ArrayList<>();
                                                            for (Row row : rows) {
                                                                String code = row.getString("organization_code");
                                                                boolean late = row.getValue("reported_at") == null
                                                                        && directive.reportDueOn() != null
                                                                        && directive
                                                                                .reportDueOn()
                                                                                .isBefore(today);
                                                                statuses.add(new RecipientStatus(
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
                                                                        row.getString("forwarded_as") == null
                                                                                ? null
                                                                                : row.getInteger(
                                                                                        "forwarded_recipients"),
                                                                        row.getString("forwarded_as") == null
                                                                                ? null
                                                                                : row.getInteger(
                                                                                        "forwarded_reported")));
                                                            }
                                                            return statuses;
                                                        });
                                            });
                                })));
    }

    private Uni<DirectiveDetails> write(
            SqlConnection connection,
            Caller caller,
            String issuerPath,
            UUID parentId,
            DirectiveInput input,
            List<DirectiveInput.Item> items,
            List<DirectiveInput.AlertWindow> windows) {
        checkInput(input, items, windows);
        UUID id = TimeOrderedIds.next();
        String recipientsIn = caller.isAuthority() ? "/%" : issuerPath + "%";
        String[] codes = input.recipients().toArray(String[]::new);
        return connection
                .preparedQuery(UNKNOWN_RECIPIENTS)
                .execute(Tuple.of(codes, recipientsIn))
                .invoke(unknown -> {
                    List<Violation> faults = new ArrayList<>();
                    unknown.forEach(
                            row -> faults.add(new Violation("recipients", "unknown-organization", row.getString(0))));
                    if (!faults.isEmpty()) {
                        throw DomainProblem.invalid(faults);
                    }
                })
                .flatMap(ignored -> connection
                        .preparedQuery(INSERT)
                        .execute(Tuple.tuple()
                                .addUUID(id)
                                .addString(input.reference().strip())
                                .addString(caller.orgCode())
                                .addString(issuerPath)
                                .addString(input.subject())
                                .addString(input.body())
                                .addLocalDate(input.issuedOn() != null ? input.issuedOn() : LocalDate.now(VIETNAM))
                                .addLocalDate(input.reportDueOn())
                                .addUUID(parentId)
                                .addArrayOfString(input.recipientKinds().stream()
                                        .map(Enum::name)
                                        .toArray(String[]::new))
                                .addArrayOfString(input.attachments().toArray(String[]::new))
                                .addString(caller.displayName())))
                .invoke(inserted -> {
                    if (inserted.rowCount() == 0) {
                        throw DomainProblem.conflict("directive-exists", input.reference());
                    }
                })
                .flatMap(ignored -> connection
                        .preparedQuery(INSERT_ITEMS)
                        .execute(Tuple.of(
                                id,
                                java.util.stream.IntStream.range(0, items.size())
                                        .boxed()
                                        .toArray(Integer[]::new),
                                items.stream().map(DirectiveInput.Item::code).toArray(String[]::new),
                                items.stream().map(DirectiveInput.Item::text).toArray(String[]::new))))
                .flatMap(ignored -> connection
                        .preparedQuery(INSERT_WINDOWS)
                        .execute(Tuple.of(
                                id,
                                windows.stream()
                                        .map(DirectiveInput.AlertWindow::name)
                                        .toArray(String[]::new),
                                windows.stream()
                                        .map(DirectiveInput.AlertWindow::startsOn)
                                        .toArray(LocalDate[]::new),
                                windows.stream()
                                        .map(DirectiveInput.AlertWindow::endsOn)
                                        .toArray(LocalDate[]::new))))
                .flatMap(ignored -> connection
                        .preparedQuery(INSERT_RECIPIENTS)
                        .execute(Tuple.tuple()
                                .addUUID(id)
                                .addString(caller.orgCode())
                                .addString(recipientsIn)
                                .addArrayOfString(codes)
                                .addArrayOfString(input.recipientKinds().stream()
                                        .map(Enum::name)
                                        .toArray(String[]::new))))
                .invoke(recipients -> {
                    if (recipients.rowCount() == 0) {
                        throw DomainProblem.invalidField("recipients", "directive-no-recipient");
                    }
                })
                .flatMap(ignored -> read(connection, id))
                .call(directive -> audit.recordAll(
                        connection, caller, List.of(Change.created("directive", id.toString(), issuerPath, directive))))
                .call(directive -> outbox.recordAll(connection, DIRECTIVE_ISSUED, List.of(event(directive))));
    }

    private static DirectiveEvent event(DirectiveDetails directive) {
        return new DirectiveEvent(
                directive.id(),
                directive.reference(),
                directive.issuerCode(),
                directive.parentId(),
                directive.subject(),
                directive.issuedOn(),
                directive.reportDueOn(),
                directive.alertWindows().stream()
                        .map(w -> new DirectiveEvent.AlertWindow(w.name(), w.startsOn(), w.endsOn()))
                        .toList());
    }

    private Uni<DirectiveDetails> visible(SqlClient client, Caller caller, UUID id) {
        return scopes.of(caller)
                .flatMap(scope -> client.preparedQuery(SELECT + " where d.id = $3 and " + VISIBLE)
                        .execute(Tuple.of(scope.likePattern(), String.valueOf(caller.orgCode()), id))
                        .flatMap(rows -> {
                            if (rows.size() == 0) {
                                throw DomainProblem.notFound("directive", id);
                            }
                            return withParts(client, rows.iterator().next());
                        }));
    }

    private Uni<DirectiveDetails> read(SqlClient client, UUID id) {
        return client.preparedQuery(SELECT + " where d.id = $1")
                .execute(Tuple.of(id))
                .flatMap(rows -> withParts(client, rows.iterator().next()));
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

    /** The path of the caller's own organisation, which issues. */
    private Uni<String> issuerPath(Caller caller) {
        String code = caller.orgCode();
        return scopes.pathInScope(
                TenantScope.everything(caller),
                code,
                () -> DomainProblem.invalidField("issuer", "unknown-organization", code == null ? "" : code));
    }

    private static void checkInput(
            DirectiveInput input, List<DirectiveInput.Item> items, List<DirectiveInput.AlertWindow> windows) {
        List<Violation> faults = new ArrayList<>();
        if (input.recipients().isEmpty() && input.recipientKinds().isEmpty()) {
            faults.add(new Violation("recipients", "directive-no-recipient"));
        }
        Set<String> codes = new HashSet<>();
        for (DirectiveInput.Item item : items) {
            if (!codes.add(item.code())) {
                faults.add(new Violation("items", "directive-duplicate-item", item.code()));
            }
        }
        for (DirectiveInput.AlertWindow window : windows) {
            if (window.endsOn().isBefore(window.startsOn())) {
                faults.add(new Violation("alertWindows", "directive-window-backwards", window.name()));
            }
        }
        if (!faults.isEmpty()) {
            throw DomainProblem.invalid(faults);
        }
    }

    private static void checkItems(DirectiveDetails directive, ReportInput report) {
        Set<String> known = new HashSet<>();
        directive.items().forEach(item -> known.add(item.code()));
        List<Violation> faults = new ArrayList<>();
        for (int i = 0; i < report.items().size(); i++) {
            if (!known.contains(report.items().get(i).code())) {
                faults.add(new Violation(
                        "items[" + i + "].code",
                        "directive-unknown-item",
                        report.items().get(i).code(),
                        String.join(", ", known)));
            }
        }
        if (!faults.isEmpty()) {
            throw DomainProblem.invalid(faults);
        }
    }

    private static void requireRecipient(int updated, DirectiveDetails directive) {
        if (updated == 0) {
            throw DomainProblem.conflict("not-a-recipient", directive.reference());
        }
    }

    private static java.time.Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
