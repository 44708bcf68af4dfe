package vn.canhgac.notification.notice;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * What a notification says, in data rather than in words, so that each recipient reads it in its own language:
 * the reference it is about (a directive's number, an incident's), a headline in the words of whoever wrote it,
 * where to look in the console, named values for the messages ({@code dueOn}, {@code days}), and the items it
 * lists (exposures, shifts, gaps).
 */
@RegisterForReflection
public record NoticeFacts(
        String reference, String headline, String link, Map<String, String> values, List<Item> items) {

    /** A notification keeps at most this many items; {@link #COUNT} says how many there are in all. */
    public static final int KEPT_ITEMS = 100;

    /** The value that counts a notification's items when it keeps only the first ones. */
    public static final String COUNT = "count";

    public NoticeFacts {
        values = values == null ? Map.of() : Map.copyOf(values);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** How many items this notification is about: its count, else the items it lists. */
    public int count() {
        String count = values.get(COUNT);
        if (count != null && count.matches("\\d{1,9}")) {
            return Integer.parseInt(count);
        }
        return items.size();
    }

    /** One line of a notification's list, with its severity and where to see it. */
    @RegisterForReflection
    public record Item(String text, String severity, String link) {}
}
