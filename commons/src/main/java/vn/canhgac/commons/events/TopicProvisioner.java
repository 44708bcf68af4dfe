package vn.canhgac.commons.events;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics this service publishes to, with their retention policy (state topics are compacted so
 * that a consumer can rebuild a read model from them alone). Runs in the background and retries: a service
 * starts and serves even while the broker is down; the outbox holds events until it is back.
 * On Kubernetes the same topics are declared as manifests (k8s/), and this finds them present.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final String bootstrapServers;
    private final List<String> compacted;
    private final EventTopics topics;
    private final int largestRecord;

    public TopicProvisioner(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "canhgac.topics.compacted") Optional<List<String>> compacted,
            EventTopics topics,
            @ConfigProperty(name = "mp.messaging.outgoing.outbox.max.request.size") int largestRecord) {
        this.bootstrapServers = bootstrapServers;
        this.compacted = compacted.orElse(List.of());
        this.topics = topics;
        this.largestRecord = largestRecord;
    }

    void onStart(@Observes StartupEvent start) {
        if (compacted.isEmpty()) {
            return;
        }
        Uni.createFrom()
                .item(this::provision)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure()
                .invoke(f -> LOG.warnf("Topics not provisioned yet (%s); retrying", f.toString()))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofSeconds(2), Duration.ofSeconds(30))
                .atMost(100)
                .subscribe()
                .with(
                        created -> LOG.infof("Topics ready: %s", created),
                        failure -> LOG.errorf("Topics could not be provisioned: %s", failure.toString()));
    }

    private List<String> provision() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000))) {
            List<String> names = compacted.stream().map(topics::physical).toList();
            for (String name : names) {
                NewTopic topic = new NewTopic(name, Optional.empty(), Optional.empty())
                        .configs(Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT,
                                // As large as the outbox sends (an asset with its largest SBOM), whatever the
                                // broker's default. A topic that exists already keeps what it has.
                                TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                String.valueOf(largestRecord)));
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            }
            return names;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
