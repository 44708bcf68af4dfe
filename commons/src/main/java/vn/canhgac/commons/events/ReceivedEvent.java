package vn.canhgac.commons.events;

/** A CloudEvent as a consumer sees it: envelope attributes and the JSON data. */
public record ReceivedEvent(String id, String type, String subject, String source, String data) {}
