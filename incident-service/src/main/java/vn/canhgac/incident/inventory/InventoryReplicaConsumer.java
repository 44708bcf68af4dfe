package vn.canhgac.incident.inventory;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.contracts.SystemEvent;
import vn.canhgac.commons.events.BatchConsumer;
import vn.canhgac.commons.events.EventData;

/**
 * Keeps the systems and assets that incidents can name, from inventory's full-state events, a batch at a time in
 * one statement each; an event older than what is kept changes nothing (replays, redeliveries, late versions).
 */
@ApplicationScoped
public class InventoryReplicaConsumer {

    private static final String UPSERT_SYSTEMS = """
            insert into system_replica (id, organization_code, org_path, name, security_level, deleted, version)
            select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::boolean[], $7::bigint[])
            on conflict (id) do update set organization_code = excluded.organization_code, org_path = excluded.org_path,
                name = excluded.name, security_level = excluded.security_level, deleted = excluded.deleted,
                version = excluded.version
            where system_replica.version < excluded.version""";
    private static final String UPSERT_ASSETS = """
            insert into asset_replica (id, organization_code, org_path, hostname, system_id, deleted, version)
            select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::boolean[], $7::bigint[])
            on conflict (id) do update set organization_code = excluded.organization_code, org_path = excluded.org_path,
                hostname = excluded.hostname, system_id = excluded.system_id, deleted = excluded.deleted,
                version = excluded.version
            where asset_replica.version < excluded.version""";

    private final BatchConsumer consumer;
    private final EventData events;

    public InventoryReplicaConsumer(BatchConsumer consumer, EventData events) {
        this.consumer = consumer;
        this.events = events;
    }

    @Incoming("systems")
    public Uni<Void> onSystems(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(
                "incident-service.systems",
                batch,
                event -> events.read(event, SystemEvent.class),
                (connection, received) -> {
                    List<SystemEvent> systems =
                            BatchConsumer.newestOf(BatchConsumer.data(received), SystemEvent::id, SystemEvent::version);
                    return connection
                            .preparedQuery(UPSERT_SYSTEMS)
                            .execute(Tuple.tuple()
                                    .addArrayOfUUID(systems.stream()
                                            .map(SystemEvent::id)
                                            .toArray(UUID[]::new))
                                    .addArrayOfString(systems.stream()
                                            .map(SystemEvent::organizationCode)
                                            .toArray(String[]::new))
                                    .addArrayOfString(systems.stream()
                                            .map(SystemEvent::orgPath)
                                            .toArray(String[]::new))
                                    .addArrayOfString(systems.stream()
                                            .map(SystemEvent::name)
                                            .toArray(String[]::new))
                                    .addArrayOfInteger(systems.stream()
                                            .map(SystemEvent::securityLevel)
                                            .toArray(Integer[]::new))
                                    .addArrayOfBoolean(systems.stream()
                                            .map(SystemEvent::deleted)
                                            .toArray(Boolean[]::new))
                                    .addArrayOfLong(systems.stream()
                                            .map(SystemEvent::version)
                                            .toArray(Long[]::new)))
                            .replaceWithVoid();
                });
    }

    @Incoming("assets")
    public Uni<Void> onAssets(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(
                "incident-service.assets",
                batch,
                event -> events.read(event, AssetEvent.class),
                (connection, received) -> {
                    List<AssetEvent> assets =
                            BatchConsumer.newestOf(BatchConsumer.data(received), AssetEvent::id, AssetEvent::version);
                    return connection
                            .preparedQuery(UPSERT_ASSETS)
                            .execute(Tuple.tuple()
                                    .addArrayOfUUID(
                                            assets.stream().map(AssetEvent::id).toArray(UUID[]::new))
                                    .addArrayOfString(assets.stream()
                                            .map(AssetEvent::organizationCode)
                                            .toArray(String[]::new))
                                    .addArrayOfString(assets.stream()
                                            .map(AssetEvent::orgPath)
                                            .toArray(String[]::new))
                                    .addArrayOfString(assets.stream()
                                            .map(AssetEvent::hostname)
                                            .toArray(String[]::new))
                                    .addArrayOfUUID(assets.stream()
                                            .map(AssetEvent::systemId)
                                            .toArray(UUID[]::new))
                                    .addArrayOfBoolean(assets.stream()
                                            .map(AssetEvent::deleted)
                                            .toArray(Boolean[]::new))
                                    .addArrayOfLong(assets.stream()
                                            .map(AssetEvent::version)
                                            .toArray(Long[]::new)))
                            .replaceWithVoid();
                });
    }
}
