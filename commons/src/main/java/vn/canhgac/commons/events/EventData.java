package vn.canhgac.commons.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The text of one top-level field of an event's data, read up to that field and no further (a consumer deciding
     * whether an event concerns it, before reading it whole); empty when the data is not a JSON object, has no such
     * field before it ends or breaks, or the field's value is not a string, number or boolean. A field named twice
     * is read at its first occurrence: the platform's producers write each once.
     */
    public Optional<String> field(ReceivedEvent event, String name) {
        JsonFactory factory = json.getFactory();
        try (JsonParser parser = factory.createParser(event.data())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean sought = name.equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (sought) {
                    return value != null && value.isScalarValue() && value != JsonToken.VALUE_NULL
                            ? Optional.of(parser.getText())
                            : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
