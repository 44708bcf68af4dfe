package vn.canhgac.incident.botnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.contracts.ExposureEvent;

/** How a batch's botnet hits become incident work: one group per organisation and list, one timeline line each. */
class BotnetHitsGroupingTest {

    private static final UUID LIST_A = UUID.randomUUID();
    private static final UUID LIST_B = UUID.randomUUID();

    private static ExposureEvent hit(String kind, String status, String org, UUID list, String address) {
        return hit(kind, status, org, list, address, "host-" + address);
    }

    private static ExposureEvent hit(
            String kind, String status, String org, UUID list, String address, String hostname) {
        Instant now = Instant.now();
        return new ExposureEvent(
                UUID.randomUUID(),
                org,
                "/" + org + "/",
                kind,
                null,
                null,
                list,
                list == LIST_A ? "BOTNET-A" : "BOTNET-B",
                null,
                hostname,
                null,
                address,
                "matched",
                "HIGH",
                LocalDate.parse("2026-12-08"),
                status,
                now,
                now,
                "matcher",
                0);
    }

    @Test
    void hitsAreGroupedByOrganisationAndListInTheOrderFirstSeenEachAddressOnceAndOthersAreLeftOut() {
        List<ExposureEvent> batch = List.of(
                hit("BOTNET", "OPEN", "UBND-CAMRANH", LIST_A, "203.0.113.1"),
                hit("BOTNET", "OPEN", "NHTM-A", LIST_A, "198.51.100.1"),
                hit("ADVISORY", "OPEN", "UBND-CAMRANH", null, "nginx 1.24.0"),
                hit("BOTNET", "RESOLVED", "UBND-CAMRANH", LIST_A, "203.0.113.9"),
                hit("BOTNET", "OPEN", "UBND-CAMRANH", LIST_B, "203.0.113.2"),
                hit("BOTNET", "OPEN", "UBND-CAMRANH", LIST_A, "203.0.113.3"),
                hit("BOTNET", "OPEN", "UBND-CAMRANH", LIST_A, "203.0.113.1")); // another asset, same address

        List<List<String>> groups = BotnetHitsConsumer.byIncident(batch).stream()
                .map(g -> g.stream().map(ExposureEvent::subject).toList())
                .toList();

        assertEquals(
                List.of(List.of("203.0.113.1", "203.0.113.3"), List.of("198.51.100.1"), List.of("203.0.113.2")),
                groups);
    }

    @Test
    void oneHitKeepsItsSentenceAndManyAreCountedWithTheFirstFewNamed() {
        assertEquals(
                "203.0.113.1 (host-203.0.113.1) is on BOTNET-A",
                BotnetHitsConsumer.timelineLine(List.of(hit("BOTNET", "OPEN", "X", LIST_A, "203.0.113.1"))));

        assertEquals(
                "203.0.113.7 is on BOTNET-A",
                BotnetHitsConsumer.timelineLine(List.of(hit("BOTNET", "OPEN", "X", LIST_A, "203.0.113.7", null))));

        List<ExposureEvent> many = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> hit("BOTNET", "OPEN", "X", LIST_A, "203.0.113." + i))
                .toList();
        String line = BotnetHitsConsumer.timelineLine(many);
        assertTrue(line.startsWith("12 addresses are on BOTNET-A: 203.0.113.1 (host-203.0.113.1), "), line);
        assertTrue(line.endsWith("203.0.113.10 (host-203.0.113.10) and 2 more"), line);
    }
}
