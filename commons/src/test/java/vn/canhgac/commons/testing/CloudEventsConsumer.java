package vn.canhgac.commons.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the real broker from the beginning, to find the record a service published. */
public final class CloudEventsConsumer {

    private CloudEventsConsumer() {}

    public static Optional<ConsumerRecord<String, String>> find(String topic, String key, Duration timeout) {
        return find(topic, key, value -> true, timeout);
    }

    /**
     * The last record of the key whose value satisfies the condition, waiting for it up to the timeout: an
     * aggregate's later event (an update) may be published a relay tick after its first.
     */
    public static Optional<ConsumerRecord<String, String>> find(
            String topic, String key, java.util.function.Predicate<String> value, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = reader()) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                if (partitions.isEmpty()) {
                    continue;
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Optional<ConsumerRecord<String, String>> found = drain(consumer, key, value);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Every record of the topic published since the instant that satisfies the condition: a key's records in the
     * order published, the partitions one after the other.
     */
    public static List<ConsumerRecord<String, String>> since(
            String topic, Instant since, java.util.function.Predicate<ConsumerRecord<String, String>> which) {
        try (KafkaConsumer<String, String> consumer = reader()) {
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            for (var partition : consumer.partitionsFor(topic, Duration.ofSeconds(5))) {
                TopicPartition assigned = new TopicPartition(topic, partition.partition());
                var first = consumer.offsetsForTimes(Map.of(assigned, since.toEpochMilli()))
                        .get(assigned);
                if (first == null) {
                    continue; // nothing published there since
                }
                consumer.assign(List.of(assigned));
                consumer.seek(assigned, first.offset());
                long end = consumer.endOffsets(List.of(assigned)).get(assigned);
                while (consumer.position(assigned) < end) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        if (which.test(record)) {
                            found.add(record);
                        }
                    }
                }
            }
            return found;
        }
    }

    private static Optional<ConsumerRecord<String, String>> drain(
            KafkaConsumer<String, String> consumer, String key, java.util.function.Predicate<String> value) {
        ConsumerRecord<String, String> last = null;
        for (int emptyPolls = 0; emptyPolls < 3; ) {
            var records = consumer.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                emptyPolls++;
            }
            for (ConsumerRecord<String, String> record : records) {
                if (key.equals(record.key()) && value.test(record.value())) {
                    last = record;
                }
            }
        }
        return Optional.ofNullable(last);
    }

    /** A consumer of the real broker that reads where it is told and commits nothing. */
    private static KafkaConsumer<String, String> reader() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                CloudEventsProducer.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
