package vn.canhgac.commons.audit;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import vn.canhgac.commons.problem.DomainProblem;

/** The filters of an audit trail as callers send them, for a page of JSON and a CSV export alike. */
public class AuditQuery {

    @QueryParam("entityType")
    String entityType;

    @QueryParam("entityId")
    String entityId;

    @QueryParam("actor")
    String actor;

    @QueryParam("since")
    String since;

    @QueryParam("until")
    String until;

    /** The filter, checked: a bad timestamp is a 400 naming its parameter. */
    AuditEntries.Filter filter() {
        return new AuditEntries.Filter(
                entityType,
                entityId,
                actor,
                instant("since", since, Instant.EPOCH),
                instant("until", until, Instant.parse("9999-12-31T00:00:00Z")));
    }

    private static Instant instant(String field, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainProblem.invalidField(field, "bad-timestamp", value);
        }
    }
}
