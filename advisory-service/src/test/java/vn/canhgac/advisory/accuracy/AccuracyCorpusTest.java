package vn.canhgac.advisory.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.canhgac.commons.testing.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.advisory.InventoryFeed.Product;
import vn.canhgac.commons.testing.RunIds;

/**
 * The accuracy corpus (src/test/resources/accuracy, see its PROVENANCE.md): documents in the shapes national CERTs
 * and vendors publish, a fixed inventory, and the exposures each document must and must not produce. Every
 * document goes through the real import API against the real database; what it produces for the corpus
 * organisation right after its import is compared with the table. Precision and recall over the corpus are
 * printed with every false alarm and every miss ({@code ./canhgac bench accuracy} runs this same test), and both
 * must be 1.0.
 */
@QuarkusTest
class AccuracyCorpusTest {

    private static final String RUN = RunIds.next(8).toUpperCase();
    private static final String UNIT = "ACC-" + RUN;
    private static final String UNIT_PATH = "/UBND-KH/STTTT-KH/" + UNIT + "/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static InventoryFeed inventory;
    private static final Map<UUID, String> HOSTNAMES = new LinkedHashMap<>();

    /** One row of expectations.csv: a document, an asset, and hit, confirm (TO_CONFIRM) or none. */
    private record Expectation(String document, String hostname, String expect) {}

    /** What one document produced for one asset: its status. */
    private record Produced(String hostname, String status) {}

    /** The corpus in parts (inventory*.csv, expectations*.csv), read in this order: some documents build on others. */
    private static final List<String> PARTS = List.of("", "-csaf", "-feeds");
    /** Lists the Authority imports with prefixes wider than /8 or /32 forced (authority-forces.txt). */
    private static final List<String> FORCED = resource("authority-forces.txt")
            .lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(String::strip)
            .toList();
    /** The statuses of a live exposure; a closed one (resolved, false positive, withdrawn) is not produced. */
    private static final List<String> LIVE = List.of("TO_CONFIRM", "OPEN", "ACKNOWLEDGED", "IN_PROGRESS", "MITIGATED");

    @BeforeAll
    static void inventory() {
        inventory = InventoryFeed.withUnitOfKhanhHoa(UNIT);
        List<String> lines = PARTS.stream()
                .flatMap(part -> resource("inventory" + part + ".csv").lines().skip(1))
                .filter(line -> !line.isBlank())
                .toList();
        for (String line : lines) {
            String[] f = Arrays.copyOf(line.split(",", -1), 7);
            UUID id = UUID.randomUUID();
            List<Product> products = f[3] == null || f[3].isBlank()
                    ? List.of()
                    : List.of(new Product(blank(f[2]), f[3], blank(f[4]), blank(f[5]), blank(f[6])));
            inventory.asset(id, UNIT, UNIT_PATH, f[0], 0, List.of(f[1]), products);
            HOSTNAMES.put(id, f[0]);
        }
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    @Test
    void everyDocumentProducesExactlyTheExposuresItMust() throws IOException {
        InventoryFeed.awaitOrganization(UNIT);
        HOSTNAMES.keySet().forEach(id -> InventoryFeed.awaitAsset(id, Duration.ofSeconds(60)));

        Map<String, List<Expectation>> byDocument = new LinkedHashMap<>();
        PARTS.stream()
                .flatMap(
                        part -> resource("expectations" + part + ".csv").lines().skip(1))
                .filter(line -> !line.isBlank())
                .map(line -> line.split(","))
                .map(f -> new Expectation(f[0], f[1], f[2]))
                .forEach(e -> byDocument
                        .computeIfAbsent(e.document(), d -> new ArrayList<>())
                        .add(e));

        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> report = new ArrayList<>();
        for (var entry : byDocument.entrySet()) {
            Map<String, String> produced = produce(entry.getKey());
            for (Expectation e : entry.getValue()) {
                String status = produced.remove(e.hostname());
                boolean expected = !e.expect().equals("none");
                boolean right = e.expect().equals("confirm")
                        ? "TO_CONFIRM".equals(status)
                        : e.expect().equals("hit") ? status != null && !status.equals("TO_CONFIRM") : status == null;
                if (right && expected) {
                    truePositives++;
                } else if (!right && expected) {
                    falseNegatives++;
                    report.add("MISS        " + e.document() + " -> " + e.hostname() + " (expected " + e.expect()
                            + ", got " + (status == null ? "nothing" : status) + ")");
                } else if (!right) {
                    falsePositives++;
                    report.add("FALSE ALARM " + e.document() + " -> " + e.hostname() + " (" + status + ")");
                }
            }
            for (var unexpected : produced.entrySet()) {
                falsePositives++;
                report.add("FALSE ALARM " + entry.getKey() + " -> " + unexpected.getKey() + " (" + unexpected.getValue()
                        + ", not in the table)");
            }
        }
        double precision =
                truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        double recall =
                truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        System.out.printf(
                "Accuracy corpus: %d documents, %d assets, %d expected hits; precision %.3f, recall %.3f "
                        + "(%d true, %d false alarms, %d misses)%n",
                byDocument.size(),
                HOSTNAMES.size(),
                truePositives + falseNegatives,
                precision,
                recall,
                truePositives,
                falsePositives,
                falseNegatives);
        report.forEach(System.out::println);
        // A known gap (known-gaps.csv) counts in the figure and is printed, but does not fail the build; one that
        // is right now must leave the file, so that the list stays true.
        List<String> gaps = resource("known-gaps.csv")
                .lines()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split(",", 3))
                .map(f -> f[0] + " -> " + f[1] + " ")
                .toList();
        List<String> unexplained = report.stream()
                .filter(line -> gaps.stream().noneMatch(line::contains))
                .toList();
        List<String> closedGaps = gaps.stream()
                .filter(gap -> report.stream().noneMatch(line -> line.contains(gap)))
                .map(gap -> "NO LONGER A GAP " + gap)
                .toList();
        gaps.forEach(gap -> System.out.println("KNOWN GAP   " + gap));
        assertEquals(List.of(), unexplained, "false alarms and misses");
        assertEquals(List.of(), closedGaps, "known gaps that are right now: remove them from known-gaps.csv");
    }

    /** Imports one document through the API; answers what it produced for the corpus unit, by hostname. */
    private Map<String, String> produce(String document) throws IOException {
        String body = resource(document);
        String kind = document.substring(0, document.indexOf('/'));
        // x.r2.json is the next revision of x.json: the same reference.
        String reference =
                document.substring(document.indexOf('/') + 1).replaceAll("\\.r\\d+(\\.[a-z]+)$", "$1") + "-" + RUN;
        List<String> advisories = new ArrayList<>();
        String list = null;
        switch (kind) {
            case "csaf" -> {
                if (refused(
                        document,
                        as("national-feed")
                                .contentType(ContentType.JSON)
                                .body(body)
                                .queryParam("reference", reference)
                                .post("/api/v1/advisories/imports/csaf"),
                        200)) {
                    return new LinkedHashMap<>();
                }
                advisories.add(advisoryId(reference));
            }
            case "kev" -> {
                if (refused(
                        document,
                        as("national-feed")
                                .contentType(ContentType.JSON)
                                .body(body)
                                .post("/api/v1/advisories/imports/kev"),
                        200)) {
                    return new LinkedHashMap<>();
                }
                for (JsonNode entry : JSON.readTree(body).path("vulnerabilities")) {
                    advisories.add(advisoryId("KEV/" + entry.path("cveID").asText()));
                }
            }
            case "advisories" -> {
                Response created = as("authority")
                        .contentType(ContentType.JSON)
                        .body(body.replaceFirst("\"reference\":\"([^\"]+)\"", "\"reference\":\"$1-" + RUN + "\""))
                        .post("/api/v1/advisories");
                if (refused(document, created, 201)) {
                    return new LinkedHashMap<>();
                }
                advisories.add(created.path("id"));
            }
            case "blocklists" -> {
                boolean forced = FORCED.contains(document);
                Response created = as(forced ? "authority" : "national-feed")
                        .contentType(blocklistType(document))
                        .queryParam("reference", reference)
                        .queryParam("issuer", "ACC-" + RUN)
                        .queryParam("kind", "AD_HOC")
                        .queryParam("widePrefixes", forced)
                        .body(body.getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/botnet-lists");
                if (refused(document, created, 201)) {
                    return new LinkedHashMap<>();
                }
                list = created.path("id");
            }
            default -> throw new IllegalArgumentException(document);
        }
        Map<String, String> produced = new LinkedHashMap<>();
        for (String advisory : advisories) {
            collect(Map.of("advisoryId", advisory), produced);
        }
        if (list != null) {
            collect(Map.of("botnetListId", list), produced);
        }
        return produced;
    }

    /** A document the API refused produces nothing: its expected hits are misses, and the answer is printed. */
    private static boolean refused(String document, Response answer, int expected) {
        if (answer.statusCode() == expected) {
            return false;
        }
        System.out.println("REFUSED     " + document + " -> " + answer.statusCode() + " "
                + answer.asString().replaceAll("\\s+", " "));
        return true;
    }

    private static void collect(Map<String, String> filter, Map<String, String> produced) {
        List<Map<String, Object>> items = as("authority")
                .queryParams(filter)
                .queryParam("organization", UNIT)
                .queryParam("limit", 500)
                .get("/api/v1/exposures")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        for (Map<String, Object> item : items) {
            String asset = (String) item.get("assetId");
            if (LIVE.contains((String) item.get("status"))) {
                produced.put(
                        asset == null
                                ? "(constituency " + item.get("subject") + ")"
                                : HOSTNAMES.getOrDefault(UUID.fromString(asset), asset),
                        (String) item.get("status"));
            }
        }
    }

    private static String advisoryId(String reference) {
        List<Map<String, Object>> items = as("authority")
                .queryParam("q", reference)
                .queryParam("limit", 50)
                .get("/api/v1/advisories")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(item -> reference.equals(item.get("reference")))
                .map(item -> (String) item.get("id"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no advisory " + reference));
    }

    private static String blocklistType(String document) {
        return document.endsWith(".csv")
                ? "text/csv"
                : document.endsWith(".json") ? "application/json" : "text/plain; charset=utf-8";
    }

    private static String resource(String name) {
        try (InputStream in = AccuracyCorpusTest.class.getResourceAsStream("/accuracy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no corpus file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
