package vn.canhgac.commons.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.canhgac.commons.organization.Constituency;
import vn.canhgac.commons.organization.Contact;
import vn.canhgac.commons.organization.ContactRole;
import vn.canhgac.commons.organization.OrganizationKind;

/** One event of each data record, with every field set, as the golden files hold them. */
final class EventSamples {

    private static final Instant AT = Instant.parse("2026-01-28T19:05:00Z");

    private EventSamples() {}

    static Object of(Class<?> dataClass) {
        if (dataClass == OrganizationEvent.class) {
            return new OrganizationEvent(
                    UUID.fromString("0190b3a4-7c1e-7d2a-9a41-5f3c8e2d1a01"),
                    "UBND-CAMRANH",
                    "STTTT-KH",
                    "/UBND-KH/STTTT-KH/UBND-CAMRANH/",
                    "Ủy ban nhân dân thành phố Cam Ranh",
                    "Cam Ranh City People's Committee",
                    OrganizationKind.DISTRICT,
                    7,
                    false,
                    AT,
                    List.of(new Contact(
                            "Trần Văn An",
                            "Phó Chánh Văn phòng",
                            "0258.3854.123",
                            null,
                            "an@camranh.gov.vn",
                            List.of(ContactRole.SECURITY_FOCAL_POINT))),
                    new Constituency(List.of("203.162.10.0/24"), List.of(45899L)));
        }
        if (dataClass == SystemEvent.class) {
            return new SystemEvent(
                    UUID.fromString("0190b3a4-7c1e-7d2a-9a41-5f3c8e2d1a02"),
                    "UBND-CAMRANH",
                    "/UBND-KH/STTTT-KH/UBND-CAMRANH/",
                    "Cổng thông tin điện tử",
                    3,
                    "IN_OPERATION",
                    true,
                    Map.of("3.1.a", "IMPLEMENTED"),
                    2,
                    false,
                    AT);
        }
        if (dataClass == AssetEvent.class) {
            return new AssetEvent(
                    UUID.fromString("0190b3a4-7c1e-7d2a-9a41-5f3c8e2d1a03"),
                    "UBND-CAMRANH",
                    "/UBND-KH/STTTT-KH/UBND-CAMRANH/",
                    UUID.fromString("0190b3a4-7c1e-7d2a-9a41-5f3c8e2d1a02"),
                    "CMDB-0042",
                    "portal.camranh.gov.vn",
                    "SERVER",
                    "Red Hat Enterprise Linux 9",
                    AT,
                    List.of("203.162.10.15"),
                    List.of(new AssetEvent.Product(
                            "apache",
                            "http_server",
                            "2.4.57",
                            "cpe:2.3:a:apache:http_server:2.4.57:*:*:*:*:*:*:*",
                            "pkg:rpm/redhat/httpd@2.4.57-5.el9?arch=x86_64")),
                    3,
                    false,
                    AT);
        }
        if (dataClass == ExposureEvent.class) {
            return new ExposureEvent(
                    UUID.fromString("0190b3a4-7c1e-7d2a-9a41-5f3c8e2d1a04"),
                    "UBND-CAMRANH",
                    "/UBND-KH/STTTT-KH/UBND-CAMRANH/",
                    ExposureEvent.ADVISORY,
                    UUID.fromString("0190b3a4-7c1e-7d2a-9a41-5f3c8e2d1a05"),
                    "RHSA-2024:1234",
                    null,
                    null,
                    UUID.fromString("0190b3a4-7c1e-7d2a-9a41-5f3c8e2d1a03"),
                    "portal.camranh.gov.vn",
                    null,
                    "httpd 2.4.57-5.el9",
                    "pkg:rpm/redhat/httpd < 2.4.57-8.el9",
                    "HIGH",
                    LocalDate.parse("2026-02-11"),
                    "OPEN",
                    AT,
                    AT,
                    "matcher",
                    1);
        }
        if (dataClass == DirectiveEvent.class) {
            return new DirectiveEvent(
                    UUID.fromString("0190b3a4-7c1e-7d2a-9a41-5f3c8e2d1a06"),
                    "6410/BTTTT-CATTT",
                    "CUC-ATTT",
                    null,
                    "Bảo đảm an toàn thông tin dịp Tết Nguyên đán",
                    LocalDate.parse("2026-01-20"),
                    LocalDate.parse("2026-02-25"),
                    List.of(new DirectiveEvent.AlertWindow(
                            "Tết Bính Ngọ", LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-22"))),
                    List.of("STTTT-KH", "UBND-CAMRANH"),
                    "Nguyễn Văn Bình");
        }
        if (dataClass == DirectiveReportEvent.class) {
            return new DirectiveReportEvent(
                    UUID.fromString("0190b3a4-7c1e-7d2a-9a41-5f3c8e2d1a06"),
                    "6410/BTTTT-CATTT",
                    "UBND-CAMRANH",
                    AT,
                    "Lê Thị Cúc");
        }
        if (dataClass == DutyShiftEvent.class) {
            return new DutyShiftEvent(
                    UUID.fromString("0190b3a4-7c1e-7d2a-9a41-5f3c8e2d1a08"),
                    "UBND-CAMRANH",
                    "/UBND-KH/STTTT-KH/UBND-CAMRANH/",
                    "Phạm Văn Dũng",
                    "Trực ca đêm",
                    "0905.123.456",
                    "dung@camranh.gov.vn",
                    Instant.parse("2026-02-16T15:00:00Z"),
                    Instant.parse("2026-02-17T01:00:00Z"),
                    false);
        }
        if (dataClass == IncidentEvent.class) {
            return new IncidentEvent(
                    UUID.fromString("0190b3a4-7c1e-7d2a-9a41-5f3c8e2d1a07"),
                    "SC-2026-000042",
                    "UBND-CAMRANH",
                    "/UBND-KH/STTTT-KH/UBND-CAMRANH/",
                    List.of("UBND-CAMRANH"),
                    List.of("VNCERT"),
                    "Trang chủ bị thay đổi giao diện",
                    "DEFACEMENT",
                    "HIGH",
                    "TRIAGED",
                    "AMBER",
                    AT,
                    AT,
                    Instant.parse("2026-01-29T19:05:00Z"),
                    2);
        }
        throw new IllegalArgumentException("No sample of " + dataClass);
    }
}
