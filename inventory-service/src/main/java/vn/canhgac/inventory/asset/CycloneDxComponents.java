package vn.canhgac.inventory.asset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.product.Cpe23;
import vn.canhgac.commons.product.PackageUrl;

/**
 * The installed software of a CycloneDX SBOM (spec 1.2 to 1.6; JSON, or XML through {@link CycloneDxXml}): the
 * thing it describes ({@code metadata.component}) first, as the asset's main product, then every component of the
 * top-level {@code components}, nested ones included, read one top-level component at a time. The vendor is the
 * component's {@code group}, else its {@code publisher}, else its supplier's name.
 * <p>
 * A component is never a reason to refuse the SBOM: a CPE 2.2 URI is converted to CPE 2.3; an identifier that
 * does not parse is dropped (the component is still matched by name and version) and a component without a name
 * is left out, each with a warning that names its place in the document.
 */
final class CycloneDxComponents {

    /** What was read, and what was left out or changed, by place in the document. */
    record Sbom(List<ProductInput> products, List<String> warnings) {}

    private final List<ProductInput> products = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private ProductInput main;
    private boolean full;

    private CycloneDxComponents() {}

    static Sbom readJson(ObjectMapper json, InputStream body) {
        CycloneDxComponents sbom = new CycloneDxComponents();
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
                    sbom.described(parser.<JsonNode>readValueAsTree().path("component"));
                } else if ("components".equals(field) && value == JsonToken.START_ARRAY) {
                    int index = 0;
                    JsonToken entry = parser.nextToken();
                    for (; entry != JsonToken.END_ARRAY; entry = parser.nextToken()) {
                        String at = "components[" + index++ + "]";
                        if (entry == JsonToken.START_OBJECT) {
                            sbom.component(parser.readValueAsTree(), at);
                        } else if (entry == null) {
                            throw DomainProblem.invalidField("body", "cyclonedx-expected");
                        } else {
                            sbom.warnings.add(at + ": not a component, left out");
                            parser.skipChildren();
                        }
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
        return sbom.done();
    }

    static Sbom readXml(InputStream body) {
        CycloneDxComponents sbom = new CycloneDxComponents();
        CycloneDxXml.read(body, sbom::described, sbom::component);
        return sbom.done();
    }

    /** {@code metadata.component}: the thing the SBOM describes. */
    void described(JsonNode component) {
        main = component != null && component.isObject() ? product(component, "metadata.component") : null;
    }

    /** A top-level component, with the components nested in it. */
    void component(JsonNode component, String at) {
        if (products.size() >= AssetRules.MAX_PRODUCTS - 1) {
            if (!full) {
                warnings.add(at + ": more than " + AssetRules.MAX_PRODUCTS + " products, this one and the rest "
                        + "left out");
                full = true;
            }
            return;
        }
        ProductInput product = product(component, at);
        if (product != null) {
            products.add(product);
        }
        JsonNode nested = component.get("components");
        if (nested != null && nested.isArray()) {
            for (int i = 0; i < nested.size(); i++) {
                component(nested.get(i), at + ".components[" + i + "]");
            }
        }
    }

    private Sbom done() {
        if (main != null) {
            products.addFirst(main);
        }
        return new Sbom(products, warnings);
    }

    private ProductInput product(JsonNode component, String at) {
        String name = text(component, "name");
        if (name == null) {
            warnings.add(at + ": no name, left out");
            return null;
        }
        String version = text(component, "version");
        if (name.length() > AssetRules.MAX_TEXT || (version != null && version.length() > AssetRules.MAX_TEXT)) {
            warnings.add(at + ": name or version longer than " + AssetRules.MAX_TEXT + " characters, left out");
            return null;
        }
        String vendor = text(component, "group");
        if (vendor == null) {
            vendor = text(component, "publisher");
        }
        if (vendor == null && component.has("supplier")) {
            vendor = text(component.get("supplier"), "name");
        }
        if (vendor != null && vendor.length() > AssetRules.MAX_TEXT) {
            warnings.add(at + ": vendor longer than " + AssetRules.MAX_TEXT + " characters, dropped");
            vendor = null;
        }
        return new ProductInput(vendor, name, version, cpe(component, at), purl(component, at));
    }

    private String cpe(JsonNode component, String at) {
        String cpe = text(component, "cpe");
        if (cpe != null && cpe.length() > AssetRules.MAX_TEXT) {
            warnings.add(at + ".cpe: longer than " + AssetRules.MAX_TEXT + " characters, dropped");
            return null;
        }
        if (cpe == null || Cpe23.isValid(cpe)) {
            return cpe;
        }
        String converted = Cpe23.fromUri(cpe).orElse(null);
        if (converted == null) {
            warnings.add(at + ".cpe: '" + cpe + "' is no CPE, dropped (matched by name and version)");
        }
        return converted;
    }

    private String purl(JsonNode component, String at) {
        String purl = text(component, "purl");
        if (purl != null && purl.length() > AssetRules.MAX_TEXT) {
            warnings.add(at + ".purl: longer than " + AssetRules.MAX_TEXT + " characters, dropped");
            return null;
        }
        if (purl == null || PackageUrl.isValid(purl)) {
            return purl;
        }
        warnings.add(at + ".purl: '" + purl + "' is no package URL, dropped (matched by name and version)");
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank()
                ? null
                : value.asText().strip();
    }
}
