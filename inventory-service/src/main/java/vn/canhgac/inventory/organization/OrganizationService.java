package vn.canhgac.inventory.organization;

import static vn.canhgac.commons.contracts.EventContracts.ORGANIZATION_DELETED;
import static vn.canhgac.commons.contracts.EventContracts.ORGANIZATION_UPSERTED;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.canhgac.commons.audit.AuditTrail;
import vn.canhgac.commons.audit.Change;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.contracts.OrganizationEvent;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.net.IpNetworks;
import vn.canhgac.commons.organization.Constituency;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.Roles;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.commons.text.SearchText;
import vn.canhgac.inventory.persistence.PanacheTransaction;

/**
 * Registers, describes, deletes and reads organisations. Each change is audited and announced through the
 * outbox in the transaction that makes it.
 */
@ApplicationScoped
public class OrganizationService {

    static final String AUDIT_TYPE = "organization";

    private final TenantScopes scopes;
    private final Outbox outbox;
    private final AuditTrail audit;

    public OrganizationService(TenantScopes scopes, Outbox outbox, AuditTrail audit) {
        this.scopes = scopes;
        this.outbox = outbox;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Organization> create(Caller caller, NewOrganization request) {
        Constituency constituency = request.constituency() == null
                ? Constituency.NONE
                : ConstituencyRules.canonical(request.constituency());
        return scopes.of(caller)
                .flatMap(scope -> parentFor(scope, request.parentCode())
                        .call(parent -> Organization.findByCode(request.code()).invoke(existing -> {
                            // Codes are unique nationwide, so that a code is taken cannot be hidden; whether it is
                            // an organisation outside the caller's scope, and which, is not said (docs/security.md).
                            if (existing != null && scope.covers(existing.path)) {
                                throw DomainProblem.conflict("organization-exists", request.code());
                            }
                            if (existing != null) {
                                throw DomainProblem.conflict("code-unavailable", request.code());
                            }
                        })))
                .flatMap(parent -> insert(caller, request, constituency, parent.orElse(null)))
                .call(org -> saveNetworks(org))
                .call(org -> audit.record(
                        PanacheTransaction.current(),
                        caller,
                        Change.created(AUDIT_TYPE, org.code, org.path, OrganizationDetails.of(org))))
                .call(this::announce);
    }

    /**
     * Describes an organisation anew, if the caller read its current version ({@code If-Match}). Contacts and
     * constituency left out stay as they are; only coordinators and the authority change a constituency (an
     * agency must not claim someone else's addresses).
     */
    @WithTransaction
    public Uni<Organization> update(Caller caller, String code, String ifMatch, OrganizationChanges changes) {
        Optional<Constituency> constituency =
                Optional.ofNullable(changes.constituency()).map(ConstituencyRules::canonical);
        return inScope(caller, code)
                .invoke(org -> IfMatch.require(ifMatch, org.version))
                .flatMap(org -> {
                    OrganizationDetails before = OrganizationDetails.of(org);
                    constituency
                            .filter(requested -> !requested.equals(org.constituency))
                            .ifPresent(requested -> {
                                if (!caller.isAuthority() && !caller.is(Roles.COORDINATOR)) {
                                    throw new ForbiddenException("constituency");
                                }
                                org.constituency = requested;
                            });
                    org.describe(
                            changes.nameVi(),
                            changes.nameEn(),
                            changes.kind(),
                            changes.contacts() == null ? org.contacts : changes.contacts());
                    org.updatedAt = Instant.now();
                    org.updatedBy = caller.displayName();
                    return org.<Organization>persistAndFlush()
                            .call(saved -> constituency.isPresent()
                                    ? saveNetworks(saved)
                                    : Uni.createFrom().voidItem())
                            .call(saved -> audit.record(
                                    PanacheTransaction.current(),
                                    caller,
                                    Change.updated(
                                            AUDIT_TYPE,
                                            saved.code,
                                            saved.path,
                                            before,
                                            OrganizationDetails.of(saved))));
                })
                .call(this::announce);
    }

    /**
     * Deletes an organisation that holds nothing any more (no sub-organisations, systems or assets); its last
     * event says {@code deleted}. Nobody deletes the organisation they belong to.
     */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String code, String ifMatch) {
        return inScope(caller, code)
                .invoke(org -> {
                    IfMatch.require(ifMatch, org.version);
                    if (org.code.equals(caller.orgCode())) {
                        throw new ForbiddenException("own organisation");
                    }
                })
                .call(org -> dependents(org).invoke(count -> {
                    if (count > 0) {
                        throw DomainProblem.conflict("organization-in-use", org.code);
                    }
                }))
                .call(org -> audit.record(
                        PanacheTransaction.current(),
                        caller,
                        Change.deleted(AUDIT_TYPE, org.code, org.path, OrganizationDetails.of(org))))
                .call(org -> outbox.record(PanacheTransaction.current(), ORGANIZATION_DELETED, eventOf(org, true)))
                .call(org -> org.delete())
                .replaceWithVoid();
    }

    @WithSession
    public Uni<Organization> get(Caller caller, String code) {
        return inScope(caller, code);
    }

    private Uni<Organization> inScope(Caller caller, String code) {
        return scopes.of(caller)
                .flatMap(scope -> Organization.findByCode(code).map(org -> {
                    if (org == null || !scope.covers(org.path)) {
                        throw DomainProblem.notFound("organization", code);
                    }
                    return org;
                }));
    }

    /**
     * Organisations in scope by code; {@code q} searches code and names with or without diacritics, {@code ip}
     * finds those whose constituency contains the address.
     */
    @WithSession
    public Uni<Page<OrganizationDetails>> list(Caller caller, String query, String ip, String after, int limit) {
        Optional<String> address = Optional.ofNullable(ip)
                .filter(text -> !text.isBlank())
                .map(text -> IpNetworks.address(text)
                        .orElseThrow(() -> DomainProblem.invalidField("ip", "bad-address", text)));
        return scopes.of(caller)
                .flatMap(scope -> answeringFor(address)
                        .flatMap(ids -> Organization.<Organization>find(
                                        "path like ?1 and searchText like ?2 and code > ?3 and (?4 = false or id in ?5) order by code",
                                        scope.likePattern(),
                                        SearchText.containsPattern(query),
                                        after == null ? "" : after,
                                        address.isPresent(),
                                        ids)
                                .page(0, limit + 1)
                                .list()
                                .map(rows -> Page.of(rows, limit, org -> org.code, OrganizationDetails::of))));
    }

    /** Ids of the organisations whose constituency contains the address (a dummy id when none, for "in"). */
    private static Uni<List<UUID>> answeringFor(Optional<String> address) {
        List<UUID> none = List.of(new UUID(0, 0));
        if (address.isEmpty()) {
            return Uni.createFrom().item(none);
        }
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "select organization_id from organization_network where network >>= cast(cast(:address as text) as inet)",
                                UUID.class)
                        .setParameter("address", address.get())
                        .getResultList())
                .map(ids -> ids.isEmpty() ? none : ids);
    }

    /** The parent, which must be in the caller's scope; only the authority creates top-level organisations. */
    private Uni<Optional<Organization>> parentFor(TenantScope scope, String parentCode) {
        if (parentCode == null) {
            if (!scope.caller().isAuthority()) {
                throw DomainProblem.invalidField("parentCode", "root-needs-authority");
            }
            return Uni.createFrom().item(Optional.empty());
        }
        return Organization.findByCode(parentCode).map(parent -> {
            if (parent == null || !scope.covers(parent.path)) {
                throw DomainProblem.invalidField("parentCode", "unknown-organization", parentCode);
            }
            return Optional.of(parent);
        });
    }

    private Uni<Organization> insert(
            Caller caller, NewOrganization request, Constituency constituency, Organization parent) {
        Organization org = new Organization();
        Instant now = Instant.now();
        org.id = TimeOrderedIds.next();
        org.code = request.code();
        org.parentId = parent == null ? null : parent.id;
        org.path = Organization.childPath(parent, request.code());
        org.describe(request.nameVi(), request.nameEn(), request.kind(), request.contacts());
        org.constituency = constituency;
        org.createdAt = now;
        org.createdBy = caller.displayName();
        org.updatedAt = now;
        org.updatedBy = caller.displayName();
        return org.persistAndFlush();
    }

    /** Keeps the constituency's networks as cidr rows too, for containment lookups. */
    private static Uni<Void> saveNetworks(Organization org) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "delete from organization_network where organization_id = :id")
                        .setParameter("id", org.id)
                        .executeUpdate()
                        .flatMap(ignored -> org.constituency.networks().isEmpty()
                                ? Uni.createFrom().item(0)
                                : session.createNativeQuery("""
                                        insert into organization_network (organization_id, network)
                                        select :id, cast(n as cidr) from unnest(string_to_array(:networks, ',')) as n""")
                                        .setParameter("id", org.id)
                                        .setParameter("networks", String.join(",", org.constituency.networks()))
                                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** Sub-organisations, systems and assets that still belong to the organisation. */
    private static Uni<Long> dependents(Organization org) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("""
                        select (select count(*) from organization where parent_id = :id)
                             + (select count(*) from information_system where organization_id = :id)
                             + (select count(*) from asset where organization_id = :id)""", Long.class)
                        .setParameter("id", org.id)
                        .getSingleResult());
    }

    /** Records the organisation's new full state in the outbox, in the transaction that changed it. */
    private Uni<?> announce(Organization org) {
        return outbox.record(PanacheTransaction.current(), ORGANIZATION_UPSERTED, eventOf(org, false));
    }

    static OrganizationEvent eventOf(Organization org, boolean deleted) {
        return new OrganizationEvent(
                org.id,
                org.code,
                org.parentCode(),
                org.path,
                org.nameVi,
                org.nameEn,
                org.kind,
                org.version,
                deleted,
                org.updatedAt,
                org.contacts,
                org.constituency);
    }
}
