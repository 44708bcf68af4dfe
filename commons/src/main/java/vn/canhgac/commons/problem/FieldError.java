package vn.canhgac.commons.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One invalid field of a request: its JSON path and a message in the caller's language. */
@RegisterForReflection
public record FieldError(String field, String message) {
}
