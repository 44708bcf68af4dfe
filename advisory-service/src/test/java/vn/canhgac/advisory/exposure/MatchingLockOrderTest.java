package vn.canhgac.advisory.exposure;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.canhgac.commons.testing.Api.as;
import static vn.canhgac.commons.testing.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.canhgac.advisory.InventoryFeed;
import vn.canhgac.advisory.InventoryFeed.Product;
import vn.canhgac.commons.testing.Sql;

/**
 * The matching lock is taken before any row lock, on every side: otherwise a transaction holding a row and waiting for
 * the lock, and one holding the lock and writing that row, deadlock. Each test holds the lock itself, as the other
 * side would, lets the platform's transaction run up to the lock, and then takes the row that transaction would have
 * locked before it: {@code nowait} fails at once if that transaction took it first.
 */
@QuarkusTest
class MatchingLockOrderTest {

    private static final String UNIT = InventoryFeed.unique("LOCK");
    private static final String UNIT_PATH = "/UBND-KH/STTTT-KH/" + UNIT + "/";
    private static final String SHARED = "select pg_advisory_xact_lock_shared(7235419870052810)";
    private static final String EXCLUSIVE = "select pg_advisory_xact_lock(7235419870052810)";
    private static InventoryFeed inventory;

    @Inject
    Pool pool;

    @BeforeAll
    static void inventory() {
        inventory = InventoryFeed.withUnitOfKhanhHoa(UNIT);
    }

    /**
     * Nothing else of the service may wait for the lock while a test holds it: the constituency job and the rematch
     * job take it with the same statements as the transactions under test, so their queues must be empty first.
     */
    @BeforeEach
    void replicatedAndQuiet() {
        InventoryFeed.awaitOrganization(UNIT);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.texts(pool, """
                                select ((select count(*) from constituency_change where failed_at is null)
                                        + (select count(*) from asset_rematch where failed_at is null))::text""", Tuple.tuple()).equals(List.of("0")));
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    /**
     * A KEV catalogue import holds the lock and marks the advisories about its CVEs known exploited; a revision of one
     * of them must not hold its row while it waits for the lock.
     */
    @Test
    void aRevisionWaitsForTheLockBeforeItLocksItsAdvisory() throws Exception {
        String cve = "CVE-2024-" + (80000 + (int) (Math.random() * 9999));
        String product = InventoryFeed.unique("Ivanti");
        importKev(cve, product, "2024.01.10", "Unknown");
        String advisory = as("authority")
                .queryParam("cve", cve)
                .get("/api/v1/advisories")
                .then()
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");

        AtomicReference<CompletableFuture<Integer>> revision = new AtomicReference<>();
        holdTheLockAndTakeTheRow(
                SHARED,
                () -> {
                    revision.set(CompletableFuture.supplyAsync(() -> importKev(cve, product, "2024.01.11", "Known")));
                    awaitWaiterFor(EXCLUSIVE);
                },
                "select 1 from advisory where id = $1 for update nowait",
                UUID.fromString(advisory));
        assertEquals(200, revision.get().get(60, TimeUnit.SECONDS));
        as("authority").get("/api/v1/advisories/" + advisory).then().body("revision", equalTo("2024.01.11"));
    }

    /**
     * A withdrawal waits for the asset batches being matched (they hold the lock shared) before it touches anything:
     * one matched beside it could still find the advisory active and open a hit that nothing would close.
     */
    @Test
    void aWithdrawalWaitsForTheLockBeforeItLocksItsAdvisory() throws Exception {
        String advisory = advisoryOfTheWrongProduct("LOCK-WD");

        AtomicReference<CompletableFuture<Integer>> withdrawal = new AtomicReference<>();
        holdTheLockAndTakeTheRow(
                SHARED,
                () -> {
                    withdrawal.set(CompletableFuture.supplyAsync(
                            () -> withdraw(advisory).extract().statusCode()));
                    awaitWaiterFor(EXCLUSIVE);
                },
                "select 1 from advisory where id = $1 for update nowait",
                UUID.fromString(advisory));
        assertEquals(200, withdrawal.get().get(60, TimeUnit.SECONDS));
    }

    /**
     * A list's publication holds the lock and writes the hits of its addresses; an asset batch that deletes an asset
     * must not hold the asset's exposures while it waits for the lock.
     */
    @Test
    void anAssetBatchWaitsForTheLockBeforeItClosesExposures() throws Exception {
        String product = InventoryFeed.unique("Citrix");
        String advisory = Publishing.advisory("""
                        {"reference":"%s","issuer":"NCSC","title":"NetScaler","issuedOn":"2024-01-10","severity":"HIGH",
                         "cves":["CVE-2023-4966"],"affected":[{"vendor":"Citrix","product":"%s","startIncluding":"13.0",
                         "endExcluding":"13.1"}]}""".formatted(InventoryFeed.unique("LOCK-ADV"), product));
        UUID asset = UUID.randomUUID();
        inventory.asset(
                asset, UNIT, UNIT_PATH, "adc-lock", 0, List.of(), List.of(Product.named("Citrix", product, "13.0.91")));
        InventoryFeed.awaitAsset(asset);
        String exposure = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Sql.texts(
                                pool,
                                "select id::text from exposure where asset_id = $1 and advisory_id = $2",
                                Tuple.of(asset, UUID.fromString(advisory))),
                        found -> found.size() == 1)
                .getFirst();

        holdTheLockAndTakeTheRow(
                EXCLUSIVE,
                () -> {
                    inventory.asset(
                            UUID.randomUUID().toString(),
                            asset,
                            UNIT,
                            UNIT_PATH,
                            "adc-lock",
                            1,
                            List.of(),
                            List.of(),
                            true);
                    awaitWaiterFor(SHARED);
                    await().atMost(Duration.ofSeconds(30)).until(() -> rowTaken(asset));
                },
                "select 1 from exposure where id = $1 for update nowait",
                UUID.fromString(exposure));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as("authority")
                        .get("/api/v1/exposures/" + exposure)
                        .then()
                        .body("status", equalTo("RESOLVED")));
    }

    /**
     * A publication waits for the lock at most {@code canhgac.matching.lock-timeout} (8 s in the tests): held longer by
     * the asset batches (here the test, holding it shared), a withdrawal and a list's publication answer 503 "busy"
     * with Retry-After, and neither changed anything; the withdrawal asked again once the lock is free succeeds.
     * Without the bound, the gateway answered 504 after its minute and the withdrawal committed later.
     */
    @Test
    void aPublicationThatCannotHaveTheLockInTimeAnswersBusyAndChangesNothing() {
        String advisory = advisoryOfTheWrongProduct("LOCK-BUSY");
        String list = InventoryFeed.unique("LOCK-BUSY-LIST");

        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            holdingTheLock(SHARED, holder -> {
                // Their own threads: the common pool of a two-core machine has one, and would send them one after the
                // other.
                CompletableFuture<ValidatableResponse> withdrawal =
                        CompletableFuture.supplyAsync(() -> withdraw(advisory), both);
                CompletableFuture<ValidatableResponse> publication = CompletableFuture.supplyAsync(
                        () -> as("national-feed")
                                .contentType("text/plain")
                                .queryParam("reference", list)
                                .queryParam("issuer", "NCSC")
                                .queryParam("issuedOn", "2024-01-05")
                                .queryParam("kind", "MONTHLY")
                                .body(InventoryFeed.randomNetwork24() + "7\n")
                                .post("/api/v1/botnet-lists")
                                .then(),
                        both);
                for (ValidatableResponse busy : List.of(
                        withdrawal.orTimeout(60, TimeUnit.SECONDS).join(),
                        publication.orTimeout(60, TimeUnit.SECONDS).join())) {
                    assertProblem(busy, 503, "busy").header("Retry-After", "10");
                }
            });
        } finally {
            both.shutdown();
        }

        assertEquals(
                List.of("ACTIVE"),
                Sql.texts(pool, "select status from advisory where id = $1", Tuple.of(UUID.fromString(advisory))));
        assertEquals(
                List.of("0"),
                Sql.texts(pool, "select count(*)::text from botnet_list where reference = $1", Tuple.of(list)));
        withdraw(advisory).statusCode(200);
    }

    /**
     * A list counts as published when it has the lock, after its upload, not when its import began: an agency that
     * closed a hit while the list waited could not know it, and the list reopens the hit (it once stayed closed,
     * the list taken for one the agency knew).
     */
    @Test
    void aHitClosedWhileAListWaitsForTheLockIsReopenedByIt() throws Exception {
        ListedHit listed = anAssetHitByAList("reopened");
        String hit = listed.hit();

        AtomicReference<CompletableFuture<String>> next = new AtomicReference<>();
        holdingTheLock(SHARED, holder -> {
            next.set(CompletableFuture.supplyAsync(() -> Publishing.botnetList(listed.address() + "\n")));
            awaitWaiterFor(EXCLUSIVE);
            Publishing.changeStatus(hit, "RESOLVED", "đã gỡ mã độc");
        });

        String list = next.get().get(60, TimeUnit.SECONDS);
        as("authority")
                .get("/api/v1/exposures/" + hit)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("botnetListId", equalTo(list));
    }

    /**
     * An agency closes a hit while a list that names it is being matched: the list, published before the close, is
     * no new evidence, and the hit stays closed under its list. The matching read the hit open in its snapshot and
     * reopened it once it had the row, without a history row or an event.
     */
    @Test
    void aHitClosedWhileAListIsMatchedStaysClosed() throws Exception {
        ListedHit listed = anAssetHitByAList("closed-meanwhile");
        String hit = listed.hit();

        CompletableFuture<String> next;
        SqlConnection person = pool.getConnection().await().indefinitely();
        Transaction closing = person.begin().await().indefinitely();
        try {
            String pid = person.preparedQuery("select pg_backend_pid()::text from exposure where id = $1 for update")
                    .execute(Tuple.of(UUID.fromString(hit)))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next()
                    .getString(0);
            next = CompletableFuture.supplyAsync(() -> Publishing.botnetList(listed.address() + "\n"));
            awaitTheMatchingBlockedBy(pid);
            person.preparedQuery("""
                            update exposure set status = 'RESOLVED', status_changed_at = statement_timestamp(),
                                status_changed_by = 'khanhhoa-coordinator', version = version + 1 where id = $1""")
                    .execute(Tuple.of(UUID.fromString(hit)))
                    .await()
                    .indefinitely();
            closing.commit().await().indefinitely();
        } catch (RuntimeException e) {
            closing.rollback().await().indefinitely();
            throw e;
        } finally {
            person.close().await().indefinitely();
        }

        next.get(60, TimeUnit.SECONDS);
        as("authority")
                .get("/api/v1/exposures/" + hit)
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("botnetListId", equalTo(listed.list()))
                .body("history.note", not(hasItem(startsWith("reopened"))));
    }

    /** An asset's public address (lists skip special-purpose space), the list that names it, and its hit. */
    private record ListedHit(String address, String list, String hit) {}

    private ListedHit anAssetHitByAList(String hostname) {
        String address = "203.162." + (1 + (int) (Math.random() * 250)) + "." + (1 + (int) (Math.random() * 250));
        UUID server = UUID.randomUUID();
        inventory.asset(server, UNIT, UNIT_PATH, hostname, 0, List.of(address), List.of());
        InventoryFeed.awaitAsset(server);
        String list = Publishing.botnetList(address + "\n");
        String hit = as("authority")
                .queryParam("assetId", server)
                .get("/api/v1/exposures")
                .then()
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");
        return new ListedHit(address, list, hit);
    }

    /**
     * Waits until a session waits for what the session {@code pid} holds: the hit's row alone, which only the
     * matching's upsert takes (its text, past the first kilobyte, is cut off in {@code pg_stat_activity}).
     */
    private void awaitTheMatchingBlockedBy(String pid) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !Sql.texts(pool, """
                                select pid::text from pg_stat_activity
                                where datname = current_database() and $1::text::int = any(pg_blocking_pids(pid))""", Tuple.of(pid)).isEmpty());
    }

    private static String advisoryOfTheWrongProduct(String reference) {
        return Publishing.advisory("""
                        {"reference":"%s","issuer":"NCSC","title":"Sai sản phẩm","issuedOn":"2024-01-10","severity":"HIGH",
                         "affected":[{"vendor":"Acme","product":"%s","endExcluding":"2.0"}]}""".formatted(InventoryFeed.unique(reference), InventoryFeed.unique("Portal")));
    }

    private static ValidatableResponse withdraw(String advisory) {
        return as("authority")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"wrong product\"}")
                .post("/api/v1/advisories/" + advisory + "/withdrawal")
                .then();
    }

    private static int importKev(String cve, String product, String catalogue, String ransomware) {
        return as("national-feed")
                .contentType(ContentType.JSON)
                .body("""
                        {"title":"CISA Catalog of Known Exploited Vulnerabilities","catalogVersion":"%3$s","count":1,
                         "vulnerabilities":[{"cveID":"%1$s","vendorProject":"Ivanti","product":"%2$s",
                          "vulnerabilityName":"Ivanti Connect Secure Authentication Bypass","dateAdded":"2024-01-10",
                          "shortDescription":"Authentication bypass.","requiredAction":"Apply mitigations per vendor instructions.",
                          "dueDate":"2024-01-22","knownRansomwareCampaignUse":"%4$s","notes":""}]}""".formatted(cve, product, catalogue, ransomware))
                .post("/api/v1/advisories/imports/kev")
                .then()
                .extract()
                .statusCode();
    }

    /**
     * Holds the matching lock as the other side would ({@code lock}), lets {@code untilWaiting} start the transaction
     * under test and wait until it waits for the lock, then takes with {@code nowait} the row that transaction used to
     * lock first ({@code rowLock}, {@code row}): that fails at once if it took it. Releases the lock before returning.
     */
    private void holdTheLockAndTakeTheRow(String lock, Runnable untilWaiting, String rowLock, UUID row) {
        holdingTheLock(lock, holder -> {
            untilWaiting.run();
            holder.preparedQuery(rowLock).execute(Tuple.of(row)).await().indefinitely();
        });
    }

    /** Holds the matching lock ({@code lock}) in a transaction of its own while {@code whileHeld} runs; then rolls back. */
    private void holdingTheLock(String lock, Consumer<SqlConnection> whileHeld) {
        SqlConnection holder = pool.getConnection().await().indefinitely();
        try {
            Transaction held = holder.begin().await().indefinitely();
            holder.query(lock).execute().await().indefinitely();
            whileHeld.accept(holder);
            held.rollback().await().indefinitely();
        } finally {
            holder.close().await().indefinitely();
        }
    }

    /** Waits until a session of this database waits for the matching lock with {@code statement}. */
    private void awaitWaiterFor(String statement) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !Sql.texts(pool, """
                                select pid::text from pg_stat_activity
                                where datname = current_database() and wait_event_type = 'Lock'
                                  and wait_event = 'advisory' and position($1 in query) > 0""", Tuple.of(statement)).isEmpty());
    }

    /** Whether another transaction holds the asset's replica row (the batch that applies its event). */
    private boolean rowTaken(UUID asset) {
        return pool.withTransaction(
                        c -> c.preparedQuery("select 1 from asset_replica where id = $1 for update skip locked")
                                .execute(Tuple.of(asset)))
                .map(rows -> rows.size() == 0)
                .await()
                .indefinitely();
    }
}
