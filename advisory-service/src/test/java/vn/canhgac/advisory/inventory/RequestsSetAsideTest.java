package vn.canhgac.advisory.inventory;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.canhgac.commons.testing.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.advisory.InventoryFeed.Product;
import vn.canhgac.advisory.exposure.Publishing;
import vn.canhgac.commons.testing.Sql;

/**
 * The scheduled jobs beside the consumers (matching requested assets again, matching changed constituencies) take
 * their work in order; work the database refuses for good is set aside with the failure, so that it does not stop
 * every later run at the same place, and the next event of its asset or organisation takes it up again. The refusal
 * is a trigger on the exposures that raises a data exception for one asset or organisation, as a value the matching
 * could not store would.
 */
@QuarkusTest
class RequestsSetAsideTest {

    private static final String UNIT = InventoryFeed.unique("ASIDE");
    private static final String UNIT_PATH = "/UBND-KH/STTTT-KH/" + UNIT + "/";
    private static final List<Product> VULNERABLE = List.of(Product.named("OpenBSD", "OpenSSH", "9.6"));
    private static InventoryFeed inventory;

    @Inject
    Pool pool;

    @BeforeAll
    static void inventory() {
        inventory = InventoryFeed.withUnitOfKhanhHoa(UNIT);
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    @BeforeEach
    void replicated() {
        InventoryFeed.awaitOrganization(UNIT);
    }

    /**
     * Three assets asked to be matched again in one request (one batch of the job); the middle one is refused. The
     * batch is matched again in halves until that asset is alone: its request is set aside with the failure, the
     * other two are matched. Its next event matches it.
     */
    @Test
    void anAssetTheDatabaseRefusesIsSetAsideAndTheOthersAreMatched() {
        String advisory = Publishing.advisory("""
                {"reference":"%s","issuer":"NCSC","title":"OpenSSH","issuedOn":"2024-07-01","severity":"HIGH",
                 "cves":["CVE-2024-6387"],"affected":[{"vendor":"OpenBSD","product":"OpenSSH",
                 "startIncluding":"8.5","endExcluding":"9.8"}]}""".formatted(InventoryFeed.unique("ASIDE-ADV")));
        List<UUID> assets = Stream.generate(UUID::randomUUID).limit(3).toList();
        for (UUID asset : assets) {
            inventory.asset(asset, UNIT, UNIT_PATH, "ssh-aside", 0, List.of(), VULNERABLE);
        }
        for (UUID asset : assets) {
            await().atMost(Duration.ofSeconds(30)).until(() -> hits(asset, advisory) == 1);
        }
        UUID refused = assets.get(1);
        ForgottenExposures.of(pool, assets);

        refuseExposuresWhere("new.asset_id = '" + refused + "'");
        try {
            execute("insert into asset_rematch (asset_id) select unnest($1::uuid[])", Tuple.of((Object)
                    assets.toArray(UUID[]::new)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> hits(assets.get(0), advisory) == 1 && hits(assets.get(2), advisory) == 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Sql.texts(
                                    pool,
                                    "select failure from asset_rematch where asset_id = $1 and failed_at is not null",
                                    Tuple.of(refused))
                            .stream()
                            .anyMatch(failure -> failure.contains("refused for the test")));
            assertEquals(0, hits(refused, advisory));
            assertEquals(
                    List.of("1"),
                    Sql.texts(
                            pool, "select count(*)::text from asset_rematch where asset_id = any($1)", Tuple.of((Object)
                                    assets.toArray(UUID[]::new))));
            // The Authority's operators see it with the failure; nobody else does.
            as("authority")
                    .get("/api/v1/exposures/set-aside")
                    .then()
                    .statusCode(200)
                    .body("assets.find { it.assetId == '%s' }.hostname".formatted(refused), equalTo("ssh-aside"))
                    .body("assets.find { it.assetId == '%s' }.organization".formatted(refused), equalTo(UNIT))
                    .body(
                            "assets.find { it.assetId == '%s' }.failure".formatted(refused),
                            containsString("refused for the test"))
                    .body("assetCount", greaterThanOrEqualTo(1));
            as("khanhhoa-coordinator").get("/api/v1/exposures/set-aside").then().statusCode(403);
        } finally {
            acceptExposuresAgain();
        }

        // Once the cause is fixed, an operator puts it back, and the job matches it at its next run.
        as("khanhhoa-coordinator")
                .post("/api/v1/exposures/set-aside/retry")
                .then()
                .statusCode(403);
        as("authority")
                .post("/api/v1/exposures/set-aside/retry")
                .then()
                .statusCode(200)
                .body("assets", greaterThanOrEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> hits(refused, advisory) == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Sql.texts(
                                pool, "select count(*)::text from asset_rematch where asset_id = $1", Tuple.of(refused))
                        .equals(List.of("0")));
        as("authority")
                .queryParam("entityType", SetAsideResource.AUDIT_TYPE)
                .get("/api/v1/audit/advisory")
                .then()
                .statusCode(200)
                .body("items[0].before.assets", greaterThanOrEqualTo(1))
                .body("items[0].actor", notNullValue());
    }

    /**
     * Two organisations given a range on an active list, the first one refused: its change is set aside with the
     * failure, the second is matched all the same; the first organisation's next event matches it.
     */
    @Test
    void aConstituencyTheDatabaseRefusesIsSetAsideAndTheNextIsMatched() {
        String refusedNet = InventoryFeed.randomNetwork24();
        String nextNet = InventoryFeed.randomNetwork24();
        String list = as("national-feed")
                .contentType("text/plain")
                .queryParam("reference", InventoryFeed.unique("ASIDE-LIST"))
                .queryParam("kind", "AD_HOC")
                .body(refusedNet + "91 mirai\n" + nextNet + "92 mirai\n")
                .post("/api/v1/botnet-lists")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String refused = InventoryFeed.unique("ASIDE-WARD");
        String next = InventoryFeed.unique("ASIDE-WARD");

        refuseExposuresWhere("new.organization_code = '" + refused + "'");
        try {
            inventory.organization(refused, UNIT_PATH + refused + "/", 0, List.of(refusedNet + "0/24"));
            inventory.organization(next, UNIT_PATH + next + "/", 0, List.of(nextNet + "0/24"));
            await().atMost(Duration.ofSeconds(30)).until(() -> listHits(list).equals(List.of(next)));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Sql.texts(
                                    pool,
                                    "select failure from constituency_change where organization_code = $1 and failed_at is not null",
                                    Tuple.of(refused))
                            .stream()
                            .anyMatch(failure -> failure.contains("refused for the test")));
            as("authority")
                    .get("/api/v1/exposures/set-aside")
                    .then()
                    .statusCode(200)
                    .body(
                            "organizations.find { it.organization == '%s' }.failure".formatted(refused),
                            containsString("refused for the test"));
        } finally {
            acceptExposuresAgain();
        }

        inventory.organization(refused, UNIT_PATH + refused + "/", 1, List.of(refusedNet + "0/24"));
        await().atMost(Duration.ofSeconds(30)).until(() -> listHits(list).containsAll(List.of(refused, next)));
        assertTrue(Sql.texts(
                        pool,
                        "select organization_code from constituency_change where organization_code = $1",
                        Tuple.of(refused))
                .isEmpty());
    }

    /** A trigger that refuses, as a data exception, the new exposures for which {@code condition} holds. */
    private void refuseExposuresWhere(String condition) {
        execute("""
                create or replace function refuse_for_the_test() returns trigger language plpgsql as $$
                begin
                  if %s then
                    raise exception 'refused for the test' using errcode = '22023';
                  end if;
                  return new;
                end $$""".formatted(condition), Tuple.tuple());
        execute(
                "create trigger refuse_for_the_test before insert on exposure for each row execute function refuse_for_the_test()",
                Tuple.tuple());
    }

    private void acceptExposuresAgain() {
        execute("drop trigger if exists refuse_for_the_test on exposure", Tuple.tuple());
        execute("drop function if exists refuse_for_the_test()", Tuple.tuple());
    }

    private long hits(UUID asset, String advisory) {
        return Long.parseLong(Sql.texts(
                        pool,
                        "select count(*)::text from exposure where asset_id = $1 and advisory_id = $2",
                        Tuple.of(asset, UUID.fromString(advisory)))
                .getFirst());
    }

    /** The organisations of the list's hits, in order. */
    private List<String> listHits(String list) {
        return Sql.texts(
                pool,
                "select organization_code from exposure where botnet_list_id = $1 order by organization_code",
                Tuple.of(UUID.fromString(list)));
    }

    private void execute(String sql, Tuple parameters) {
        pool.preparedQuery(sql).execute(parameters).await().indefinitely();
    }
}
