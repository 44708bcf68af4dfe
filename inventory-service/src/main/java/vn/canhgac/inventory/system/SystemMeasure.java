package vn.canhgac.inventory.system;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One line of a system's checklist: its status on a measure, and the evidence for it. */
@Entity
@Table(name = "system_measure")
@IdClass(SystemMeasure.Key.class)
public class SystemMeasure extends PanacheEntityBase {

    public record Key(UUID systemId, String measureCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "system_id")
    public UUID systemId;

    @Id
    @Column(name = "measure_code")
    public String measureCode;

    @Enumerated(EnumType.STRING)
    public MeasureStatus status;

    public String evidence;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
