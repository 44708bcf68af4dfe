package vn.canhgac.gateway.routing;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import vn.canhgac.gateway.console.ConsoleTenant;
import vn.canhgac.gateway.console.CsrfTokens;
import vn.canhgac.gateway.identity.VerifiedTokens;
import vn.canhgac.gateway.problem.GatewayProblems;
import vn.canhgac.gateway.ratelimit.RateLimiter;

/**
 * Forwards {@code /api/...} to the service that owns the path, once the caller's bearer token is valid.
 * Bodies stream through in both directions (an import of a large file is never held in memory here); the token
 * is relayed as it came, because every service validates it again; the request id goes with it. The web console
 * sends its session cookie instead: the access token of that session is relayed exactly as a client's would be,
 * and the cookie itself never leaves the gateway.
 * <p>
 * Every request goes through here, so the chain is written with Vert.x' own futures, on the request's event loop:
 * Mutiny's operators wrapped each step in a context-propagation snapshot, a fifth of the gateway's execution samples
 * (docs/performance.md). Mutiny is left to a request whose bearer token is not remembered yet and to the console's
 * requests (a session cookie, whose identity Quarkus gives as a Uni).
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    /** Hop-by-hop headers (RFC 9110 §7.6.1) are for one connection and never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            // Answered by the gateway itself, once the caller is known (below).
            "expect",
            // The console's session and its CSRF token are the gateway's business only.
            "cookie",
            "x-csrf-token");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final RouteTable routes;
    private final RateLimiter limiter;
    private final VerifiedTokens verifiedTokens;
    private final CsrfTokens csrf;
    /**
     * One client per event loop, used only from that loop: its connections are opened there, so a request and its
     * forwarded copy never change threads. With one shared client a pooled connection usually belonged to another
     * loop, and every forwarded request cost a hand-over and a selector wake-up.
     */
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();

    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final long timeoutMillis;

    public ApiProxy(
            RouteTable routes,
            RateLimiter limiter,
            VerifiedTokens verifiedTokens,
            CsrfTokens csrf,
            Vertx vertx,
            @ConfigProperty(name = "canhgac.proxy.timeout", defaultValue = "PT60S") Duration timeout,
            @ConfigProperty(name = "canhgac.proxy.pool-size", defaultValue = "200") int poolSize) {
        this.routes = routes;
        this.limiter = limiter;
        this.verifiedTokens = verifiedTokens;
        this.csrf = csrf;
        this.timeoutMillis = timeout.toMillis();
        this.vertx = vertx;
        this.clientOptions = new HttpClientOptions()
                .setMaxPoolSize(poolSize)
                .setKeepAlive(true)
                .setConnectTimeout(2_000);
    }

    void register(@Observes Router router) {
        router.routeWithRegex("/api/.*").handler(this::proxy);
        // A token that fails validation can be refused by the OIDC mechanism itself, before the proxy runs.
        router.routeWithRegex("/api/.*").failureHandler(rc -> {
            if (rc.statusCode() == 401 || rc.failure() instanceof io.quarkus.security.AuthenticationFailedException) {
                fail(rc, new Unauthenticated());
            } else {
                rc.next();
            }
        });
    }

    void proxy(RoutingContext rc) {
        rc.request().pause();
        MetricPaths.name(rc.normalizedPath());
        String requestId = RequestIds.of(rc);
        rc.response().putHeader(RequestIds.HEADER, requestId);
        var owner = routes.owner(rc.normalizedPath());
        if (owner.isEmpty()) {
            GatewayProblems.send(rc, 404, "no-route");
            return;
        }
        authenticate(rc)
                .compose(caller -> {
                    throttle(caller.name());
                    return forward(rc, owner.get(), requestId, caller.authorization());
                })
                .onFailure(failure -> fail(rc, failure));
    }

    /** Who calls, and the Authorization header that goes to the service on its behalf. */
    private record Caller(String name, String authorization) {}

    /**
     * The caller, once the bearer token is valid (remembered from an earlier request, or verified now), or once the
     * console's session is valid and, for a request that changes something, carries its CSRF token.
     */
    private Future<Caller> authenticate(RoutingContext rc) {
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        String known = verifiedTokens.caller(authorization);
        if (known != null) {
            return Future.succeededFuture(new Caller(known, authorization));
        }
        // No token, or one not verified yet: throttled by client address before its signature costs anything, so
        // a flood of forged or missing tokens is refused at the rate of a single caller. A console session is
        // throttled as itself: the people of one office share one address.
        String session = ConsoleTenant.sessionCookie(rc);
        long wait = limiter.acquire(session != null ? "session:" + session.hashCode() : "address:" + clientAddress(rc));
        if (wait > 0) {
            return Future.failedFuture(new RateLimited(wait));
        }
        // A token that fails verification is answered here, with a problem document: Quarkus' default handler
        // would send an empty 401 before this chain sees the failure.
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>)
                (context, failure) -> fail(context, new Unauthenticated()));
        Uni<SecurityIdentity> deferred = rc.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        Uni<Caller> verified = deferred.onFailure()
                .transform(failure -> new Unauthenticated())
                .map(identity -> {
                    if (identity.isAnonymous()) {
                        throw new Unauthenticated();
                    }
                    String caller = identity.getPrincipal().getName();
                    if (authorization == null) {
                        return sessionCaller(rc, identity, caller);
                    }
                    if (identity.getPrincipal() instanceof JsonWebToken token) {
                        verifiedTokens.remember(authorization, caller, token.getExpirationTime());
                    }
                    return new Caller(caller, authorization);
                });
        // Back on this request's event loop, where its forwarded copy is sent from.
        return Future.fromCompletionStage(verified.subscribeAsCompletionStage(), vertx.getOrCreateContext());
    }

    private Caller sessionCaller(RoutingContext rc, SecurityIdentity identity, String caller) {
        AccessTokenCredential accessToken = identity.getCredential(AccessTokenCredential.class);
        if (accessToken == null || !(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            throw new Unauthenticated();
        }
        if (!SAFE_METHODS.contains(rc.request().method().name())) {
            if (!csrf.matches(idToken, rc.request().getHeader(CsrfTokens.HEADER))) {
                throw new CrossSite();
            }
        }
        return new Caller(caller, "Bearer " + accessToken.getToken());
    }

    private static String clientAddress(RoutingContext rc) {
        return rc.request().remoteAddress() == null
                ? "unknown"
                : rc.request().remoteAddress().hostAddress();
    }

    private void throttle(String caller) {
        long wait = limiter.acquire(caller);
        if (wait > 0) {
            throw new RateLimited(wait);
        }
    }

    private Future<Void> forward(
            RoutingContext rc, Map.Entry<String, RouteTable.Route> owner, String requestId, String authorization) {
        HttpServerRequest in = rc.request();
        // Forward the path that was routed (dot segments resolved), never the raw one: "/api/v1/x/../../q/..."
        // must not reach a path other than the one whose owner was chosen.
        String query = in.query();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setAbsoluteURI(owner.getValue().url() + rc.normalizedPath() + (query == null ? "" : "?" + query))
                .setIdleTimeout(timeoutMillis);
        in.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                options.addHeader(header.getKey(), header.getValue());
            }
        });
        options.putHeader(HttpHeaders.AUTHORIZATION.toString(), authorization)
                .putHeader(RequestIds.HEADER, requestId)
                .putHeader(
                        "X-Forwarded-Host",
                        in.authority() == null ? "" : in.authority().toString())
                .putHeader("X-Forwarded-Proto", in.scheme())
                .putHeader(
                        "X-Forwarded-For",
                        in.remoteAddress() == null ? "" : in.remoteAddress().hostAddress());
        // A client that asks before sending a large body (curl does above 1 MB) is told to go on only once its token
        // is valid and it is within its rate: never answered, it waited a second before sending; refused, it sends
        // nothing.
        if ("100-continue".equalsIgnoreCase(in.getHeader(HttpHeaders.EXPECT))) {
            in.response().writeContinue();
        }
        return clients.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(clientOptions))
                .request(options)
                .compose(out -> out.send(in))
                .compose(response -> relay(response, rc.response()));
    }

    private static Future<Void> relay(HttpClientResponse from, HttpServerResponse to) {
        to.setStatusCode(from.statusCode());
        from.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))
                    && !header.getKey().equalsIgnoreCase(RequestIds.HEADER)) {
                to.headers().add(header.getKey(), header.getValue());
            }
        });
        if (!from.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            to.setChunked(true);
        }
        return from.pipeTo(to);
    }

    private static void fail(RoutingContext rc, Throwable failure) {
        if (rc.response().headWritten()) {
            // Too late for a problem document (the answer is already under way, or another handler gave it).
            if (!rc.response().ended()) {
                rc.response().reset();
            }
            return;
        }
        switch (failure) {
            case Unauthenticated u -> {
                rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"canhgac\"");
                GatewayProblems.send(rc, 401, "unauthorized");
            }
            case CrossSite c -> GatewayProblems.send(rc, 403, "csrf");
            case RateLimited limited -> {
                rc.response().putHeader("Retry-After", Long.toString(limited.seconds));
                GatewayProblems.send(rc, 429, "rate-limited");
            }
            case ConnectException c -> {
                rc.response().putHeader("Retry-After", "5");
                GatewayProblems.send(rc, 503, "unavailable");
            }
            case TimeoutException t -> GatewayProblems.send(rc, 504, "timeout");
            default -> {
                LOG.warnf(
                        "Forwarding %s %s failed: %s",
                        rc.request().method(), rc.request().path(), failure.toString());
                GatewayProblems.send(rc, 502, "unavailable");
            }
        }
    }

    private static final class Unauthenticated extends RuntimeException {
        Unauthenticated() {
            super(null, null, false, false);
        }
    }

    private static final class CrossSite extends RuntimeException {
        CrossSite() {
            super(null, null, false, false);
        }
    }

    private static final class RateLimited extends RuntimeException {
        final long seconds;

        RateLimited(long seconds) {
            super(null, null, false, false);
            this.seconds = seconds;
        }
    }
}
