package vn.canhgac.commons.requestid;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Carries the request id that the gateway created (or makes one for a direct call) into the log context of
 * everything this request does, into problem documents, and back to the caller.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String PROPERTY = "canhgac.requestId";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String requestId = sanitize(request.getHeaderString(HEADER));
        request.setProperty(PROPERTY, requestId);
        MDC.put(MDC_KEY, requestId);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(PROPERTY);
        if (requestId != null) {
            response.getHeaders().putSingle(HEADER, requestId);
        }
    }

    /** Keeps a well-formed incoming id; replaces anything else so that logs cannot be forged through it. */
    public static String sanitize(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches()
                ? candidate
                : UUID.randomUUID().toString();
    }

    /** The request id of the request being served, for work that outlives it (such as an outbox row). */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
