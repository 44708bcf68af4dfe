package vn.canhgac.incident.inventory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import vn.canhgac.commons.contracts.AssetEvent;
import vn.canhgac.commons.contracts.SystemEvent;
import vn.canhgac.commons.events.EventData;
import vn.canhgac.commons.events.IdempotentConsumer;

/**
 * Keeps the systems and assets that incidents can name, from inventory's full-state events; an event older than
 * what is kept changes nothing (replays, redeliveries).
 */
@ApplicationScoped
public class InventoryReplicaConsumer {

    private static final String UPSERT_SYSTEM = """
            insert into system_replica (id, organization_code, org_path, name, security_level, deleted, version)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (id) do update set organization_code = excluded.organization_code, org_path = excluded.org_path,
                name = excluded.name, security_level = excluded.security_level, deleted = excluded.deleted,
                version = excluded.version
            where system_replica.version < excluded.version""";
    private static final String UPSERT_ASSET = """
            insert into asset_replica (id, organization_code, org_path, hostname, system_id, deleted, version)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (id) do update set organization_code = excluded.organization_code, org_path = excluded.org_path,
                hostname = excluded.hostname, system_id = excluded.system_id, deleted = excluded.deleted,
                version = excluded.version
            where asset_replica.version < excluded.version""";

    private final IdempotentConsumer consumer;
    private final EventData events;

    public InventoryReplicaConsumer(IdempotentConsumer consumer, EventData events) {
        this.consumer = consumer;
        this.events = events;
    }

    @Incoming("systems")
    public Uni<Void> onSystem(Message<String> message) {
        return consumer.consume("incident-service.systems", message, (connection, received) -> {
            SystemEvent system = events.read(received, SystemEvent.class);
            return connection
                    .preparedQuery(UPSERT_SYSTEM)
                    .execute(Tuple.tuple()
                            .addUUID(system.id())
                            .addString(system.organizationCode())
                            .addString(system.orgPath())
                            .addString(system.name())
                            .addInteger(system.securityLevel())
                            .addBoolean(system.deleted())
                            .addLong(system.version()))
                    .replaceWithVoid();
        });
    }

    @Incoming("assets")
    public Uni<Void> onAsset(Message<String> message) {
        return consumer.consume("incident-service.assets", message, (connection, received) -> {
            AssetEvent asset = events.read(received, AssetEvent.class);
            return connection
                    .preparedQuery(UPSERT_ASSET)
                    .execute(Tuple.tuple()
                            .addUUID(asset.id())
                            .addString(asset.organizationCode())
                            .addString(asset.orgPath())
                            .addString(asset.hostname())
                            .addUUID(asset.systemId())
                            .addBoolean(asset.deleted())
                            .addLong(asset.version()))
                    .replaceWithVoid();
        });
    }
}
