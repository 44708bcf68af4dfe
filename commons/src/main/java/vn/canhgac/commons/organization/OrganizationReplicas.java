package vn.canhgac.commons.organization;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.canhgac.commons.contracts.OrganizationEvent;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.OrganizationPaths;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.text.SearchText;

/**
 * A consuming service's replica of inventory's organisations: kept up to date from
 * {@code canhgac.organization.upserted.v1} events and used for the tenancy rule and for roll-ups.
 */
@ApplicationScoped
@DefaultBean
public class OrganizationReplicas implements OrganizationPaths {

    /** Takes the event unless the replica already holds its version or a newer one; answers a row if it did. */
    private static final String APPLY = """
            insert into organization_replica (code, id, parent_code, path, name_vi, name_en, kind, search_text,
                                              version, deleted, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            on conflict (code) do update set id = excluded.id, parent_code = excluded.parent_code,
                path = excluded.path, name_vi = excluded.name_vi, name_en = excluded.name_en, kind = excluded.kind,
                search_text = excluded.search_text, version = excluded.version, deleted = excluded.deleted,
                updated_at = excluded.updated_at
            where organization_replica.version < excluded.version
            returning code""";

    private static final String COLUMNS =
            "code, parent_code, path, name_vi, name_en, kind, version, deleted, updated_at";
    private static final String PATH = "select path from organization_replica where code = $1 and not deleted";
    private static final String ONE = "select " + COLUMNS + " from organization_replica where code = $1";
    private static final String PAGE = "select " + COLUMNS + """
             from organization_replica
            where not deleted and path like $1 and search_text like $2 and code > $3 order by code limit $4""";

    private final Pool pool;
    private final Instance<OrganizationReplicaListener> listeners;
    private final RecentPaths recentPaths;

    public OrganizationReplicas(
            Pool pool,
            Instance<OrganizationReplicaListener> listeners,
            @ConfigProperty(name = "canhgac.organization-paths.cache-lifetime", defaultValue = "PT30S")
                    Duration pathLifetime) {
        this.pool = pool;
        this.listeners = listeners;
        this.recentPaths = new RecentPaths(pathLifetime, System::currentTimeMillis);
    }

    /** Applies an event in the caller's transaction; an event older than the replica is ignored. */
    public Uni<Void> apply(SqlConnection connection, OrganizationEvent event) {
        return connection
                .preparedQuery(APPLY)
                .execute(Tuple.tuple()
                        .addString(event.code())
                        .addUUID(event.id())
                        .addString(event.parentCode())
                        .addString(event.path())
                        .addString(event.nameVi())
                        .addString(event.nameEn())
                        .addString(event.kind().name())
                        .addString(SearchText.foldAll(event.code(), event.nameVi(), event.nameEn()))
                        .addLong(event.version())
                        .addBoolean(event.deleted())
                        .addOffsetDateTime(event.updatedAt().atOffset(ZoneOffset.UTC)))
                .flatMap(applied -> {
                    if (applied.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    recentPaths.forget(event.code());
                    return notifyListeners(connection, event);
                });
    }

    private Uni<Void> notifyListeners(SqlConnection connection, OrganizationEvent event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrganizationReplicaListener listener : listeners) {
            chain = chain.call(() -> listener.applied(connection, event));
        }
        return chain;
    }

    @Override
    public Uni<String> pathOf(String code) {
        return recentPaths.get(
                code,
                () -> pool.preparedQuery(PATH)
                        .execute(Tuple.of(code))
                        .map(rows ->
                                rows.size() == 0 ? null : rows.iterator().next().getString("path")));
    }

    public Uni<Page<OrganizationView>> list(TenantScope scope, String query, String after, int limit) {
        return pool.preparedQuery(PAGE)
                .execute(Tuple.of(
                        scope.likePattern(), SearchText.containsPattern(query), after == null ? "" : after, limit + 1))
                .map(rows -> {
                    List<Row> found = new ArrayList<>();
                    rows.forEach(found::add);
                    return Page.of(found, limit, row -> row.getString("code"), OrganizationView::of);
                });
    }

    public Uni<OrganizationView> get(TenantScope scope, String code) {
        return pool.preparedQuery(ONE).execute(Tuple.of(code)).map(rows -> {
            Row row = rows.size() == 0 ? null : rows.iterator().next();
            if (row == null || row.getBoolean("deleted") || !scope.covers(row.getString("path"))) {
                throw DomainProblem.notFound("organization", code);
            }
            return OrganizationView.of(row);
        });
    }
}
