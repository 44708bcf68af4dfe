package vn.canhgac.gateway.console;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which of the two ways in a request takes. Machine clients send a bearer token and are checked as before (the
 * default tenant, a resource server). The web console signs in at {@code /login} with the authorization code flow,
 * done here on the server side ({@code console} tenant), and then sends only its HttpOnly session cookie: its
 * tokens never reach the page.
 */
@ApplicationScoped
public class ConsoleTenant implements TenantResolver {

    public static final String TENANT = "console";
    /** Quarkus names the session cookie after the tenant; a large session is split into numbered chunks. */
    static final String SESSION_COOKIE = "q_session_" + TENANT;

    @Override
    public String resolve(RoutingContext rc) {
        if (rc.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        String path = rc.normalizedPath();
        if (path.equals(ConsolePaths.LOGIN) || path.equals(ConsolePaths.LOGOUT) || hasSession(rc)) {
            return TENANT;
        }
        return null;
    }

    static boolean hasSession(RoutingContext rc) {
        return sessionCookie(rc) != null;
    }

    /** The value of the console's session cookie (its first chunk when split), or null. */
    public static String sessionCookie(RoutingContext rc) {
        for (Cookie cookie : rc.request().cookies()) {
            if (cookie.getName().equals(SESSION_COOKIE) || cookie.getName().startsWith(SESSION_COOKIE + "_chunk_")) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
