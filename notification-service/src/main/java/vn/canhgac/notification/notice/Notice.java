package vn.canhgac.notification.notice;

/**
 * Something an organisation must be told, before it is fanned out to contacts, webhooks and the console.
 *
 * @param dedupKey     what makes it one notification, whatever redelivers it ({@code directive-issued:<id>:<org>})
 * @param organization the code of the organisation told
 * @param severity     LOW, MEDIUM, HIGH or CRITICAL: contacts' minimum severity and quiet hours apply to it
 * @param directEmail  when set, the one address that receives it by e-mail (the person whose shift starts)
 */
public record Notice(
        String dedupKey, NoticeKind kind, String organization, String severity, String directEmail, NoticeFacts facts) {

    public static Notice of(String dedupKey, NoticeKind kind, String organization, String severity, NoticeFacts facts) {
        return new Notice(dedupKey, kind, organization, severity, null, facts);
    }

    /** Gathered into a digest rather than sent at once: new or reopened exposures that are not critical. */
    public boolean gathered() {
        return (kind == NoticeKind.EXPOSURE_DETECTED || kind == NoticeKind.EXPOSURE_REOPENED)
                && !"CRITICAL".equals(severity);
    }
}
