package vn.canhgac.inventory.system;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A measure of the catalogue, required of every system from {@code minLevel} upwards. */
@Entity
@Table(name = "protection_measure")
public class ProtectionMeasure extends PanacheEntityBase {

    @Id
    public String code;

    public String category;

    @Column(name = "min_level")
    public short minLevel;

    @Column(name = "title_vi")
    public String titleVi;

    @Column(name = "title_en")
    public String titleEn;

    public int position;

    public boolean requiredAt(int securityLevel) {
        return minLevel <= securityLevel;
    }
}
