package vn.canhgac.commons.testing;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** Assertions that a response is an RFC 9457 problem document of a given kind. */
public final class Problems {

    private Problems() {}

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String kind) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("type", endsWith("/problems/" + kind))
                .body("title", notNullValue())
                .body("requestId", notNullValue());
    }
}
