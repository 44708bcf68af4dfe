package vn.canhgac.gateway.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import vn.canhgac.commons.testing.Tokens;

/** The platform that ./canhgac test started for these tests, reached only through its gateway. */
final class Platform {

    static final String GATEWAY = System.getProperty("canhgac.e2e.gateway", "http://127.0.0.1:18080");

    private Platform() {}

    static RequestSpecification as(String who) {
        return RestAssured.given()
                .baseUri(GATEWAY)
                .auth()
                .oauth2(Tokens.of(who))
                .contentType(ContentType.JSON);
    }

    static RequestSpecification anonymous() {
        return RestAssured.given().baseUri(GATEWAY);
    }

    /** Runs {@code ./canhgac ARGS} at the repository root (to stop and start the broker for fault tests). */
    static void canhgac(String... args) throws IOException, InterruptedException {
        File root = new File(System.getProperty("user.dir")).getParentFile();
        String[] command = new String[args.length + 1];
        command[0] = new File(root, "canhgac").getPath();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process =
                new ProcessBuilder(command).directory(root).inheritIO().start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("./canhgac " + String.join(" ", args) + " failed");
        }
    }
}
