package vn.canhgac.advisory.inventory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.events.BatchConsumer;
import vn.canhgac.commons.tenancy.TenantScope;

/**
 * The assets as exposure matching knows them, from {@code inventory.assets} only: owner, addresses and installed
 * products under every identity they can be recognised by, with their versions as sortable keys.
 */
@ApplicationScoped
public class AssetReplicas {

    /**
     * Takes each asset unless the replica holds its version or a newer one, with the digest of its matching inputs and
     * the version it was taken at; answers the ids it took whose digest changed. {@code prior} reads the rows as they
     * were before the statement ({@link #LOCK} made sure no other transaction changes them meanwhile). It trusts a
     * digest only when it was taken at the row's version (a release before the digest, run after it, moved the version
     * on and rewrote the parts without it) and when nothing asked for the asset to be matched again
     * ({@code asset_rematch}); the requests it saw are deleted for the assets it took, in the same snapshot, so that one
     * made meanwhile stays for the next event or the {@code AssetRematching} job.
     */
    private static final String UPSERT = """
            with prior as (select a.id, case when a.inputs_version = a.version
                                                  and not exists (select 1 from asset_rematch m where m.asset_id = a.id)
                                             then a.inputs_digest end as inputs_digest
                           from asset_replica a where a.id = any($1::uuid[])),
            written as (
                insert into asset_replica (id, organization_code, org_path, hostname, external_id, version, deleted,
                                           updated_at, inputs_digest, inputs_version)
                select u.*, u.version from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],
                                                  $6::bigint[], $7::boolean[], $8::timestamptz[], $9::text[])
                     as u(id, organization_code, org_path, hostname, external_id, version, deleted, updated_at,
                          inputs_digest)
                on conflict (id) do update set organization_code = excluded.organization_code,
                    org_path = excluded.org_path, hostname = excluded.hostname, external_id = excluded.external_id,
                    version = excluded.version, deleted = excluded.deleted, updated_at = excluded.updated_at,
                    inputs_digest = excluded.inputs_digest, inputs_version = excluded.inputs_version
                where asset_replica.version < excluded.version
                returning id, inputs_digest),
            rematched as (delete from asset_rematch where asset_id in (select id from written))
            select w.id from written w left join prior p using (id)
            where p.inputs_digest is distinct from w.inputs_digest""";

    /**
     * The batch's rows, locked before the upsert reads their digests: otherwise a transaction that committed a newer
     * version of one of them while the upsert ran would leave its parts under a digest compared with the row before
     * it. A {@code for update} in {@code prior} would not do: a row the same statement has already updated is left out
     * of what it answers. Only existing rows can be locked; a new asset written twice at once counts as changed, which
     * costs a match and loses nothing.
     */
    private static final String LOCK = "select 1 from asset_replica where id = any($1::uuid[]) for update";

    private static final String CLEAR_ADDRESSES = "delete from asset_address_replica where asset_id = any($1)";
    private static final String CLEAR_PRODUCTS = "delete from installed_product where asset_id = any($1)";
    private static final String INSERT_ADDRESSES = """
            insert into asset_address_replica (asset_id, address)
            select u.asset_id, u.address::inet from unnest($1::uuid[], $2::text[]) as u(asset_id, address)
            on conflict do nothing""";
    private static final String INSERT_PRODUCTS = """
            insert into installed_product (asset_id, position, identity, vendor, product, version, version_key, stream)
            select u.asset_id, u.position, u.identity, u.vendor, u.product, u.version, u.version_key, u.stream
            from unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                 as u(asset_id, position, identity, vendor, product, version, version_key, stream)
            on conflict do nothing""";

    private static final String MATCHED_ASSET = """
            select id, organization_code, org_path, hostname, version, deleted,
                   array(select host(address) from asset_address_replica where asset_id = a.id order by address) as addresses
            from asset_replica a where id = $1""";
    private static final String MATCHED_PRODUCTS = """
            select identity, vendor, product, version, version_key, stream from installed_product
            where asset_id = $1 order by position, identity""";

    /** The asset as the matcher sees it, if it is in the scope; null when it is unknown or out of the scope. */
    public Uni<MatchedAsset> matched(SqlClient client, TenantScope scope, UUID id) {
        return client.preparedQuery(MATCHED_ASSET).execute(Tuple.of(id)).flatMap(rows -> {
            Row asset = rows.size() == 0 ? null : rows.iterator().next();
            if (asset == null || !scope.covers(asset.getString("org_path"))) {
                return Uni.createFrom().nullItem();
            }
            return client.preparedQuery(MATCHED_PRODUCTS).execute(Tuple.of(id)).map(products -> {
                List<MatchedAsset.InstalledProduct> installed = new ArrayList<>();
                products.forEach(p -> installed.add(new MatchedAsset.InstalledProduct(
                        p.getString("identity"),
                        p.getString("vendor"),
                        p.getString("product"),
                        p.getString("version"),
                        p.getString("version_key"),
                        p.getString("stream"))));
                return new MatchedAsset(
                        asset.getUUID("id"),
                        asset.getString("organization_code"),
                        asset.getString("hostname"),
                        asset.getLong("version"),
                        asset.getBoolean("deleted"),
                        List.of(asset.getArrayOfStrings("addresses")),
                        installed);
            });
        });
    }

    /**
     * Applies a batch of asset events on the caller's connection, an asset's newest version only; answers the events
     * the replica took (those newer than what it held) whose matching inputs changed, in their order. Only those
     * assets have their addresses and products rewritten; the others took their new version, hostname and time.
     */
    public Uni<List<AssetEvent>> applyAll(SqlConnection connection, List<AssetEvent> events) {
        List<MatchingInputs> candidates = BatchConsumer.newestOf(events, AssetEvent::id, AssetEvent::version).stream()
                .map(MatchingInputs::of)
                .toList();
        Tuple rows = Tuple.tuple()
                .addArrayOfUUID(column(candidates, AssetEvent::id, UUID[]::new))
                .addArrayOfString(column(candidates, AssetEvent::organizationCode, String[]::new))
                .addArrayOfString(column(candidates, AssetEvent::orgPath, String[]::new))
                .addArrayOfString(column(candidates, AssetEvent::hostname, String[]::new))
                .addArrayOfString(column(candidates, AssetEvent::externalId, String[]::new))
                .addArrayOfLong(column(candidates, AssetEvent::version, Long[]::new))
                .addArrayOfBoolean(column(candidates, AssetEvent::deleted, Boolean[]::new))
                .addArrayOfOffsetDateTime(
                        column(candidates, e -> e.updatedAt().atOffset(ZoneOffset.UTC), OffsetDateTime[]::new))
                .addArrayOfString(
                        candidates.stream().map(MatchingInputs::digest).toArray(String[]::new));
        return connection
                .preparedQuery(LOCK)
                .execute(Tuple.of(rows.getValue(0)))
                .flatMap(locked -> connection.preparedQuery(UPSERT).execute(rows))
                .flatMap(written -> {
                    Set<UUID> changedIds = new HashSet<>();
                    written.forEach(row -> changedIds.add(row.getUUID("id")));
                    List<MatchingInputs> changed = candidates.stream()
                            .filter(c -> changedIds.contains(c.asset().id()))
                            .toList();
                    return replaceParts(connection, changed)
                            .replaceWith(
                                    changed.stream().map(MatchingInputs::asset).toList());
                });
    }

    private static <T> T[] column(
            List<MatchingInputs> candidates, Function<AssetEvent, T> field, IntFunction<T[]> array) {
        return candidates.stream().map(c -> field.apply(c.asset())).toArray(array);
    }

    private Uni<Void> replaceParts(SqlConnection connection, List<MatchingInputs> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple ids = Tuple.of((Object) changed.stream().map(c -> c.asset().id()).toArray(UUID[]::new));
        List<UUID> addressOwners = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        Products products = Products.empty();
        for (MatchingInputs inputs : changed) {
            for (String address : inputs.addresses()) {
                addressOwners.add(inputs.asset().id());
                addresses.add(address);
            }
            products.add(inputs.asset().id(), inputs.products());
        }
        return connection
                .preparedQuery(CLEAR_ADDRESSES)
                .execute(ids)
                .flatMap(ignored -> connection.preparedQuery(CLEAR_PRODUCTS).execute(ids))
                .flatMap(ignored -> connection
                        .preparedQuery(INSERT_ADDRESSES)
                        .execute(Tuple.of(addressOwners.toArray(UUID[]::new), addresses.toArray(String[]::new))))
                .flatMap(ignored -> connection
                        .preparedQuery(INSERT_PRODUCTS)
                        .execute(Tuple.tuple()
                                .addArrayOfUUID(products.assets.toArray(UUID[]::new))
                                .addArrayOfInteger(products.positions.toArray(Integer[]::new))
                                .addArrayOfString(products.identities.toArray(String[]::new))
                                .addArrayOfString(products.vendors.toArray(String[]::new))
                                .addArrayOfString(products.names.toArray(String[]::new))
                                .addArrayOfString(products.versions.toArray(String[]::new))
                                .addArrayOfString(products.keys.toArray(String[]::new))
                                .addArrayOfString(products.streams.toArray(String[]::new))))
                .replaceWithVoid();
    }

    /** One row per (product, identity), as columns for unnest. */
    private record Products(
            List<UUID> assets,
            List<Integer> positions,
            List<String> identities,
            List<String> vendors,
            List<String> names,
            List<String> versions,
            List<String> keys,
            List<String> streams) {

        static Products empty() {
            return new Products(
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>());
        }

        /** Adds an asset's products, each under every identity it has. */
        void add(UUID asset, List<MatchingInputs.Installed> installed) {
            for (MatchingInputs.Installed product : installed) {
                assets.add(asset);
                positions.add(product.position());
                identities.add(product.identity());
                vendors.add(product.vendor());
                names.add(product.name());
                versions.add(product.version());
                keys.add(product.key());
                streams.add(product.stream());
            }
        }
    }
}
