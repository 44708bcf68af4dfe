package vn.canhgac.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations of an OpenAPI 3.x document as the security suite needs them: method and path, the roles that may
 * call them, their parameters and the shape of their JSON body. Schemas are resolved one level deep
 * ({@code $ref} into {@code components/schemas}), which is enough to know a parameter's or a property's type.
 */
final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head");
    private static final String JSON = "application/json";
    private static final String SCHEMAS = "#/components/schemas/";

    /** A parameter's or property's schema, resolved one level; {@code items} only for an array, and not nested. */
    record Schema(String type, String format, List<String> enumValues, String example, String minimum, Schema items) {

        boolean is(String kind) {
            return kind.equals(type);
        }

        boolean isEnum() {
            return !enumValues.isEmpty();
        }

        boolean isUuid() {
            return "uuid".equals(format);
        }

        boolean isDate() {
            return "date".equals(format) || "date-time".equals(format);
        }

        /** Free text: a string that is not an enum, an id, a date or binary content. */
        boolean isText() {
            return is("string")
                    && !isEnum()
                    && (format == null
                            || !Set.of("uuid", "date", "date-time", "time", "binary", "byte")
                                    .contains(format));
        }

        /** A value that a typed parser refuses as text: a number, a boolean, an id or a date. */
        boolean isTyped() {
            return is("integer") || is("number") || is("boolean") || isUuid() || isDate();
        }
    }

    record Parameter(String name, String in, boolean required, Schema schema) {}

    record Property(String name, Schema schema) {}

    /** The JSON body: an object of these properties, or (for {@code array}) a list of such objects. */
    record Body(boolean array, List<Property> properties) {

        boolean hasText() {
            return properties.stream()
                    .anyMatch(p -> p.schema().isText()
                            || p.schema().items() != null && p.schema().items().isText());
        }
    }

    /**
     * One operation. {@code roles} are the scopes of its security requirements (the roles of its
     * {@code @RolesAllowed}); empty means any authenticated caller. {@code contentTypes} are the request body's
     * media types in the document's order (empty without a body); {@code body} is the application/json schema's
     * shape, or null; {@code returnsPage} is a keyset-paged list.
     */
    record Operation(
            String method,
            String path,
            Set<String> roles,
            List<Parameter> parameters,
            List<String> contentTypes,
            Body body,
            boolean returnsPage) {

        String name() {
            return method + " " + path;
        }

        boolean allows(Set<String> callerRoles) {
            return roles.isEmpty() || callerRoles.stream().anyMatch(roles::contains);
        }

        boolean acceptsJson() {
            return contentTypes.contains(JSON);
        }

        List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }
    }

    private final JsonNode document;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    /** Every operation whose path starts with the prefix, in the document's order. */
    static List<Operation> under(JsonNode document, String prefix) {
        return new OpenApiOperations(document).operations(prefix);
    }

    private List<Operation> operations(String prefix) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith(prefix)) {
                return;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isObject()) {
                    operations.add(
                            operation(method.toUpperCase(Locale.ROOT), path.getKey(), path.getValue(), operation));
                }
            }
        });
        return operations;
    }

    private Operation operation(String method, String path, JsonNode pathItem, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        List<String> contentTypes = new ArrayList<>();
        content.fieldNames().forEachRemaining(contentTypes::add);
        return new Operation(
                method,
                path,
                roles(operation),
                parameters(pathItem, operation),
                contentTypes,
                content.has(JSON) ? body(content.path(JSON).path("schema")) : null,
                returnsPage(method, operation));
    }

    /** Scopes of every security requirement, whatever the scheme is called; the document's own when none. */
    private Set<String> roles(JsonNode operation) {
        JsonNode requirements = operation.has("security") ? operation.path("security") : document.path("security");
        Set<String> roles = new TreeSet<>();
        for (JsonNode requirement : requirements) {
            requirement.forEach(scopes -> scopes.forEach(scope -> roles.add(scope.asText())));
        }
        return roles;
    }

    /** The path item's parameters, overridden by the operation's own of the same name and location. */
    private List<Parameter> parameters(JsonNode pathItem, JsonNode operation) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (JsonNode declared : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : declared) {
                JsonNode resolved = resolve(parameter);
                String in = resolved.path("in").asText();
                parameters.put(
                        in + ":" + resolved.path("name").asText(),
                        new Parameter(
                                resolved.path("name").asText(),
                                in,
                                resolved.path("required").asBoolean(in.equals("path")),
                                schema(resolved.path("schema"))));
            }
        }
        return List.copyOf(parameters.values());
    }

    private Body body(JsonNode schemaNode) {
        JsonNode schema = resolve(schemaNode);
        boolean array = "array".equals(type(schema));
        JsonNode element = array ? resolve(schema.path("items")) : schema;
        List<Property> properties = new ArrayList<>();
        element.path("properties")
                .properties()
                .forEach(property -> properties.add(new Property(property.getKey(), schema(property.getValue()))));
        return new Body(array, properties);
    }

    /** A keyset page: {@code items} and {@code next} (a single object may have {@code items} of its own). */
    private boolean returnsPage(String method, JsonNode operation) {
        JsonNode schema = resolve(operation
                .path("responses")
                .path("200")
                .path("content")
                .path(JSON)
                .path("schema"));
        return method.equals("GET")
                && schema.path("properties").has("next")
                && "array".equals(type(resolve(schema.path("properties").path("items"))));
    }

    private Schema schema(JsonNode node) {
        JsonNode resolved = resolve(node);
        String type = type(resolved);
        Schema items = "array".equals(type) ? schemaWithoutItems(resolve(resolved.path("items"))) : null;
        return new Schema(
                type,
                text(resolved.path("format")),
                enumValues(resolved),
                example(resolved),
                text(resolved.path("minimum")),
                items);
    }

    private Schema schemaWithoutItems(JsonNode resolved) {
        return new Schema(
                type(resolved),
                text(resolved.path("format")),
                enumValues(resolved),
                example(resolved),
                text(resolved.path("minimum")),
                null);
    }

    /** Follows one {@code $ref} into {@code components/schemas} (or a single-element {@code allOf} around one). */
    private JsonNode resolve(JsonNode node) {
        if (node.path("allOf").size() == 1) {
            node = node.path("allOf").get(0);
        }
        String ref = node.path("$ref").asText("");
        if (ref.startsWith(SCHEMAS)) {
            return document.path("components").path("schemas").path(ref.substring(SCHEMAS.length()));
        }
        if (ref.startsWith("#/components/parameters/")) {
            return document.path("components").path("parameters").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return node;
    }

    /** The type, also from OpenAPI 3.1's list form ({@code ["string", "null"]}) or implied by enum/properties. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("enum") ? "string" : schema.has("properties") ? "object" : null;
    }

    private static List<String> enumValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String example(JsonNode schema) {
        return schema.path("examples").isArray() && !schema.path("examples").isEmpty()
                ? schema.path("examples").get(0).asText()
                : text(schema.path("example"));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
