package vn.canhgac.inventory.asset;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.canhgac.commons.net.IpNetworks;
import vn.canhgac.commons.paging.Cursor;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.sql.Conditions;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.commons.text.SearchText;

/**
 * Lists assets in the caller's scope with keyset paging, filtered in SQL. An address or network filter is answered
 * from the GiST index on addresses ({@code <<=} is "is contained by or equals").
 */
@ApplicationScoped
public class AssetSearch {

    /** The cursor of an asset never seen: sorted as PostgreSQL's {@code -infinity}. */
    private static final String NEVER_SEEN = "-infinity";

    /** Sort orders: by name (hostname, else external id) ascending, or most recently seen first. */
    enum Sort {
        HOSTNAME("lower(coalesce(a.hostname, a.external_id))", ">", "asc"),
        LAST_SEEN("coalesce(a.last_seen, '-infinity'::timestamptz)", "<", "desc");

        final String key;
        final String after;
        final String direction;

        Sort(String key, String after, String direction) {
            this.key = key;
            this.after = after;
            this.direction = direction;
        }

        static Sort parse(String text) {
            if (text == null || text.isBlank() || text.equals("hostname")) {
                return HOSTNAME;
            }
            if (text.equals("-lastSeen")) {
                return LAST_SEEN;
            }
            throw DomainProblem.invalidField("sort", "bad-sort", "hostname, -lastSeen");
        }
    }

    private final Pool pool;
    private final TenantScopes scopes;
    private final AssetStore store;

    public AssetSearch(Pool pool, TenantScopes scopes, AssetStore store) {
        this.pool = pool;
        this.scopes = scopes;
        this.store = store;
    }

    public Uni<Page<AssetDetails>> list(Caller caller, AssetFilter filter, String after, int limit) {
        Sort sort = Sort.parse(filter.sort());
        Cursor.Parts cursor = Cursor.decode(after, 2);
        return scopes.of(caller)
                .flatMap(scope -> pathPattern(scope, filter.organizationCode()))
                .flatMap(path -> page(path, filter, sort, cursor, limit))
                .map(rows -> Page.of(rows, limit, row -> cursorOf(sort, row), StoredAsset::details));
    }

    /**
     * Every asset the filter selects, in the list's order, as the rows of an import's CSV sent as they are read;
     * more than {@code limit} is refused before the first row.
     */
    public Multi<String> export(Caller caller, AssetFilter filter, long limit) {
        Sort sort = Sort.parse(filter.sort());
        return AssetCsv.of(
                limit,
                scopes.of(caller)
                        .flatMap(scope -> pathPattern(scope, filter.organizationCode()))
                        .flatMap(path -> store.ids(pool, conditions(path, filter), orderBy(sort), limit + 1)),
                ids -> store.byIds(pool, ids));
    }

    private Uni<List<StoredAsset>> page(String path, AssetFilter filter, Sort sort, Cursor.Parts cursor, int limit) {
        Conditions where = conditions(path, filter);
        if (cursor != null) {
            after(where, sort, cursor);
        }
        return store.query(pool, where, orderBy(sort) + " limit " + (limit + 1));
    }

    private static String orderBy(Sort sort) {
        return "order by " + sort.key + " " + sort.direction + ", a.id " + sort.direction;
    }

    private static Conditions conditions(String path, AssetFilter filter) {
        Conditions where = Conditions.on(Tuple.tuple())
                .and("a.org_path like ?", path)
                .whenPresent(filter.systemId(), "a.system_id = ?")
                .whenPresent(kindOf(filter), "a.kind = ?", Enum::name)
                .whenPresent(
                        networkOf(filter),
                        "a.id in (select x.asset_id from asset_address x where x.address <<= ?::text::inet)");
        productFilter(filter, where);
        return where.whenPresent(filter.query(), "a.search_text like ?", SearchText::containsPattern);
    }

    private static String cursorOf(Sort sort, StoredAsset row) {
        return Cursor.encode(cursorValue(sort, row), row.details().id().toString());
    }

    private static AssetKind kindOf(AssetFilter filter) {
        if (filter.kind() == null || filter.kind().isBlank()) {
            return null;
        }
        return AssetKind.parse(filter.kind())
                .orElseThrow(() -> DomainProblem.invalidField("kind", "bad-asset-kind", filter.kind()));
    }

    private static String networkOf(AssetFilter filter) {
        if (filter.ip() == null || filter.ip().isBlank()) {
            return null;
        }
        return IpNetworks.network(filter.ip())
                .orElseThrow(() -> DomainProblem.invalidField("ip", "bad-network", filter.ip()));
    }

    /** Vendor, product and version name one installed product together: one subquery holds them all. */
    private static void productFilter(AssetFilter filter, Conditions where) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (filter.vendor() != null && !filter.vendor().isBlank()) {
            conditions.add("lower(p.vendor) = ?");
            values.add(filter.vendor().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.product() != null && !filter.product().isBlank()) {
            conditions.add("lower(p.product) = ?");
            values.add(filter.product().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.version() != null && !filter.version().isBlank()) {
            conditions.add("p.version = ?");
            values.add(filter.version().strip());
        }
        if (!conditions.isEmpty()) {
            where.and(
                    "a.id in (select p.asset_id from asset_product p where " + String.join(" and ", conditions) + ")",
                    values.toArray());
        }
    }

    private static void after(Conditions where, Sort sort, Cursor.Parts cursor) {
        String keyset = "(" + sort.key + ", a.id) " + sort.after;
        if (sort == Sort.HOSTNAME) {
            where.and(keyset + " (?, ?)", cursor.text(0), cursor.uuid(1));
        } else if (NEVER_SEEN.equals(cursor.text(0))) {
            where.and(keyset + " ('-infinity'::timestamptz, ?)", cursor.uuid(1));
        } else {
            where.and(keyset + " (?, ?)", cursor.timestamp(0), cursor.uuid(1));
        }
    }

    private static String cursorValue(Sort sort, StoredAsset row) {
        AssetDetails asset = row.details();
        if (sort == Sort.HOSTNAME) {
            return (asset.hostname() != null ? asset.hostname() : asset.externalId()).toLowerCase(Locale.ROOT);
        }
        return asset.lastSeen() == null
                ? NEVER_SEEN
                : asset.lastSeen().atOffset(ZoneOffset.UTC).toString();
    }

    private Uni<String> pathPattern(TenantScope scope, String organizationCode) {
        return scopes.subtreePattern(
                scope,
                organizationCode,
                () -> DomainProblem.invalidField("organization", "unknown-organization", organizationCode));
    }
}
