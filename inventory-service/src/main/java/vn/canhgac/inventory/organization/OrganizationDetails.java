package vn.canhgac.inventory.organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.organization.Constituency;
import vn.canhgac.commons.organization.Contact;
import vn.canhgac.commons.organization.OrganizationKind;

/** An organisation as the API (and its audit trail) shows it. */
public record OrganizationDetails(
        UUID id,
        String code,
        String parentCode,
        String nameVi,
        String nameEn,
        OrganizationKind kind,
        List<Contact> contacts,
        Constituency constituency,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    static OrganizationDetails of(Organization org) {
        return new OrganizationDetails(
                org.id,
                org.code,
                org.parentCode(),
                org.nameVi,
                org.nameEn,
                org.kind,
                org.contacts,
                org.constituency,
                org.version,
                org.createdAt,
                org.createdBy,
                org.updatedAt,
                org.updatedBy);
    }
}
