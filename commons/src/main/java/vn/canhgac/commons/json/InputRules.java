package vn.canhgac.commons.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.function.Function;
import vn.canhgac.commons.text.TextInput;

/**
 * The rules every JSON body of every service obeys, applied once where JSON is read instead of in each record:
 * text carries no NUL and no unpaired surrogate (in typed fields and in free JSON trees such as a CSAF document
 * or an alert's raw payload), and dates lie between {@value #EARLIEST_YEAR} and {@value #LATEST_YEAR} (the year
 * 99999 parses, but no advisory, incident or shift is dated then). A breach is a 400 naming the field.
 */
@Singleton
public class InputRules implements ObjectMapperCustomizer {

    static final int EARLIEST_YEAR = 1900;
    static final int LATEST_YEAR = 2199;

    private static final Map<Class<?>, Function<Object, Integer>> YEARS = Map.of(
            OffsetDateTime.class, t -> ((OffsetDateTime) t).getYear(),
            ZonedDateTime.class, t -> ((ZonedDateTime) t).getYear(),
            LocalDateTime.class, t -> ((LocalDateTime) t).getYear(),
            LocalDate.class, t -> ((LocalDate) t).getYear(),
            Instant.class, t -> ((Instant) t).atOffset(ZoneOffset.UTC).getYear());

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("canhgac-input-rules").setDeserializerModifier(new Modifier()));
        mapper.setNodeFactory(new CheckedNodes());
    }

    /** Checks a value once Jackson has read it; answers the message key of the rule it breaks, or null. */
    static String breach(Object value) {
        if (value instanceof String text) {
            return TextInput.isClean(text) ? null : "bad-characters";
        }
        if (value instanceof Temporal temporal) {
            Function<Object, Integer> year = YEARS.get(temporal.getClass());
            if (year != null) {
                int y = year.apply(temporal);
                return y < EARLIEST_YEAR || y > LATEST_YEAR ? "date-out-of-range" : null;
            }
        }
        return null;
    }

    private static final class Modifier extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return type == String.class || YEARS.containsKey(type) ? new Checked(deserializer) : deserializer;
        }
    }

    private static final class Checked extends DelegatingDeserializer {
        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            String breach = breach(value);
            if (breach != null) {
                throw new UnsafeInput(parser, breach, handledType());
            }
            return value;
        }
    }

    /** Text in free JSON trees (documents stored or parsed as they came) obeys the same rule. */
    private static final class CheckedNodes extends JsonNodeFactory {
        CheckedNodes() {
            super(false);
        }

        @Override
        public TextNode textNode(String text) {
            if (!TextInput.isClean(text)) {
                throw new UncheckedUnsafeText();
            }
            return super.textNode(text);
        }
    }

    /** Thrown where Jackson gives no parser to point with (a tree node); the problem names the body. */
    public static final class UncheckedUnsafeText extends RuntimeException {
        UncheckedUnsafeText() {
            super("text with a NUL character or an unpaired surrogate", null, false, false);
        }
    }
}
