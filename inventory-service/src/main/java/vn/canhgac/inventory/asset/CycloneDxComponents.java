package vn.canhgac.inventory.asset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.canhgac.commons.problem.DomainProblem;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The installed software of a CycloneDX (JSON) SBOM: every component of the top-level {@code components}
 * array, nested ones included, read one top-level component at a time. The vendor is the component's
 * {@code group}, else its {@code publisher}, else its supplier's name.
 */
final class CycloneDxComponents {

    private CycloneDxComponents() {
    }

    static List<ProductInput> read(ObjectMapper json, InputStream body) {
        List<ProductInput> products = new ArrayList<>();
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw DomainProblem.invalidField("body", "cyclonedx-expected");
            }
            boolean cycloneDx = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("bomFormat".equals(field)) {
                    cycloneDx = "CycloneDX".equals(parser.getValueAsString());
                } else if ("components".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        collect(parser.readValueAsTree(), products);
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!cycloneDx) {
                throw DomainProblem.invalidField("bomFormat", "cyclonedx-expected");
            }
        } catch (IOException e) {
            throw DomainProblem.invalidField("body", "cyclonedx-expected");
        }
        return products;
    }

    private static void collect(JsonNode component, List<ProductInput> products) {
        if (products.size() > AssetRules.MAX_PRODUCTS) {
            return;
        }
        String vendor = text(component, "group");
        if (vendor == null) {
            vendor = text(component, "publisher");
        }
        if (vendor == null && component.has("supplier")) {
            vendor = text(component.get("supplier"), "name");
        }
        products.add(new ProductInput(vendor, text(component, "name"), text(component, "version"),
                text(component, "cpe"), text(component, "purl")));
        JsonNode nested = component.get("components");
        if (nested != null && nested.isArray()) {
            nested.forEach(child -> collect(child, products));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
