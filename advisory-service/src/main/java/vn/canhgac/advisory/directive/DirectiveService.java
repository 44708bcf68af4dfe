package vn.canhgac.advisory.directive;

import static vn.canhgac.commons.contracts.EventContracts.DIRECTIVE_ISSUED;
import static vn.canhgac.commons.contracts.EventContracts.DIRECTIVE_REPORTED;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.canhgac.commons.audit.AuditTrail;
import vn.canhgac.commons.audit.Change;
import vn.canhgac.commons.contracts.DirectiveEvent;
import vn.canhgac.commons.contracts.DirectiveReportEvent;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.OrganizationPaths;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.commons.time.Vietnam;

/**
 * Directives down the chain of command: issued to organisations (by code or by kind) in the issuer's subtree,
 * forwarded by a recipient to its own subtree with its own deadline, acknowledged and reported on by each
 * recipient. A directive is visible to its issuer's side and to the recipients in the caller's scope.
 */
@ApplicationScoped
public class DirectiveService {

    private final Pool pool;
    private final DirectiveStore store;
    private final TenantScopes scopes;
    private final OrganizationPaths paths;
    private final AuditTrail audit;
    private final Outbox outbox;

    public DirectiveService(
            Pool pool,
            DirectiveStore store,
            TenantScopes scopes,
            OrganizationPaths paths,
            AuditTrail audit,
            Outbox outbox) {
        this.pool = pool;
        this.store = store;
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
                        .call(parent -> store.isRecipient(connection, parentId, caller.orgCode())
                                .invoke(recipient -> {
                                    if (!recipient) {
                                        throw DomainProblem.conflict("not-a-recipient", parent.reference());
                                    }
                                }))
                        .flatMap(parent -> write(
                                connection,
                                caller,
                                issuerPath,
                                parent.id(),
                                input,
                                input.items().isEmpty() ? parent.items() : input.items(),
                                input.alertWindows().isEmpty() ? parent.alertWindows() : input.alertWindows()))));
    }

    public Uni<DirectiveDetails> get(Caller caller, UUID id) {
        return visible(pool, caller, id);
    }

    public Uni<Page<DirectiveDetails>> list(Caller caller, DirectiveBox box, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 2);
        return scopes.of(caller)
                .flatMap(scope ->
                        store.page(pool, scope.likePattern(), String.valueOf(caller.orgCode()), box, cursor, limit))
                .map(found ->
                        Page.of(found, limit, d -> Cursor.encode(d.issuedOn().toString(), d.id().toString()), d -> d));
    }

    public Uni<DirectiveDetails> acknowledge(Caller caller, UUID id) {
        return pool.withTransaction(connection -> visible(connection, caller, id)
                        .call(directive -> store.acknowledge(
                                        connection, id, String.valueOf(caller.orgCode()), caller.displayName())
                                .invoke(acknowledgement -> requireRecipient(acknowledgement != null, directive))
                                .call(acknowledgement -> acknowledgement.first()
                                        ? audit.record(
                                                OpenTransaction.on(connection),
                                                caller,
                                                Change.created(
                                                        "directive-acknowledgement",
                                                        id + "/" + caller.orgCode(),
                                                        acknowledgement.orgPath(),
                                                        Map.of("reference", directive.reference())))
                                        : Uni.createFrom().voidItem())))
                .flatMap(ignored -> get(caller, id));
    }

    public Uni<DirectiveDetails> report(Caller caller, UUID id, ReportInput report) {
        return pool.withTransaction(connection -> visible(connection, caller, id)
                        .invoke(directive -> checkItems(directive, report))
                        .call(directive -> store.report(
                                        connection,
                                        id,
                                        String.valueOf(caller.orgCode()),
                                        caller.displayName(),
                                        report.text())
                                .invoke(reporterPath -> requireRecipient(reporterPath != null, directive))
                                // The report is the reporter's act: its entry is in the reporter's scope.
                                .call(reporterPath -> audit.record(
                                        OpenTransaction.on(connection),
                                        caller,
                                        Change.updated(
                                                "directive-report",
                                                id + "/" + caller.orgCode(),
                                                reporterPath,
                                                null,
                                                report))))
                        .call(directive -> store.reportItems(connection, id, caller.orgCode(), report.items()))
                        .call(directive -> outbox.record(
                                OpenTransaction.on(connection),
                                DIRECTIVE_REPORTED,
                                List.of(new DirectiveReportEvent(
                                        id,
                                        directive.reference(),
                                        caller.orgCode(),
                                        Instant.now(),
                                        caller.displayName())))))
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
                                .flatMap(issuerSide -> store.recipients(
                                        pool, directive, issuerSide ? "%" : scope.likePattern(), Vietnam.today()))));
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
        LocalDate issuedOn = input.issuedOn() != null ? input.issuedOn() : Vietnam.today();
        return store.unknownRecipients(connection, codes, recipientsIn)
                .invoke(unknown -> {
                    if (!unknown.isEmpty()) {
                        throw DomainProblem.invalid(unknown.stream()
                                .map(code -> new Violation("recipients", "unknown-organization", code))
                                .toList());
                    }
                })
                .flatMap(ignored -> store.insert(
                        connection, id, input, caller.orgCode(), issuerPath, parentId, issuedOn, caller.displayName()))
                .invoke(inserted -> {
                    if (!inserted) {
                        throw DomainProblem.conflict("directive-exists", input.reference());
                    }
                })
                .call(ignored -> store.insertItems(connection, id, items))
                .call(ignored -> store.insertWindows(connection, id, windows))
                .flatMap(
                        ignored -> store.insertRecipients(connection, id, caller.orgCode(), recipientsIn, codes, input))
                .invoke(recipients -> {
                    if (recipients.isEmpty()) {
                        throw DomainProblem.invalidField("recipients", "directive-no-recipient");
                    }
                })
                .flatMap(recipients -> store.read(connection, id)
                        .call(directive -> audit.record(
                                OpenTransaction.on(connection),
                                caller,
                                List.of(Change.created("directive", id.toString(), issuerPath, directive))))
                        .call(directive -> outbox.record(
                                OpenTransaction.on(connection),
                                DIRECTIVE_ISSUED,
                                List.of(event(directive, recipients)))));
    }

    private static DirectiveEvent event(DirectiveDetails directive, List<String> recipients) {
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
                        .toList(),
                recipients.stream().sorted().toList(),
                directive.createdBy());
    }

    private Uni<DirectiveDetails> visible(SqlClient client, Caller caller, UUID id) {
        return scopes.of(caller)
                .flatMap(scope -> store.visible(client, scope.likePattern(), String.valueOf(caller.orgCode()), id))
                .onItem()
                .ifNull()
                .failWith(() -> DomainProblem.notFound("directive", id));
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
        Set<String> known = new LinkedHashSet<>();
        directive.items().forEach(item -> known.add(item.code()));
        List<Violation> faults = new ArrayList<>();
        if (report.items().isEmpty() && !known.isEmpty()) {
            faults.add(new Violation("items", "directive-report-items-required", String.join(", ", known)));
        }
        if (known.isEmpty() && (report.text() == null || report.text().isBlank())) {
            faults.add(new Violation("text", "directive-report-text-required"));
        }
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

    private static void requireRecipient(boolean recipient, DirectiveDetails directive) {
        if (!recipient) {
            throw DomainProblem.conflict("not-a-recipient", directive.reference());
        }
    }
}
