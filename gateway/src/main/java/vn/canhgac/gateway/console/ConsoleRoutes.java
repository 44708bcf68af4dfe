package vn.canhgac.gateway.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.canhgac.gateway.problem.GatewayProblems;

/**
 * The web console's pages and its session, served from the same origin as the API: the application's page for
 * each of its screens, {@code /login} (after the code flow, back to where the user was going), and
 * {@code /session} (who is signed in, and the CSRF token the page sends back on unsafe requests).
 * {@code /logout} is Quarkus' own: it clears the session and ends the Keycloak session too.
 */
@ApplicationScoped
public class ConsoleRoutes {

    private final CsrfTokens csrf;
    private final Optional<Buffer> page;

    public ConsoleRoutes(CsrfTokens csrf) {
        this.csrf = csrf;
        this.page = readPage();
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, ConsolePaths.LOGIN).handler(this::afterLogin);
        router.route(HttpMethod.GET, ConsolePaths.SESSION).handler(this::session);
        router.routeWithRegex(HttpMethod.GET, ConsolePaths.SCREENS.pattern())
                .order(-1)
                .handler(this::page);
    }

    /** Reached once signed in (the security policy sends anyone else through Keycloak first). */
    void afterLogin(RoutingContext rc) {
        String next = rc.request().getParam("next");
        rc.response()
                .setStatusCode(302)
                .putHeader("Location", isLocalScreen(next) ? next : "/")
                .putHeader("Cache-Control", "no-store")
                .end();
    }

    /** Only a path of this origin: never "//elsewhere" or "/\elsewhere", which browsers read as another host. */
    static boolean isLocalScreen(String next) {
        return next != null
                && next.startsWith("/")
                && !next.startsWith("//")
                && !next.startsWith("/\\")
                && next.length() < 2048
                && next.chars().noneMatch(c -> c < 0x20 || c == '\\');
    }

    void session(RoutingContext rc) {
        rc.response().putHeader("Cache-Control", "no-store");
        Uni<SecurityIdentity> deferred = rc.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        deferred.subscribe().with(identity -> describe(rc, identity), failure -> signedOut(rc));
    }

    private void describe(RoutingContext rc, SecurityIdentity identity) {
        if (identity.isAnonymous()
                || identity.getCredential(AccessTokenCredential.class) == null
                || !(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            signedOut(rc);
            return;
        }
        JsonObject body = new JsonObject()
                .put("username", idToken.getClaim("preferred_username"))
                .put("name", idToken.getClaim("name"))
                .put("email", idToken.getClaim("email"))
                .put("organization", idToken.getClaim("org"))
                .put(
                        "roles",
                        new JsonArray(
                                new TreeSet<>(identity.getRoles()).stream().toList()))
                .put("csrfToken", csrf.tokenFor(idToken));
        rc.response().putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void signedOut(RoutingContext rc) {
        if (!rc.response().headWritten()) {
            GatewayProblems.send(rc, 401, "signed-out");
        }
    }

    void page(RoutingContext rc) {
        if (page.isEmpty()) {
            rc.next();
            return;
        }
        ConsoleHeaders.forPage(rc.response());
        rc.response().putHeader("Content-Type", "text/html; charset=utf-8").end(page.get());
    }

    private static Optional<Buffer> readPage() {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("/META-INF/resources/index.html")) {
            return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
