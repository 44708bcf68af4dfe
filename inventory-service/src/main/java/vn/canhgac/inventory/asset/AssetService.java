package vn.canhgac.inventory.asset;

import static vn.canhgac.commons.contracts.EventContracts.ASSET_DELETED;
import static vn.canhgac.commons.contracts.EventContracts.ASSET_UPSERTED;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.audit.AuditTrail;
import vn.canhgac.commons.audit.Change;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.outbox.Outbox;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;

/**
 * Registers, changes, deletes and reads assets. Each change is written, audited and announced in one transaction
 * on one connection.
 */
@ApplicationScoped
public class AssetService {

    static final String AUDIT_TYPE = "asset";

    private final Pool pool;
    private final TenantScopes scopes;
    private final AssetStore store;
    private final AssetOwners owners;
    private final AuditTrail audit;
    private final Outbox outbox;

    public AssetService(
            Pool pool, TenantScopes scopes, AssetStore store, AssetOwners owners, AuditTrail audit, Outbox outbox) {
        this.pool = pool;
        this.scopes = scopes;
        this.store = store;
        this.owners = owners;
        this.audit = audit;
        this.outbox = outbox;
    }

    public Uni<AssetDetails> create(Caller caller, AssetInput input) {
        AssetDraft draft = checked(input);
        if (draft.organizationCode() == null) {
            throw DomainProblem.invalidField("organizationCode", "required");
        }
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> owner(connection, scope, draft)
                        .flatMap(org -> store.upsert(
                                connection,
                                caller,
                                List.of(new AssetStore.Bound(TimeOrderedIds.next(), org, draft)),
                                true))
                        .invoke(written -> {
                            if (written.isEmpty()) {
                                throw DomainProblem.conflict(
                                        "asset-exists",
                                        draft.organizationCode(),
                                        draft.externalId() != null ? draft.externalId() : draft.hostname());
                            }
                        })
                        .map(written -> written.getFirst().id())
                        .call(id -> store.replaceParts(connection, List.of(id), List.of(draft)))
                        .flatMap(id -> store.load(connection, id))
                        .map(stored -> stored.orElseThrow())
                        .call(stored -> announce(
                                connection,
                                caller,
                                Change.created(
                                        AUDIT_TYPE,
                                        stored.details().id().toString(),
                                        stored.orgPath(),
                                        stored.details()),
                                stored,
                                false))
                        .map(StoredAsset::details)));
    }

    /** Replaces an asset's description, if the caller read its current version; it stays in its organisation. */
    public Uni<AssetDetails> update(Caller caller, UUID id, String ifMatch, AssetInput input) {
        AssetDraft draft = checked(input);
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> inScope(connection, scope, id)
                        .invoke(before -> {
                            IfMatch.require(ifMatch, before.details().version());
                            if (draft.organizationCode() != null
                                    && !draft.organizationCode()
                                            .equals(before.details().organizationCode())) {
                                throw DomainProblem.invalidField("organizationCode", "asset-cannot-move");
                            }
                        })
                        .call(before -> owners.systemBelongs(connection, draft.systemId(), before.orgPath())
                                .invoke(belongs -> requireSystem(belongs, draft)))
                        .call(before -> store.update(
                                        connection, caller, id, before.details().version(), draft)
                                .invoke(updated -> {
                                    if (!updated) {
                                        throw DomainProblem.preconditionFailed();
                                    }
                                }))
                        .call(before -> store.replaceParts(connection, List.of(id), List.of(draft)))
                        .flatMap(before -> store.load(connection, id)
                                .map(after -> after.orElseThrow())
                                .call(after -> announce(
                                        connection,
                                        caller,
                                        Change.updated(
                                                AUDIT_TYPE,
                                                id.toString(),
                                                after.orgPath(),
                                                before.details(),
                                                after.details()),
                                        after,
                                        false)))
                        .map(StoredAsset::details)));
    }

    /** Replaces an asset's installed products (from an SBOM), keeping everything else as it is. */
    public Uni<AssetDetails> replaceProducts(Caller caller, UUID id, String ifMatch, List<ProductInput> products) {
        return get(caller, id)
                .flatMap(current -> update(
                        caller,
                        id,
                        ifMatch,
                        new AssetInput(
                                current.organizationCode(),
                                current.externalId(),
                                current.hostname(),
                                current.kind().name(),
                                current.operatingSystem(),
                                current.systemId(),
                                current.lastSeen() == null
                                        ? null
                                        : current.lastSeen().atOffset(ZoneOffset.UTC),
                                current.addresses(),
                                products)));
    }

    public Uni<Void> delete(Caller caller, UUID id, String ifMatch) {
        return scopes.of(caller)
                .flatMap(scope -> pool.withTransaction(connection -> inScope(connection, scope, id)
                        .invoke(before ->
                                IfMatch.require(ifMatch, before.details().version()))
                        .call(before -> store.delete(connection, id))
                        .call(before -> announce(
                                connection,
                                caller,
                                Change.deleted(AUDIT_TYPE, id.toString(), before.orgPath(), before.details()),
                                before,
                                true))
                        .replaceWithVoid()));
    }

    public Uni<AssetDetails> get(Caller caller, UUID id) {
        return scopes.of(caller).flatMap(scope -> inScope(pool, scope, id)).map(StoredAsset::details);
    }

    private Uni<StoredAsset> inScope(SqlClient connection, TenantScope scope, UUID id) {
        return store.load(connection, id)
                .map(found -> found.filter(asset -> scope.covers(asset.orgPath()))
                        .orElseThrow(() -> DomainProblem.notFound("asset", id)));
    }

    private Uni<OrganizationRef> owner(SqlConnection connection, TenantScope scope, AssetDraft draft) {
        return owners.organization(connection, scope, draft.organizationCode())
                .map(found -> found.orElseThrow(() -> DomainProblem.invalidField(
                        "organizationCode", "unknown-organization", draft.organizationCode())))
                .call(org -> owners.systemBelongs(connection, draft.systemId(), org.path())
                        .invoke(belongs -> requireSystem(belongs, draft)));
    }

    private static void requireSystem(boolean belongs, AssetDraft draft) {
        if (!belongs) {
            throw DomainProblem.invalidField("systemId", "unknown-system", draft.systemId());
        }
    }

    private static AssetDraft checked(AssetInput input) {
        AssetRules.Checked checked = AssetRules.check(input);
        if (!checked.ok()) {
            throw DomainProblem.invalid(checked.violations());
        }
        return checked.draft();
    }

    /** Audits the change and records the asset's full state (or its deletion) in the outbox. */
    private Uni<Void> announce(
            SqlConnection connection, Caller caller, Change change, StoredAsset asset, boolean deleted) {
        return audit.record(OpenTransaction.on(connection), caller, List.of(change))
                .call(() -> outbox.record(
                        OpenTransaction.on(connection),
                        deleted ? ASSET_DELETED : ASSET_UPSERTED,
                        List.of(asset.details().event(asset.orgPath(), deleted))));
    }
}
