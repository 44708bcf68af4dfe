package vn.canhgac.commons.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes the JSON Schema of an event's data from its record, as Jackson writes it, compares two versions of a
 * schema for backward compatibility, and checks a document against a schema (the subset these schemas use).
 */
public final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, Pattern> FORMATS = Map.of(
            "uuid", Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            "date-time", Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})"),
            "date", Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));

    private JsonSchemas() {}

    static ObjectNode of(EventContract<?> contract) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://canhgac.vn/" + contract.schemaResource());
        schema.put("title", contract.type());
        schema.put(
                "description", "Data of the CloudEvent " + contract.type() + " on the topic " + contract.topic() + ".");
        schema.setAll(ofRecord(contract.dataClass()));
        return schema;
    }

    private static ObjectNode ofRecord(Class<?> record) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), ofType(component.getGenericType(), true));
            if (component.getType().isPrimitive()) {
                required.add(component.getName());
            }
        }
        schema.set("required", required);
        return schema;
    }

    private static ObjectNode ofType(Type type, boolean nullable) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode schema = typed("array", nullable);
                schema.set("items", ofType(arguments[0], false));
                return schema;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode schema = typed("object", nullable);
                schema.set("additionalProperties", ofType(arguments[1], false));
                return schema;
            }
            throw new IllegalArgumentException("No schema for " + type);
        }
        Class<?> plain = (Class<?>) type;
        if (plain == String.class) {
            return typed("string", nullable);
        }
        if (plain == UUID.class) {
            return typed("string", nullable).put("format", "uuid");
        }
        if (plain == Instant.class) {
            return typed("string", nullable).put("format", "date-time");
        }
        if (plain == LocalDate.class) {
            return typed("string", nullable).put("format", "date");
        }
        if (plain == long.class || plain == int.class) {
            return typed("integer", false);
        }
        if (plain == Long.class || plain == Integer.class) {
            return typed("integer", nullable);
        }
        if (plain == boolean.class) {
            return typed("boolean", false);
        }
        if (plain == double.class || plain == Double.class) {
            return typed("number", plain == Double.class && nullable);
        }
        if (plain.isEnum()) {
            ObjectNode schema = typed("string", nullable);
            ArrayNode values = schema.putArray("enum");
            for (Object constant : plain.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            if (nullable) {
                values.addNull();
            }
            return schema;
        }
        if (plain.isRecord()) {
            ObjectNode schema = ofRecord(plain);
            if (nullable) {
                schema.set("type", NODES.arrayNode().add("object").add("null"));
            }
            return schema;
        }
        throw new IllegalArgumentException("No schema for " + type);
    }

    private static ObjectNode typed(String type, boolean nullable) {
        ObjectNode schema = NODES.objectNode();
        if (nullable) {
            schema.set("type", NODES.arrayNode().add(type).add("null"));
        } else {
            schema.put("type", type);
        }
        return schema;
    }

    /**
     * What one side could not read of what the other writes: a field removed, renamed or retyped, a value removed
     * from an enum (newer consumers cannot read older events) or added to one (older consumers read enums strictly:
     * an unknown value sends the event to the dead-letter topic), a free string made an enum, a field newly
     * required. Adding an optional field is compatible: consumers ignore fields they do not know.
     */
    static List<String> incompatibilities(JsonNode older, JsonNode newer) {
        List<String> problems = new ArrayList<>();
        compare("", older, newer, problems);
        return problems;
    }

    private static void compare(String at, JsonNode older, JsonNode newer, List<String> problems) {
        if (!older.path("type").equals(newer.path("type"))) {
            problems.add(at + ": type " + older.path("type") + " became " + newer.path("type"));
            return;
        }
        if (!older.path("format").equals(newer.path("format"))) {
            problems.add(at + ": format " + older.path("format") + " became " + newer.path("format"));
        }
        for (JsonNode value : older.path("enum")) {
            if (!contains(newer.path("enum"), value)) {
                problems.add(at + ": value " + value + " is no longer allowed");
            }
        }
        if (newer.has("enum") && !older.has("enum")) {
            problems.add(at + ": a free value became an enum");
        }
        for (JsonNode value : newer.path("enum")) {
            if (older.has("enum") && !contains(older.get("enum"), value)) {
                problems.add(at + ": value " + value + " is new, and consumers of the published version refuse it");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> properties =
                older.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode now = newer.path("properties").get(property.getKey());
            if (now == null) {
                problems.add(at + "/" + property.getKey() + ": removed (or renamed)");
            } else {
                compare(at + "/" + property.getKey(), property.getValue(), now, problems);
            }
        }
        for (JsonNode name : newer.path("required")) {
            if (!contains(older.path("required"), name)) {
                problems.add(at + "/" + name.asText() + ": newly required, so events written before lack it");
            }
        }
        if (older.has("items")) {
            compare(at + "[]", older.get("items"), newer.path("items"), problems);
        }
        if (older.path("additionalProperties").isObject()) {
            compare(at + "{}", older.get("additionalProperties"), newer.path("additionalProperties"), problems);
        }
    }

    /** Where {@code document} breaks {@code schema}: wrong types, formats, enum values, missing required fields. */
    public static List<String> violations(JsonNode schema, JsonNode document) {
        List<String> problems = new ArrayList<>();
        validate("", schema, document, problems);
        return problems;
    }

    private static void validate(String at, JsonNode schema, JsonNode value, List<String> problems) {
        JsonNode types = schema.path("type");
        String actual = typeOf(value);
        boolean allowed = types.isArray()
                ? contains(types, NODES.textNode(actual))
                : types.asText().equals(actual);
        if (!allowed && !(actual.equals("integer") && contains(types, NODES.textNode("number")))) {
            problems.add(at + ": " + actual + " where the schema says " + types);
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isTextual() && schema.has("format")) {
            Pattern format = FORMATS.get(schema.get("format").asText());
            if (format != null && !format.matcher(value.asText()).matches()) {
                problems.add(
                        at + ": " + value + " is not a " + schema.get("format").asText());
            }
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required")) {
                if (!value.has(name.asText())) {
                    problems.add(at + "/" + name.asText() + ": missing");
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode property = schema.path("properties").get(field.getKey());
                JsonNode rule = property != null ? property : schema.get("additionalProperties");
                if (rule == null || rule.isBoolean()) {
                    if (property == null && schema.has("properties")) {
                        problems.add(at + "/" + field.getKey() + ": not in the schema");
                    }
                } else {
                    validate(at + "/" + field.getKey(), rule, field.getValue(), problems);
                }
            }
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                validate(at + "[" + i + "]", schema.path("items"), value.get(i), problems);
            }
        }
    }

    private static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
