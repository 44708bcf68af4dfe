package vn.canhgac.commons.events;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Remembers that a consumer has applied an event, so a redelivered event changes nothing. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    /** {@code consumer/eventId}: one consumer applies an event once; two consumers each apply it. */
    @Id
    public String id;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    static String idOf(String consumer, String eventId) {
        return consumer + "/" + eventId;
    }
}
