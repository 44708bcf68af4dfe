package vn.canhgac.gateway.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in sends the browser to Keycloak; when Keycloak is down the browser would show its own "site can't be
 * reached" page, on Keycloak's address, which a duty officer cannot make sense of. The gateway asks Keycloak first
 * (its discovery document, at most every few seconds) and, if it does not answer, says so in the console's
 * languages and tries again by itself. Sessions already open go on meanwhile: their tokens are in the cookie.
 */
@ApplicationScoped
public class IdentityProviderWatch {

    private static final long FRESH_MILLIS = 5_000;
    private static final String PAGE = """
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <meta http-equiv="refresh" content="15"><title>Canh Gác</title></head>
            <body style="font-family:system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
            <h1>Chưa đăng nhập được</h1>
            <p>Hệ thống định danh tạm thời không trả lời. Trang này tự thử lại sau 15 giây. Phiên đang mở vẫn dùng tiếp được.</p>
            <h2 lang="en">Signing in is not possible right now</h2>
            <p lang="en">The identity provider does not answer. This page tries again in 15 seconds. Sessions already
            open keep working.</p></body></html>""";

    private final HttpClient client;
    private final RequestOptions discovery;
    private final AtomicLong answeredAt = new AtomicLong();
    private final AtomicLong failedAt = new AtomicLong();
    private final AtomicReference<Uni<Boolean>> probe = new AtomicReference<>();

    public IdentityProviderWatch(
            Vertx vertx, @ConfigProperty(name = "quarkus.oidc.console.auth-server-url") String authServerUrl) {
        this.client = vertx.createHttpClient();
        URI uri = URI.create(authServerUrl + "/.well-known/openid-configuration");
        this.discovery = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(uri.toString())
                .setConnectTimeout(1_000)
                .setIdleTimeout(2_000);
    }

    void beforeSignIn(@Observes Filters filters) {
        // Before the authentication handler, which would redirect to Keycloak without asking it anything.
        filters.register(this::check, 900);
    }

    private void check(RoutingContext rc) {
        // A lapsed session is sent here to sign in again: it is asked about too.
        if (!rc.normalizedPath().equals(ConsolePaths.LOGIN)) {
            rc.next();
            return;
        }
        Context context = io.vertx.core.Vertx.currentContext();
        reachable()
                .emitOn(task -> context.runOnContext(nothing -> task.run()))
                .subscribe()
                .with(up -> {
                    if (up) {
                        rc.next();
                    } else {
                        rc.response()
                                .setStatusCode(503)
                                .putHeader("Retry-After", "15")
                                .putHeader("Cache-Control", "no-store")
                                .putHeader("Content-Type", "text/html; charset=utf-8")
                                .end(PAGE);
                    }
                });
    }

    /**
     * Whether Keycloak answered its discovery document lately (remembered for a few seconds either way). While one
     * probe is under way every sign-in waits for it: a struggling Keycloak is not asked once per click.
     */
    Uni<Boolean> reachable() {
        long now = System.currentTimeMillis();
        if (now - answeredAt.get() < FRESH_MILLIS) {
            return Uni.createFrom().item(true);
        }
        if (now - failedAt.get() < FRESH_MILLIS) {
            return Uni.createFrom().item(false);
        }
        return probe.updateAndGet(current -> current != null ? current : newProbe());
    }

    private Uni<Boolean> newProbe() {
        return client.request(discovery)
                .flatMap(request -> request.send())
                .flatMap(response -> response.body().map(body -> response.statusCode() == 200))
                .ifNoItem()
                .after(Duration.ofSeconds(3))
                .fail()
                .onFailure()
                .recoverWithItem(false)
                .invoke(up -> {
                    (up ? answeredAt : failedAt).set(System.currentTimeMillis());
                    probe.set(null);
                })
                .memoize()
                .indefinitely();
    }
}
