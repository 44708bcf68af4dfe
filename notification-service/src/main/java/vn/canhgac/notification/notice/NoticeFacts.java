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

    public NoticeFacts {
        values = values == null ? Map.of() : Map.copyOf(values);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One line of a notification's list, with its severity and where to see it. */
    @RegisterForReflection
    public record Item(String text, String severity, String link) {}
}
