package vn.canhgac.commons.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The relay parks only what the broker will refuse again whatever the wait: a broker away or short of replicas
 * passes, and those rows are tried at every tick as before.
 */
class OutboxRefusalsTest {

    @Test
    void aRecordTooLargeOrATopicNameTheBrokerCannotHaveIsRefusedForGood() {
        assertTrue(OutboxRelay.refusedForGood(new RecordTooLargeException("The message is 2160633 bytes")));
        assertTrue(OutboxRelay.refusedForGood(
                new CompletionException(new KafkaException(new InvalidTopicException("not a topic!")))));
    }

    @Test
    void aBrokerAwayOrShortOfReplicasIsNot() {
        assertFalse(OutboxRelay.refusedForGood(new TimeoutException("Topic not present in metadata after 5000 ms")));
        assertFalse(OutboxRelay.refusedForGood(new CompletionException(new NetworkException("disconnected"))));
        assertFalse(OutboxRelay.refusedForGood(new NotEnoughReplicasException("1 of 3")));
        assertFalse(OutboxRelay.refusedForGood(new IllegalStateException("Insufficient downstream requests")));
    }
}
