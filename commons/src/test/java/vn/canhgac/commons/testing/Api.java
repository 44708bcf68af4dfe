package vn.canhgac.commons.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The API as one of the demo realm's people or clients: {@code as("khanhhoa-coordinator").get(...)}. */
public final class Api {

    private Api() {}

    public static RequestSpecification as(String who) {
        return given().auth().oauth2(Tokens.of(who));
    }
}
