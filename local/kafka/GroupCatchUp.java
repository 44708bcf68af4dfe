import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Times consumer groups catching up a backlog, by the offsets they commit against the partitions' ends, as the broker
 * sees them. A service's own lag metric cannot time a start: Micrometer registers a partition's lag only at its next
 * refresh, up to a minute after the first fetch, and a fast consumer is done by then.
 *
 * <pre>java -cp "kafka/libs/*" GroupCatchUp.java BOOTSTRAP TIMEOUT_SECONDS GROUP...</pre>
 *
 * Prints "ready" once it has read each group's lag (start the consumers then), and for each group, once it has no lag
 * left, a line "GROUP BACKLOG FIRST_COMMIT CAUGHT_UP": its lag when this started, then the epoch milliseconds at which
 * it was first seen to commit (its first batch applied) and to have no lag. Exits 1 if a group has not caught up
 * within the timeout.
 */
public class GroupCatchUp {
    public static void main(String[] args) throws Exception {
        long deadline = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000;
        Map<String, Long> backlog = new LinkedHashMap<>();
        Map<String, Long> committedAtStart = new HashMap<>();
        Map<String, Long> firstCommit = new HashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            boolean ready = false;
            List<String> waiting = new ArrayList<>(List.of(args).subList(2, args.length));
            while (!waiting.isEmpty()) {
                long now = System.currentTimeMillis();
                for (String group : List.copyOf(waiting)) {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    long sumCommitted = committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
                    long lag = sumEnds(admin, committed) - sumCommitted;
                    backlog.putIfAbsent(group, lag);
                    committedAtStart.putIfAbsent(group, sumCommitted);
                    if (sumCommitted > committedAtStart.get(group)) firstCommit.putIfAbsent(group, now);
                    if (lag <= 0) {
                        System.out.printf("%s %d %d %d%n", group, backlog.get(group), firstCommit.getOrDefault(group, now), now);
                        waiting.remove(group);
                    }
                }
                if (backlog.size() == args.length - 2 && !ready) {
                    System.out.println("ready");
                    ready = true;
                }
                if (System.currentTimeMillis() > deadline) System.exit(1);
                Thread.sleep(500);
            }
        }
    }

    private static long sumEnds(Admin admin, Map<TopicPartition, OffsetAndMetadata> committed) throws Exception {
        Map<TopicPartition, OffsetSpec> latest =
                committed.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    }
}
