package vn.canhgac.gateway.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Whatever the gateway answers itself is a problem document: a path that nothing serves, a path that tries to
 * climb out of {@code /api} with encoded dot segments or backslashes (refused before routing, so that it never
 * reaches a route that its decoded form would name), and any failure of the HTTP layer.
 */
@ApplicationScoped
public class EdgeProblems {

    private static final Logger LOG = Logger.getLogger(EdgeProblems.class);
    /** Encoded dots, slashes, backslashes and NUL; a raw backslash or control character. */
    private static final Pattern SUSPICIOUS = Pattern.compile("(?i)%2e|%2f|%5c|%00|\\\\|[\\x00-\\x1f\\x7f]");

    void screenPaths(@Observes Filters filters) {
        filters.register(
                rc -> {
                    String raw = rc.request().path();
                    if (raw == null || SUSPICIOUS.matcher(raw).find()) {
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
