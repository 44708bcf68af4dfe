package vn.canhgac.commons.outbox;

/**
 * Reads, when the relay sends them, the data of events that a set-based statement recorded without it
 * ({@link Outbox#insertRenderedSql}): their subjects' state as it is at that moment (decision record 17). A
 * record may so carry a newer state than the step its type announces, so a consumer reads its data as the subject's
 * state, not as that step's (incident-service takes a detection already acknowledged as a hit); the last record of a
 * key, which a compacted topic keeps, is the newest state, since every change records a row after the ones before.
 */
public interface OutboxRenderer {

    /** The name the outbox rows give in {@code rendered_by}. */
    String name();

    /**
     * A query of the events' data by key: its parameter {@code $1} is a {@code text[]} of keys (written
     * {@code $1::text[]}, cast further if the keys are of another type), it answers the columns
     * {@code key} and {@code payload} (the JSON as text, what the contract's record serialises to), one row per key
     * whose subject still exists. A key it does not answer is parked with an error, with the rows after it of
     * that key; so are the keys of a query that fails for good (SQLSTATE class 22 or 23). Another failure stops the
     * relay until it passes, as a database away does.
     */
    String sql();
}
