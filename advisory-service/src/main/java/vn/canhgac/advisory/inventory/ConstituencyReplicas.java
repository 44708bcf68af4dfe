package vn.canhgac.advisory.inventory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.canhgac.commons.contracts.OrganizationEvent;
import vn.canhgac.commons.organization.OrganizationReplicaListener;

/**
 * Keeps each organisation's constituency ranges (and their /16 or /32 buckets) beside the shared organisation
 * replica, and marks the organisation for matching against the active botnet lists.
 */
@ApplicationScoped
public class ConstituencyReplicas implements OrganizationReplicaListener {

    private static final String CLEAR_RANGES = "delete from constituency_range where organization_code = :code";
    private static final String CLEAR_BUCKETS = "delete from constituency_bucket where organization_code = :code";
    private static final String INSERT_RANGES = """
            insert into constituency_range (organization_code, org_path, network, wide)
            select :code, :path, n, (family(n) = 4 and masklen(n) < 8) or (family(n) = 6 and masklen(n) < 32)
            from (select distinct unnest(string_to_array(:networks, ','))::cidr as n) as networks""";
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
            where c.organization_code = :code and not c.wide""";

    private static final String MARK_CHANGED = """
            insert into constituency_change (organization_code, changed_at) values (:code, now())
            on conflict (organization_code) do update set changed_at = now()""";

    @Override
    public Uni<Void> applied(OrganizationEvent event) {
        List<String> networks = event.deleted() || event.constituency() == null
                ? List.of()
                : event.constituency().networks();
        return Panache.getSession()
                .flatMap(session -> update(session, CLEAR_RANGES, event)
                        .call(() -> update(session, CLEAR_BUCKETS, event))
                        .call(() -> networks.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : session.createNativeQuery(INSERT_RANGES)
                                        .setParameter("code", event.code())
                                        .setParameter("path", event.path())
                                        .setParameter("networks", String.join(",", networks))
                                        .executeUpdate())
                        .call(() -> update(session, INSERT_BUCKETS, event))
                        .call(() -> update(session, MARK_CHANGED, event))
                        .replaceWithVoid());
    }

    private static Uni<Integer> update(Mutiny.Session session, String sql, OrganizationEvent event) {
        return session.createNativeQuery(sql).setParameter("code", event.code()).executeUpdate();
    }
}
