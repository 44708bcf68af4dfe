package vn.canhgac.inventory.system;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import vn.canhgac.commons.text.SearchText;

/** An information system an organisation runs, classified by security level 1-5 (Decree 85/2016/NĐ-CP). */
@Entity
@Table(name = "information_system")
public class InformationSystem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;
    /** The owning organisation's path, for scoping. Organisations do not move, so it never goes stale. */
    @Column(name = "org_path")
    public String orgPath;

    public String name;
    public String purpose;

    @Column(name = "security_level")
    public short securityLevel;
    /** The reference of the document that approved the level, e.g. "QĐ 123/QĐ-UBND ngày 05/03/2024". */
    @Column(name = "level_approval")
    public String levelApproval;

    @Enumerated(EnumType.STRING)
    public SystemStatus status;

    @Column(name = "internet_facing")
    public boolean internetFacing;

    @Column(name = "search_text")
    public String searchText;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** The organisation's code, read from the path like everywhere else. */
    public String organizationCode() {
        String[] codes = orgPath.substring(1, orgPath.length() - 1).split("/");
        return codes[codes.length - 1];
    }

    void describe(SystemDescription description) {
        name = description.name().strip();
        purpose = description.purpose();
        securityLevel = description.securityLevel().shortValue();
        levelApproval = description.levelApproval();
        status = description.status();
        internetFacing = Boolean.TRUE.equals(description.internetFacing());
        searchText = SearchText.foldAll(name, purpose, levelApproval);
    }
}
