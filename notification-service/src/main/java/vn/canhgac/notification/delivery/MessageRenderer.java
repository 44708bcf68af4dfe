package vn.canhgac.notification.delivery;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeWords;

/**
 * Words a delivery in its recipient's language (bundle {@code notification-messages}), with absolute links into
 * the console, and lays it out as an e-mail's HTML and plain text (Qute templates {@code notification.*}).
 */
@ApplicationScoped
public class MessageRenderer {

    /** A message lists at most this many items; the rest are counted, and the link leads to them. */
    static final int LISTED = 50;

    private final Template html;
    private final Template text;
    private final String consoleUrl;

    public MessageRenderer(
            @Location("notification.html") Template html,
            @Location("notification.txt") Template text,
            @ConfigProperty(name = "canhgac.console.url") String consoleUrl) {
        this.html = html;
        this.text = text;
        this.consoleUrl = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
    }

    public Message message(Outgoing delivery) {
        return message(delivery, delivery.language());
    }

    /** The delivery in the language given (webhooks are worded in English). */
    public Message message(Outgoing delivery, String language) {
        NoticeWords words = NoticeWords.in(language);
        List<Outgoing.Carried> carried = delivery.notifications();
        NoticeFacts first = carried.getFirst().facts();
        List<Message.Line> lines = new ArrayList<>();
        carried.forEach(n -> n.facts()
                .items()
                .forEach(item -> lines.add(new Message.Line(item.text(), item.severity(), absolute(item.link())))));
        // A notification may list only its first items and count the rest (a group of new exposures, a reminder).
        int count =
                carried.stream().mapToInt(n -> Math.max(1, n.facts().count())).sum();
        Map<String, String> values = NoticeWords.values(first, count, delivery.organizationName());
        String link = carried.size() > 1
                ? absolute("/exposures?organization=" + delivery.organization())
                : absolute(first.link());
        List<Message.Line> listed = lines.stream().limit(LISTED).toList();
        int unlisted = lines.isEmpty() ? 0 : count - listed.size();
        String more = unlisted > 0 ? words.say("more", Map.of(NoticeFacts.COUNT, String.valueOf(unlisted))) : null;
        return new Message(
                language,
                words.subject(delivery.kind(), values),
                words.say(delivery.kind().name() + ".intro", values),
                listed,
                more,
                link,
                words.say("open", Map.of()),
                words.say("footer", values));
    }

    public String html(Message message) {
        return html.data("message", message).render();
    }

    public String text(Message message) {
        return text.data("message", message).render();
    }

    /** The console's address of a link ({@code /exposures/...}), or null. */
    public String absolute(String link) {
        if (link == null) {
            return null;
        }
        return consoleUrl + link;
    }
}
