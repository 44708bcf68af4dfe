package vn.canhgac.inventory.asset;

import static vn.canhgac.commons.contracts.EventContracts.ASSET_UPSERTED;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.canhgac.commons.audit.AuditAction;
import vn.canhgac.commons.audit.AuditTrail;
import vn.canhgac.commons.audit.Change;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.json.RawJson;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.problem.FieldError;
import vn.canhgac.commons.problem.ProblemMessages;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;

/**
 * Imports assets from a stream of rows, in one transaction: each row is checked by the same rules as the API,
 * its organisation and system resolved in the caller's scope, then written in batches (upsert on organisation +
 * natural key; addresses and products replaced), audited and announced. Only the current batch and the set of
 * keys seen (to refuse a key twice in one file) are held in memory. A bad row is never written, even in part.
 *
 * <p>Runs on a worker thread: it reads a blocking stream. A few batches are in flight on the connection at once
 * (the client pipelines their statements), so that PostgreSQL, the import's bottleneck, never waits for the
 * thread to check the next rows or to serialise a batch's events; reading never runs further ahead than that.
 */
@ApplicationScoped
public class AssetImport {

    static final int MAX_REPORTED_ERRORS = 1000;
    private static final Duration STATEMENT_WAIT = Duration.ofMinutes(2);

    private final Pool pool;
    private final TenantScopes scopes;
    private final AssetStore store;
    private final AssetOwners owners;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final int batchSize;
    private final int batchesInFlight;

    public AssetImport(
            Pool pool,
            TenantScopes scopes,
            AssetStore store,
            AssetOwners owners,
            AuditTrail audit,
            Outbox outbox,
            @ConfigProperty(name = "canhgac.import.batch-size", defaultValue = "1000") int batchSize,
            @ConfigProperty(name = "canhgac.import.batches-in-flight", defaultValue = "3") int batchesInFlight) {
        this.pool = pool;
        this.scopes = scopes;
        this.store = store;
        this.owners = owners;
        this.audit = audit;
        this.outbox = outbox;
        this.batchSize = batchSize;
        this.batchesInFlight = batchesInFlight;
    }

    /** One import's state: counts, errors, caches, the batch being filled. */
    private static final class Run {
        final Caller caller;
        final TenantScope scope;
        final ImportMode mode;
        final String defaultOrganization;
        final Locale locale;
        final SqlConnection connection;
        final Map<String, Optional<OrganizationRef>> organizations = new HashMap<>();
        final Map<String, Boolean> systems = new HashMap<>();
        final Set<String> seenKeys = new HashSet<>();
        final List<AssetStore.Bound> batch = new ArrayList<>();
        final List<FieldError> errors = new ArrayList<>();
        final Deque<CompletionStage<Void>> inFlight = new ArrayDeque<>();
        long rows;
        long created;
        long updated;
        long bad;

        Run(
                Caller caller,
                TenantScope scope,
                ImportMode mode,
                String defaultOrganization,
                Locale locale,
                SqlConnection connection) {
            this.caller = caller;
            this.scope = scope;
            this.mode = mode;
            this.defaultOrganization = defaultOrganization;
            this.locale = locale;
            this.connection = connection;
        }

        boolean writing() {
            return mode == ImportMode.SKIP_BAD_ROWS || bad == 0;
        }
    }

    public ImportReport run(
            Caller caller,
            String format,
            ImportMode mode,
            String defaultOrganization,
            Locale locale,
            Iterator<ImportRow> rows) {
        TenantScope scope = scopes.of(caller).await().atMost(STATEMENT_WAIT);
        SqlConnection connection = pool.getConnection().await().atMost(STATEMENT_WAIT);
        try {
            Transaction transaction = connection.begin().await().atMost(STATEMENT_WAIT);
            Run run = new Run(caller, scope, mode, defaultOrganization, locale, connection);
            try {
                rows.forEachRemaining(row -> accept(run, row));
                flush(run);
                awaitInFlight(run);
            } catch (RuntimeException e) {
                awaitQuietly(run);
                transaction.rollback().await().atMost(STATEMENT_WAIT);
                throw e;
            }
            if (run.bad > 0 && mode == ImportMode.ALL_OR_NOTHING) {
                transaction.rollback().await().atMost(STATEMENT_WAIT);
                throw DomainProblem.rejectedRows("import-rejected", run.errors, run.bad, run.rows);
            }
            transaction.commit().await().atMost(STATEMENT_WAIT);
            return new ImportReport(format, mode, run.rows, run.created, run.updated, run.bad, run.errors);
        } finally {
            connection.close().await().atMost(STATEMENT_WAIT);
        }
    }

    private void accept(Run run, ImportRow row) {
        run.rows++;
        if (!row.unreadable().isEmpty()) {
            reject(run, row.number(), row.unreadable());
            return;
        }
        AssetRules.Checked checked = AssetRules.check(row.input());
        if (!checked.ok()) {
            reject(run, row.number(), checked.violations());
            return;
        }
        AssetDraft draft = checked.draft();
        String code = draft.organizationCode() != null ? draft.organizationCode() : run.defaultOrganization;
        if (code == null) {
            reject(run, row.number(), List.of(new Violation("organization", "required")));
            return;
        }
        Optional<OrganizationRef> organization = run.organizations.computeIfAbsent(
                code,
                key -> owners.organization(run.connection, run.scope, key)
                        .await()
                        .atMost(STATEMENT_WAIT));
        if (organization.isEmpty()) {
            reject(run, row.number(), List.of(new Violation("organization", "unknown-organization", code)));
            return;
        }
        if (draft.systemId() != null
                && !run.systems.computeIfAbsent(
                        draft.systemId() + organization.get().path(),
                        key -> owners.systemBelongs(
                                        run.connection,
                                        draft.systemId(),
                                        organization.get().path())
                                .await()
                                .atMost(STATEMENT_WAIT))) {
            reject(run, row.number(), List.of(new Violation("systemId", "unknown-system", draft.systemId())));
            return;
        }
        if (draft.eventBytesAtMost() > outbox.largestEvent()
                && !outbox.fits(draft.provisionalEvent(organization.get()))) {
            reject(run, row.number(), List.of(new Violation("products", "event-too-large", outbox.largestEvent())));
            return;
        }
        if (!run.seenKeys.add(organization.get().id() + " " + draft.naturalKey())) {
            reject(
                    run,
                    row.number(),
                    List.of(new Violation(
                            draft.externalId() != null ? "externalId" : "hostname", "duplicate-in-file")));
            return;
        }
        if (run.writing()) {
            run.batch.add(new AssetStore.Bound(TimeOrderedIds.next(), organization.get(), draft));
            if (run.batch.size() >= batchSize) {
                flush(run);
            }
        }
    }

    private void reject(Run run, long number, List<Violation> violations) {
        run.bad++;
        if (run.mode == ImportMode.ALL_OR_NOTHING) {
            run.batch.clear();
        }
        for (Violation violation : violations) {
            if (run.errors.size() < MAX_REPORTED_ERRORS) {
                run.errors.add(new FieldError(
                        number,
                        violation.field(),
                        ProblemMessages.text(run.locale, "field." + violation.messageKey(), violation.args())));
            }
        }
    }

    /**
     * Sends the batch's statements: assets, their addresses and products, one audit entry and one event per
     * asset. The statements run while the next batches are read and checked; when {@code batchesInFlight} are
     * already sent, the oldest must finish first, so a failure surfaces a few batches later at the latest. The
     * batches of one file never touch the same asset (a key twice in a file is refused), so their statements may
     * interleave.
     */
    private void flush(Run run) {
        if (run.batch.isEmpty() || !run.writing()) {
            run.batch.clear();
            return;
        }
        List<AssetStore.Bound> batch = List.copyOf(run.batch);
        run.batch.clear();
        while (run.inFlight.size() >= batchesInFlight) {
            await(run.inFlight.removeFirst());
        }
        run.inFlight.addLast(store.upsert(run.connection, run.caller, batch, false)
                .flatMap(written -> write(run, batch, written))
                .subscribeAsCompletionStage());
    }

    private Uni<Void> write(Run run, List<AssetStore.Bound> batch, List<AssetStore.Written> written) {
        Map<String, AssetStore.Written> byKey = new HashMap<>();
        written.forEach(w -> byKey.put(w.organizationId() + " " + w.naturalKey(), w));
        List<UUID> ids = new ArrayList<>(batch.size());
        List<UUID> existing = new ArrayList<>();
        List<AssetDraft> drafts = new ArrayList<>(batch.size());
        List<Change> changes = new ArrayList<>(batch.size());
        List<Outbox.Serialised<AssetEvent>> events = new ArrayList<>(batch.size());
        for (AssetStore.Bound bound : batch) {
            AssetStore.Written w =
                    byKey.get(bound.organization().id() + " " + bound.draft().naturalKey());
            AssetDetails details = w.details(bound.organization(), bound.draft());
            ids.add(w.id());
            drafts.add(bound.draft());
            if (w.inserted()) {
                run.created++;
            } else {
                run.updated++;
                existing.add(w.id());
            }
            Outbox.Serialised<AssetEvent> event = outbox.serialised(
                    ASSET_UPSERTED, details.event(bound.organization().path(), false));
            RawJson state = new RawJson(event.json());
            changes.add(new Change(
                    AuditAction.IMPORTED,
                    AssetService.AUDIT_TYPE,
                    w.id().toString(),
                    bound.organization().path(),
                    null,
                    state));
            events.add(event);
        }
        return store.replaceParts(run.connection, ids, drafts, existing)
                .call(() -> audit.record(OpenTransaction.on(run.connection), run.caller, changes))
                .call(() -> outbox.recordSerialised(OpenTransaction.on(run.connection), ASSET_UPSERTED, events));
    }

    /** Lets a batch in flight finish (or fail) before the transaction is rolled back. */
    private static void awaitQuietly(Run run) {
        try {
            awaitInFlight(run);
        } catch (RuntimeException ignored) {
            // the failure being handled is the one to report
        }
    }

    /** Lets every batch in flight finish; the first failure is thrown once all have. */
    private static void awaitInFlight(Run run) {
        RuntimeException first = null;
        while (!run.inFlight.isEmpty()) {
            try {
                await(run.inFlight.removeFirst());
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void await(CompletionStage<Void> batch) {
        try {
            batch.toCompletableFuture().get(STATEMENT_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("An import batch did not finish in " + STATEMENT_WAIT, e);
        }
    }
}
