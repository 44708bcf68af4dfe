package vn.canhgac.gateway.problem;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import vn.canhgac.gateway.routing.RequestIds;

/**
 * The problem documents the gateway itself answers (no token, no route, too many requests, a service down),
 * in the same RFC 9457 shape and the same two languages as the services' own.
 */
public final class GatewayProblems {

    private static final String TYPE_BASE = "https://canhgac.vn/problems/";

    private GatewayProblems() {}

    public static void send(RoutingContext rc, int status, String kind) {
        Locale locale = language(rc.request().getHeader("Accept-Language"));
        ResourceBundle texts = ResourceBundle.getBundle(
                "gateway-problems",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        JsonObject problem = new JsonObject()
                .put("type", TYPE_BASE + kind)
                .put("title", texts.getString(kind + ".title"))
                .put("status", status)
                .put("detail", texts.getString(kind + ".detail"))
                .put("instance", rc.request().path())
                .put("requestId", RequestIds.of(rc));
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Content-Language", locale.getLanguage())
                .end(problem.encode());
    }

    /**
     * Vietnamese when the caller prefers it over English, English otherwise, and English for a malformed header
     * ({@code en;q=2}, an over-long tag): the same reading as commons {@code ProblemMessages.choose}, which the
     * gateway cannot depend on (commons brings the database and messaging extensions with it).
     */
    static Locale language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 256) {
            return Locale.ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
        for (Locale.LanguageRange range : ranges) {
            String language = range.getRange().toLowerCase(Locale.ROOT);
            if (language.equals("vi") || language.startsWith("vi-")) {
                return Locale.of("vi");
            }
            if (language.equals("en") || language.startsWith("en-")) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }
}
