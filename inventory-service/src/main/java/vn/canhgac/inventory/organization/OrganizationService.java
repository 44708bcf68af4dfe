package vn.canhgac.inventory.organization;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.events.EventTopics;
import vn.canhgac.commons.organization.OrganizationEvent;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.commons.text.SearchText;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Registers and reads organisations, each change announced through the outbox in its own transaction. */
@ApplicationScoped
public class OrganizationService {

    private final TenantScopes scopes;
    private final Outbox outbox;

    public OrganizationService(TenantScopes scopes, Outbox outbox) {
        this.scopes = scopes;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Organization> create(Caller caller, NewOrganization request) {
        return scopes.of(caller)
                .flatMap(scope -> parentFor(scope, request.parentCode()))
                .call(parent -> Organization.findByCode(request.code()).invoke(existing -> {
                    if (existing != null) {
                        throw DomainProblem.conflict("organization-exists", request.code());
                    }
                }))
                .flatMap(parent -> insert(caller, request, parent.orElse(null)))
                .call(this::announce);
    }

    /** Describes an organisation anew, if the caller read its current version ({@code If-Match}). */
    @WithTransaction
    public Uni<Organization> update(Caller caller, String code, String ifMatch, OrganizationChanges changes) {
        return inScope(caller, code)
                .invoke(org -> IfMatch.require(ifMatch, org.version))
                .flatMap(org -> {
                    org.describe(changes.nameVi(), changes.nameEn(), changes.kind());
                    org.updatedAt = Instant.now();
                    org.updatedBy = caller.displayName();
                    return org.<Organization>persistAndFlush();
                })
                .call(this::announce);
    }

    @WithSession
    public Uni<Organization> get(Caller caller, String code) {
        return inScope(caller, code);
    }

    private Uni<Organization> inScope(Caller caller, String code) {
        return scopes.of(caller).flatMap(scope -> Organization.findByCode(code).map(org -> {
            if (org == null || !scope.covers(org.path)) {
                throw DomainProblem.notFound("organization", code);
            }
            return org;
        }));
    }

    @WithSession
    public Uni<Page<OrganizationDetails>> list(Caller caller, String query, String after, int limit) {
        return scopes.of(caller).flatMap(scope -> Organization.<Organization>find(
                        "path like ?1 and searchText like ?2 and code > ?3 order by code",
                        scope.likePattern(), SearchText.containsPattern(query), after == null ? "" : after)
                .page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, org -> org.code, OrganizationDetails::of)));
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

    private Uni<Organization> insert(Caller caller, NewOrganization request, Organization parent) {
        Organization org = new Organization();
        Instant now = Instant.now();
        org.id = UUID.randomUUID();
        org.code = request.code();
        org.parentId = parent == null ? null : parent.id;
        org.path = Organization.childPath(parent, request.code());
        org.describe(request.nameVi(), request.nameEn(), request.kind());
        org.createdAt = now;
        org.createdBy = caller.displayName();
        org.updatedAt = now;
        org.updatedBy = caller.displayName();
        return org.persistAndFlush();
    }

    /** Records the organisation's new full state in the outbox, in the transaction that changed it. */
    private Uni<?> announce(Organization org) {
        return outbox.record(EventTopics.ORGANIZATIONS, OrganizationEvent.UPSERTED, org.code, eventOf(org));
    }

    static OrganizationEvent eventOf(Organization org) {
        return new OrganizationEvent(org.id, org.code, org.parentCode(), org.path, org.nameVi, org.nameEn, org.kind,
                org.version, false, org.updatedAt);
    }
}
