package vn.canhgac.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.testing.RunIds;
import vn.canhgac.commons.testing.Tokens;
import vn.canhgac.gateway.e2e.OpenApiOperations.Body;
import vn.canhgac.gateway.e2e.OpenApiOperations.Operation;
import vn.canhgac.gateway.e2e.OpenApiOperations.Parameter;
import vn.canhgac.gateway.e2e.OpenApiOperations.Property;
import vn.canhgac.gateway.e2e.OpenApiOperations.Schema;

/**
 * The security suite: every operation of the merged OpenAPI document, whoever calls it and whatever it is sent.
 * Nothing here names an endpoint: the operations, their roles (the scopes of their security requirement, which
 * Quarkus fills from {@code @RolesAllowed}), parameters and bodies are read from {@code GET /openapi}, so a new
 * endpoint is covered as soon as a service documents it.
 * <ol>
 *     <li>Authorisation: every operation × {anonymous, a token with a bad signature, every demo identity}, with ids
 *     that name nothing and an empty body: 401 without a valid token, 403 without one of the operation's roles,
 *     otherwise neither 401, 403 nor 5xx.</li>
 *     <li>Bad input, as a caller the operation allows: broken parameters, bodies, cursors and language
 *     preferences never cause a 5xx, every 4xx is a problem document, and nothing carrying the run's marker is
 *     stored.</li>
 *     <li>Paths that try to leave {@code /api} or reach the management endpoints are refused.</li>
 * </ol>
 * Every failure is collected; the test fails once at the end with all of them.
 */
class SecuritySuiteE2E {

    private static final List<String> IDENTITIES = List.of(
            "authority",
            "khanhhoa-ubnd",
            "khanhhoa-auditor",
            "khanhhoa-coordinator",
            "camranh-operator",
            "bank-admin",
            "national-feed",
            "agency-system");
    private static final List<String> TAMPERED_PATHS =
            List.of("/api/v1/%2E%2E/%2E%2E/q/metrics", "/api/v1/assets%5c..", "/q/metrics", "/q/health", "/q/openapi");
    private static final List<String> LANGUAGES = List.of("en;q=2", "vi;q=", "*;q=abc", "vi-" + "x".repeat(297));
    private static final Set<String> CONDITIONAL_METHODS = Set.of("PUT", "PATCH", "DELETE");
    private static final String JSON_TYPE = "application/json";
    private static final int MAX_RETRIES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false))
            // The gateway gives a slow service 60 s before its 504; a hung request must not hang the suite.
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 5_000)
                    .setParam("http.socket.timeout", 90_000));

    /** Inside every generated string, so that anything a bad request managed to store can be found afterwards. */
    private final String marker = "SECSUITE-" + RunIds.next(8).toUpperCase();

    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int authorisationChecks;
    private int badInputs;
    private int serverErrors;
    private int nonProblemClientErrors;
    private int retries;

    /** Who calls: a demo identity (roles read from its token), or nobody valid ({@code authenticated} false). */
    private record Caller(String name, Supplier<String> token, Set<String> roles, boolean authenticated) {}

    /** One generated request: the operation it exercises, what is special about it, and the request itself. */
    private record Case(
            String operation,
            String input,
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> headers,
            String contentType,
            String body) {

        Case withBody(String otherInput, String otherContentType, String otherBody) {
            return new Case(operation, otherInput, method, path, query, headers, otherContentType, otherBody);
        }

        Case withHeader(String otherInput, String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Case(operation, otherInput, method, path, query, more, contentType, body);
        }
    }

    /** A parameter value as it goes into the URL (already percent-encoded), and how a report names it. */
    private record Value(String label, String encoded) {}

    private record Answer(int status, String contentType, String body, String retryAfter) {

        /** The body as JSON, or a missing node when it is not JSON. */
        JsonNode json() {
            if (body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json")
                    && json().path("status").asInt(-1) == status;
        }

        String problemType() {
            return json().path("type").asText("");
        }

        String excerpt() {
            String text = body.length() > 200 ? body.substring(0, 200) + "…" : body;
            return text.replaceAll("[\\p{Cntrl}]", " ");
        }
    }

    private enum Expect {
        /** No valid token: 401. */
        UNAUTHENTICATED,
        /** A valid token without any of the operation's roles: 403. */
        FORBIDDEN,
        /** A caller the operation allows: anything but 401, 403 and 5xx. */
        SERVED,
        /** Bad input: anything but 5xx. */
        SAFE,
        /** A path that must not lead anywhere: 400 or 404. */
        REFUSED
    }

    @Test
    void everyOperationAnswersOnlyItsRolesAndNoInputBreaksIt() {
        List<Operation> operations = OpenApiOperations.under(openApiDocument(), "/api/");
        assertFalse(operations.isEmpty(), "the merged OpenAPI document lists no operation under /api/");
        List<Caller> callers = callers();
        List<Caller> identities = callers.stream().filter(Caller::authenticated).toList();

        operations.forEach(operation -> checkAuthorisation(operation, callers));
        operations.forEach(operation -> checkBadInput(operation, identities));
        checkNothingStored(operations, named(callers, "authority"));
        checkTamperedPaths(named(callers, "anonymous"));

        System.out.printf(
                "Security suite: %d operations × %d callers = %d authorisation checks; %d bad inputs tried; "
                        + "5xx seen = %d; non-problem 4xx = %d; retries after 429 = %d%n",
                operations.size(),
                callers.size(),
                authorisationChecks,
                badInputs,
                serverErrors,
                nonProblemClientErrors,
                retries);
        notes.forEach(note -> System.out.println("Security suite: " + note));
        if (!failures.isEmpty()) {
            fail(failures.size() + " security suite failure(s):\n" + String.join("\n", failures));
        }
    }

    // --- The document and the callers ---------------------------------------------------------------------------

    private static JsonNode openApiDocument() {
        Response response = Platform.anonymous().accept(ContentType.JSON).get("/openapi");
        assertEquals(200, response.statusCode(), "GET /openapi");
        JsonNode document = parse(response.asString());
        // A service that was down is left out of the merged document, and its operations would go unchecked.
        assertEquals(
                0,
                document.path("x-canhgac-missing").size(),
                "services missing from the merged OpenAPI document: " + document.path("x-canhgac-missing"));
        return document;
    }

    private static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("anonymous", () -> null, Set.of(), false));
        String forged = withAlteredSignature(Tokens.of("authority"));
        callers.add(new Caller("bad signature", () -> forged, Set.of(), false));
        for (String identity : IDENTITIES) {
            // Tokens caches each token while it has more than a minute to live, so this asks Keycloak rarely.
            callers.add(new Caller(identity, () -> Tokens.of(identity), realmRoles(Tokens.of(identity)), true));
        }
        return callers;
    }

    private static Set<String> realmRoles(String token) {
        List<String> roles = Tokens.claims(token).getList("realm_access.roles", String.class);
        return roles == null ? Set.of() : new TreeSet<>(roles);
    }

    /** The same header and claims, one character of the signature changed (in the middle: every bit counts there). */
    private static String withAlteredSignature(String token) {
        int start = token.lastIndexOf('.') + 1;
        int at = start + (token.length() - start) / 2;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    private static Caller named(List<Caller> callers, String name) {
        return callers.stream()
                .filter(caller -> caller.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The authority when the operation allows it, else the first demo identity that it allows. */
    private static Optional<Caller> allowedCaller(Operation operation, List<Caller> identities) {
        return identities.stream()
                .filter(caller -> operation.allows(caller.roles()))
                .findFirst();
    }

    // --- 1. Authorisation ---------------------------------------------------------------------------------------

    private void checkAuthorisation(Operation operation, List<Caller> callers) {
        Case request = neutral(operation, "ids that name nothing, " + describeBody(operation));
        for (Caller caller : callers) {
            authorisationChecks++;
            Expect expect = !caller.authenticated()
                    ? Expect.UNAUTHENTICATED
                    : operation.allows(caller.roles()) ? Expect.SERVED : Expect.FORBIDDEN;
            check(caller, request, expect);
        }
    }

    private static String describeBody(Operation operation) {
        return operation.contentTypes().isEmpty()
                ? "no body"
                : "body " + operation.contentTypes().getFirst();
    }

    // --- 2. Bad input -------------------------------------------------------------------------------------------

    private void checkBadInput(Operation operation, List<Caller> identities) {
        Optional<Caller> caller = allowedCaller(operation, identities);
        if (caller.isEmpty()) {
            notes.add("no demo identity holds a role of " + operation.name() + " " + operation.roles()
                    + ": its bad input was not tried");
            return;
        }
        Stream.of(parameterCases(operation), bodyCases(operation), languageCases(operation))
                .flatMap(List::stream)
                .forEach(request -> {
                    badInputs++;
                    check(caller.get(), request, Expect.SAFE);
                });
    }

    private List<Case> parameterCases(Operation operation) {
        List<Case> cases = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("path") && !parameter.in().equals("query")) {
                continue;
            }
            for (Value value : badValues(parameter)) {
                String input = parameter.in() + " " + parameter.name() + " = " + value.label();
                cases.add(
                        parameter.in().equals("path")
                                ? request(operation, input, Map.of(parameter.name(), value.encoded()), Map.of())
                                : request(operation, input, Map.of(), Map.of(parameter.name(), value.encoded())));
            }
        }
        return cases;
    }

    private List<Value> badValues(Parameter parameter) {
        Schema schema = parameter.schema();
        List<Value> values = new ArrayList<>(List.of(
                new Value("text with NUL (%00)", encode(marker) + "%00"),
                new Value("text with a lone surrogate (%ED%A0%80)", encode(marker) + "%ED%A0%80"),
                new Value("10,000 characters", encode(padded(10_000)))));
        if (schema.isEnum()) {
            values.add(new Value("x (not one of its values)", "x"));
        } else if (schema.isTyped()) {
            values.add(new Value("abc (wrong type)", "abc"));
        }
        if (schema.is("integer")) {
            values.add(new Value("-1", "-1"));
            values.add(new Value("99999999999", "99999999999"));
        }
        if (parameter.name().toLowerCase().matches(".*(after|cursor).*")) {
            byte[] garbage = new byte[24];
            ThreadLocalRandom.current().nextBytes(garbage);
            values.add(new Value("cursor of random bytes", base64Url(garbage)));
            values.add(new Value(
                    "cursor of a date and a non-id",
                    base64Url(("2024-01-01" + (char) 0 + "not-a-uuid").getBytes(StandardCharsets.UTF_8))));
        }
        return values;
    }

    private List<Case> bodyCases(Operation operation) {
        List<Case> cases = new ArrayList<>();
        Case plain = neutral(operation, "");
        for (String type : operation.contentTypes()) {
            if (!type.equals(JSON_TYPE)) {
                cases.add(plain.withBody("an invalid " + type + " body", type, invalidBody(type)));
            }
        }
        if (!operation.acceptsJson()) {
            return cases;
        }
        Body body = operation.body();
        cases.add(plain.withBody("body {}", JSON_TYPE, "{}"));
        cases.add(plain.withBody("body []", JSON_TYPE, "[]"));
        cases.add(plain.withBody("body nested 2,000 levels deep", JSON_TYPE, "[".repeat(2_000) + "]".repeat(2_000)));
        if (body.hasText()) {
            // Escapes written as JSON text and sent as such: a lone surrogate in a Java string would leave as "?".
            cases.add(plain.withBody(
                    "every text property with a NUL escape",
                    JSON_TYPE,
                    textBody(body, "\"" + marker + " a\\u0000b\"")));
            cases.add(plain.withBody(
                    "every text property a lone surrogate escape",
                    JSON_TYPE,
                    textBody(body, "\"" + marker + " \\ud800\"")));
            cases.add(plain.withBody(
                    "every text property 100,000 characters", JSON_TYPE, textBody(body, quoted(padded(100_000)))));
        }
        for (Property property : body.properties()) {
            cases.add(plain.withBody(
                    "wrong JSON type for " + property.name(),
                    JSON_TYPE,
                    wrap(body, "{" + quoted(property.name()) + ":" + wrongType(property.schema()) + "}")));
        }
        return cases;
    }

    private List<Case> languageCases(Operation operation) {
        Case plain = neutral(operation, "");
        return LANGUAGES.stream()
                .map(language -> plain.withHeader(
                        "Accept-Language: "
                                + (language.length() > 40 ? "a " + language.length() + "-character tag" : language),
                        "Accept-Language",
                        language))
                .toList();
    }

    /**
     * Every free-text property (and list of texts) gets the bad text; typed properties get a plausible value, so that
     * the bad text is what the service has to refuse rather than a missing enum or id.
     */
    private String textBody(Body body, String badText) {
        List<String> members = new ArrayList<>();
        for (Property property : body.properties()) {
            Schema schema = property.schema();
            String value = schema.isText()
                    ? badText
                    : schema.items() != null && schema.items().isText() ? "[" + badText + "]" : plausible(schema);
            if (value != null) {
                members.add(quoted(property.name()) + ":" + value);
            }
        }
        return wrap(body, "{" + String.join(",", members) + "}");
    }

    private static String wrap(Body body, String object) {
        return body.array() ? "[" + object + "]" : object;
    }

    /** A JSON value of the schema's type that a parser takes, or null to leave the property out. */
    private static String plausible(Schema schema) {
        if (schema.isEnum()) {
            return quoted(schema.enumValues().getFirst());
        }
        if (schema.isUuid()) {
            return quoted(UUID.randomUUID().toString());
        }
        if (schema.isDate()) {
            return quoted(Objects.requireNonNullElse(
                    schema.example(), schema.format().equals("date") ? "2024-01-01" : "2024-01-01T00:00:00Z"));
        }
        if (schema.is("integer") || schema.is("number")) {
            return Objects.requireNonNullElse(schema.minimum(), "1");
        }
        if (schema.is("boolean")) {
            return "false";
        }
        if (schema.is("array") && schema.items() != null && plausible(schema.items()) != null) {
            return "[" + plausible(schema.items()) + "]";
        }
        return null;
    }

    /** A value of another JSON type: text for a number, boolean or object; an object for text or a list. */
    private String wrongType(Schema schema) {
        if (schema.is("integer") || schema.is("number") || schema.is("boolean") || schema.is("object")) {
            return quoted(marker);
        }
        return "{" + quoted(marker) + ":1}";
    }

    /** A tiny body that is not a valid document of the type: an unterminated CSV quote, a JSON list, text. */
    private String invalidBody(String contentType) {
        if (contentType.contains("csv")) {
            return marker + ",\"unterminated\r\n";
        }
        if (contentType.endsWith("json")) {
            return "[" + quoted(marker) + "]";
        }
        return marker + " is not what this endpoint reads\n";
    }

    // --- 2b. Nothing stored -------------------------------------------------------------------------------------

    /**
     * Every list, as the authority (who sees everything), must show nothing carrying the marker. A list with a
     * {@code q} parameter is searched for it; a list without one is only read on its first page (newest first for
     * most), so an object stored deeper than that would go unseen.
     */
    private void checkNothingStored(List<Operation> operations, Caller authority) {
        for (Operation operation : operations) {
            if (!operation.returnsPage() || !operation.parameters("path").isEmpty()) {
                continue;
            }
            boolean searchable = operation.parameters("query").stream()
                    .anyMatch(p -> p.name().equals("q"));
            Case list = request(
                    operation,
                    searchable ? "searched for " + marker : "first page read for " + marker,
                    Map.of(),
                    searchable ? Map.of("q", encode(marker)) : Map.of());
            Answer answer = send(authority, list);
            if (answer.status() != 200 || !answer.json().path("items").isArray()) {
                failure(list, authority, answer, "200 with items (to look for stored bad input)");
            } else if (answer.json().path("items").toString().contains(marker)) {
                failure(list, authority, answer, "no item carrying " + marker + " (bad input was stored)");
            }
        }
    }

    // --- 3. Tampered paths --------------------------------------------------------------------------------------

    private void checkTamperedPaths(Caller anonymous) {
        for (String path : TAMPERED_PATHS) {
            badInputs++;
            check(
                    anonymous,
                    new Case("GET " + path, "tampered path", "GET", path, Map.of(), Map.of(), null, null),
                    Expect.REFUSED);
        }
    }

    // --- Requests -----------------------------------------------------------------------------------------------

    /** The operation with ids that name nothing, its required query parameters, and its first body type. */
    private Case neutral(Operation operation, String input) {
        return request(operation, input, Map.of(), Map.of());
    }

    /** Like {@link #neutral}, with some path and query values replaced (already encoded). */
    private Case request(
            Operation operation, String input, Map<String, String> pathValues, Map<String, String> queryValues) {
        String path = operation.path();
        for (Parameter parameter : operation.parameters("path")) {
            String value = pathValues.getOrDefault(parameter.name(), encode(nothing(parameter.schema())));
            path = path.replace("{" + parameter.name() + "}", value);
        }
        path = path.replaceAll("\\{[^}/]+}", "NO-SUCH-UNDOCUMENTED");
        Map<String, String> query = new LinkedHashMap<>(neutralQuery(operation));
        query.putAll(queryValues);
        Map<String, String> headers =
                CONDITIONAL_METHODS.contains(operation.method()) ? Map.of("If-Match", "\"999999\"") : Map.of();
        String contentType = operation.contentTypes().isEmpty()
                ? null
                : operation.contentTypes().getFirst();
        String body = contentType == null ? null : contentType.equals(JSON_TYPE) ? "{}" : invalidBody(contentType);
        return new Case(operation.name(), input, operation.method(), path, query, headers, contentType, body);
    }

    private Map<String, String> neutralQuery(Operation operation) {
        Map<String, String> query = new LinkedHashMap<>();
        operation.parameters("query").stream()
                .filter(Parameter::required)
                .forEach(parameter -> query.put(parameter.name(), encode(nothing(parameter.schema()))));
        return query;
    }

    /** A value of the schema's type that names nothing stored: a fresh UUID, an unknown code, a far-off number. */
    private static String nothing(Schema schema) {
        if (schema.isUuid()) {
            return UUID.randomUUID().toString();
        }
        if (schema.is("integer") || schema.is("number")) {
            return "987654321";
        }
        String plausible = plausible(schema);
        if (plausible != null && plausible.startsWith("\"")) {
            return plausible.substring(1, plausible.length() - 1);
        }
        if (schema.is("boolean")) {
            return "false";
        }
        return "NO-SUCH-" + RunIds.next(8).toUpperCase();
    }

    private void check(Caller caller, Case request, Expect expect) {
        Answer answer = send(caller, request);
        String expected = violation(expect, answer);
        if (expected != null) {
            failure(request, caller, answer, expected);
        }
    }

    /** What the answer should have been, or null when it is as expected. */
    private static String violation(Expect expect, Answer answer) {
        int status = answer.status();
        if (status == 0) {
            return "an HTTP answer";
        }
        if (status >= 500) {
            return "never a 5xx";
        }
        if (status >= 400 && !answer.isProblem()) {
            return "a problem+json document with \"status\": " + status;
        }
        return switch (expect) {
            case UNAUTHENTICATED -> status == 401 ? null : "401";
            case FORBIDDEN -> status == 403 ? null : "403";
            case SERVED ->
                status == 401 || status == 403
                        ? "neither 401 nor 403"
                        : answer.problemType().endsWith("/no-route")
                                ? "a route to the service that documents it"
                                : null;
            case SAFE -> null;
            case REFUSED -> status == 400 || status == 404 ? null : "400 or 404";
        };
    }

    private void failure(Case request, Caller caller, Answer answer, String expected) {
        failures.add("%s | caller %s | %s | status %d | expected %s | %s"
                .formatted(
                        request.operation(),
                        caller.name(),
                        request.input(),
                        answer.status(),
                        expected,
                        answer.excerpt()));
    }

    /** Sends the request; over the rate limit, waits as told and sends it again. Counts what the suite reports. */
    private Answer send(Caller caller, Case request) {
        for (int attempt = 0; ; attempt++) {
            Answer answer = sendOnce(caller, request);
            if (answer.status() != 429 || attempt == MAX_RETRIES) {
                serverErrors += answer.status() >= 500 ? 1 : 0;
                nonProblemClientErrors +=
                        answer.status() >= 400 && answer.status() < 500 && !answer.isProblem() ? 1 : 0;
                return answer;
            }
            retries++;
            pause(answer.retryAfter());
        }
    }

    private static Answer sendOnce(Caller caller, Case request) {
        // Values are sent as generated (percent-escapes included), and bodies as written, whatever their type.
        EncoderConfig encoder = EncoderConfig.encoderConfig()
                .defaultContentCharset(StandardCharsets.UTF_8)
                .appendDefaultContentCharsetToContentTypeIfUndefined(false);
        if (request.contentType() != null) {
            encoder = encoder.encodeContentTypeAs(request.contentType(), ContentType.TEXT);
        }
        RequestSpecification spec = RestAssured.given()
                .config(CONFIG.encoderConfig(encoder))
                .baseUri(Platform.GATEWAY)
                .urlEncodingEnabled(false);
        String token = caller.token().get();
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        request.headers().forEach((name, value) -> spec.header(name, value));
        request.query().forEach((name, value) -> spec.queryParam(name, value));
        if (request.body() != null) {
            spec.contentType(request.contentType()).body(request.body());
        }
        try {
            Response response = spec.request(request.method(), request.path());
            return new Answer(
                    response.statusCode(),
                    Objects.toString(response.contentType(), ""),
                    response.asString(),
                    response.header("Retry-After"));
        } catch (Exception e) {
            return new Answer(0, "", "no answer: " + e, null);
        }
    }

    private static void pause(String retryAfter) {
        long seconds;
        try {
            seconds = Math.clamp(
                    Long.parseLong(Objects.requireNonNullElse(retryAfter, "1").trim()), 1, 10);
        } catch (NumberFormatException e) {
            seconds = 1;
        }
        try {
            Thread.sleep(seconds * 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- Text ---------------------------------------------------------------------------------------------------

    /** The marker, then letters up to the length. */
    private String padded(int length) {
        return marker + "a".repeat(length - marker.length());
    }

    /** A JSON string of plain text (the marker and the document's names need no more escaping than this). */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append("%%%02X".formatted(b & 0xff));
            }
        }
        return encoded.toString();
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "not JSON: " + json.lines().findFirst().orElse(""), e);
        }
    }
}
