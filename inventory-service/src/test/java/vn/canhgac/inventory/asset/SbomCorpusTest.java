package vn.canhgac.inventory.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.product.Cpe23;

/**
 * The SBOM corpus (src/test/resources/sbom-corpus, see its PROVENANCE.md): CycloneDX 1.2 to 1.6, JSON and XML, in
 * the shapes cyclonedx-maven-plugin, cyclonedx-npm, cyclonedx-py, cyclonedx-gomod, cdxgen, syft and trivy write.
 * Each must give exactly the products of expected-products.csv, in order (the described thing first), and the
 * number of warnings of expected-warnings.csv. Every product wrongly read is printed, with the figure.
 */
class SbomCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySbomGivesExactlyItsProducts() throws IOException {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (List<String> row : csv(resource("expected-products.csv"))) {
            String cpe = row.get(5).isEmpty() || Cpe23.isValid(row.get(5))
                    ? row.get(5)
                    : Cpe23.fromUri(row.get(5)).orElse("");
            expected.computeIfAbsent(row.get(0), d -> new ArrayList<>())
                    .add(String.join(" | ", row.get(1), row.get(2), row.get(3), row.get(4), cpe));
        }
        List<String> report = new ArrayList<>();
        int right = 0;
        int total = 0;
        for (List<String> row : csv(resource("expected-warnings.csv"))) {
            String document = row.get(0);
            byte[] body = resource(document).getBytes(StandardCharsets.UTF_8);
            CycloneDxComponents.Sbom sbom = document.endsWith(".xml")
                    ? CycloneDxComponents.readXml(new ByteArrayInputStream(body))
                    : CycloneDxComponents.readJson(JSON, new ByteArrayInputStream(body));
            List<String> read = sbom.products().stream()
                    .map(p -> String.join(
                            " | ", blank(p.vendor()), p.product(), blank(p.version()), blank(p.purl()), blank(p.cpe())))
                    .toList();
            List<String> wanted = expected.getOrDefault(document, List.of());
            for (int i = 0; i < Math.max(read.size(), wanted.size()); i++) {
                String got = i < read.size() ? read.get(i) : "(nothing)";
                String want = i < wanted.size() ? wanted.get(i) : "(nothing)";
                total++;
                if (got.equals(want)) {
                    right++;
                } else {
                    report.add(document + " #" + i + ": expected " + want + ", read " + got);
                }
            }
            if (sbom.warnings().size() != Integer.parseInt(row.get(1))) {
                report.add(document + ": " + sbom.warnings().size() + " warnings, expected " + row.get(1) + " "
                        + sbom.warnings());
            }
        }
        System.out.printf(
                "SBOM corpus: %d documents, %d of %d products read right%n",
                csv(resource("expected-warnings.csv")).size(), right, total);
        report.forEach(System.out::println);
        assertEquals(List.of(), report);
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SbomCorpusTest.class.getResourceAsStream("/sbom-corpus/" + name)) {
            if (in == null) {
                throw new IOException("no corpus file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** RFC 4180 rows without the header: quoted cells may hold commas and doubled quotes. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.lines().skip(1).filter(l -> !l.isBlank()).toList()) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }
}
