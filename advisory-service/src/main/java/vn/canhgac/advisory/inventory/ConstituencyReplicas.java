package vn.canhgac.advisory.inventory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.canhgac.commons.contracts.OrganizationEvent;
import vn.canhgac.commons.organization.OrganizationReplicaListener;

/**
 * Keeps each organisation's constituency ranges (and their /16 or /32 buckets) beside the shared organisation
 * replica, and marks the organisation for matching against the active botnet lists.
 */
@ApplicationScoped
public class ConstituencyReplicas implements OrganizationReplicaListener {

    private static final String CLEAR_RANGES = "delete from constituency_range where organization_code = $1";
    private static final String CLEAR_BUCKETS = "delete from constituency_bucket where organization_code = $1";
    private static final String INSERT_RANGES = """
            insert into constituency_range (organization_code, org_path, network, wide)
            select $1, $2, n, (family(n) = 4 and masklen(n) < 8) or (family(n) = 6 and masklen(n) < 32)
            from (select distinct unnest($3::text[])::cidr as n) as networks""";
    /** IPv4 ranges from /8 to /15 are cut into their /16s; longer ones, and IPv6 ones, fall into one bucket. */
    private static final String INSERT_BUCKETS = """
            insert into constituency_bucket (bucket, organization_code, network)
            select case when family(c.network) = 6 then set_masklen(c.network, 32)
                        when masklen(c.network) >= 16 then set_masklen(c.network, 16)
                        else set_masklen(c.network::inet + (g.i::bigint << 16), 16)::cidr end,
                   c.organization_code, c.network
            from constituency_range c
            cross join lateral generate_series(0, case when family(c.network) = 4 and masklen(c.network) < 16
                                                       then (1 << (16 - masklen(c.network))) - 1 else 0 end) as g(i)
            where c.organization_code = $1 and not c.wide""";

    private static final String MARK_CHANGED = """
            insert into constituency_change (organization_code, changed_at) values ($1, now())
            on conflict (organization_code) do update set changed_at = now(), failed_at = null, failure = null""";

    @Override
    public Uni<Void> applied(SqlConnection connection, OrganizationEvent event) {
        List<String> networks = event.deleted() || event.constituency() == null
                ? List.of()
                : event.constituency().networks();
        Tuple code = Tuple.of(event.code());
        return connection
                .preparedQuery(CLEAR_RANGES)
                .execute(code)
                .call(() -> connection.preparedQuery(CLEAR_BUCKETS).execute(code))
                .call(() -> networks.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : connection
                                .preparedQuery(INSERT_RANGES)
                                .execute(Tuple.of(event.code(), event.path(), networks.toArray(String[]::new))))
                .call(() -> connection.preparedQuery(INSERT_BUCKETS).execute(code))
                .call(() -> connection.preparedQuery(MARK_CHANGED).execute(code))
                .replaceWithVoid();
    }
}
