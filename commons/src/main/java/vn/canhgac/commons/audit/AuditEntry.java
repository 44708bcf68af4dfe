package vn.canhgac.commons.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** One change to one object: who, when, what, and the object's state before and after (JSON). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String actor;

    @Column(name = "actor_org")
    public String actorOrg;

    public String action;

    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "entity_id")
    public String entityId;

    @Column(name = "org_path")
    public String orgPath;

    @ColumnTransformer(read = "before::text", write = "cast(cast(? as text) as json)")
    public String before;

    @ColumnTransformer(read = "after::text", write = "cast(cast(? as text) as json)")
    public String after;

    @Column(name = "request_id")
    public String requestId;
}
