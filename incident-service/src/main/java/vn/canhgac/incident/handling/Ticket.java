package vn.canhgac.incident.handling;

/**
 * What a report draws before it is stored: its reference, and whether the deadlines of that moment are the
 * tighter ones of an alert window.
 */
public record Ticket(String reference, boolean inAlertWindow) {}
