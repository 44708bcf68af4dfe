package vn.canhgac.notification.inbox;

import java.time.Instant;
import java.util.UUID;
import vn.canhgac.notification.notice.NoticeFacts;

/**
 * A notification in the console: its kind, its title in the caller's language (the words of its e-mail's subject),
 * severity, facts, when, and whether read.
 */
public record InboxItem(
        UUID id, String kind, String title, String severity, NoticeFacts facts, Instant createdAt, boolean read) {}
