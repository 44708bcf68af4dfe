package vn.canhgac.notification.delivery;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** A notification (or a digest of several) in one language, as the templates and webhooks show it. */
@TemplateData
public record Message(
        String language,
        String subject,
        String intro,
        List<Line> items,
        String more,
        String link,
        String open,
        String footer) {

    /** One listed item; its link is absolute (into the console). */
    @TemplateData
    public record Line(String text, String severity, String link) {}
}
