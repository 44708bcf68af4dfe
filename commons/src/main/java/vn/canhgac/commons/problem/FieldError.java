package vn.canhgac.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One invalid field of a request: its JSON path and a message in the caller's language; for a row of an import,
 * also the row number (1 is the first data row).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Long row, String field, String message) {

    public FieldError(String field, String message) {
        this(null, field, message);
    }
}
