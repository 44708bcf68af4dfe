package vn.canhgac.commons.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.canhgac.commons.testing.EventJson;

/**
 * The build's check of the event contracts. Each published type has a JSON Schema in {@code contracts/} and a
 * golden document; the record must still write what the schema allows, and the schema may only change in ways
 * consumers of the published version can read (compared with the file as committed). After adding a field, run
 * {@code ./mvnw -pl commons test -Dtest=EventContractsTest -Dcontracts.write=true} and commit the schema.
 */
class EventContractsTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/contracts");
    private static final Path GOLDEN = Path.of("src/test/resources/contracts/golden");
    private static final boolean WRITE = Boolean.getBoolean("contracts.write");

    private static final ObjectMapper JSON = EventJson.MAPPER;

    static Stream<EventContract<?>> contracts() {
        return EventContracts.all().stream();
    }

    @Test
    void typesAreUniqueAndEachTopicKeysItsEventsOneWay() {
        Set<String> types = new HashSet<>();
        for (EventContract<?> contract : EventContracts.all()) {
            assertTrue(types.add(contract.type()), "two contracts of type " + contract.type());
            assertTrue(contract.type().matches("canhgac\\.[a-z-]+\\.[a-z-]+\\.v[1-9][0-9]*"), contract.type());
        }
        EventContracts.all()
                .forEach(c -> assertEquals(c, EventContracts.ofType(c.type()).orElseThrow()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void theRecordStillWritesWhatThePublishedSchemaAllows(EventContract<?> contract) throws IOException {
        Path file = SCHEMAS.resolve(contract.type() + ".schema.json");
        JsonNode generated = JsonSchemas.of(contract);
        if (WRITE) {
            if (Files.exists(file)) {
                assertCompatible(contract, JSON.readTree(file.toFile()), generated, "the record");
            }
            Files.writeString(file, pretty(generated) + "\n", StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "no schema for " + contract.type() + "; run with -Dcontracts.write=true");
        JsonNode published = JSON.readTree(file.toFile());
        assertCompatible(contract, published, generated, "the record");
        assertEquals(
                published,
                generated,
                contract.type() + ": the record adds fields the schema does not describe; rewrite it with"
                        + " -Dcontracts.write=true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void theSchemaChangesCompatiblySinceItWasPublished(EventContract<?> contract) throws Exception {
        Path file = SCHEMAS.resolve(contract.type() + ".schema.json");
        for (String revision : List.of(PUBLISHED, "HEAD")) {
            String published = committed(revision, file);
            if (published != null) {
                assertCompatible(contract, JSON.readTree(published), JSON.readTree(file.toFile()), "the schema file");
            }
        }
    }

    @Test
    void everySchemaFileIsAContractStillPublished() throws IOException {
        Set<String> files;
        try (Stream<Path> listed = Files.list(SCHEMAS)) {
            files = listed.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> contracts = new HashSet<>();
        EventContracts.all().forEach(c -> contracts.add(c.type() + ".schema.json"));
        assertEquals(contracts, files, "a published version stays a contract until no producer writes it");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void goldenDocumentsReadBackAndFollowTheSchema(EventContract<?> contract) throws IOException {
        Object sample = EventSamples.of(contract.dataClass());
        Path file = GOLDEN.resolve(contract.type() + ".json");
        if (WRITE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, pretty(tree(sample)) + "\n", StandardCharsets.UTF_8);
        }
        JsonNode golden = JSON.readTree(file.toFile());
        assertEquals(golden, tree(sample), contract.type() + " is no longer written as its golden file");
        assertEquals(sample, JSON.treeToValue(golden, contract.dataClass()));
        JsonNode schema =
                JSON.readTree(SCHEMAS.resolve(contract.type() + ".schema.json").toFile());
        assertEquals(List.of(), JsonSchemas.violations(schema, golden), contract.type());
        assertEquals(keyOf(contract, sample), keyOf(contract, JSON.treeToValue(golden, contract.dataClass())));
    }

    @Test
    void theCompatibilityCheckCatchesWhatBreaksConsumers() {
        JsonNode published = JSON.valueToTree(Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "id", Map.of("type", "string", "format", "uuid"),
                        "kind", Map.of("type", "string", "enum", List.of("A", "B")))));
        JsonNode renamed = JSON.valueToTree(Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "identifier", Map.of("type", "string", "format", "uuid"),
                        "kind", Map.of("type", "string", "enum", List.of("A")))));
        JsonNode grown = JSON.valueToTree(Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "id", Map.of("type", "string", "format", "uuid"),
                        "kind", Map.of("type", "string", "enum", List.of("A", "B", "C")),
                        "note", Map.of("type", List.of("string", "null")))));
        assertEquals(
                List.of("/kind: value \"B\" is no longer allowed", "/id: removed (or renamed)"),
                JsonSchemas.incompatibilities(published, renamed).stream()
                        .sorted(Comparator.reverseOrder())
                        .toList());
        assertEquals(
                List.of("/kind: value \"C\" is new, and consumers of the published version refuse it"),
                JsonSchemas.incompatibilities(published, grown));
        JsonNode noted = JSON.valueToTree(Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "id", Map.of("type", "string", "format", "uuid"),
                        "kind", Map.of("type", "string", "enum", List.of("A", "B")),
                        "note", Map.of("type", List.of("string", "null")))));
        assertEquals(List.of(), JsonSchemas.incompatibilities(published, noted));
    }

    private static void assertCompatible(EventContract<?> contract, JsonNode older, JsonNode newer, String what) {
        assertEquals(
                List.of(),
                JsonSchemas.incompatibilities(older, newer),
                contract.type() + " is published: " + what + " may only add optional fields; publish " + contract.name()
                        + ".v" + (contract.version() + 1) + " instead");
    }

    @SuppressWarnings("unchecked")
    private static <T> String keyOf(EventContract<T> contract, Object data) {
        return contract.keyOf((T) data);
    }

    /** The sample as it goes on the wire: written, then read as any consumer reads it. */
    private static JsonNode tree(Object sample) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(sample));
    }

    private static String pretty(JsonNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** What is published: the schemas of the main branch (a branch's own commits are not published yet). */
    private static final String PUBLISHED = "main";

    /** The file as a revision holds it, or null (a new file, no such revision, or no git outside CI). */
    private static String committed(String revision, Path file) throws Exception {
        try {
            Process git = new ProcessBuilder("git", "show", revision + ":./" + file)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = git.getInputStream().readAllBytes();
            return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0
                    ? new String(out, StandardCharsets.UTF_8)
                    : null;
        } catch (IOException noGit) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("git is needed to compare the schemas with what was published", noGit);
            }
            return null;
        }
    }
}
