package vn.canhgac.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.canhgac.notification.notice.NoticeFacts;
import vn.canhgac.notification.notice.NoticeKind;

/**
 * A notification may keep only its first items and count the rest (a group of new exposures, a reminder): a message
 * and a webhook say how many there are in all, and how many the message does not list.
 */
@QuarkusTest
class MessageCountsTest {

    @Inject
    MessageRenderer renderer;

    @Inject
    WebhookChannel webhooks;

    @Inject
    ObjectMapper json;

    @Test
    void aDigestCountsWhatItsNotificationsCount() throws Exception {
        Outgoing digest = delivery(counting(250, NoticeFacts.KEPT_ITEMS), counting(1, 1));

        Message english = renderer.message(digest, "en");
        assertEquals("[Canh Gác] 251 new exposures for Cam Ranh", english.subject());
        assertEquals(MessageRenderer.LISTED, english.items().size());
        assertEquals("… and 201 more in Canh Gác.", english.more());
        assertEquals(
                "… và 201 mục khác trong Canh Gác.",
                renderer.message(digest, "vi").more());

        JsonNode data = json.readTree(webhooks.payload(digest)).get("data");
        assertEquals(251, data.get("itemCount").asInt());
        assertEquals(
                "251", data.get("values").get("count").asText(), "the digest's count, not its first notification's");
        assertEquals(NoticeFacts.KEPT_ITEMS + 1, data.get("items").size());
    }

    @Test
    void aNotificationThatListsAllSaysNoMore() {
        Message message = renderer.message(delivery(counting(3, 3)), "en");

        assertTrue(message.subject().startsWith("[Canh Gác] 3 new exposures"), message.subject());
        assertEquals(3, message.items().size());
        assertNull(message.more());
    }

    private static Outgoing.Carried counting(int count, int kept) {
        List<NoticeFacts.Item> items = IntStream.range(0, kept)
                .mapToObj(i ->
                        new NoticeFacts.Item("h" + i + ".camranh.gov.vn", "HIGH", "/exposures/" + UUID.randomUUID()))
                .toList();
        return new Outgoing.Carried(
                UUID.randomUUID(),
                NoticeKind.EXPOSURE_DETECTED,
                "HIGH",
                Instant.now(),
                new NoticeFacts(
                        "ZIMBRA-1",
                        "h0.camranh.gov.vn",
                        "/exposures?organization=UBND-CAMRANH&severity=HIGH",
                        Map.of(NoticeFacts.COUNT, String.valueOf(count)),
                        items));
    }

    private static Outgoing delivery(Outgoing.Carried... carried) {
        return new Outgoing(
                "msg_test",
                UUID.randomUUID(),
                Outgoing.WEBHOOK,
                UUID.randomUUID().toString(),
                "UBND-CAMRANH",
                "Cam Ranh",
                "en",
                1,
                Instant.now(),
                null,
                List.of(carried));
    }
}
