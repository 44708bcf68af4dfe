package vn.canhgac.inventory.system;

import static vn.canhgac.commons.contracts.EventContracts.SYSTEM_DELETED;
import static vn.canhgac.commons.contracts.EventContracts.SYSTEM_UPSERTED;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.canhgac.commons.audit.AuditTrail;
import vn.canhgac.commons.audit.Change;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.contracts.SystemEvent;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.commons.text.SearchText;
import vn.canhgac.inventory.organization.Organization;
import vn.canhgac.inventory.persistence.PanacheTransaction;

/** Registers and describes information systems and keeps their checklists; every change audited and announced. */
@ApplicationScoped
public class SystemService {

    static final String AUDIT_TYPE = "system";
    static final String AUDIT_MEASURE_TYPE = "system-measure";

    private final TenantScopes scopes;
    private final Outbox outbox;
    private final AuditTrail audit;

    public SystemService(TenantScopes scopes, Outbox outbox, AuditTrail audit) {
        this.scopes = scopes;
        this.outbox = outbox;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<InformationSystem> create(Caller caller, NewSystem request) {
        return scopes.of(caller)
                .flatMap(scope -> Organization.findByCode(request.organizationCode())
                        .map(org -> {
                            if (org == null || !scope.covers(org.path)) {
                                throw DomainProblem.invalidField(
                                        "organizationCode", "unknown-organization", request.organizationCode());
                            }
                            return org;
                        }))
                .flatMap(org -> {
                    InformationSystem system = new InformationSystem();
                    Instant now = Instant.now();
                    system.id = TimeOrderedIds.next();
                    system.organizationId = org.id;
                    system.orgPath = org.path;
                    system.describe(request.description());
                    system.createdAt = now;
                    system.createdBy = caller.displayName();
                    system.updatedAt = now;
                    system.updatedBy = caller.displayName();
                    return system.<InformationSystem>persistAndFlush();
                })
                .call(system -> audit.record(
                        PanacheTransaction.current(),
                        caller,
                        Change.created(AUDIT_TYPE, system.id.toString(), system.orgPath, SystemDetails.of(system))))
                .call(this::announce);
    }

    @WithTransaction
    public Uni<InformationSystem> update(Caller caller, UUID id, String ifMatch, SystemDescription description) {
        return inScope(caller, id)
                .invoke(system -> IfMatch.require(ifMatch, system.version))
                .flatMap(system -> {
                    SystemDetails before = SystemDetails.of(system);
                    system.describe(description);
                    system.updatedAt = Instant.now();
                    system.updatedBy = caller.displayName();
                    return system.<InformationSystem>persistAndFlush()
                            .call(saved -> audit.record(
                                    PanacheTransaction.current(),
                                    caller,
                                    Change.updated(
                                            AUDIT_TYPE,
                                            saved.id.toString(),
                                            saved.orgPath,
                                            before,
                                            SystemDetails.of(saved))));
                })
                .call(this::announce);
    }

    /** Deletes a system that no asset belongs to any more; its checklist goes with it. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id, String ifMatch) {
        return inScope(caller, id)
                .invoke(system -> IfMatch.require(ifMatch, system.version))
                .call(system -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(
                                        "select count(*) from asset where system_id = :id", Long.class)
                                .setParameter("id", system.id)
                                .getSingleResult())
                        .invoke(assets -> {
                            if (assets > 0) {
                                throw DomainProblem.conflict("system-in-use", assets);
                            }
                        }))
                .call(system -> audit.record(
                        PanacheTransaction.current(),
                        caller,
                        Change.deleted(AUDIT_TYPE, system.id.toString(), system.orgPath, SystemDetails.of(system))))
                .call(system ->
                        outbox.record(PanacheTransaction.current(), SYSTEM_DELETED, eventOf(system, Map.of(), true)))
                .call(system -> SystemMeasure.delete("systemId", system.id))
                .call(system -> system.delete())
                .replaceWithVoid();
    }

    @WithSession
    public Uni<InformationSystem> get(Caller caller, UUID id) {
        return inScope(caller, id);
    }

    /** Systems in scope by name; filters by organisation subtree, level, status and text. */
    @WithSession
    public Uni<Page<SystemDetails>> list(Caller caller, SystemFilter filter, String after, int limit) {
        Cursor.Parts cursor = Cursor.decode(after, 2);
        return scopes.of(caller)
                .flatMap(scope -> filter.organizationPath(scopes, scope)
                        .flatMap(path -> InformationSystem.<InformationSystem>find(
                                        """
                                orgPath like ?1 and searchText like ?2
                                and (?3 = 0 or securityLevel = ?3) and (?4 = '' or str(status) = ?4)
                                and (?5 = '' or name > ?5 or (name = ?5 and str(id) > ?6))
                                order by name, str(id)""",
                                        path,
                                        SearchText.containsPattern(filter.query()),
                                        (short) (filter.securityLevel() == null ? 0 : filter.securityLevel()),
                                        filter.status() == null
                                                ? ""
                                                : filter.status().name(),
                                        cursor == null ? "" : cursor.text(0),
                                        cursor == null ? "" : cursor.uuid(1).toString())
                                .page(0, limit + 1)
                                .list()
                                .map(rows -> Page.of(
                                        rows, limit, s -> Cursor.encode(s.name, s.id.toString()), SystemDetails::of))));
    }

    Uni<InformationSystem> inScope(Caller caller, UUID id) {
        return scopes.of(caller)
                .flatMap(scope -> InformationSystem.<InformationSystem>findById(id)
                        .map(system -> {
                            if (system == null || !scope.covers(system.orgPath)) {
                                throw DomainProblem.notFound("system", id);
                            }
                            return system;
                        }));
    }

    /** Records a system's status on one measure; the system's version moves on, and its new state is announced. */
    @WithTransaction
    public Uni<ChecklistItem> assess(Caller caller, UUID id, String code, MeasureAssessment assessment) {
        return inScope(caller, id)
                .flatMap(system -> ProtectionMeasure.<ProtectionMeasure>findById(code)
                        .onItem()
                        .ifNull()
                        .failWith(() -> DomainProblem.notFound("measure", code))
                        .flatMap(measure -> SystemMeasure.<SystemMeasure>findById(new SystemMeasure.Key(id, code))
                                .flatMap(existing -> {
                                    ChecklistItem before = existing == null
                                            ? null
                                            : ChecklistItem.of(measure, system.securityLevel, existing);
                                    SystemMeasure line = existing != null ? existing : new SystemMeasure();
                                    line.systemId = id;
                                    line.measureCode = code;
                                    line.status = assessment.status();
                                    line.evidence = assessment.evidence();
                                    line.updatedAt = Instant.now();
                                    line.updatedBy = caller.displayName();
                                    system.updatedAt = line.updatedAt;
                                    system.updatedBy = line.updatedBy;
                                    ChecklistItem after = ChecklistItem.of(measure, system.securityLevel, line);
                                    return line.persist()
                                            .call(() -> system.persistAndFlush())
                                            .call(() -> audit.record(
                                                    PanacheTransaction.current(),
                                                    caller,
                                                    new Change(
                                                            before == null
                                                                    ? vn.canhgac.commons.audit.AuditAction.CREATED
                                                                    : vn.canhgac.commons.audit.AuditAction.UPDATED,
                                                            AUDIT_MEASURE_TYPE,
                                                            id + "/" + code,
                                                            system.orgPath,
                                                            before,
                                                            after)))
                                            .call(() -> announce(system))
                                            .replaceWith(after);
                                })));
    }

    /** Records the system's full state, checklist included, in the outbox. */
    private Uni<?> announce(InformationSystem system) {
        return SystemMeasure.<SystemMeasure>list("systemId", system.id)
                .map(lines -> lines.stream()
                        .collect(Collectors.toMap(
                                line -> line.measureCode, line -> line.status.name(), (a, b) -> a, TreeMap::new)))
                .flatMap(measures ->
                        outbox.record(PanacheTransaction.current(), SYSTEM_UPSERTED, eventOf(system, measures, false)));
    }

    static SystemEvent eventOf(InformationSystem system, Map<String, String> measures, boolean deleted) {
        return new SystemEvent(
                system.id,
                system.organizationCode(),
                system.orgPath,
                system.name,
                system.securityLevel,
                system.status.name(),
                system.internetFacing,
                measures,
                system.version,
                deleted,
                system.updatedAt);
    }
}
