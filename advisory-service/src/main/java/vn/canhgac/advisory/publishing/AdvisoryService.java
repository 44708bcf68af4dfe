package vn.canhgac.advisory.publishing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.canhgac.advisory.exposure.ExposureMatcher;
import vn.canhgac.advisory.exposure.MatchReport;
import vn.canhgac.advisory.product.VersionKey;
import vn.canhgac.advisory.product.VersionRange;
import vn.canhgac.commons.audit.AuditTrail;
import vn.canhgac.commons.audit.Change;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.tenancy.Caller;

/**
 * Publishes advisories and matches each, in the transaction that stores it, against every installed product
 * the inventory read model holds. Advisories are national: everyone authenticated reads them.
 */
@ApplicationScoped
public class AdvisoryService {

    static final String AUDIT_TYPE = "advisory";
    static final String KEV = "KEV";

    private final Pool pool;
    private final AdvisoryStore store;
    private final ExposureMatcher matcher;
    private final AuditTrail audit;

    public AdvisoryService(Pool pool, AdvisoryStore store, ExposureMatcher matcher, AuditTrail audit) {
        this.pool = pool;
        this.store = store;
        this.matcher = matcher;
        this.audit = audit;
    }

    public Uni<AdvisoryDetails> create(Caller caller, AdvisoryInput input, String format) {
        checkDueDate(input, "dueOn");
        checkRanges(input.affected(), "affected");
        return pool.withTransaction(connection -> matcher.lockForPublication(connection)
                .flatMap(locked -> publish(connection, caller, input, format))
                .onItem()
                .ifNull()
                .failWith(() -> DomainProblem.conflict("advisory-exists", input.reference())));
    }

    /** Publishes each advisory whose reference is new; the others are left as they are (imports repeat). */
    public Uni<ImportedAdvisories> importAll(Caller caller, List<AdvisoryInput> inputs, String format) {
        for (int i = 0; i < inputs.size(); i++) {
            checkDueDate(inputs.get(i), "[" + i + "].dueOn");
            checkRanges(inputs.get(i).affected(), "[" + i + "].affected");
        }
        return pool.withTransaction(connection -> {
            Uni<ImportedAdvisories> chain =
                    matcher.lockForPublication(connection).replaceWith(ImportedAdvisories.empty(format));
            for (AdvisoryInput input : inputs) {
                chain = chain.flatMap(sum -> publish(connection, caller, input, format)
                        .flatMap(published -> published != null
                                ? Uni.createFrom().item(sum.add(published))
                                : revise(connection, caller, input).map(sum::revised)));
            }
            return chain;
        });
    }

    private Uni<AdvisoryDetails> publish(SqlConnection connection, Caller caller, AdvisoryInput input, String format) {
        return store.insert(connection, caller, input, format)
                .onItem()
                .ifNotNull()
                .transformToUni(advisory -> matcher.matchAdvisory(connection, advisory.id())
                        .flatMap(found -> !hasStatements(input)
                                ? Uni.createFrom().item(found)
                                : matcher.applyNotAffected(connection, advisory.id())
                                        .map(found::plus))
                        .map(advisory::withMatching))
                .onItem()
                .ifNotNull()
                .call(advisory -> KEV.equals(format)
                        ? matcher.raiseKnownExploited(connection, advisory.id())
                        : Uni.createFrom().nullItem())
                .onItem()
                .ifNotNull()
                .call(advisory -> audit.record(
                        OpenTransaction.on(connection),
                        caller,
                        List.of(Change.created(AUDIT_TYPE, advisory.id().toString(), "/", advisory))));
    }

    /**
     * A document whose reference is known: when it is a newer revision (CSAF {@code tracking.version}, a KEV
     * catalogue's {@code catalogVersion}) that says something new, it replaces the advisory, is matched again, and
     * what it no longer finds is resolved; otherwise nothing changes (null) but the revision it was seen in.
     * A withdrawn advisory stays withdrawn.
     */
    private Uni<AdvisoryDetails> revise(SqlConnection connection, Caller caller, AdvisoryInput input) {
        if (input.revision() == null) {
            return Uni.createFrom().nullItem();
        }
        return store.lockByReference(connection, input.reference()).flatMap(current -> {
            if (current == null
                    || "WITHDRAWN".equals(current.getString("status"))
                    || !newer(input.revision(), current.getString("revision"))) {
                return Uni.createFrom().nullItem();
            }
            UUID id = current.getUUID("id");
            if (input.contentDigest().equals(current.getString("content_digest"))) {
                return store.recordRevision(connection, id, input.revision())
                        .replaceWith(Uni.createFrom().nullItem());
            }
            String reason = input.reference() + " revision " + input.revision();
            return store.find(connection, id)
                    .call(before -> matcher.forgetAssetsNamedBy(connection, id))
                    .flatMap(before -> matcher.statementCves(connection, id)
                            .flatMap(statedBefore -> store.revise(connection, caller, id, input)
                                    .flatMap(after -> matcher.matchAdvisory(connection, id)
                                            .call(() -> matcher.retireStale(connection, id, reason))
                                            .call(() -> matcher.followRevision(connection, id))
                                            .call(() -> matcher.liftNotAffected(connection, id, statedBefore))
                                            .call(() -> hasStatements(input)
                                                    ? matcher.applyNotAffected(connection, id)
                                                    : Uni.createFrom().nullItem())
                                            .call(() -> input.knownExploited()
                                                    ? matcher.raiseKnownExploited(connection, id)
                                                    : Uni.createFrom().nullItem())
                                            .map(after::withMatching)))
                            .call(after -> audit.record(
                                    OpenTransaction.on(connection),
                                    caller,
                                    List.of(Change.updated(AUDIT_TYPE, id.toString(), "/", before, after)))));
        });
    }

    private static boolean hasStatements(AdvisoryInput input) {
        return input.affected().stream().anyMatch(AffectedProductInput::isNotAffectedStatement);
    }

    private static boolean newer(String candidate, String stored) {
        return stored == null || VersionKey.compare(candidate, stored) > 0;
    }

    public Uni<AdvisoryDetails> get(UUID id) {
        return store.find(pool, id).onItem().ifNull().failWith(() -> DomainProblem.notFound("advisory", id));
    }

    public Uni<Page<AdvisoryDetails>> list(String query, Severity severity, String cve, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 2);
        return store.page(pool, query, severity, cve, cursor, limit)
                .map(found ->
                        Page.of(found, limit, a -> Cursor.encode(a.issuedOn().toString(), a.id().toString()), a -> a));
    }

    /** A deadline before the advisory was issued would make every exposure it finds overdue on the day it is found. */
    private static void checkDueDate(AdvisoryInput input, String field) {
        if (input.dueOn() != null && input.dueOn().isBefore(input.issuedOn())) {
            throw DomainProblem.invalidField(field, "due-before-issue", input.dueOn(), input.issuedOn());
        }
    }

    private static void checkRanges(List<AffectedProductInput> affected, String field) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < affected.size(); i++) {
            VersionRange range = affected.get(i).range();
            if (!affected.get(i).hasKnownScheme()) {
                violations.add(new Violation(
                        field + "[" + i + "].versionScheme",
                        "unknown-version-scheme",
                        affected.get(i).versionScheme()));
            } else if (range.isMalformed()) {
                violations.add(new Violation(field + "[" + i + "]", "bad-version-range", range.describe()));
            } else if (range.lowerKey() != null
                    && range.upperKey() != null
                    && range.lowerKey().compareTo(range.upperKey()) > 0) {
                violations.add(new Violation(field + "[" + i + "]", "empty-version-range", range.describe()));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainProblem.invalid(violations);
        }
    }

    /** What an import published, and what it caused. */
    public record ImportedAdvisories(
            String format,
            int created,
            int revised,
            int unchanged,
            MatchReport exposures,
            List<String> references,
            List<String> warnings) {

        static ImportedAdvisories empty(String format) {
            return new ImportedAdvisories(format, 0, 0, 0, MatchReport.NONE, List.of(), List.of());
        }

        ImportedAdvisories add(AdvisoryDetails published) {
            return new ImportedAdvisories(
                    format,
                    created + 1,
                    revised,
                    unchanged,
                    exposures.plus(published.matching()),
                    with(published),
                    warnings);
        }

        ImportedAdvisories revised(AdvisoryDetails revision) {
            if (revision == null) {
                return new ImportedAdvisories(format, created, revised, unchanged + 1, exposures, references, warnings);
            }
            return new ImportedAdvisories(
                    format,
                    created,
                    revised + 1,
                    unchanged,
                    exposures.plus(revision.matching()),
                    with(revision),
                    warnings);
        }

        /** What the documents held that the platform could not use, each part named. */
        ImportedAdvisories withWarnings(List<String> found) {
            return new ImportedAdvisories(
                    format, created, revised, unchanged, exposures, references, List.copyOf(found));
        }

        private List<String> with(AdvisoryDetails advisory) {
            List<String> all = new ArrayList<>(references);
            all.add(advisory.reference());
            return all;
        }
    }
}
