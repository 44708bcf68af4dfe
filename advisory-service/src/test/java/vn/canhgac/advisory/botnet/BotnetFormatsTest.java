package vn.canhgac.advisory.botnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.FieldError;
import vn.canhgac.commons.problem.ProblemMessages;

/** Reading botnet lists in each format, line by line, without the database. */
class BotnetFormatsTest {

    private static List<BotnetEntry> read(BotnetFormat format, String body) {
        List<BotnetEntry> entries = new ArrayList<>();
        format.entries(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), new ObjectMapper())
                .forEachRemaining(entries::add);
        return entries;
    }

    private static List<String> networks(List<BotnetEntry> entries) {
        return entries.stream()
                .filter(BotnetEntry::readable)
                .map(BotnetEntry::network)
                .toList();
    }

    private static List<String> faults(List<BotnetEntry> entries) {
        return entries.stream()
                .map(entry -> entry.readable() ? "ok" : (entry.skipped() ? "skip:" : "bad:") + entry.fault())
                .toList();
    }

    private static String message(BotnetEntry entry) {
        return ProblemMessages.text(
                Locale.ENGLISH, "field." + entry.fault(), entry.faultArguments().toArray());
    }

    @Test
    void plainTextHasCommentsLabelsAndCanonicalNetworks() {
        List<BotnetEntry> entries = read(BotnetFormat.TEXT, """
                \uFEFF# Danh sách IP botnet tháng 01/2024
                203.162.10.7   mirai
                ; another comment
                2001:EE0:0:0::BAD:1
                203.162.77.77/24   # a whole network, host bits cleared

                not-an-ip
                """);
        assertEquals(List.of("203.162.10.7/32", "2001:ee0::bad:1/128", "203.162.77.0/24"), networks(entries));
        assertEquals("mirai", entries.getFirst().label());
        BotnetEntry bad = entries.getLast();
        assertEquals(7, bad.row());
        assertEquals("bad-network", bad.fault());
    }

    @Test
    void csvFindsTheAddressColumnByName() {
        List<BotnetEntry> entries = read(BotnetFormat.CSV, """
                first_seen,IP,ASN,Botnet
                2024-01-02,203.162.10.7,AS7552,Mirai
                2024-01-03,"203.162.10.8",AS45899,
                2024-01-03,203.162.10.999,AS45899,Gafgyt
                """);
        assertEquals("203.162.10.7/32", entries.get(0).network());
        assertEquals("Mirai", entries.get(0).label());
        assertNull(entries.get(1).label());
        assertEquals(4, entries.get(2).row());
        assertEquals("bad-network", entries.get(2).fault());
        DomainProblem problem = assertThrows(DomainProblem.class, () -> read(BotnetFormat.CSV, "when,where\n1,2\n"));
        assertEquals("invalid-request", problem.kind());
    }

    @Test
    void csvWithAnUnterminatedQuoteLosesThatLineOnlyAndRowsAreLines() {
        List<BotnetEntry> entries = read(
                BotnetFormat.CSV,
                "ip,botnet,note\r\n"
                        + "203.162.10.8,Mozi,\"two\nlines\"\n"
                        + "\n"
                        + "203.162.10.7,\"Mirai,first\n"
                        + "203.162.10.9,Gafgyt,\n");
        assertEquals(List.of("ok", "bad:csv-unterminated-quote", "ok"), faults(entries));
        BotnetEntry bad = entries.get(1);
        assertEquals(5, bad.row());
        assertEquals("botnet", bad.field());
        assertTrue(message(bad).contains("line 5"), message(bad));
        assertEquals(List.of("203.162.10.8/32", "203.162.10.9/32"), networks(entries));
        assertEquals(
                List.of(2L, 6L),
                List.of(entries.getFirst().row(), entries.getLast().row()));
        DomainProblem problem =
                assertThrows(DomainProblem.class, () -> read(BotnetFormat.CSV, "\"ip,label\n1.2.3.4\n"));
        assertEquals("invalid-request", problem.kind());
    }

    @Test
    void aLabelThatCannotBeStoredMakesItsEntryBad() {
        assertEquals(
                List.of("bad:bad-characters", "ok"),
                faults(read(BotnetFormat.TEXT, "203.162.10.7 Mi\u0000rai\n203.162.10.8 Mozi\n")));
        List<BotnetEntry> csv = read(BotnetFormat.CSV, "ip,label\n203.162.10.7,Mi\u0000rai\n203.162.10.8,ok\n");
        assertEquals(List.of("bad:bad-characters", "ok"), faults(csv));
        assertEquals("label", csv.getFirst().field());
        List<BotnetEntry> stix = read(BotnetFormat.STIX, """
                {"type":"bundle","objects":[{"type":"indicator","pattern_type":"stix","name":"C2 \\ud800",
                 "pattern":"[ipv4-addr:value = '203.162.10.7']"}]}""");
        assertEquals(List.of("bad:bad-characters"), faults(stix));
        assertEquals("objects[0].name", stix.getFirst().field());
    }

    @Test
    void specialPurposeAddressSpaceIsSkippedWithItsReasonAndTheRealEntriesKept() {
        List<BotnetEntry> entries = read(BotnetFormat.TEXT, """
                # an aggregate blocklist with the bogons it lists on purpose
                0.0.0.0/8
                10.0.0.0/8
                10.1.2.3 mirai
                100.64.0.0/10
                100.100.1.1
                127.0.0.1
                169.254.0.0/16
                172.16.0.0/12
                172.20.1.1
                192.0.0.0/24
                192.0.2.1
                192.168.0.0/16
                198.18.0.0/15
                198.51.100.0/24
                203.0.113.9
                224.0.0.0/3
                240.0.0.0/4
                255.255.255.255
                ::
                ::1
                ::ffff:10.0.0.1
                fc00::/7
                fd00::1
                fe80::/10
                ff00::/8
                ff02::1
                2001:db8::/32
                2001:db8:bad::1
                203.162.10.25 Mirai
                2001:ee0:4501::bad
                100.128.0.1
                """);
        assertEquals(List.of("203.162.10.25/32", "2001:ee0:4501::bad/128", "100.128.0.1/32"), networks(entries));
        assertEquals(28, entries.stream().filter(BotnetEntry::skipped).count());
        assertTrue(entries.stream().allMatch(entry -> entry.readable() || entry.skipped()));
        BotnetEntry private10 = entries.get(2);
        assertEquals(4, private10.row());
        assertEquals("ip", private10.field());
        assertEquals(
                "'10.1.2.3/32' lies in special-purpose address space (10.0.0.0/8 RFC 1918), which is no host "
                        + "on the Internet; the entry was skipped",
                message(private10));
        assertTrue(
                message(entries.get(15)).contains("224.0.0.0/4 RFC 5771, 240.0.0.0/4 RFC 1112"),
                message(entries.get(15)));
    }

    @Test
    void networksWiderThanASlash8OrASlash32AreBadEntries() {
        List<BotnetEntry> entries = read(BotnetFormat.TEXT, """
                0.0.0.0/0
                128.0.0.0/1
                1.0.0.0/7
                ::/0
                2000::/3
                2001:ee0::/31
                1.0.0.0/8
                2001:ee0::/32
                """);
        assertEquals(
                List.of(
                        "bad:botnet-network-too-broad",
                        "bad:botnet-network-too-broad",
                        "bad:botnet-network-too-broad",
                        "bad:botnet-network-too-broad",
                        "bad:botnet-network-too-broad",
                        "bad:botnet-network-too-broad",
                        "ok",
                        "ok"),
                faults(entries));
        assertEquals(
                "'0.0.0.0/0' is too wide for a botnet list: it would hit whole networks of every agency. "
                        + "An IPv4 entry may be at most a /8, an IPv6 entry at most a /32",
                message(entries.getFirst()));
        assertTrue(ProblemMessages.text(
                        ProblemMessages.VIETNAMESE,
                        "field.botnet-network-too-broad",
                        entries.getFirst().faultArguments().toArray())
                .contains("quá rộng"));
    }

    @Test
    void nonCanonicalAddressesAreBadEntries() {
        assertEquals(
                List.of("bad:bad-network", "bad:bad-network", "bad:bad-network", "bad:bad-network", "ok"),
                faults(read(
                        BotnetFormat.TEXT,
                        "203.162.10\n203.162.010.7\n203.162.10.7/024\nfe80::1%eth0\n" + "203.162.10.7/32\n")));
    }

    @Test
    void stixTakesAddressIndicatorsAndObservablesOnly() throws IOException {
        String bundle;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/botnet-stix.json")) {
            bundle = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("HOST_A", "203.162.10.7")
                    .replace("HOST_B", "203.162.10.9");
        }
        List<BotnetEntry> entries = read(BotnetFormat.STIX, bundle);
        assertEquals(List.of("ok", "ok", "ok", "ok"), faults(entries));
        assertEquals(
                List.of("203.162.10.7/32", "185.220.101.0/24", "2a0b:4140:bad::1/128", "203.162.10.9/32"),
                networks(entries));
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
        assertEquals(
                List.of("stix-pattern", "bad-network"),
                entries.stream().map(BotnetEntry::fault).toList());
    }

    @Test
    void aListStoresItsRealEntriesListsTheSkippedAndIsRefusedWhenNothingElseRemains() {
        BotnetListImport.Tally tally = new BotnetListImport.Tally(Locale.ENGLISH);
        List<BotnetEntry> entries = read(BotnetFormat.TEXT, "10.0.0.0/8\n203.162.10.25\n192.168.1.1\n");
        assertEquals(
                List.of(false, true, false), entries.stream().map(tally::accept).toList());
        assertTrue(tally.clean());
        BotnetListDetails.Skipped skipped = tally.verdict();
        assertEquals(2, skipped.count());
        assertEquals(
                List.of(1L, 3L), skipped.entries().stream().map(FieldError::row).toList());
        assertTrue(skipped.entries().getLast().message().contains("192.168.0.0/16 RFC 1918"));

        BotnetListImport.Tally bogonsOnly = new BotnetListImport.Tally(ProblemMessages.VIETNAMESE);
        read(BotnetFormat.TEXT, "10.0.0.0/8\n127.0.0.1\n").forEach(bogonsOnly::accept);
        DomainProblem refused = assertThrows(DomainProblem.class, bogonsOnly::verdict);
        assertEquals(422, refused.status());
        assertEquals("botnet-list-only-special-purpose", refused.kind());
        assertEquals(2, refused.rowErrors().size());
        assertTrue(refused.rowErrors().getFirst().message().contains("bỏ qua"));

        BotnetListImport.Tally tooWide = new BotnetListImport.Tally(Locale.ENGLISH);
        read(BotnetFormat.TEXT, "0.0.0.0/0\n203.162.10.25\n10.0.0.1\n").forEach(tooWide::accept);
        assertFalse(tooWide.clean());
        DomainProblem rejected = assertThrows(DomainProblem.class, tooWide::verdict);
        assertEquals("botnet-list-rejected", rejected.kind());
        assertEquals(
                List.of(1L), rejected.rowErrors().stream().map(FieldError::row).toList());

        assertEquals(
                "invalid-request",
                assertThrows(DomainProblem.class, new BotnetListImport.Tally(Locale.ENGLISH)::verdict)
                        .kind());
    }

    private String fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/blocklists/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void feodoTrackersCsvWithItsBannerAndDstIpColumn() throws IOException {
        List<BotnetEntry> entries = read(BotnetFormat.CSV, fixture("feodo-ipblocklist.csv"));
        assertEquals(List.of("45.79.19.196/32", "162.243.103.246/32", "139.99.216.90/32"), networks(entries));
        assertEquals(
                List.of("Heodo", "QakBot", "Pikabot"),
                entries.stream().map(BotnetEntry::label).toList());
        assertEquals(10, entries.getFirst().row());
    }

    @Test
    void spamhausDropKeepsItsSblReferenceAsTheLabel() throws IOException {
        List<BotnetEntry> entries = read(BotnetFormat.TEXT, fixture("spamhaus-drop.txt"));
        assertEquals(List.of("1.10.16.0/20", "1.19.0.0/16", "2.56.192.0/22", "5.134.128.0/19"), networks(entries));
        assertEquals(
                List.of("SBL256894", "SBL434604", "SBL459831", "SBL270738"),
                entries.stream().map(BotnetEntry::label).toList());
    }

    @Test
    void aFireholNetsetKeepsItsRealNetworksAndSkipsItsBogons() throws IOException {
        List<BotnetEntry> entries = read(BotnetFormat.TEXT, fixture("firehol-level1.netset"));
        assertEquals(List.of("1.10.16.0/20", "5.134.128.0/19"), networks(entries));
        assertEquals(8, entries.stream().filter(BotnetEntry::skipped).count());
    }

    @Test
    void aShadowserverDroneReportGivesTheInfectedHostsWithTheirInfection() throws IOException {
        List<BotnetEntry> entries = read(BotnetFormat.CSV, fixture("shadowserver-botnet-drone.csv"));
        assertEquals(List.of("14.161.40.25/32", "2402:800:6200::25/128"), networks(entries));
        assertEquals(
                List.of("mirai", "andromeda"),
                entries.stream().map(BotnetEntry::label).toList());
    }

    @Test
    void stixIndicatorsThatAreRevokedOrExpiredAreSkippedAndNetworkTrafficReferencesRead() throws IOException {
        List<BotnetEntry> entries = read(BotnetFormat.STIX, fixture("stix-lapsed.json"));
        assertEquals(List.of("ok", "skip:stix-revoked", "skip:stix-expired", "ok"), faults(entries));
        assertEquals(List.of("45.79.19.196/32", "2001:ee0:4501::bad/128"), networks(entries));
        assertEquals("Emotet C2", entries.getFirst().label());
    }

    @Test
    void theAuthorityForcesWidePrefixesWhenThePublisherMeansThem() {
        List<BotnetEntry> entries = new ArrayList<>();
        BotnetEntry.widened(BotnetFormat.TEXT.entries(
                        new ByteArrayInputStream("2a0b:7e80::/29 ; SBL600001\n10.0.0.0/8\n::/0\n0.0.0.0/1\n"
                                .getBytes(StandardCharsets.UTF_8)),
                        new ObjectMapper()))
                .forEachRemaining(entries::add);
        // Never wider than a /16 or a /4, forced or not: that would hit the country.
        assertEquals(
                List.of(
                        "ok",
                        "skip:botnet-special-purpose",
                        "bad:botnet-network-too-broad",
                        "bad:botnet-network-too-broad"),
                faults(entries));
        assertEquals(List.of("2a0b:7e80::/29"), networks(entries));
    }

    @Test
    void jsonListsAsAbuseChAndSpamhausPublishThem() {
        List<BotnetEntry> feodo = read(BotnetFormat.JSON, """
                [{"ip_address":"162.55.188.117","port":443,"status":"online","malware":"Pikabot"},
                 {"ip_address":"194.180.191.64","port":2222,"status":"offline","malware":"QakBot"}]""");
        assertEquals(List.of("162.55.188.117/32", "194.180.191.64/32"), networks(feodo));
        assertEquals("Pikabot", feodo.getFirst().label());
        List<BotnetEntry> drop = read(BotnetFormat.JSON, """
                {"cidr":"45.145.184.0/22","sblid":"SBL610301","rir":"ripencc"}
                {"cidr":"103.151.228.0/22","sblid":"SBL610302","rir":"apnic"}
                {"type":"metadata","timestamp":1704882258,"size":262,"records":2}
                """);
        assertEquals(List.of("45.145.184.0/22", "103.151.228.0/22"), networks(drop));
        assertEquals("SBL610302", drop.get(1).label());
        assertEquals(
                List.of("bad:botnet-json-list"),
                faults(read(BotnetFormat.JSON, "[{\"ip\":\"1.2.3.4\"}, 7").stream()
                        .skip(1)
                        .toList()));
    }

    @Test
    void dshieldBlocksAreTheirNetworksAndItsHeaderIsReported() {
        List<BotnetEntry> entries = read(BotnetFormat.TEXT, """
                # DShield.org Recommended Block List
                Start\tEnd\tNetblock\tAttacks\tName\tCountry\temail
                141.98.11.0\t141.98.11.255\t24\t7341\tFlyservers S.A.\tPA\tabuse@flyservers.example
                80.94.95.0\t80.94.95.130\t24\t5102\tAlexhost SRL\tMD\tabuse@alexhost.example
                """);
        assertEquals(List.of("skip:botnet-header-line", "ok", "bad:botnet-range-not-a-network"), faults(entries));
        assertEquals(List.of("141.98.11.0/24"), networks(entries));
    }

    @Test
    void stixVersionsSetsAndObservablesAreReadForWhatTheyMean() {
        List<BotnetEntry> entries = read(BotnetFormat.STIX, """
                {"type":"bundle","id":"bundle--1","objects":[
                 {"type":"indicator","id":"indicator--a","modified":"2024-01-01T00:00:00Z","pattern_type":"stix",
                  "pattern":"[ipv4-addr:value = '45.79.19.1']","valid_from":"2024-01-01T00:00:00Z"},
                 {"type":"indicator","id":"indicator--b","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z",
                  "pattern":"[ipv4-addr:value IN ('45.79.19.2', '45.79.19.3')]"},
                 {"type":"indicator","id":"indicator--c","pattern_type":"stix","indicator_types":["benign"],
                  "pattern":"[ipv4-addr:value = '45.79.19.4']","valid_from":"2024-01-01T00:00:00Z"},
                 {"type":"ipv4-addr","id":"ipv4-addr--ctx","value":"45.79.19.5"},
                 {"type":"observed-data","id":"observed-data--1","object_refs":["ipv4-addr--ctx"]},
                 {"type":"indicator","id":"indicator--a","modified":"2024-02-01T00:00:00Z","pattern_type":"stix",
                  "pattern":"[ipv4-addr:value = '45.79.19.1']","valid_from":"2024-01-01T00:00:00Z","revoked":true}]}""");
        assertEquals(List.of("45.79.19.2/32", "45.79.19.3/32"), networks(entries));
        assertEquals(
                List.of("skip:stix-revoked", "ok", "ok", "skip:stix-benign", "skip:stix-context-only"),
                faults(entries));
    }
}
