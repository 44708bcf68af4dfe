package vn.canhgac.notification.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.canhgac.commons.events.ProcessedEvents;
import vn.canhgac.commons.events.ReceivedEvent;

/**
 * Whether an event is news: a service that starts on a platform with years of history (or replays a topic from
 * the start) keeps every exposure, incident and directive for its reminders, but tells nobody about what was
 * published long ago. Age is judged by when the producer recorded the event (its CloudEvent time), not by dates
 * people type (a letter signed ten days ago and entered today is news), and generously (a week by default), so
 * that a consumer that was down for hours still tells what happened meanwhile.
 */
@ApplicationScoped
public class EventAge {

    private final Duration news;

    public EventAge(
            @ConfigProperty(name = "canhgac.notifications.news-for", defaultValue = "P7D") Duration news,
            ProcessedEvents processed) {
        // Past the markers' retention, age is what keeps a replay of the compacted topics from telling twice.
        if (news.compareTo(processed.retention()) >= 0) {
            throw new IllegalStateException("canhgac.notifications.news-for (" + news
                    + ") must be shorter than canhgac.events.processed-retention (" + processed.retention()
                    + "): an older event may have been told already and its marker forgotten");
        }
        this.news = news;
    }

    /** Whether the event was published recently enough to tell (an event that does not say when is). */
    public boolean isNews(ReceivedEvent event) {
        return isNews(event.time());
    }

    public boolean isNews(Instant at) {
        return at == null || at.isAfter(Instant.now().minus(news));
    }

    /** How far back a deadline may lie to be told as passed (a breach older than that is history too). */
    public Duration news() {
        return news;
    }
}
