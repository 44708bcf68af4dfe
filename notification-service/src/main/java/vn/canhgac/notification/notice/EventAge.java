package vn.canhgac.notification.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether an event is news: a service that starts on a platform with years of history (or replays a topic from
 * the start) keeps every exposure, incident and directive for its reminders, but tells nobody about an exposure
 * detected or an incident reported long ago, nor about a directive issued weeks ago.
 */
@ApplicationScoped
public class EventAge {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Duration news;

    public EventAge(@ConfigProperty(name = "canhgac.notifications.news-for", defaultValue = "PT24H") Duration news) {
        this.news = news;
    }

    /** Whether something that happened at this instant is still news (an unknown time is). */
    public boolean isNews(Instant at) {
        return at == null || at.isAfter(Instant.now().minus(news));
    }

    /** Whether a directive issued on this day is still news: issued within the last week. */
    public boolean isNews(LocalDate issuedOn) {
        return issuedOn == null || !issuedOn.isBefore(LocalDate.now(VIETNAM).minusDays(7));
    }
}
