package vn.canhgac.advisory.organization;

import io.quarkus.test.junit.QuarkusTest;
import vn.canhgac.commons.testing.OrganizationReplicaContract;

/** advisory-service's replica of the organisation tree, against the real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class ExposureScopeResourceTest extends OrganizationReplicaContract {

    @Override
    protected String replicaPath() {
        return "/api/v1/exposures/organizations";
    }
}
