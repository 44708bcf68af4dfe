package vn.canhgac.commons.organization;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import vn.canhgac.commons.contracts.OrganizationEvent;
import vn.canhgac.commons.text.SearchText;

/** An organisation as a consuming service knows it, from inventory's events. */
@Entity
@Table(name = "organization_replica")
public class OrganizationReplica extends PanacheEntityBase {

    @Id
    public String code;

    public UUID id;

    @Column(name = "parent_code")
    public String parentCode;

    public String path;

    @Column(name = "name_vi")
    public String nameVi;

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    public OrganizationKind kind;

    @Column(name = "search_text")
    public String searchText;

    public long version;
    public boolean deleted;

    @Column(name = "updated_at")
    public Instant updatedAt;

    void apply(OrganizationEvent event) {
        code = event.code();
        id = event.id();
        parentCode = event.parentCode();
        path = event.path();
        nameVi = event.nameVi();
        nameEn = event.nameEn();
        kind = event.kind();
        searchText = SearchText.foldAll(event.code(), event.nameVi(), event.nameEn());
        version = event.version();
        deleted = event.deleted();
        updatedAt = event.updatedAt();
    }
}
