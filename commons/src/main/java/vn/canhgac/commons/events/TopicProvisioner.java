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
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics this service publishes to, with their retention policy (state topics are compacted so
 * that a consumer can rebuild a read model from them alone). Runs in the background and retries: a service
 * starts and serves even while the broker is down; the outbox holds events until it is back.
 * A topic that exists already (made by an operator, or by an older version) is kept, its record limit raised to
 * the outbox's if lower.
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
                ensure(admin, name);
            }
            return names;
        }
    }

    /**
     * Creates the compacted topic, or, when it exists already, raises the largest record it takes to what the outbox
     * sends (an asset with its largest SBOM). A topic created before that limit, or by a broker whose default is
     * lower, would otherwise refuse such an event for good and the outbox would park it. A larger limit, set by an
     * operator, is left as it is.
     */
    public void ensure(Admin admin, String name) {
        try {
            admin.createTopics(List.of(new NewTopic(name, Optional.empty(), Optional.empty())
                            .configs(Map.of(
                                    TopicConfig.CLEANUP_POLICY_CONFIG,
                                    TopicConfig.CLEANUP_POLICY_COMPACT,
                                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                    String.valueOf(largestRecord)))))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
            raiseLimit(admin, name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A raise that fails (a user without the right to alter topics, a hosted broker that caps the limit) is a warning
     * for this topic alone: it must not keep the topics after it from being created, which an existing one never did.
     */
    private void raiseLimit(Admin admin, String name) {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
        try {
            ConfigEntry limit = admin.describeConfigs(List.of(topic))
                    .all()
                    .get()
                    .get(topic)
                    .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            long takes = limit == null || limit.value() == null ? 0 : Long.parseLong(limit.value());
            if (takes >= largestRecord) {
                return;
            }
            admin.incrementalAlterConfigs(Map.of(
                            topic,
                            List.of(new AlterConfigOp(
                                    new ConfigEntry(
                                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(largestRecord)),
                                    AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
            LOG.infof("Topic %s took records of at most %d bytes; raised to %d", name, takes, largestRecord);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            LOG.warnf(
                    "Topic %s: its largest record could not be raised to %d bytes (%s); larger events will be parked",
                    name, largestRecord, e.getCause().toString());
        }
    }
}
