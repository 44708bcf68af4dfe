package vn.canhgac.gateway.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers of everything the console is made of. The page is never cached (a new release must reach every
 * browser at once); the files it loads have content hashes in their names, so they are cached for a year and never
 * revalidated. The Content-Security-Policy lets the page run only this origin's scripts and talk only to this origin.
 */
@ApplicationScoped
public class ConsoleHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            // The component library sets CSS variables in style attributes and one <style> element at start;
            // no script can be injected through either.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static void forPage(HttpServerResponse response) {
        common(response);
        response.putHeader("Cache-Control", "no-cache");
    }

    private static void common(HttpServerResponse response) {
        response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin")
                .putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

    /** Static files: set before Quarkus' static handler answers them. */
    void staticFiles(@Observes Filters filters) {
        filters.register(
                rc -> {
                    String path = rc.normalizedPath();
                    if (path.startsWith("/assets/")) {
                        common(rc.response());
                        rc.response().putHeader("Cache-Control", "public, max-age=31536000, immutable");
                    } else if (path.equals("/sw.js")
                            || path.equals("/manifest.webmanifest")
                            || path.equals("/index.html")
                            || path.startsWith("/icon")) {
                        common(rc.response());
                        rc.response().putHeader("Cache-Control", "no-cache");
                    }
                    rc.next();
                },
                100);
    }
}
