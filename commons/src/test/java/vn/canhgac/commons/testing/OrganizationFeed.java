package vn.canhgac.commons.testing;

import static vn.canhgac.commons.contracts.EventContracts.ORGANIZATION_UPSERTED;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.canhgac.commons.contracts.OrganizationEvent;
import vn.canhgac.commons.organization.Constituency;
import vn.canhgac.commons.organization.Contact;
import vn.canhgac.commons.organization.OrganizationKind;

/**
 * Announces organisations on {@code test.inventory.organizations} as inventory-service would, so that a
 * consuming service's tests build its replica (the parent is read from the materialised path).
 */
public final class OrganizationFeed {

    public static final String TOPIC = CloudEventsProducer.TOPIC_PREFIX + ORGANIZATION_UPSERTED.topic();

    private OrganizationFeed() {}

    /** The demo's tree as the tenancy tests need it: Khánh Hòa down to Cam Ranh, and a bank outside it. */
    public static void publishKhanhHoaTree(CloudEventsProducer producer) {
        publish(producer, "UBND-KH", "/UBND-KH/");
        publish(producer, "STTTT-KH", "/UBND-KH/STTTT-KH/");
        publish(producer, "UBND-CAMRANH", "/UBND-KH/STTTT-KH/UBND-CAMRANH/");
        publish(producer, "NHTM-A", "/NHTM-A/");
    }

    /** An organisation of kind AGENCY, named by its code, without contacts or constituency. */
    public static void publish(CloudEventsProducer producer, String code, String path) {
        producer.publish(ORGANIZATION_UPSERTED, organization(code, path, OrganizationKind.AGENCY, 0, code));
    }

    /** An organisation's event with no contacts and no constituency; {@code with...} adds them. */
    public static OrganizationEvent organization(
            String code, String path, OrganizationKind kind, long version, String nameVi) {
        String[] codes = path.substring(1, path.length() - 1).split("/");
        String parent = codes.length > 1 ? codes[codes.length - 2] : null;
        return new OrganizationEvent(
                UUID.randomUUID(),
                code,
                parent,
                path,
                nameVi,
                null,
                kind,
                version,
                false,
                Instant.now(),
                List.of(),
                Constituency.NONE);
    }

    public static OrganizationEvent withContacts(OrganizationEvent event, List<Contact> contacts) {
        return with(event, contacts, event.constituency());
    }

    public static OrganizationEvent withNetworks(OrganizationEvent event, List<String> networks) {
        return with(event, event.contacts(), new Constituency(networks, List.of()));
    }

    private static OrganizationEvent with(OrganizationEvent event, List<Contact> contacts, Constituency constituency) {
        return new OrganizationEvent(
                event.id(),
                event.code(),
                event.parentCode(),
                event.path(),
                event.nameVi(),
                event.nameEn(),
                event.kind(),
                event.version(),
                event.deleted(),
                event.updatedAt(),
                contacts,
                constituency);
    }
}
