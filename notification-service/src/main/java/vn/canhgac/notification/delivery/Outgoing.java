package vn.canhgac.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeKind;
import vn.canhgac.notification.notice.Severities;

/**
 * A delivery claimed for sending, with what it carries: one notification, or the notifications a digest gathers.
 *
 * @param claim   the token of this replica's claim: an outcome is recorded only while the claim is its own
 * @param address an e-mail address, or a webhook subscription's id
 * @param webhook the subscription of a webhook delivery (null for e-mail, or when it was deleted)
 */
public record Outgoing(
        String id,
        UUID claim,
        String channel,
        String address,
        String organization,
        String organizationName,
        String language,
        int attempts,
        Instant createdAt,
        WebhookChannel.Subscription webhook,
        List<Carried> notifications) {

    public static final String EMAIL = "EMAIL";
    public static final String WEBHOOK = "WEBHOOK";

    /** A notification in the delivery. */
    public record Carried(UUID id, NoticeKind kind, String severity, Instant createdAt, NoticeFacts facts) {}

    public NoticeKind kind() {
        return notifications.getFirst().kind();
    }

    public String severity() {
        return Severities.worst(notifications.stream().map(Carried::severity).toList());
    }
}
