package vn.canhgac.commons.events;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A topic that exists already (made by an operator, or by an older version) is kept, its record limit and its
 * compaction lag raised to this service's if lower.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final String bootstrapServers;
    private final List<String> compacted;
    private final EventTopics topics;

    /**
     * The least each topic takes, by setting: the largest record the outbox sends (an asset with its largest SBOM),
     * and how long a record stays whole before compaction may drop it for a later one of its key. The lag is the time
     * consumers remember what they processed ({@code canhgac.events.processed-retention}): a consumer stopped for
     * less than that still reads every event, the detection of a hit among them, even when later events of the same
     * exposure (an update under a newer list) follow it; one stopped for longer treats what it missed as history.
     */
    private final Map<String, Long> floors;

    public TopicProvisioner(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "canhgac.topics.compacted") Optional<List<String>> compacted,
            EventTopics topics,
            @ConfigProperty(name = "mp.messaging.outgoing.outbox.max.request.size") int largestRecord,
            @ConfigProperty(name = "canhgac.events.processed-retention", defaultValue = "P14D") Duration keptWhole) {
        this.bootstrapServers = bootstrapServers;
        this.compacted = compacted.orElse(List.of());
        this.topics = topics;
        this.floors = new LinkedHashMap<>();
        floors.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, (long) largestRecord);
        floors.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, keptWhole.toMillis());
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
     * Creates the compacted topic, or, when it exists already, raises its settings to their {@link #floors}. A topic
     * created before a floor, or by a broker whose default is lower, would otherwise refuse the largest events for good
     * (the outbox would park them), or compact away a hit's detection that a stopped consumer had still to read. A
     * higher value, set by an operator, is left as it is.
     */
    public void ensure(Admin admin, String name) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        floors.forEach((setting, floor) -> configs.put(setting, String.valueOf(floor)));
        try {
            admin.createTopics(List.of(new NewTopic(name, Optional.empty(), Optional.empty()).configs(configs)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
            raiseToFloors(admin, name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A raise that fails (a user without the right to alter topics, a hosted broker that caps the limit) is a warning
     * for this topic alone: it must not keep the topics after it from being created, which an existing one never did.
     */
    private void raiseToFloors(Admin admin, String name) {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
        try {
            var current = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            List<AlterConfigOp> raises = new ArrayList<>();
            floors.forEach((setting, floor) -> {
                ConfigEntry entry = current.get(setting);
                long value = entry == null || entry.value() == null ? 0 : Long.parseLong(entry.value());
                if (value < floor) {
                    raises.add(new AlterConfigOp(
                            new ConfigEntry(setting, String.valueOf(floor)), AlterConfigOp.OpType.SET));
                    LOG.infof("Topic %s had %s=%d; raising it to %d", name, setting, value, floor);
                }
            });
            if (!raises.isEmpty()) {
                admin.incrementalAlterConfigs(Map.of(topic, raises)).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            LOG.warnf(
                    "Topic %s could not be raised to %s (%s): larger events will be parked, and a consumer stopped for"
                            + " a while may miss events that compaction dropped",
                    name, floors, e.getCause().toString());
        }
    }
}
