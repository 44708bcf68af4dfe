package vn.canhgac.commons.events;

import java.time.Instant;

/**
 * A CloudEvent as a consumer sees it: envelope attributes and the JSON data; {@code time} is when the producer
 * recorded it (null when the record does not say).
 */
public record ReceivedEvent(String id, String type, String subject, String source, String data, Instant time) {}
