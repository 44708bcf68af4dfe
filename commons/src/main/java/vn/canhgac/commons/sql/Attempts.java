package vn.canhgac.commons.sql;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Work that may be refused for good, and queues worked off by scheduled jobs: what the consumers in batches and the
 * jobs beside them (matching assets again, constituencies) share, so that one bad item never holds up the others.
 */
public final class Attempts {

    private static final Logger LOG = Logger.getLogger(Attempts.class);

    private Attempts() {}

    /**
     * Whether a failure will happen again however often the same work is tried: a value the database refuses (SQLSTATE
     * classes 22, data, and 23, integrity) or an argument the code refuses. Anything else (the database down, a lock
     * not granted, a deadlock) may pass on the next try.
     */
    public static boolean isPermanent(Throwable failure) {
        if (failure instanceof IllegalArgumentException) {
            return true;
        }
        if (failure instanceof PgException pg) {
            String state = pg.getSqlState();
            return state != null && (state.startsWith("22") || state.startsWith("23"));
        }
        return false;
    }

    /**
     * Runs {@code step} again as long as it answers that it found something to do; a failure ends the run (logged:
     * {@code what} paused), to be taken up again by the next run of the job.
     */
    public static Uni<Void> untilNoneLeft(Supplier<Uni<Boolean>> step, String what) {
        return Multi.createBy()
                .repeating()
                .<Boolean>uni(step::get)
                .whilst(found -> found)
                .onFailure()
                .invoke(failure -> LOG.warnf("%s paused: %s", what, failure))
                .onFailure()
                .recoverWithCompletion()
                .onItem()
                .ignoreAsUni();
    }
}
