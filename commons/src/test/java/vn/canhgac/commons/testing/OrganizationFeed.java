package vn.canhgac.commons.testing;

import java.time.Instant;
import java.util.UUID;

/**
 * Announces organisations on {@code test.inventory.organizations} as inventory-service would, so that a
 * consuming service's tests build its replica (the parent is read from the materialised path).
 */
public final class OrganizationFeed {

    public static final String TOPIC = "test.inventory.organizations";

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
        publish(producer, code, path, "AGENCY", "");
    }

    /**
     * @param extraFields more JSON members for the event ({@code ,"contacts":[...]}), or empty
     */
    public static void publish(
            CloudEventsProducer producer, String code, String path, String kind, String extraFields) {
        publish(producer, code, path, kind, 0, extraFields);
    }

    public static void publish(
            CloudEventsProducer producer, String code, String path, String kind, long version, String extraFields) {
        String[] codes = path.substring(1, path.length() - 1).split("/");
        String parent = codes.length > 1 ? "\"" + codes[codes.length - 2] + "\"" : "null";
        producer.send(TOPIC, code, UUID.randomUUID().toString(), "canhgac.organization.upserted.v1", """
                {"id":"%s","code":"%s","parentCode":%s,"path":"%s","nameVi":"%s","kind":"%s","version":%d,
                 "deleted":false,"updatedAt":"%s"%s}""".formatted(
                        UUID.randomUUID(), code, parent, path, code, kind, version, Instant.now(), extraFields));
    }
}
