package vn.canhgac.inventory.organization;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.canhgac.commons.tenancy.OrganizationPaths;

/**
 * inventory-service owns the organisations, so the tenancy rule reads their paths from the source itself. Read
 * with the plain SQL client (no ORM session needed, so asset requests use one connection) and remembered:
 * organisations never move, so a code's path never changes; only found paths are remembered.
 */
@ApplicationScoped
public class InventoryOrganizationPaths implements OrganizationPaths {

    private final Pool pool;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    public InventoryOrganizationPaths(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<String> pathOf(String code) {
        String cached = known.get(code);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return pool.preparedQuery("select path from organization where code = $1")
                .execute(Tuple.of(code))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("path"))
                .invoke(path -> {
                    if (path != null) {
                        known.put(code, path);
                    }
                });
    }
}
