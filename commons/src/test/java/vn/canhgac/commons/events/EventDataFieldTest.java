package vn.canhgac.commons.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One top-level field of an event's data, read without reading the rest. */
class EventDataFieldTest {

    private final EventData events = new EventData(new ObjectMapper());

    @Test
    void aTopLevelFieldIsReadWhateverComesBeforeIt() {
        String data = """
                {"id":"e1","nested":{"sourceKind":"ADVISORY","list":[{"sourceKind":"ADVISORY"}]},
                 "tags":["a",{"b":1}],"sourceKind":"BOTNET","status":"OPEN"}""";

        assertEquals(Optional.of("BOTNET"), events.field(event(data), "sourceKind"));
        assertEquals(Optional.of("e1"), events.field(event(data), "id"));
    }

    @Test
    void numbersAndBooleansAreReadAsTheirText() {
        assertEquals(Optional.of("7"), events.field(event("{\"version\":7}"), "version"));
        assertEquals(Optional.of("true"), events.field(event("{\"deleted\":true}"), "deleted"));
    }

    @Test
    void nothingWhenTheFieldIsMissingNullOrNotAValue() {
        assertEquals(Optional.empty(), events.field(event("{\"status\":\"OPEN\"}"), "sourceKind"));
        assertEquals(Optional.empty(), events.field(event("{\"sourceKind\":null}"), "sourceKind"));
        assertEquals(Optional.empty(), events.field(event("{\"sourceKind\":{\"kind\":\"BOTNET\"}}"), "sourceKind"));
        assertEquals(Optional.empty(), events.field(event("{\"sourceKind\":[\"BOTNET\"]}"), "sourceKind"));
    }

    @Test
    void nothingWhenTheDataIsNotAJsonObject() {
        assertEquals(Optional.empty(), events.field(event("[{\"sourceKind\":\"BOTNET\"}]"), "sourceKind"));
        assertEquals(Optional.empty(), events.field(event("\"BOTNET\""), "sourceKind"));
        assertEquals(Optional.empty(), events.field(event("not json"), "sourceKind"));
        assertEquals(Optional.empty(), events.field(event("{\"status\":\"OPEN\",\"sourceKind\""), "sourceKind"));
        assertEquals(Optional.empty(), events.field(event("{\"status\":\"OPEN\", broken"), "sourceKind"));
    }

    private static ReceivedEvent event(String data) {
        return new ReceivedEvent("e1", "canhgac.test.v1", null, "/tests", data, null);
    }
}
