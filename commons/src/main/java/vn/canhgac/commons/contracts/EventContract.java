package vn.canhgac.commons.contracts;

import java.util.Objects;
import java.util.function.Function;

/**
 * One kind of event: the topic it is published on, its CloudEvent type (a name and a version), the record its data
 * reads into, and how its Kafka key (and CloudEvent subject) is taken from that data. A published version only
 * ever grows by optional fields; anything else is a new version ({@code EventContractsTest} checks it against the
 * JSON Schema in {@code contracts/}).
 *
 * @param <T> the record of the event's data
 */
public final class EventContract<T> {

    private final String topic;
    private final String name;
    private final int version;
    private final Class<T> dataClass;
    private final Function<T, String> key;

    EventContract(String topic, String name, int version, Class<T> dataClass, Function<T, String> key) {
        this.topic = topic;
        this.name = name;
        this.version = version;
        this.dataClass = dataClass;
        this.key = key;
    }

    /** The logical topic ({@code inventory.assets}); {@code EventTopics} adds the environment's prefix. */
    public String topic() {
        return topic;
    }

    /** The CloudEvent type, versioned: {@code canhgac.asset.upserted.v1}. */
    public String type() {
        return name + ".v" + version;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public Class<T> dataClass() {
        return dataClass;
    }

    /** The Kafka key and CloudEvent subject of this event: the aggregate's id (an organisation's code). */
    public String keyOf(T data) {
        return Objects.requireNonNull(key.apply(data), () -> type() + " without a key");
    }

    /** Where its JSON Schema lives on the class path. */
    public String schemaResource() {
        return "contracts/" + type() + ".schema.json";
    }

    @Override
    public String toString() {
        return type() + " on " + topic;
    }
}
