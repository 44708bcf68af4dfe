package vn.canhgac.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is a stable URI per kind of problem, so clients branch on it,
 * never on the (localised) title. {@code requestId} lets an operator find the matching log lines. {@code allowed}
 * is present (even empty, from a final state) exactly when a workflow step was refused.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<FieldError> errors,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> allowed) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://canhgac.vn/problems/";
}
