package vn.canhgac.inventory.asset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import vn.canhgac.commons.contracts.AssetEvent.Product;
import vn.canhgac.commons.sql.Conditions;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.text.SearchText;

/**
 * The asset tables, in SQL: addresses are {@code inet} and imports write tens of thousands of rows a second,
 * which is what the reactive PostgreSQL client does best (one {@code unnest} statement per table per batch).
 * Every method runs on the connection it is given, so the caller holds the transaction.
 */
@ApplicationScoped
public class AssetStore {

    /** Result of writing one asset of a batch. */
    record Written(
            UUID id,
            UUID organizationId,
            String naturalKey,
            boolean inserted,
            long version,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy) {

        /** The asset's full state, from what was written and what the database stamped. */
        AssetDetails details(OrganizationRef organization, AssetDraft draft) {
            return new AssetDetails(
                    id,
                    organization.code(),
                    draft.systemId(),
                    draft.externalId(),
                    draft.hostname(),
                    draft.kind(),
                    draft.operatingSystem(),
                    draft.lastSeen(),
                    draft.addresses(),
                    draft.products(),
                    version,
                    createdAt,
                    createdBy,
                    updatedAt,
                    updatedBy);
        }
    }

    /** An asset ready to write: its id if new, its organisation, its checked content. */
    record Bound(UUID id, OrganizationRef organization, AssetDraft draft) {}

    static final String SELECT_DETAILS = """
            select a.id, a.org_path, a.system_id, a.external_id, a.hostname, a.kind, a.operating_system, a.last_seen,
                   a.version, a.created_at, a.created_by, a.updated_at, a.updated_by,
                   array(select host(x.address) from asset_address x where x.asset_id = a.id order by x.address) as addresses,
                   (select coalesce(json_agg(json_build_object('vendor', p.vendor, 'product', p.product,
                           'version', p.version, 'cpe', p.cpe, 'purl', p.purl) order by p.position), '[]')
                      from asset_product p where p.asset_id = a.id)::text as products
            from asset a""";

    private static final String UPSERT = """
            insert into asset as a (id, organization_id, org_path, system_id, natural_key, external_id, hostname, kind,
                                    operating_system, last_seen, search_text, version, created_at, created_by,
                                    updated_at, updated_by)
            select u.id, u.organization_id, u.org_path, u.system_id, u.natural_key, u.external_id, u.hostname, u.kind,
                   u.operating_system, u.last_seen, u.search_text, 0, now(), $1, now(), $1
            from unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[],
                        $10::text[], $11::timestamptz[], $12::text[])
                 as u(id, organization_id, org_path, system_id, natural_key, external_id, hostname, kind,
                      operating_system, last_seen, search_text)
            """;
    private static final String ON_CONFLICT_UPDATE = """
            on conflict (organization_id, natural_key) do update set
                system_id = excluded.system_id, external_id = excluded.external_id, hostname = excluded.hostname,
                kind = excluded.kind, operating_system = excluded.operating_system, last_seen = excluded.last_seen,
                search_text = excluded.search_text, version = a.version + 1, updated_at = now(),
                updated_by = excluded.updated_by
            returning a.id, a.organization_id, a.natural_key, (a.xmax = 0) as inserted, a.version, a.created_at,
                      a.created_by, a.updated_at, a.updated_by""";
    private static final String ON_CONFLICT_NOTHING = """
            on conflict (organization_id, natural_key) do nothing
            returning a.id, a.organization_id, a.natural_key, true as inserted, a.version, a.created_at,
                      a.created_by, a.updated_at, a.updated_by""";

    private final ObjectMapper json;

    public AssetStore(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Writes a batch of assets: new ones inserted, existing ones (same organisation and natural key) updated
     * with their version moved on, unless {@code createOnly}, when they are left out of the result.
     */
    Uni<List<Written>> upsert(SqlClient connection, Caller caller, List<Bound> rows, boolean createOnly) {
        int n = rows.size();
        UUID[] ids = new UUID[n], orgIds = new UUID[n], systemIds = new UUID[n];
        String[] paths = new String[n],
                keys = new String[n],
                externalIds = new String[n],
                hostnames = new String[n],
                kinds = new String[n],
                systems = new String[n],
                search = new String[n];
        OffsetDateTime[] lastSeen = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Bound row = rows.get(i);
            AssetDraft draft = row.draft();
            ids[i] = row.id();
            orgIds[i] = row.organization().id();
            paths[i] = row.organization().path();
            systemIds[i] = draft.systemId();
            keys[i] = draft.naturalKey();
            externalIds[i] = draft.externalId();
            hostnames[i] = draft.hostname();
            kinds[i] = draft.kind().name();
            systems[i] = draft.operatingSystem();
            lastSeen[i] = draft.lastSeen() == null ? null : draft.lastSeen().atOffset(ZoneOffset.UTC);
            search[i] = SearchText.foldAll(draft.hostname(), draft.externalId(), draft.operatingSystem());
        }
        Tuple params = Tuple.tuple()
                .addString(caller.displayName())
                .addArrayOfUUID(ids)
                .addArrayOfUUID(orgIds)
                .addArrayOfString(paths)
                .addArrayOfUUID(systemIds)
                .addArrayOfString(keys)
                .addArrayOfString(externalIds)
                .addArrayOfString(hostnames)
                .addArrayOfString(kinds)
                .addArrayOfString(systems)
                .addArrayOfOffsetDateTime(lastSeen)
                .addArrayOfString(search);
        return connection
                .preparedQuery(UPSERT + (createOnly ? ON_CONFLICT_NOTHING : ON_CONFLICT_UPDATE))
                .execute(params)
                .map(written -> {
                    List<Written> result = new ArrayList<>(n);
                    for (Row row : written) {
                        result.add(new Written(
                                row.getUUID("id"),
                                row.getUUID("organization_id"),
                                row.getString("natural_key"),
                                row.getBoolean("inserted"),
                                row.getLong("version"),
                                instant(row.getOffsetDateTime("created_at")),
                                row.getString("created_by"),
                                instant(row.getOffsetDateTime("updated_at")),
                                row.getString("updated_by")));
                    }
                    return result;
                });
    }

    /** Replaces the addresses and products of the given assets with the drafts' ones. */
    Uni<Void> replaceParts(SqlClient connection, List<UUID> assetIds, List<AssetDraft> drafts) {
        return replaceParts(connection, assetIds, drafts, assetIds);
    }

    /**
     * Gives the assets the drafts' addresses and products; only those in {@code existing} can have old ones to
     * remove (an import skips the deletes for the assets it has just created).
     */
    Uni<Void> replaceParts(SqlClient connection, List<UUID> assetIds, List<AssetDraft> drafts, List<UUID> existing) {
        List<UUID> addressOwners = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        List<UUID> productOwners = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> vendors = new ArrayList<>(),
                names = new ArrayList<>(),
                versions = new ArrayList<>(),
                cpes = new ArrayList<>(),
                purls = new ArrayList<>();
        for (int i = 0; i < assetIds.size(); i++) {
            UUID id = assetIds.get(i);
            for (String address : drafts.get(i).addresses()) {
                addressOwners.add(id);
                addresses.add(address);
            }
            List<Product> products = drafts.get(i).products();
            for (int p = 0; p < products.size(); p++) {
                Product product = products.get(p);
                productOwners.add(id);
                positions.add(p);
                vendors.add(product.vendor());
                names.add(product.product());
                versions.add(product.version());
                cpes.add(product.cpe());
                purls.add(product.purl());
            }
        }
        UUID[] owners = existing.toArray(UUID[]::new);
        Uni<Void> cleared = owners.length == 0
                ? Uni.createFrom().voidItem()
                : connection
                        .preparedQuery("delete from asset_address where asset_id = any($1)")
                        .execute(Tuple.of((Object) owners))
                        .flatMap(ignored -> connection
                                .preparedQuery("delete from asset_product where asset_id = any($1)")
                                .execute(Tuple.of((Object) owners)))
                        .replaceWithVoid();
        return cleared.flatMap(ignored -> addresses.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : connection
                                .preparedQuery("""
                                insert into asset_address (asset_id, address)
                                select u.asset_id, u.address::inet from unnest($1::uuid[], $2::text[]) as u(asset_id, address)""")
                                .execute(Tuple.of(addressOwners.toArray(UUID[]::new), addresses.toArray(String[]::new)))
                                .replaceWithVoid())
                .flatMap(ignored -> productOwners.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : connection
                                .preparedQuery("""
                                insert into asset_product (asset_id, position, vendor, product, version, cpe, purl)
                                select * from unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])""")
                                .execute(Tuple.tuple()
                                        .addArrayOfUUID(productOwners.toArray(UUID[]::new))
                                        .addArrayOfInteger(positions.toArray(Integer[]::new))
                                        .addArrayOfString(vendors.toArray(String[]::new))
                                        .addArrayOfString(names.toArray(String[]::new))
                                        .addArrayOfString(versions.toArray(String[]::new))
                                        .addArrayOfString(cpes.toArray(String[]::new))
                                        .addArrayOfString(purls.toArray(String[]::new)))
                                .replaceWithVoid());
    }

    /** Changes an asset if its version is still {@code expectedVersion}; answers whether it did. */
    Uni<Boolean> update(SqlClient connection, Caller caller, UUID id, long expectedVersion, AssetDraft draft) {
        return connection
                .preparedQuery("""
                        update asset set system_id = $3, natural_key = $4, external_id = $5, hostname = $6, kind = $7,
                               operating_system = $8, last_seen = $9, search_text = $10, version = version + 1,
                               updated_at = now(), updated_by = $11
                        where id = $1 and version = $2""")
                .execute(Tuple.tuple()
                        .addUUID(id)
                        .addLong(expectedVersion)
                        .addUUID(draft.systemId())
                        .addString(draft.naturalKey())
                        .addString(draft.externalId())
                        .addString(draft.hostname())
                        .addString(draft.kind().name())
                        .addString(draft.operatingSystem())
                        .addOffsetDateTime(
                                draft.lastSeen() == null
                                        ? null
                                        : draft.lastSeen().atOffset(ZoneOffset.UTC))
                        .addString(SearchText.foldAll(draft.hostname(), draft.externalId(), draft.operatingSystem()))
                        .addString(caller.displayName()))
                .map(result -> result.rowCount() == 1);
    }

    Uni<Void> delete(SqlClient connection, UUID id) {
        return connection
                .preparedQuery("delete from asset where id = $1")
                .execute(Tuple.of(id))
                .replaceWithVoid();
    }

    Uni<Optional<StoredAsset>> load(SqlClient connection, UUID id) {
        return connection
                .preparedQuery(SELECT_DETAILS + " where a.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(read(rows.iterator().next())));
    }

    /** Several assets by id, in the order of the ids. */
    Uni<List<StoredAsset>> loadAll(SqlClient connection, List<UUID> ids) {
        return connection
                .preparedQuery(SELECT_DETAILS + " where a.id = any($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, StoredAsset> byId = new HashMap<>();
                    rows.forEach(row -> {
                        StoredAsset asset = read(row);
                        byId.put(asset.details().id(), asset);
                    });
                    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
                });
    }

    /** The ids of the assets the conditions select, in that order, at most {@code limit}. */
    Uni<List<UUID>> ids(SqlClient connection, Conditions where, String order, long limit) {
        return connection
                .preparedQuery("select array(select a.id from asset a" + where.clause() + " " + order + " limit "
                        + limit + ")")
                .execute(where.params())
                .map(rows -> List.of(rows.iterator().next().getArrayOfUUIDs(0)));
    }

    /** The assets of these ids, in their order; one deleted since is left out. */
    Uni<List<StoredAsset>> byIds(SqlClient connection, List<UUID> ids) {
        return connection
                .preparedQuery(SELECT_DETAILS
                        + " join unnest($1::uuid[]) with ordinality k(key, n) on k.key = a.id order by k.n")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(this::readAll);
    }

    Uni<List<StoredAsset>> query(SqlClient connection, Conditions where, String orderAndLimit) {
        return connection
                .preparedQuery(SELECT_DETAILS + where.clause() + " " + orderAndLimit)
                .execute(where.params())
                .map(this::readAll);
    }

    private List<StoredAsset> readAll(RowSet<Row> rows) {
        List<StoredAsset> assets = new ArrayList<>(rows.size());
        rows.forEach(row -> assets.add(read(row)));
        return assets;
    }

    StoredAsset read(Row row) {
        String path = row.getString("org_path");
        String[] codes = path.substring(1, path.length() - 1).split("/");
        return new StoredAsset(
                new AssetDetails(
                        row.getUUID("id"),
                        codes[codes.length - 1],
                        row.getUUID("system_id"),
                        row.getString("external_id"),
                        row.getString("hostname"),
                        AssetKind.valueOf(row.getString("kind")),
                        row.getString("operating_system"),
                        instant(row.getOffsetDateTime("last_seen")),
                        List.of(row.getArrayOfStrings("addresses")),
                        products(row.getString("products")),
                        row.getLong("version"),
                        instant(row.getOffsetDateTime("created_at")),
                        row.getString("created_by"),
                        instant(row.getOffsetDateTime("updated_at")),
                        row.getString("updated_by")),
                path);
    }

    private List<Product> products(String text) {
        try {
            return json.readValue(text, new TypeReference<List<Product>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored products are not JSON", e);
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
