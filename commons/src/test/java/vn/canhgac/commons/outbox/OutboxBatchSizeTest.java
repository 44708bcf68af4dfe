package vn.canhgac.commons.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A relay batch is sent at once, so it must fit the Kafka channel's window (a misconfigured size stops the start) and
 * the service's heap.
 */
class OutboxBatchSizeTest {

    @Test
    void aBatchFitsTheChannelsWindow() {
        assertEquals(500, OutboxRelay.checked(500));
        assertEquals(1_000, OutboxRelay.checked(1_000));
        IllegalArgumentException tooLarge =
                assertThrows(IllegalArgumentException.class, () -> OutboxRelay.checked(2_000));
        assertTrue(tooLarge.getMessage().contains("canhgac.outbox.batch-size"), tooLarge.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OutboxRelay.checked(0));
    }

    @Test
    void aParkedRowWaitsASecondOrMore() {
        assertEquals(Duration.ofMinutes(10), OutboxRelay.atLeastASecond(Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> OutboxRelay.atLeastASecond(Duration.ofMillis(500)));
    }

    /** A batch holds the first events that fit its bytes, and at least one, so that a large event still goes out. */
    @Test
    void aBatchHoldsTheFirstEventsThatFitItsBytes() {
        int mb = 1 << 20;
        assertEquals(2, OutboxRelay.fitting(List.of(6 * mb, 6 * mb, 6 * mb), 16 * mb));
        assertEquals(3, OutboxRelay.fitting(List.of(1_000, 2_000, 3_000), 16 * mb));
        assertEquals(1, OutboxRelay.fitting(List.of(16 * mb, 1_000), 16 * mb));
        assertEquals(1, OutboxRelay.fitting(List.of(20 * mb), 16 * mb));
        assertEquals(0, OutboxRelay.fitting(List.of(), 16 * mb));
    }
}
