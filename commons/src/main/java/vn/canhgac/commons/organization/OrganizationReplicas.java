package vn.canhgac.commons.organization;

import io.quarkus.arc.DefaultBean;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.canhgac.commons.contracts.OrganizationEvent;
import vn.canhgac.commons.events.EventData;
import vn.canhgac.commons.events.ReceivedEvent;
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

    private final EventData events;
    private final Instance<OrganizationReplicaListener> listeners;
    private final RecentPaths recentPaths;

    public OrganizationReplicas(
            EventData events,
            Instance<OrganizationReplicaListener> listeners,
            @ConfigProperty(name = "canhgac.organization-paths.cache-lifetime", defaultValue = "PT30S")
                    Duration pathLifetime) {
        this.events = events;
        this.listeners = listeners;
        this.recentPaths = new RecentPaths(pathLifetime, System::currentTimeMillis);
    }

    /** Applies an event in the caller's transaction; an event older than the replica is ignored. */
    public Uni<Void> apply(ReceivedEvent received) {
        OrganizationEvent event = events.read(received, OrganizationEvent.class);
        return OrganizationReplica.<OrganizationReplica>findById(event.code()).flatMap(existing -> {
            if (existing != null && existing.version >= event.version()) {
                return Uni.createFrom().voidItem();
            }
            OrganizationReplica replica = existing != null ? existing : new OrganizationReplica();
            replica.apply(event);
            recentPaths.forget(event.code());
            return replica.persist().replaceWithVoid().call(() -> notifyListeners(event));
        });
    }

    private Uni<Void> notifyListeners(OrganizationEvent event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrganizationReplicaListener listener : listeners) {
            chain = chain.call(() -> listener.applied(event));
        }
        return chain;
    }

    @Override
    public Uni<String> pathOf(String code) {
        // Callers outside Hibernate (the reactive SQL client's services) have no session: open one if needed.
        return recentPaths.get(
                code,
                () -> Panache.withSession(() -> OrganizationReplica.<OrganizationReplica>findById(code))
                        .map(replica -> replica == null || replica.deleted ? null : replica.path));
    }

    public Uni<Page<OrganizationView>> list(TenantScope scope, String query, String after, int limit) {
        return OrganizationReplica.<OrganizationReplica>find(
                        "deleted = false and path like ?1 and searchText like ?2 and code > ?3 order by code",
                        scope.likePattern(),
                        SearchText.containsPattern(query),
                        after == null ? "" : after)
                .page(0, limit + 1)
                .list()
                .map(rows -> Page.of(rows, limit, row -> row.code, OrganizationView::of));
    }

    public Uni<OrganizationView> get(TenantScope scope, String code) {
        return OrganizationReplica.<OrganizationReplica>findById(code).map(replica -> {
            if (replica == null || replica.deleted || !scope.covers(replica.path)) {
                throw DomainProblem.notFound("organization", code);
            }
            return OrganizationView.of(replica);
        });
    }
}
