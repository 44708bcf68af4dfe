package vn.canhgac.gateway.routing;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which service owns which API paths: {@code canhgac.gateway.routes.<service>.url} and {@code .prefixes}. */
@ConfigMapping(prefix = "canhgac.gateway")
public interface RouteTable {

    Map<String, Route> routes();

    interface Route {
        /** Base URL of the service, e.g. {@code http://127.0.0.1:8081}. */
        String url();

        /** Base URL of the service's management interface (its OpenAPI document), never routed to callers. */
        String managementUrl();

        /** Path prefixes the service owns, e.g. {@code /api/v1/organizations}. */
        List<String> prefixes();
    }

    /** The service owning a path: the longest matching prefix, matched on whole path segments. */
    default Optional<Map.Entry<String, Route>> owner(String path) {
        Map.Entry<String, Route> best = null;
        int bestLength = -1;
        for (Map.Entry<String, Route> entry : routes().entrySet()) {
            for (String prefix : entry.getValue().prefixes()) {
                boolean matches = path.equals(prefix) || path.startsWith(prefix + "/");
                if (matches && prefix.length() > bestLength) {
                    best = entry;
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
