package vn.canhgac.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.canhgac.commons.json.InputRules;
import vn.canhgac.commons.json.UnsafeInput;
import vn.canhgac.commons.requestid.RequestIdFilter;

/**
 * The one place where failures become RFC 9457 problem documents, in the caller's language. Bad input is
 * always a 4xx that names what was wrong; an unexpected failure is a 500 that names only the request id
 * (the stack trace goes to the log, never to the caller); a database that cannot be reached is a 503.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE class 22: the data did not fit (22021 a NUL in text, 22003 a number out of range, ...). */
    private static final String DATA_EXCEPTION = "22";

    private static final String DEADLOCK = "40P01";
    private static final Set<String> CONTENTION = Set.of("55P03", DEADLOCK, "40001");

    @ServerExceptionMapper
    public Response domain(DomainProblem problem, HttpHeaders headers, ContainerRequestContext request) {
        Locale locale = locale(headers);
        List<FieldError> errors = new ArrayList<>(problem.rowErrors());
        problem.violations()
                .forEach(v -> errors.add(
                        new FieldError(v.field(), ProblemMessages.text(locale, "field." + v.messageKey(), v.args()))));
        return respond(
                request,
                locale,
                problem.status(),
                problem.kind(),
                errors,
                problem.allowed(),
                localise(locale, problem.args()));
    }

    private static Object[] localise(Locale locale, Object[] args) {
        Object[] localised = args.clone();
        for (int i = 0; i < localised.length; i++) {
            if (localised[i] instanceof DomainProblem.MessageKey key) {
                localised[i] = ProblemMessages.text(locale, key.key());
            }
        }
        return localised;
    }

    @ServerExceptionMapper
    public Response invalidBean(
            ConstraintViolationException exception, HttpHeaders headers, ContainerRequestContext request) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldPath(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(request, locale(headers), 400, "invalid-request", errors, null);
    }

    @ServerExceptionMapper
    public Response unknownField(
            UnrecognizedPropertyException exception, HttpHeaders headers, ContainerRequestContext request) {
        Locale locale = locale(headers);
        FieldError error = new FieldError(jsonPath(exception), ProblemMessages.text(locale, "field.unknown"));
        return respond(request, locale, 400, "invalid-request", List.of(error), null);
    }

    @ServerExceptionMapper
    public Response wrongType(
            MismatchedInputException exception, HttpHeaders headers, ContainerRequestContext request) {
        Locale locale = locale(headers);
        if (exception instanceof UnsafeInput unsafe) {
            String field = exception.getPath().isEmpty() ? "body" : jsonPath(exception);
            return respond(
                    request,
                    locale,
                    400,
                    "invalid-request",
                    List.of(new FieldError(field, ProblemMessages.text(locale, "field." + unsafe.messageKey()))),
                    null);
        }
        if (exception.getPath().isEmpty()) {
            return respond(request, locale, 400, "malformed-json", List.of(), null);
        }
        FieldError error = new FieldError(jsonPath(exception), ProblemMessages.text(locale, "field.wrong-type"));
        return respond(request, locale, 400, "invalid-request", List.of(error), null);
    }

    @ServerExceptionMapper
    public Response unsafeText(
            InputRules.UncheckedUnsafeText exception, HttpHeaders headers, ContainerRequestContext request) {
        Locale locale = locale(headers);
        FieldError error = new FieldError("body", ProblemMessages.text(locale, "field.bad-characters"));
        return respond(request, locale, 400, "invalid-request", List.of(error), null);
    }

    @ServerExceptionMapper
    public Response malformedJson(
            JsonProcessingException exception, HttpHeaders headers, ContainerRequestContext request) {
        return respond(request, locale(headers), 400, "malformed-json", List.of(), null);
    }

    @ServerExceptionMapper
    public Response unauthenticated(
            UnauthorizedException exception, HttpHeaders headers, ContainerRequestContext request) {
        return unauthorized(request, locale(headers));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(
            AuthenticationFailedException exception, HttpHeaders headers, ContainerRequestContext request) {
        return unauthorized(request, locale(headers));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, HttpHeaders headers, ContainerRequestContext request) {
        return respond(request, locale(headers), 403, "forbidden", List.of(), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException exception, HttpHeaders headers, ContainerRequestContext request) {
        switch (exception.getCause()) {
            case UnrecognizedPropertyException unknown -> {
                return unknownField(unknown, headers, request);
            }
            case InputRules.UncheckedUnsafeText unsafe -> {
                return unsafeText(unsafe, headers, request);
            }
            case MismatchedInputException mismatched -> {
                return wrongType(mismatched, headers, request);
            }
            case JsonProcessingException malformed -> {
                return malformedJson(malformed, headers, request);
            }
            case null, default -> {}
        }
        int status = exception.getResponse().getStatus();
        if (exception instanceof NotFoundException && exception.getCause() != null) {
            // JAX-RS answers 404 when a query or path parameter does not convert (limit=abc, severity=x): the
            // path exists, the parameter is wrong, so it is a 400.
            Locale locale = locale(headers);
            FieldError error = new FieldError("parameter", ProblemMessages.text(locale, "field.bad-parameter"));
            return respond(request, locale, 400, "invalid-request", List.of(error), null);
        }
        if (status >= 500) {
            return unexpected(exception, headers, request);
        }
        return respond(request, locale(headers), status, "http-" + status, List.of(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, HttpHeaders headers, ContainerRequestContext request) {
        Locale locale = locale(headers);
        PgException pg = causeOf(failure, PgException.class);
        if (pg != null && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
            return respond(request, locale, 409, "duplicate", List.of(), null);
        }
        if (pg != null && pg.getSqlState() != null && pg.getSqlState().startsWith(DATA_EXCEPTION)) {
            // Input that slipped past validation and that the database cannot take (a character it cannot store,
            // a number or date out of its range): the statement failed, so nothing was stored.
            LOG.warnf("Data refused by the database (%s): %s", pg.getSqlState(), pg.getErrorMessage());
            return respond(request, locale, 400, "invalid-data", List.of(), null);
        }
        if (pg != null && isContention(pg)) {
            // Waited too long for a lock other work holds (or lost a deadlock to it): the transaction rolled back, so
            // nothing changed, and the same request is expected to succeed once that work is done.
            if (DEADLOCK.equals(pg.getSqlState())) {
                // Answered as busy all the same, but a deadlock is a lock order to fix: the detail names both sides.
                LOG.errorf("Deadlock, answered busy: %s %s", pg.getErrorMessage(), pg.getDetail());
            } else {
                LOG.warnf("Busy (%s): %s", pg.getSqlState(), pg.getErrorMessage());
            }
            Response response = respond(request, locale, 503, "busy", List.of(), null);
            return Response.fromResponse(response).header("Retry-After", "10").build();
        }
        InputRules.UncheckedUnsafeText unsafe = causeOf(failure, InputRules.UncheckedUnsafeText.class);
        if (unsafe != null) {
            return unsafeText(unsafe, headers, request);
        }
        if (causeOf(failure, ConnectException.class) != null || isConnectionFailure(failure) || isShutdown(pg)) {
            LOG.warnf("Dependency unavailable: %s", failure.toString());
            Response response = respond(request, locale, 503, "unavailable", List.of(), null);
            return Response.fromResponse(response).header("Retry-After", "5").build();
        }
        LOG.error("Unexpected failure", failure);
        return respond(request, locale, 500, "internal-error", List.of(), null);
    }

    private static Response unauthorized(ContainerRequestContext request, Locale locale) {
        Response response = respond(request, locale, 401, "unauthorized", List.of(), null);
        return Response.fromResponse(response)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    static Response respond(
            ContainerRequestContext request,
            Locale locale,
            int status,
            String kind,
            List<FieldError> errors,
            List<String> allowed,
            Object... args) {
        Problem problem = new Problem(
                Problem.TYPE_BASE + kind,
                ProblemMessages.text(locale, kind + ".title", args),
                status,
                ProblemMessages.textOrNull(locale, kind + ".detail", args),
                request.getUriInfo().getRequestUri().getRawPath(),
                (String) request.getProperty(RequestIdFilter.PROPERTY),
                errors,
                allowed);
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .language(locale)
                .entity(problem)
                .build();
    }

    private static Locale locale(HttpHeaders headers) {
        return ProblemMessages.choose(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static String fieldPath(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.isInIterable() && !names.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                names.set(names.size() - 1, names.getLast() + (position == null ? "" : "[" + position + "]"));
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String jsonPath(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** A lock not granted in time (55P03), a deadlock (40P01) or a serialization failure (40001). */
    private static boolean isContention(PgException pg) {
        return CONTENTION.contains(String.valueOf(pg.getSqlState()));
    }

    /** The database is shutting down or refusing connections (SQLSTATE classes 08 and 57P). */
    private static boolean isShutdown(PgException pg) {
        return pg != null
                && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"));
    }

    private static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith("ClosedConnectionException")
                    || name.endsWith("NoStackTraceThrowable")
                            && String.valueOf(t.getMessage()).contains("onnection")) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
