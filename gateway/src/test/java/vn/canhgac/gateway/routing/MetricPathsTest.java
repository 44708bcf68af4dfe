package vn.canhgac.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricPathsTest {

    @Test
    void valuesBecomeOneTemplateAndTheApiShapeStays() {
        assertEquals(
                "/api/v1/assets/{id}", MetricPaths.template("/api/v1/assets/01a22dae-1757-7723-b23a-d6446706e57e"));
        assertEquals("/api/v1/exposures/summary", MetricPaths.template("/api/v1/exposures/summary"));
        assertEquals(
                "/api/v1/organizations/{id}/children",
                MetricPaths.template("/api/v1/organizations/UBND-CAMRANH/children"));
        assertEquals(
                "/api/v1/botnet-lists/{id}/diff/{id}", MetricPaths.template("/api/v1/botnet-lists/4f0c/diff/9a1b"));
        assertEquals("/api/v1/advisories/{id}", MetricPaths.template("/api/v1/advisories/CVE-2024-3400"));
        assertEquals("/api/v1/incidents/{id}", MetricPaths.template("/api/v1/incidents/42"));
        assertEquals("/api/v1/assets", MetricPaths.template("/api/v1/assets/"));
        assertEquals("/", MetricPaths.template("/"));
    }
}
