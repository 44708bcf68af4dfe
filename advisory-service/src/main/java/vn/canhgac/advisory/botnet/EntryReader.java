package vn.canhgac.advisory.botnet;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A reader of a list's entries, one ahead of its caller: {@link #read()} gives the next entry of the document, or
 * null at its end. The first is read on the first call, not in the constructor, so that a reader is all set up.
 */
abstract class EntryReader implements Iterator<BotnetEntry> {

    private BotnetEntry next;
    private boolean started;

    /** The next entry of the document; null when there is no more. */
    protected abstract BotnetEntry read();

    @Override
    public final boolean hasNext() {
        start();
        return next != null;
    }

    @Override
    public final BotnetEntry next() {
        start();
        if (next == null) {
            throw new NoSuchElementException();
        }
        BotnetEntry current = next;
        next = read();
        return current;
    }

    private void start() {
        if (!started) {
            started = true;
            next = read();
        }
    }
}
