package vn.canhgac.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergedOpenApiTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode read(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void mergesPathsSchemasAndTagsAndNamesWhatIsMissing() throws Exception {
        JsonNode merged = MergedOpenApi.merge(json, List.of(
                read("""
                        {"paths":{"/api/v1/organizations":{"get":{}}},
                         "components":{"schemas":{"Problem":{"type":"object"},"Org":{}}},"tags":[{"name":"Organisations"}]}"""),
                read("""
                        {"paths":{"/api/v1/exposures/organizations":{"get":{}}},
                         "components":{"schemas":{"Problem":{"type":"object"}}},"tags":[{"name":"Exposures"}]}"""),
                json.createObjectNode().put("x-missing", "incident")));
        assertTrue(merged.path("paths").has("/api/v1/organizations"));
        assertTrue(merged.path("paths").has("/api/v1/exposures/organizations"));
        assertEquals(2, merged.path("components").path("schemas").size());
        assertEquals(2, merged.path("tags").size());
        assertEquals("incident", merged.path("x-canhgac-missing").get(0).asText());
        assertEquals("bearer", merged.path("components").path("securitySchemes").path("SecurityScheme").path("scheme").asText());
    }
}
