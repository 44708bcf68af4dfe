package vn.canhgac.commons.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.events.BatchConsumer.Read;

/**
 * Which events of a batch get a processed marker and which are applied: a marked event once ever, an unmarked one
 * once per batch, all in the order they came.
 */
class BatchMarkingTest {

    private static final String CONSUMER = "incident-service.exposures";

    private final Read<String> hit = read("e1", "hit");
    private final Read<String> other = read("e2", "other");
    private final Read<String> hitAgain = read("e1", "hit"); // the same event delivered twice: two records
    private final Read<String> otherAgain = read("e2", "other");
    private final Read<String> oldHit = read("e3", "hit");
    private final List<Read<String>> batch = List.of(hit, other, hitAgain, otherAgain, oldHit);
    private final BatchConsumer.Marking<String> marking =
            new BatchConsumer.Marking<>(CONSUMER, marked(hit, hitAgain, oldHit));

    @Test
    void onlyTheEventsPickedAreMarkedEachOnce() {
        assertArrayEquals(new String[] {CONSUMER + "/e1", CONSUMER + "/e3"}, marking.markersOf(batch));
    }

    @Test
    void aMarkedEventAppliesIfItsMarkerIsNewAnUnmarkedOneOncePerBatchInOrder() {
        // e3 was marked by an earlier batch: the insert answers only e1 as new.
        Set<String> fresh = new HashSet<>(Set.of(CONSUMER + "/e1"));

        assertEquals(List.of(hit, other), marking.notAppliedBefore(batch, fresh));
    }

    @Test
    void aBatchWithoutMarkedEventsAppliesEachEventOnce() {
        BatchConsumer.Marking<String> none = new BatchConsumer.Marking<>(CONSUMER, marked());

        assertArrayEquals(new String[0], none.markersOf(batch));
        assertEquals(List.of(hit, other, oldHit), none.notAppliedBefore(batch, new HashSet<>()));
    }

    private static Read<String> read(String id, String data) {
        return new Read<>(
                new ReceivedEvent(
                        id,
                        "canhgac.test.v1",
                        null,
                        "/tests",
                        data,
                        Instant.now().toString()),
                data);
    }

    @SafeVarargs
    private static Set<Read<String>> marked(Read<String>... events) {
        Set<Read<String>> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(List.of(events));
        return set;
    }
}
