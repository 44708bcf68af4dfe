package vn.canhgac.notification.testing;

import static vn.canhgac.commons.contracts.EventContracts.ORGANIZATION_UPSERTED;

import java.util.List;
import vn.canhgac.commons.organization.Contact;
import vn.canhgac.commons.organization.ContactRole;
import vn.canhgac.commons.organization.OrganizationKind;
import vn.canhgac.commons.testing.CloudEventsProducer;
import vn.canhgac.commons.testing.OrganizationFeed;
import vn.canhgac.commons.testing.RunIds;

/**
 * The Khánh Hòa tree with contacts whose addresses are new on every run (the SMTP server's mailboxes outlive test
 * runs): the province's leader, the department's focal point and duty desk, Cam Ranh's focal point and leader,
 * and the bank's SOC, outside the tree. Announced once per test JVM, with a version newer than any earlier run's.
 */
public final class TestContacts {

    public static final String RUN = RunIds.next(6).toLowerCase(java.util.Locale.ROOT);
    public static final String PROVINCE_LEADER = "leader-" + RUN + "@khanhhoa.test";
    public static final String DEPARTMENT_FOCAL_POINT = "focal-" + RUN + "@stttt.test";
    public static final String DEPARTMENT_DUTY = "duty-" + RUN + "@stttt.test";
    public static final String CAMRANH_FOCAL_POINT = "an-" + RUN + "@camranh.test";
    public static final String CAMRANH_LEADER = "leader-" + RUN + "@camranh.test";
    public static final String BANK_SOC = "soc-" + RUN + "@bank.test";

    private static boolean announced;

    private TestContacts() {}

    public static synchronized void announce(CloudEventsProducer producer) {
        if (announced) {
            return;
        }
        long version = System.currentTimeMillis();
        publish(
                producer,
                "UBND-KH",
                "/UBND-KH/",
                OrganizationKind.PROVINCE,
                version,
                List.of(contact("Lãnh đạo tỉnh", PROVINCE_LEADER, ContactRole.LEADER)));
        publish(
                producer,
                "STTTT-KH",
                "/UBND-KH/STTTT-KH/",
                OrganizationKind.DEPARTMENT,
                version,
                List.of(
                        contact("Đầu mối ATTT Sở", DEPARTMENT_FOCAL_POINT, ContactRole.SECURITY_FOCAL_POINT),
                        contact("Trực ban Sở", DEPARTMENT_DUTY, ContactRole.DUTY_DESK)));
        publish(
                producer,
                "UBND-CAMRANH",
                "/UBND-KH/STTTT-KH/UBND-CAMRANH/",
                OrganizationKind.DISTRICT,
                version,
                List.of(
                        contact("Trần Văn An", CAMRANH_FOCAL_POINT, ContactRole.SECURITY_FOCAL_POINT),
                        contact("Chủ tịch UBND Cam Ranh", CAMRANH_LEADER, ContactRole.LEADER)));
        publish(
                producer,
                "NHTM-A",
                "/NHTM-A/",
                OrganizationKind.BANK,
                version,
                List.of(contact("SOC ngân hàng", BANK_SOC, ContactRole.SECURITY_FOCAL_POINT, ContactRole.DUTY_DESK)));
        announced = true;
    }

    private static Contact contact(String name, String email, ContactRole... roles) {
        return new Contact(name, null, "0258.3854.123", null, email, List.of(roles));
    }

    private static void publish(
            CloudEventsProducer producer,
            String code,
            String path,
            OrganizationKind kind,
            long version,
            List<Contact> contacts) {
        producer.publish(
                ORGANIZATION_UPSERTED,
                OrganizationFeed.withContacts(
                        OrganizationFeed.organization(code, path, kind, version, code), contacts));
    }
}
