package vn.canhgac.notification.inbox;

import java.time.Instant;
import java.util.UUID;
import vn.canhgac.notification.notice.NoticeFacts;

/** A notification in the console: its kind (the console words it), severity, facts, when, and whether read. */
public record InboxItem(UUID id, String kind, String severity, NoticeFacts facts, Instant createdAt, boolean read) {}
