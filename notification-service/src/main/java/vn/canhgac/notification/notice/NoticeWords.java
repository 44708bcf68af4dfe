package vn.canhgac.notification.notice;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notification's words in one language (bundle {@code notification-messages}): its facts' values filled into the
 * messages of its kind. What an e-mail's subject says and what the console's inbox shows as a title are the same
 * words, so a reminder reads the same wherever it is read.
 */
public final class NoticeWords {

    /** The subject's mark in a mailbox, left out where the platform itself shows the notification. */
    private static final String MAILBOX_MARK = "[Canh Gác] ";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private final ResourceBundle words;

    private NoticeWords(ResourceBundle words) {
        this.words = words;
    }

    public static NoticeWords in(String language) {
        return new NoticeWords(ResourceBundle.getBundle(
                "notification-messages",
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /**
     * The values a message is filled with: the facts' own, their reference and headline, how many items, and the
     * organisation's name; dates as Vietnam writes them (20/02/2026) in both languages, the facts keeping ISO dates
     * for machines.
     */
    public static Map<String, String> values(NoticeFacts facts, int count, String organization) {
        Map<String, String> values = new HashMap<>(facts.values());
        values.put(NoticeFacts.COUNT, String.valueOf(count));
        values.put("reference", nonNull(facts.reference()));
        values.put("headline", nonNull(facts.headline()));
        values.put("organization", nonNull(organization));
        values.replaceAll((name, value) ->
                ISO_DATE.matcher(value).matches() ? ISO_DATE.matcher(value).replaceAll("$3/$2/$1") : value);
        return values;
    }

    /** The message {@code key} of the bundle, filled. */
    public String say(String key, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(words.getString(key));
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** An e-mail's subject for a notification of {@code kind}. */
    public String subject(NoticeKind kind, Map<String, String> values) {
        return say(kind.name() + ".subject", values);
    }

    /** The same words as a title in the console, without the mailbox's mark. */
    public String title(NoticeKind kind, Map<String, String> values) {
        String subject = subject(kind, values);
        return subject.startsWith(MAILBOX_MARK) ? subject.substring(MAILBOX_MARK.length()) : subject;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
