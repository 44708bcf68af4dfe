package vn.canhgac.commons.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;

/**
 * An event waiting to be published, written in the same transaction as the change it announces.
 * The relay publishes rows in id order and stamps {@code publishedAt}; nothing else reads this table.
 */
@Entity
@Table(name = "outbox_event")
@DynamicUpdate
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    /** Kafka record key: the aggregate's id, so that one aggregate's events stay in order and compact. */
    @Column(name = "event_key", nullable = false)
    public String key;

    @Column(name = "event_type", nullable = false)
    public String type;

    public String subject;

    /** Read and written as text (the column is json): the relay sends it as it is, without parsing it. */
    @Column(nullable = false)
    @ColumnTransformer(read = "payload::text", write = "cast(cast(? as text) as json)")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "published_at")
    public Instant publishedAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
