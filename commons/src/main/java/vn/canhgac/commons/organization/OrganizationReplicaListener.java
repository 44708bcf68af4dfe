package vn.canhgac.commons.organization;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.canhgac.commons.contracts.OrganizationEvent;

/**
 * A service that keeps more of an organisation than the shared replica does (advisory-service: its
 * constituency ranges) implements this; it runs in the transaction that applies the event, after the replica
 * took it, and only for an event newer than what the replica held.
 */
public interface OrganizationReplicaListener {

    Uni<Void> applied(SqlConnection connection, OrganizationEvent event);
}
