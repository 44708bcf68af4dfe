package vn.canhgac.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import vn.canhgac.commons.requestid.RequestIdFilter;

/**
 * Problem documents for what never reaches a resource: a path no resource serves (Vert.x would answer with an
 * HTML page) and failures of the HTTP layer itself, such as a body over the size limit. Everything a service
 * answers is then {@code application/problem+json}, whatever its status.
 */
@ApplicationScoped
public class ProblemRoutes {

    private static final Logger LOG = Logger.getLogger(ProblemRoutes.class);

    private final ObjectMapper json;

    public ProblemRoutes(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().last().handler(rc -> send(rc, 404));
        router.route().failureHandler(this::failed);
    }

    private void failed(RoutingContext rc) {
        int status = rc.statusCode() >= 400 ? rc.statusCode() : 500;
        if (status >= 500) {
            LOG.error("Failure outside a resource", rc.failure());
        }
        send(rc, status);
    }

    private void send(RoutingContext rc, int status) {
        if (rc.response().headWritten()) {
            if (!rc.response().ended()) {
                rc.response().end();
            }
            return;
        }
        Locale locale = ProblemMessages.choose(rc.request().getHeader("Accept-Language"));
        String kind = status >= 500 ? "internal-error" : "http-" + status;
        String requestId = RequestIdFilter.sanitize(rc.request().getHeader(RequestIdFilter.HEADER));
        Problem problem = new Problem(
                Problem.TYPE_BASE + kind,
                ProblemMessages.text(locale, kind + ".title"),
                status,
                ProblemMessages.textOrNull(locale, kind + ".detail"),
                rc.request().path(),
                requestId,
                List.of(),
                null);
        try {
            rc.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Content-Language", locale.getLanguage())
                    .putHeader(RequestIdFilter.HEADER, requestId)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(status).end();
        }
    }
}
