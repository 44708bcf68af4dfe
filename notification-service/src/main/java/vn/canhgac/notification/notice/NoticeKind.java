package vn.canhgac.notification.notice;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.canhgac.commons.organization.ContactRole;

/**
 * Every kind of notification: whom of an organisation's contacts it concerns, whether it waits to be gathered into
 * a digest, and its CloudEvent type on webhooks ({@code canhgac.notification.directive-issued.v1}).
 */
public enum NoticeKind {
    DIRECTIVE_ISSUED(Audience.DIRECTIVES),
    DIRECTIVE_DUE_IN_3_DAYS(Audience.DIRECTIVES),
    DIRECTIVE_DUE_IN_1_DAY(Audience.DIRECTIVES),
    DIRECTIVE_OVERDUE(Audience.DIRECTIVES),
    /** To the issuer (or forwarder): recipients that did not report by the deadline. */
    DIRECTIVE_UNANSWERED(Audience.DIRECTIVES),
    /** New exposures, gathered per organisation into a digest; critical ones go at once. */
    EXPOSURE_DETECTED(Audience.EXPOSURES),
    /** Exposures closed earlier that are open again ({@code canhgac.exposure.reopened.v1}): told as new ones are. */
    EXPOSURE_REOPENED(Audience.EXPOSURES),
    EXPOSURES_DUE_SOON(Audience.EXPOSURES),
    EXPOSURES_OVERDUE(Audience.EXPOSURES),
    /** To the parent coordinator: a child's exposures overdue beyond the threshold. */
    EXPOSURES_ESCALATED(Audience.EXPOSURES),
    INCIDENT_REPORTED(Audience.INCIDENTS),
    INCIDENT_ESCALATED(Audience.INCIDENTS),
    INCIDENT_SLA_BREACHED(Audience.INCIDENTS),
    DUTY_COVERAGE_GAP(Audience.DUTY),
    DUTY_SHIFT_STARTING(Audience.DUTY),
    /** To the organisation whose webhook was disabled after repeated failures. */
    WEBHOOK_DISABLED(Audience.INTEGRATION);

    private final List<ContactRole> roles;

    NoticeKind(List<ContactRole> roles) {
        this.roles = roles;
    }

    /** The contact roles this kind reaches (a contact with no role hears every kind). */
    public List<ContactRole> roles() {
        return roles;
    }

    /** The CloudEvent type of this kind on webhooks. */
    public String eventType() {
        return "canhgac.notification." + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1";
    }

    /** A reminder's or report's key: this kind and what makes it one ({@code directive_overdue:<id>:<org>}). */
    public String key(Object... parts) {
        return Stream.concat(
                        Stream.of(name().toLowerCase(Locale.ROOT)),
                        Arrays.stream(parts).map(String::valueOf))
                .collect(Collectors.joining(":"));
    }

    /** Whether a webhook may subscribe to it (a disabled webhook is told by e-mail and in the console only). */
    public boolean deliveredToWebhooks() {
        return this != WEBHOOK_DISABLED;
    }

    private static final class Audience {
        static final List<ContactRole> DIRECTIVES = List.of(ContactRole.LEADER, ContactRole.SECURITY_FOCAL_POINT);
        static final List<ContactRole> EXPOSURES = List.of(ContactRole.SECURITY_FOCAL_POINT, ContactRole.TECHNICAL);
        static final List<ContactRole> INCIDENTS =
                List.of(ContactRole.SECURITY_FOCAL_POINT, ContactRole.DUTY_DESK, ContactRole.LEADER);
        static final List<ContactRole> DUTY = List.of(ContactRole.DUTY_DESK, ContactRole.LEADER);
        static final List<ContactRole> INTEGRATION = List.of(ContactRole.TECHNICAL, ContactRole.SECURITY_FOCAL_POINT);
    }
}
