package vn.canhgac.commons.json;

/**
 * JSON already serialised, to be stored as it is: a bulk import serialises each asset once and writes the same
 * text as its event payload and its audit state.
 */
public record RawJson(String json) {}
