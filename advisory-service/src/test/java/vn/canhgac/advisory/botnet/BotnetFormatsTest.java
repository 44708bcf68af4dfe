package vn.canhgac.advisory.botnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.problem.DomainProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading botnet lists in each format, line by line, without the database. */
class BotnetFormatsTest {

    private static List<BotnetEntry> read(BotnetFormat format, String body) {
        List<BotnetEntry> entries = new ArrayList<>();
        format.entries(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), new ObjectMapper())
                .forEachRemaining(entries::add);
        return entries;
    }

    @Test
    void plainTextHasCommentsLabelsAndCanonicalNetworks() {
        List<BotnetEntry> entries = read(BotnetFormat.TEXT, """
                \uFEFF# Danh sách IP botnet tháng 01/2024
                203.0.113.7   mirai
                ; another comment
                2001:DB8:0:0::BAD:1
                198.51.100.77/24   # a whole network, host bits cleared

                not-an-ip
                """);
        assertEquals(List.of("203.0.113.7/32", "2001:db8::bad:1/128", "198.51.100.0/24"),
                entries.stream().filter(BotnetEntry::readable).map(BotnetEntry::network).toList());
        assertEquals("mirai", entries.getFirst().label());
        BotnetEntry bad = entries.getLast();
        assertEquals(7, bad.row());
        assertEquals("bad-network", bad.fault());
    }

    @Test
    void csvFindsTheAddressColumnByName() {
        List<BotnetEntry> entries = read(BotnetFormat.CSV, """
                first_seen,IP,ASN,Botnet
                2024-01-02,203.0.113.7,AS7552,Mirai
                2024-01-03,"203.0.113.8",AS45899,
                2024-01-03,203.0.113.999,AS45899,Gafgyt
                """);
        assertEquals("203.0.113.7/32", entries.get(0).network());
        assertEquals("Mirai", entries.get(0).label());
        assertEquals(null, entries.get(1).label());
        assertEquals(4, entries.get(2).row());
        assertEquals("bad-network", entries.get(2).fault());
        DomainProblem problem = assertThrows(DomainProblem.class, () -> read(BotnetFormat.CSV, "when,where\n1,2\n"));
        assertEquals("invalid-request", problem.kind());
    }

    @Test
    void stixTakesAddressIndicatorsAndObservablesOnly() throws IOException {
        String bundle;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/botnet-stix.json")) {
            bundle = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("HOST_A", "203.0.113.7")
                    .replace("HOST_B", "203.0.113.9");
        }
        List<BotnetEntry> entries = read(BotnetFormat.STIX, bundle);
        assertEquals(List.of("203.0.113.7/32", "198.51.100.0/24", "2001:db8::bad:1/128", "203.0.113.9/32"),
                entries.stream().map(BotnetEntry::network).toList());
        assertEquals("Mirai C2", entries.getFirst().label());
        assertEquals(3, entries.getFirst().row());
    }

    @Test
    void stixRefusesWhatIsNotABundleOrBadPatterns() {
        assertThrows(DomainProblem.class, () -> read(BotnetFormat.STIX, "{\"type\":\"indicator\",\"objects\":[]}"));
        assertThrows(DomainProblem.class, () -> read(BotnetFormat.STIX, "[1,2]"));
        List<BotnetEntry> entries = read(BotnetFormat.STIX, """
                {"type":"bundle","objects":[{"type":"indicator","pattern_type":"stix",
                 "pattern":"[ipv4-addr:value MATCHES '^10\\\\.']"},
                 {"type":"ipv4-addr","value":"10.0.0.300"}]}""");
        assertEquals(List.of("stix-pattern", "bad-network"), entries.stream().map(BotnetEntry::fault).toList());
    }
}
