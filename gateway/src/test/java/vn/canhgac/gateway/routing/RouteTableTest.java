package vn.canhgac.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static RouteTable.Route route(String url, String... prefixes) {
        return new RouteTable.Route() {
            public String url() {
                return url;
            }

            public String managementUrl() {
                return url;
            }

            public List<String> prefixes() {
                return List.of(prefixes);
            }
        };
    }

    private final RouteTable table = () -> Map.of(
            "inventory", route("http://inv", "/api/v1/organizations", "/api/v1/assets"),
            "advisory", route("http://adv", "/api/v1/exposures", "/api/v1/assets/exposures"));

    @Test
    void matchesWholeSegmentsAndPrefersTheLongestPrefix() {
        assertEquals(
                "inventory", table.owner("/api/v1/organizations").orElseThrow().getKey());
        assertEquals(
                "inventory",
                table.owner("/api/v1/organizations/UBND-KH").orElseThrow().getKey());
        assertEquals(
                "advisory",
                table.owner("/api/v1/assets/exposures/1").orElseThrow().getKey());
        assertTrue(table.owner("/api/v1/organizationsX").isEmpty());
        assertTrue(table.owner("/api/v2/organizations").isEmpty());
    }
}
