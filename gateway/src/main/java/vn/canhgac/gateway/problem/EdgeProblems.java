package vn.canhgac.gateway.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Whatever the gateway answers itself is a problem document: a path that nothing serves, a path that tries to
 * climb out of {@code /api} with encoded dot segments or backslashes (refused before routing, so that it never
 * reaches a route that its decoded form would name), and any failure of the HTTP layer.
 */
@ApplicationScoped
public class EdgeProblems {

    private static final Logger LOG = Logger.getLogger(EdgeProblems.class);

    void screenPaths(@Observes Filters filters) {
        filters.register(
                rc -> {
                    String raw = rc.request().path();
                    if (raw == null || suspicious(raw)) {
                        GatewayProblems.send(rc, 400, "bad-path");
                    } else if (raw.startsWith("/q/") && !raw.startsWith("/q/swagger-ui")) {
                        // Of Quarkus' own endpoints only Swagger UI is public; the rest are on the management port.
                        GatewayProblems.send(rc, 404, "not-found");
                    } else {
                        rc.next();
                    }
                },
                1000);
    }

    /**
     * An encoded dot, slash, backslash or NUL; a raw backslash or control character. Every request is screened, so
     * this is a scan rather than a case-insensitive regular expression (3 % of the gateway's CPU under load).
     */
    static boolean suspicious(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return true;
            }
            if (c == '%' && i + 2 < path.length() && encodesSeparatorOrNul(path.charAt(i + 1), path.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean encodesSeparatorOrNul(char high, char low) {
        char lower = Character.toLowerCase(low);
        return (high == '2' && (lower == 'e' || lower == 'f'))
                || (high == '5' && lower == 'c')
                || (high == '0' && low == '0');
    }

    void register(@Observes Router router) {
        router.route().last().handler(rc -> GatewayProblems.send(rc, 404, "not-found"));
        router.route().failureHandler(this::failed);
    }

    private void failed(RoutingContext rc) {
        // A session cookie that cannot be read (forged, or sealed with another key) fails the authentication itself.
        int status = rc.failure() instanceof AuthenticationFailedException ? 401 : rc.statusCode();
        String kind = switch (status) {
            case 401 -> "unauthorized";
            case 404 -> "not-found";
            case 413 -> "too-large";
            case 429 -> "rate-limited";
            default -> status >= 400 && status < 500 ? "bad-request" : "internal-error";
        };
        if (kind.equals("internal-error")) {
            status = 500;
            LOG.error("Failure at the gateway", rc.failure());
        }
        if (rc.response().headWritten()) {
            rc.next();
            return;
        }
        GatewayProblems.send(rc, status, kind);
    }
}
