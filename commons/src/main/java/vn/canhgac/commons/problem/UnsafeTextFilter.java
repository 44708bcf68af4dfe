package vn.canhgac.commons.problem;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.canhgac.commons.text.TextInput;

/**
 * Query parameters and path segments obey the same text rule as JSON fields ({@link TextInput}): a NUL or an
 * unpaired surrogate, or a percent-escape that decodes to nothing, is a 400 naming the parameter before any
 * resource runs, instead of a database failure (a 500) deep inside a search.
 */
public class UnsafeTextFilter {

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 10)
    public Response refuse(ContainerRequestContext request) {
        List<String> bad = new ArrayList<>();
        try {
            for (Map.Entry<String, List<String>> parameter :
                    request.getUriInfo().getQueryParameters().entrySet()) {
                if (!TextInput.isClean(parameter.getKey())
                        || !parameter.getValue().stream().allMatch(TextInput::isClean)) {
                    bad.add(TextInput.isClean(parameter.getKey()) ? parameter.getKey() : "query");
                }
            }
            for (PathSegment segment : request.getUriInfo().getPathSegments()) {
                if (!TextInput.isClean(segment.getPath())) {
                    bad.add("path");
                    break;
                }
            }
        } catch (IllegalArgumentException undecodable) {
            bad.add("query");
        }
        if (bad.isEmpty()) {
            return null;
        }
        Locale locale = ProblemMessages.choose(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        List<FieldError> errors = bad.stream()
                .map(name -> new FieldError(name, ProblemMessages.text(locale, "field.bad-characters")))
                .toList();
        return ProblemMappers.respond(request, locale, 400, "invalid-request", errors, null);
    }
}
