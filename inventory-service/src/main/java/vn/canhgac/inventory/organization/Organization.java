package vn.canhgac.inventory.organization;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import vn.canhgac.commons.organization.Constituency;
import vn.canhgac.commons.organization.Contact;
import vn.canhgac.commons.organization.OrganizationKind;
import vn.canhgac.commons.text.SearchText;

/** An organisation that answers for information systems: a ministry, a province, a department, a bank... */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    @Column(name = "parent_id")
    public UUID parentId;
    /** Materialised path of codes from the root, e.g. {@code /UBND-KH/STTTT-KH/UBND-CAMRANH/}. */
    public String path;

    @Column(name = "name_vi")
    public String nameVi;

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    public OrganizationKind kind;

    @Convert(converter = JsonColumns.Contacts.class)
    @ColumnTransformer(read = "contacts::text", write = "cast(cast(? as text) as jsonb)")
    public List<Contact> contacts = List.of();

    @Convert(converter = JsonColumns.Constituencies.class)
    @ColumnTransformer(read = "constituency::text", write = "cast(cast(? as text) as jsonb)")
    public Constituency constituency = Constituency.NONE;
    /** Code and names folded for accent-insensitive search ("khanh hoa" finds "Khánh Hòa"). */
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

    public static Uni<Organization> findByCode(String code) {
        return find("code", code).firstResult();
    }

    static String childPath(Organization parent, String code) {
        return (parent == null ? "/" : parent.path) + code + "/";
    }

    /** The code of the parent, read from the path so that no join is needed. */
    public String parentCode() {
        String[] codes = path.substring(1, path.length() - 1).split("/");
        return codes.length < 2 ? null : codes[codes.length - 2];
    }

    void describe(String nameVi, String nameEn, OrganizationKind kind, List<Contact> contacts) {
        this.contacts = contacts == null ? List.of() : List.copyOf(contacts);
        this.nameVi = nameVi.strip();
        this.nameEn = nameEn == null || nameEn.isBlank() ? null : nameEn.strip();
        this.kind = kind;
        this.searchText = SearchText.foldAll(code, this.nameVi, this.nameEn);
    }
}
