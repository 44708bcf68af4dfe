package vn.canhgac.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergedOpenApiTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode read(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void mergesPathsSchemasAndTagsAndNamesWhatIsMissing() throws Exception {
        JsonNode merged = MergedOpenApi.merge(
                json, List.of(read("""
                        {"paths":{"/api/v1/organizations":{"get":{}}},
                         "components":{"schemas":{"Problem":{"type":"object"},"Org":{}}},"tags":[{"name":"Organisations"}]}"""), read("""
                        {"paths":{"/api/v1/exposures/organizations":{"get":{}}},
                         "components":{"schemas":{"Problem":{"type":"object"}}},"tags":[{"name":"Exposures"}]}"""), json.createObjectNode().put("x-missing", "incident")));
        assertTrue(merged.path("paths").has("/api/v1/organizations"));
        assertTrue(merged.path("paths").has("/api/v1/exposures/organizations"));
        assertEquals(2, merged.path("components").path("schemas").size());
        assertEquals(2, merged.path("tags").size());
        assertEquals("incident", merged.path("x-canhgac-missing").get(0).asText());
        assertEquals(
                "bearer",
                merged.path("components")
                        .path("securitySchemes")
                        .path("SecurityScheme")
                        .path("scheme")
                        .asText());
    }

    @Test
    void twoServicesShapesOfTheSameNameAreBothKept() throws Exception {
        JsonNode merged = MergedOpenApi.merge(json, List.of(read("""
                        {"x-service":"advisory","paths":{"/api/v1/exposures/status":{"post":{"requestBody":{"content":
                         {"application/json":{"schema":{"$ref":"#/components/schemas/StatusChange"}}}}}}},
                         "components":{"schemas":{"StatusChange":{"enum":["OPEN"]}}}}"""), read("""
                        {"x-service":"incident","paths":{"/api/v1/incidents/{id}/status":{"post":{"requestBody":{"content":
                         {"application/json":{"schema":{"$ref":"#/components/schemas/StatusChange"}}}}}}},
                         "components":{"schemas":{"StatusChange":{"type":"object"}}},"x-canhgac-body-limits":{"a":1}}""")));
        assertEquals(
                "#/components/schemas/incident.StatusChange",
                merged.path("paths")
                        .path("/api/v1/incidents/{id}/status")
                        .path("post")
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText());
        assertEquals(
                "object",
                merged.path("components")
                        .path("schemas")
                        .path("incident.StatusChange")
                        .path("type")
                        .asText());
        assertEquals(
                "OPEN",
                merged.path("components")
                        .path("schemas")
                        .path("StatusChange")
                        .path("enum")
                        .get(0)
                        .asText());
        assertEquals(1, merged.path("x-canhgac-body-limits").path("a").asInt());
    }
}
