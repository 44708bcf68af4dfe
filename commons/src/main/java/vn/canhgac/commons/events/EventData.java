package vn.canhgac.commons.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the data of a received CloudEvent into its contract. Lenient on purpose: a newer producer may add fields,
 * and an older consumer must still apply its events. Data that does not read at all is an
 * {@link IllegalArgumentException}, which {@link BatchConsumer} sends to the dead-letter topic.
 */
@ApplicationScoped
public class EventData {

    private final ObjectMapper json;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    public EventData(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(ReceivedEvent event, Class<T> type) {
        ObjectReader reader = readers.computeIfAbsent(
                type, t -> json.readerFor(t).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        try {
            return reader.readValue(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Malformed " + type.getSimpleName() + " in event " + event.id(), e);
        }
    }
}
