package vn.canhgac.incident.organization;

import io.quarkus.test.junit.QuarkusTest;
import vn.canhgac.commons.testing.OrganizationReplicaContract;

/** incident-service's replica of the organisation tree, against the real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class DutyScopeResourceTest extends OrganizationReplicaContract {

    @Override
    protected String replicaPath() {
        return "/api/v1/duty/organizations";
    }
}
