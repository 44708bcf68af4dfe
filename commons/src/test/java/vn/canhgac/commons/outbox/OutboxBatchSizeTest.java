package vn.canhgac.commons.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A relay batch is sent at once, so it must fit the Kafka channel's window; a misconfigured size stops the start. */
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
}
