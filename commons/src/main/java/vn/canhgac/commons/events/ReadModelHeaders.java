package vn.canhgac.commons.events;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Writes the freshness headers of {@link ReadModel} answers: the oldest of their read models, the sum of what waits. */
@Provider
public class ReadModelHeaders implements ContainerResponseFilter {

    public static final String AS_OF = "Canhgac-Data-As-Of";
    public static final String BEHIND = "Canhgac-Data-Behind";

    @Context
    ResourceInfo resource;

    private final ConsumerFreshness freshness;

    public ReadModelHeaders(ConsumerFreshness freshness) {
        this.freshness = freshness;
    }

    /**
     * The headers that say how fresh the read models of these consumers are. A streamed answer, which response
     * filters do not see, writes them itself.
     */
    public static Map<String, String> of(ConsumerFreshness freshness, String... consumers) {
        Instant asOf = null;
        long behind = 0;
        boolean known = false;
        for (String consumer : consumers) {
            Optional<Instant> one = freshness.asOf(consumer);
            if (one.isPresent() && (asOf == null || one.get().isBefore(asOf))) {
                asOf = one.get();
            }
            Optional<Long> waiting = freshness.behind(consumer);
            if (waiting.isPresent()) {
                behind += waiting.get();
                known = true;
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (asOf != null) {
            headers.put(AS_OF, asOf.toString());
        }
        if (known) {
            headers.put(BEHIND, String.valueOf(behind));
        }
        return headers;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        ReadModel readModel = resource == null || resource.getResourceMethod() == null
                ? null
                : resource.getResourceMethod().getAnnotation(ReadModel.class);
        if (readModel == null || response.getStatus() >= 300) {
            return;
        }
        of(freshness, readModel.value()).forEach(response.getHeaders()::putSingle);
    }
}
