package vn.canhgac.advisory.botnet;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;
import vn.canhgac.advisory.exposure.ExposureMatcher;
import vn.canhgac.advisory.exposure.MatchReport;
import vn.canhgac.advisory.withdrawal.Withdrawn;
import vn.canhgac.commons.audit.AuditTrail;
import vn.canhgac.commons.audit.Change;
import vn.canhgac.commons.ids.TimeOrderedIds;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.FieldError;
import vn.canhgac.commons.problem.ProblemMessages;
import vn.canhgac.commons.sql.OpenTransaction;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.time.Vietnam;

/**
 * Imports a botnet list in one transaction, streamed: entries go to the database in batches while the next batch
 * is read (one in flight), then the list is compared with every stored list by content: the same entries again
 * (in any order) are the same list, and the stored one is answered with nothing changed. A new list is matched at
 * once against every asset address and constituency range. Runs on a worker thread (it reads the request body).
 *
 * <p>A bad entry (not a network, wider than {@link BotnetEntry#WIDEST_IPV4_PREFIX} or
 * {@link BotnetEntry#WIDEST_IPV6_PREFIX}, an unreadable record, a label that cannot be stored) refuses the whole
 * list, every bad entry listed. An entry in special-purpose address space is skipped: the list is stored
 * without it, and the answer lists it with its reason; a list of nothing else is refused.
 */
@ApplicationScoped
public class BotnetListImport {

    private static final Logger LOG = Logger.getLogger(BotnetListImport.class);
    private static final int BATCH = 20_000;
    private static final int ERRORS_SHOWN = 100;
    private static final Duration WAIT = Duration.ofMinutes(5);

    /** The answer: the list (new, or the stored one with the same entries) and whether it is new. */
    public record Imported(BotnetListDetails list, boolean created) {}

    private final Pool pool;
    private final BotnetListStore store;
    private final ExposureMatcher matcher;
    private final AuditTrail audit;

    public BotnetListImport(Pool pool, BotnetListStore store, ExposureMatcher matcher, AuditTrail audit) {
        this.pool = pool;
        this.store = store;
        this.matcher = matcher;
        this.audit = audit;
    }

    public Imported run(
            Caller caller, BotnetListInput input, BotnetFormat format, Iterator<BotnetEntry> entries, Locale locale) {
        SqlConnection connection = pool.getConnection().await().atMost(WAIT);
        try {
            Transaction transaction = connection.begin().await().atMost(WAIT);
            try {
                Imported imported = write(connection, caller, input, format, entries, locale);
                if (imported.created()) {
                    transaction.commit().await().atMost(WAIT);
                } else {
                    transaction.rollback().await().atMost(WAIT);
                }
                return imported;
            } catch (RuntimeException e) {
                transaction.rollback().await().atMost(WAIT);
                throw e;
            }
        } finally {
            connection.close().await().atMost(WAIT);
        }
    }

    private Imported write(
            SqlConnection connection,
            Caller caller,
            BotnetListInput input,
            BotnetFormat format,
            Iterator<BotnetEntry> entries,
            Locale locale) {
        UUID id = TimeOrderedIds.next();
        long started = System.nanoTime();
        store.insert(connection, id, input, format, caller.displayName())
                .await()
                .atMost(WAIT);
        store.createStaging(connection).await().atMost(WAIT);
        List<String> networks = new ArrayList<>(BATCH);
        List<String> labels = new ArrayList<>(BATCH);
        Tally tally = new Tally(locale);
        CompletionStage<Void> inFlight = CompletableFuture.completedFuture(null);
        while (entries.hasNext()) {
            BotnetEntry entry = entries.next();
            if (!tally.accept(entry)) {
                continue;
            }
            networks.add(entry.network());
            labels.add(entry.label());
            if (networks.size() == BATCH && tally.clean()) {
                inFlight = send(connection, networks, labels, inFlight);
                networks = new ArrayList<>(BATCH);
                labels = new ArrayList<>(BATCH);
            }
        }
        if (tally.clean() && !networks.isEmpty()) {
            inFlight = send(connection, networks, labels, inFlight);
        }
        inFlight.toCompletableFuture().join();
        BotnetListDetails.Skipped left = tally.verdict();
        long read = System.nanoTime();
        store.moveEntries(connection, id).await().atMost(WAIT);
        long moved = System.nanoTime();
        Row content = store.contentOf(connection, id).await().atMost(WAIT);
        String hash = content.getString("hash");
        UUID same = store.withContent(connection, hash, id, input.reference())
                .await()
                .atMost(WAIT);
        if (same != null) {
            BotnetListDetails stored = store.find(connection, same).await().atMost(WAIT);
            refuseIfWithdrawn(stored);
            return new Imported(stored.withMatching(MatchReport.NONE).withSkipped(left), false);
        }
        if (store.withReference(connection, input.reference(), id).await().atMost(WAIT) != null) {
            throw DomainProblem.conflict("botnet-list-exists", input.reference());
        }
        store.finish(connection, id, input, hash, content.getLong("entries"))
                .await()
                .atMost(WAIT);
        long checked = System.nanoTime();
        MatchReport report = matcher.matchBotnetList(connection, id).await().atMost(WAIT);
        LOG.infof(
                "Botnet list %s: %d entries read (%d skipped) and staged in %d ms, stored in %d ms, "
                        + "compared in %d ms, matched in %d ms (%s)",
                input.reference(),
                tally.rows,
                left.count(),
                millis(started, read),
                millis(read, moved),
                millis(moved, checked),
                millis(checked, System.nanoTime()),
                report);
        BotnetListDetails list = store.find(connection, id)
                .await()
                .atMost(WAIT)
                .withMatching(report)
                .withSkipped(left);
        audit.record(
                        OpenTransaction.on(connection),
                        caller,
                        List.of(Change.created("botnet-list", id.toString(), "/", list)))
                .await()
                .atMost(WAIT);
        return new Imported(list, true);
    }

    /**
     * The same publication again answers the stored list, but not once it is withdrawn: answered as if published,
     * a list published again after a mistaken withdrawal would be believed active while it matches nothing.
     */
    private static void refuseIfWithdrawn(BotnetListDetails stored) {
        Withdrawn withdrawal = stored.withdrawal();
        if (withdrawal != null) {
            throw DomainProblem.conflict(
                    "botnet-list-withdrawn",
                    stored.reference(),
                    LocalDate.ofInstant(withdrawal.at(), Vietnam.ZONE),
                    withdrawal.reason());
        }
    }

    /**
     * What the entries of a file come to: how many were read, which were bad and which skipped (the first
     * {@value #ERRORS_SHOWN} of each listed, all counted).
     */
    static final class Tally {

        private final Locale locale;
        private final List<FieldError> errors = new ArrayList<>();
        private final List<FieldError> skipped = new ArrayList<>();
        private long rows;
        private long bad;
        private long skips;

        Tally(Locale locale) {
            this.locale = locale;
        }

        /** Counts the entry; true when it is a network to store. */
        boolean accept(BotnetEntry entry) {
            rows++;
            if (entry.skipped()) {
                if (skips++ < ERRORS_SHOWN) {
                    skipped.add(fieldError(entry));
                }
                return false;
            }
            if (!entry.readable()) {
                if (bad++ < ERRORS_SHOWN) {
                    errors.add(fieldError(entry));
                }
                return false;
            }
            return true;
        }

        /** Whether no entry so far is bad (the list may still be stored). */
        boolean clean() {
            return bad == 0;
        }

        /**
         * Refuses the list when any entry is bad (422, every bad entry), when there is none (400), or when every
         * entry was skipped (422, every skipped entry); else answers the skipped entries.
         */
        BotnetListDetails.Skipped verdict() {
            if (bad > 0) {
                throw DomainProblem.rejectedRows("botnet-list-rejected", errors, bad, rows);
            }
            if (rows == 0) {
                throw DomainProblem.invalidField("body", "botnet-list-empty");
            }
            if (skips == rows) {
                throw DomainProblem.rejectedRows("botnet-list-only-special-purpose", skipped, skips);
            }
            return new BotnetListDetails.Skipped(skips, List.copyOf(skipped));
        }

        private FieldError fieldError(BotnetEntry entry) {
            return new FieldError(
                    entry.row(),
                    entry.field(),
                    ProblemMessages.text(
                            locale,
                            "field." + entry.fault(),
                            entry.faultArguments().toArray()));
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Sends a batch once the previous one is written: one batch in flight while the next is read. */
    private CompletionStage<Void> send(
            SqlConnection connection, List<String> networks, List<String> labels, CompletionStage<Void> previous) {
        previous.toCompletableFuture().join();
        return store.stageEntries(connection, networks, labels).subscribeAsCompletionStage();
    }
}
