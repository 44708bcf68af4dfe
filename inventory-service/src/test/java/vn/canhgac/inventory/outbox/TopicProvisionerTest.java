package vn.canhgac.inventory.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.events.TopicProvisioner;
import vn.canhgac.commons.testing.CloudEventsProducer;

/**
 * The topics the outbox sends to take its largest event (an asset with its largest SBOM, 16 MiB), also those that
 * existed before that limit: such a topic refused the event for good, and the outbox parked it. And they keep each
 * record whole for as long as consumers remember what they processed (14 days): compacted sooner, an exposure's
 * detection could be dropped for its later update before a stopped consumer read it.
 */
@QuarkusTest
class TopicProvisionerTest {

    private static final String LARGEST = "16777216";
    private static final String FOURTEEN_DAYS = "1209600000";

    @Inject
    TopicProvisioner provisioner;

    @Test
    void aTopicIsCreatedCompactedAndTakesTheOutboxsLargestEvent() throws Exception {
        try (Admin admin = admin()) {
            String topic = "test.provisioned-" + UUID.randomUUID();
            provisioner.ensure(admin, topic);
            Config config = config(admin, topic);
            assertEquals(
                    TopicConfig.CLEANUP_POLICY_COMPACT,
                    config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
            assertEquals(
                    LARGEST, config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
            assertEquals(
                    FOURTEEN_DAYS,
                    config.get(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG).value());
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anExistingTopicIsRaisedToTheFloorsAndOneAboveThemKeepsItsSettings() throws Exception {
        try (Admin admin = admin()) {
            String older = existing(admin, "1048576", "0");
            String larger = existing(admin, "33554432", "2419200000");

            provisioner.ensure(admin, older);
            provisioner.ensure(admin, larger);
            provisioner.ensure(admin, older);

            assertEquals(
                    LARGEST,
                    config(admin, older)
                            .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
                            .value());
            assertEquals(
                    "33554432",
                    config(admin, larger)
                            .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
                            .value());
            assertEquals(
                    FOURTEEN_DAYS,
                    config(admin, older)
                            .get(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG)
                            .value());
            assertEquals(
                    "2419200000",
                    config(admin, larger)
                            .get(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG)
                            .value());
            admin.deleteTopics(List.of(older, larger)).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static String existing(Admin admin, String maxMessageBytes, String minCompactionLag) throws Exception {
        String topic = "test.existing-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                        .configs(Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT,
                                TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                maxMessageBytes,
                                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                                minCompactionLag))))
                .all()
                .get(30, TimeUnit.SECONDS);
        config(admin, topic);
        return topic;
    }

    /**
     * A topic the controller has just created can be unknown for a moment to the broker that answers
     * {@code describeConfigs} (its metadata arrives a little later), so the answer is awaited, not taken at once.
     */
    private static Config config(Admin admin, String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsMatching(e -> e.getCause() instanceof UnknownTopicOrPartitionException)
                .until(
                        () -> admin.describeConfigs(List.of(resource))
                                .all()
                                .get(30, TimeUnit.SECONDS)
                                .get(resource),
                        Objects::nonNull);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, CloudEventsProducer.bootstrapServers()));
    }
}
