import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Deletes a scratch topic a benchmark wrote: java -cp "kafka/libs/*" DeleteTopic.java BOOTSTRAP TOPIC */
public class DeleteTopic {
    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            admin.deleteTopics(List.of(args[1])).all().get();
        }
    }
}
