package vn.canhgac.inventory.asset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.product.Cpe23;
import vn.canhgac.commons.product.PackageUrl;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The installed software of a CycloneDX (JSON, spec 1.2 to 1.6) SBOM: the thing it describes
 * ({@code metadata.component}) first, as the asset's main product, then every component of the top-level
 * {@code components} array, nested ones included, read one top-level component at a time. The vendor is the
 * component's {@code group}, else its {@code publisher}, else its supplier's name.
 * <p>
 * A component is never a reason to refuse the SBOM: a CPE 2.2 URI is converted to CPE 2.3; an identifier that
 * does not parse is dropped (the component is still matched by name and version) and a component without a name
 * is left out, each with a warning that names its place in the document.
 */
final class CycloneDxComponents {

    /** What was read, and what was left out or changed, by place in the document. */
    record Sbom(List<ProductInput> products, List<String> warnings) {
    }

    private CycloneDxComponents() {
    }

    static Sbom read(ObjectMapper json, InputStream body) {
        List<ProductInput> products = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ProductInput main = null;
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
                } else if ("metadata".equals(field) && value == JsonToken.START_OBJECT) {
                    JsonNode component = parser.<JsonNode>readValueAsTree().path("component");
                    main = component.isObject() ? product(component, "metadata.component", warnings) : null;
                } else if ("components".equals(field) && value == JsonToken.START_ARRAY) {
                    int index = 0;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        collect(parser.readValueAsTree(), "components[" + index++ + "]", products, warnings);
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
        if (main != null) {
            products.addFirst(main);
        }
        return new Sbom(products, warnings);
    }

    private static void collect(JsonNode component, String at, List<ProductInput> products, List<String> warnings) {
        if (products.size() > AssetRules.MAX_PRODUCTS) {
            return;
        }
        ProductInput product = product(component, at, warnings);
        if (product != null) {
            products.add(product);
        }
        JsonNode nested = component.get("components");
        if (nested != null && nested.isArray()) {
            for (int i = 0; i < nested.size(); i++) {
                collect(nested.get(i), at + ".components[" + i + "]", products, warnings);
            }
        }
    }

    private static ProductInput product(JsonNode component, String at, List<String> warnings) {
        String name = text(component, "name");
        if (name == null) {
            warnings.add(at + ": no name, left out");
            return null;
        }
        String vendor = text(component, "group");
        if (vendor == null) {
            vendor = text(component, "publisher");
        }
        if (vendor == null && component.has("supplier")) {
            vendor = text(component.get("supplier"), "name");
        }
        return new ProductInput(vendor, name, text(component, "version"), cpe(component, at, warnings),
                purl(component, at, warnings));
    }

    private static String cpe(JsonNode component, String at, List<String> warnings) {
        String cpe = text(component, "cpe");
        if (cpe == null || Cpe23.isValid(cpe)) {
            return cpe;
        }
        String converted = Cpe23.fromUri(cpe).orElse(null);
        if (converted == null) {
            warnings.add(at + ".cpe: '" + cpe + "' is no CPE, dropped (matched by name and version)");
        }
        return converted;
    }

    private static String purl(JsonNode component, String at, List<String> warnings) {
        String purl = text(component, "purl");
        if (purl == null || PackageUrl.isValid(purl)) {
            return purl;
        }
        warnings.add(at + ".purl: '" + purl + "' is no package URL, dropped (matched by name and version)");
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
