package vn.canhgac.inventory.organization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import java.util.List;
import vn.canhgac.commons.organization.Constituency;
import vn.canhgac.commons.organization.Contact;

/**
 * JSON columns of an organisation, converted here rather than by Hibernate Reactive's JSON type, which reads
 * every jsonb value as an object and so cannot read an array (the contacts).
 */
final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonColumns() {}

    static final class Contacts implements AttributeConverter<List<Contact>, String> {
        @Override
        public String convertToDatabaseColumn(List<Contact> contacts) {
            return write(contacts == null ? List.of() : contacts);
        }

        @Override
        public List<Contact> convertToEntityAttribute(String text) {
            return read(text, new TypeReference<>() {});
        }
    }

    static final class Constituencies implements AttributeConverter<Constituency, String> {
        @Override
        public String convertToDatabaseColumn(Constituency constituency) {
            return write(constituency == null ? Constituency.NONE : constituency);
        }

        @Override
        public Constituency convertToEntityAttribute(String text) {
            return read(text, new TypeReference<>() {});
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON cannot be read", e);
        }
    }
}
