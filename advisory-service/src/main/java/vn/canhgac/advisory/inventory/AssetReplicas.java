package vn.canhgac.advisory.inventory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.canhgac.advisory.product.OsPlatform;
import vn.canhgac.advisory.product.ProductIdentity;
import vn.canhgac.advisory.product.ReleaseStream;
import vn.canhgac.advisory.product.VersionScheme;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.tenancy.TenantScope;

/**
 * The assets as exposure matching knows them, from {@code inventory.assets} only: owner, addresses and installed
 * products under every identity they can be recognised by, with their versions as sortable keys.
 */
@ApplicationScoped
public class AssetReplicas {

    private static final String UPSERT = """
            insert into asset_replica (id, organization_code, org_path, hostname, external_id, version, deleted, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            on conflict (id) do update set organization_code = excluded.organization_code,
                org_path = excluded.org_path, hostname = excluded.hostname, external_id = excluded.external_id,
                version = excluded.version, deleted = excluded.deleted, updated_at = excluded.updated_at
            where asset_replica.version < excluded.version
            returning id""";
    private static final String CLEAR_ADDRESSES = "delete from asset_address_replica where asset_id = $1";
    private static final String CLEAR_PRODUCTS = "delete from installed_product where asset_id = $1";
    private static final String INSERT_ADDRESSES = """
            insert into asset_address_replica (asset_id, address)
            select $1, a::inet from unnest($2::text[]) as a on conflict do nothing""";
    private static final String INSERT_PRODUCTS = """
            insert into installed_product (asset_id, position, identity, vendor, product, version, version_key, stream)
            select $1, u.position, u.identity, u.vendor, u.product, u.version, u.version_key, u.stream
            from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                 as u(position, identity, vendor, product, version, version_key, stream)
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

    /** Applies the event on the caller's connection; answers false when it is not newer than the replica. */
    public Uni<Boolean> apply(SqlConnection connection, AssetEvent asset) {
        Tuple row = Tuple.tuple()
                .addUUID(asset.id())
                .addString(asset.organizationCode())
                .addString(asset.orgPath())
                .addString(asset.hostname())
                .addString(asset.externalId())
                .addLong(asset.version())
                .addBoolean(asset.deleted())
                .addOffsetDateTime(asset.updatedAt().atOffset(ZoneOffset.UTC));
        return connection
                .preparedQuery(UPSERT)
                .execute(row)
                .flatMap(written -> written.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : replaceParts(connection, asset).replaceWith(true));
    }

    private Uni<Void> replaceParts(SqlConnection connection, AssetEvent asset) {
        Uni<Void> cleared = connection
                .preparedQuery(CLEAR_ADDRESSES)
                .execute(Tuple.of(asset.id()))
                .flatMap(ignored -> connection.preparedQuery(CLEAR_PRODUCTS).execute(Tuple.of(asset.id())))
                .replaceWithVoid();
        if (asset.deleted()) {
            return cleared;
        }
        List<String> addresses = asset.addresses() == null ? List.of() : asset.addresses();
        Products products = Products.of(asset.products());
        return cleared.flatMap(ignored -> connection
                        .preparedQuery(INSERT_ADDRESSES)
                        .execute(Tuple.of(asset.id(), addresses.toArray(String[]::new))))
                .flatMap(ignored -> connection
                        .preparedQuery(INSERT_PRODUCTS)
                        .execute(Tuple.tuple()
                                .addUUID(asset.id())
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
            List<Integer> positions,
            List<String> identities,
            List<String> vendors,
            List<String> names,
            List<String> versions,
            List<String> keys,
            List<String> streams) {

        static Products of(List<AssetEvent.Product> products) {
            Products rows = new Products(
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>());
            if (products == null) {
                return rows;
            }
            for (int position = 0; position < products.size(); position++) {
                AssetEvent.Product product = products.get(position);
                String version = ProductIdentity.versionOf(product.version(), product.cpe(), product.purl());
                String[] name =
                        ProductIdentity.displayName(product.vendor(), product.product(), product.cpe(), product.purl());
                String release = ReleaseStream.of(version, product.purl());
                String stream =
                        release != null ? release : OsPlatform.stream(OsPlatform.ofTargetSoftware(product.cpe()));
                for (String identity :
                        ProductIdentity.all(product.vendor(), product.product(), product.cpe(), product.purl())) {
                    rows.positions.add(position);
                    rows.identities.add(identity);
                    rows.vendors.add(name[0]);
                    rows.names.add(name[1]);
                    rows.versions.add(version);
                    rows.keys.add(VersionScheme.ofPurl(product.purl()).key(version));
                    rows.streams.add(stream);
                }
            }
            return rows;
        }
    }
}
