package vn.canhgac.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.webhook.Signatures;
import vn.canhgac.notification.webhook.TargetGuard;

/**
 * Sends a delivery to a webhook: a CloudEvent in structured JSON mode, signed per Standard Webhooks, to the address
 * the target check resolved, following no redirect. Any 2xx is delivered; anything else, or no answer within the
 * timeout, is a failure to retry.
 */
@ApplicationScoped
public class WebhookChannel {

    /** The subscription a delivery goes to, with the secrets that sign it now. */
    public record Subscription(String id, String url, List<String> secrets) {

        static Subscription disabledOne(String id) {
            return new Subscription(id, null, List.of());
        }

        /** A disabled webhook has no secret to sign with: its deliveries wait until it is enabled again. */
        boolean disabled() {
            return secrets.isEmpty();
        }
    }

    /** What the receiver answered: its status, or 0 with the reason when there was no answer. */
    public record Answer(int status, String error) {

        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    private static final int TIMEOUT_MS = 10_000;
    /** A delivery lists at most this many items (the digest of a large list); {@code itemCount} says how many. */
    private static final int LISTED = 500;

    private final HttpClient client;
    private final TargetGuard guard;
    private final MessageRenderer renderer;
    private final ObjectMapper json;

    public WebhookChannel(Vertx vertx, TargetGuard guard, MessageRenderer renderer, ObjectMapper json) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5_000)
                .setForceSni(true)
                .setMaxPoolSize(50)
                .setKeepAlive(true));
        this.guard = guard;
        this.renderer = renderer;
        this.json = json;
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }

    public Uni<Answer> send(Outgoing delivery, Subscription subscription) {
        String payload = payload(delivery);
        long timestamp = Instant.now().getEpochSecond();
        return guard.check(subscription.url())
                .flatMap(target -> {
                    String path = target.url().getRawPath() == null
                                    || target.url().getRawPath().isEmpty()
                            ? "/"
                            : target.url().getRawPath();
                    if (target.url().getRawQuery() != null) {
                        path += "?" + target.url().getRawQuery();
                    }
                    RequestOptions request = new RequestOptions()
                            .setMethod(HttpMethod.POST)
                            .setServer(SocketAddress.inetSocketAddress(
                                    target.port(), target.address().getHostAddress()))
                            .setHost(target.url().getHost())
                            .setPort(target.port())
                            .setSsl(target.https())
                            .setURI(path)
                            .setFollowRedirects(false)
                            .setIdleTimeout(TIMEOUT_MS)
                            .putHeader("content-type", "application/cloudevents+json; charset=utf-8")
                            .putHeader("user-agent", "Canh-Gac-Webhooks/1")
                            .putHeader("webhook-id", delivery.id())
                            .putHeader("webhook-timestamp", Long.toString(timestamp))
                            .putHeader(
                                    "webhook-signature",
                                    Signatures.header(subscription.secrets(), delivery.id(), timestamp, payload));
                    return client.request(request)
                            .flatMap(sent -> sent.send(Buffer.buffer(payload)))
                            // The body is not kept: a receiver could send any amount of it.
                            .flatMap(
                                    response -> response.end().map(ignored -> new Answer(response.statusCode(), null)));
                })
                .ifNoItem()
                .after(java.time.Duration.ofMillis(TIMEOUT_MS + 2_000))
                .fail()
                .onFailure()
                .recoverWithItem(failure -> new Answer(0, describe(failure)));
    }

    /**
     * The CloudEvent: its id is the delivery's (stable across retries and replays), its type the notification's
     * kind, its data the notification's facts in English with the items listed.
     */
    public String payload(Outgoing delivery) {
        Message message = renderer.message(delivery, "en");
        ObjectNode event = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", delivery.id())
                .put("source", "/canhgac/notification-service")
                .put("type", delivery.kind().eventType())
                .put("subject", delivery.organization())
                .put("time", delivery.notifications().getFirst().createdAt().toString())
                .put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data")
                .put("kind", delivery.kind().name())
                .put("organization", delivery.organization())
                .put("severity", delivery.severity())
                .put("summary", message.subject())
                .put("link", message.link());
        int itemCount = delivery.notifications().stream()
                .mapToInt(n -> n.facts().count())
                .sum();
        // The values are the first notification's, but a digest's count is all of its notifications'.
        Map<String, String> values =
                new HashMap<>(delivery.notifications().getFirst().facts().values());
        values.computeIfPresent(NoticeFacts.COUNT, (name, count) -> String.valueOf(itemCount));
        data.set("values", json.valueToTree(values));
        data.put("reference", delivery.notifications().getFirst().facts().reference());
        data.put("headline", delivery.notifications().getFirst().facts().headline());
        data.put("itemCount", itemCount);
        ArrayNode items = data.putArray("items");
        delivery.notifications().stream()
                .flatMap(n -> n.facts().items().stream())
                .limit(LISTED)
                .forEach(item -> items.addObject()
                        .put("text", item.text())
                        .put("severity", item.severity())
                        .put("link", renderer.absolute(item.link())));
        ArrayNode notifications = data.putArray("notifications");
        delivery.notifications().forEach(n -> notifications.add(n.id().toString()));
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
