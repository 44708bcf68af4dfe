package vn.canhgac.gateway.routing;

import io.vertx.core.Vertx;

/**
 * The path a proxied request is counted under in the HTTP metrics: {@code /api/v1/assets/{id}}, not one series per
 * asset. The proxy's route is a single regular expression, so Quarkus would tag every request with its raw path
 * (a thousand assets read, a thousand timers, until its cap of 100 tags). A segment made of lower-case words
 * ({@code summary}, {@code imports}, {@code botnet-lists}) after {@code /api/v1} is part of the API's shape and kept; anything else (an id,
 * an organisation's code, a CVE) is a value and becomes {@code {id}}.
 */
public final class MetricPaths {

    /** Where Quarkus' Micrometer binder looks for a request's path template, in the request's context. */
    private static final String TEMPLATE_KEY = "UrlPathTemplate";

    private MetricPaths() {}

    /** Names the current request's template for the metrics (call on the request's own context). */
    @SuppressWarnings("deprecation") // Context#putLocal is the key Quarkus itself reads
    static void name(String path) {
        var context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(TEMPLATE_KEY, template(path));
        }
    }

    static String template(String path) {
        StringBuilder template = new StringBuilder(path.length());
        int start = 1;
        int index = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end > start) {
                String segment = path.substring(start, end);
                // the first two are the API's own (/api/v1)
                template.append('/').append(index++ < 2 || isWord(segment) ? segment : "{id}");
            }
            start = end + 1;
        }
        return template.isEmpty() ? "/" : template.toString();
    }

    private static boolean isWord(String segment) {
        if (segment.charAt(0) < 'a' || segment.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if ((c < 'a' || c > 'z') && c != '-') {
                return false;
            }
        }
        return true;
    }
}
