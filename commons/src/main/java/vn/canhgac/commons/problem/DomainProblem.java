package vn.canhgac.commons.problem;

import java.util.List;

/**
 * A failure the caller can act on, thrown by domain code and turned into problem+json once, by
 * {@link ProblemMappers}. The {@code kind} names both the problem type URI and the message keys
 * ({@code kind.title}, {@code kind.detail}), so a new kind only needs lines in each {@code problems*.properties}.
 */
public class DomainProblem extends RuntimeException {

    /** An argument that is itself a message key, such as the kind of object that was not found. */
    public record MessageKey(String key) {}

    /** A field at fault, with a message key resolved in the caller's language when the problem is written. */
    public record Violation(String field, String messageKey, Object... args) {}

    private final int status;
    private final String kind;
    private final transient Object[] args;
    private final transient List<Violation> violations;
    private final transient List<String> allowed;
    private final transient List<FieldError> rowErrors;

    protected DomainProblem(int status, String kind, List<Violation> violations, List<String> allowed, Object... args) {
        this(status, kind, violations, List.of(), allowed, args);
    }

    private DomainProblem(
            int status,
            String kind,
            List<Violation> violations,
            List<FieldError> rowErrors,
            List<String> allowed,
            Object... args) {
        super(kind, null, false, false);
        this.status = status;
        this.kind = kind;
        this.args = args;
        this.violations = violations;
        this.rowErrors = rowErrors;
        this.allowed = allowed;
    }

    /**
     * 422 for an import refused as a whole; the errors, already in the caller's language, name their rows.
     */
    public static DomainProblem rejectedRows(String kind, List<FieldError> rowErrors, Object... args) {
        return new DomainProblem(422, kind, List.of(), List.copyOf(rowErrors), List.of(), args);
    }

    /** 404: the object does not exist or is outside the caller's scope (deliberately indistinguishable). */
    public static DomainProblem notFound(String what, Object id) {
        return new DomainProblem(404, "not-found", List.of(), List.of(), new MessageKey("thing." + what), id);
    }

    public static DomainProblem conflict(String kind, Object... args) {
        return new DomainProblem(409, kind, List.of(), List.of(), args);
    }

    /** 413 for a body larger than its endpoint accepts, with the limit in bytes. */
    public static DomainProblem tooLarge(long limitBytes) {
        return new DomainProblem(413, "body-too-large", List.of(), List.of(), limitBytes);
    }

    /** 422: the request is well-formed but cannot be honoured as it stands. */
    public static DomainProblem unprocessable(String kind, Object... args) {
        return new DomainProblem(422, kind, List.of(), List.of(), args);
    }

    /** 409 for a workflow step that is not allowed from the current state; lists the steps that are. */
    public static DomainProblem illegalTransition(String from, String to, List<String> allowed) {
        return new DomainProblem(409, "illegal-transition", List.of(), allowed, from, to);
    }

    public static DomainProblem invalid(List<Violation> violations) {
        return new DomainProblem(400, "invalid-request", violations, List.of());
    }

    public static DomainProblem invalidField(String field, String messageKey, Object... args) {
        return invalid(List.of(new Violation(field, messageKey, args)));
    }

    /** 428: an update without {@code If-Match}, which would overwrite whatever someone else wrote. */
    public static DomainProblem preconditionRequired() {
        return new DomainProblem(428, "precondition-required", List.of(), List.of());
    }

    public static DomainProblem preconditionFailed() {
        return new DomainProblem(412, "precondition-failed", List.of(), List.of());
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public Object[] args() {
        return args;
    }

    public List<Violation> violations() {
        return violations;
    }

    public List<FieldError> rowErrors() {
        return rowErrors;
    }

    /** The steps allowed, for a refused workflow step only (possibly none, from a final state); else null. */
    public List<String> allowed() {
        return "illegal-transition".equals(kind) ? allowed : null;
    }
}
