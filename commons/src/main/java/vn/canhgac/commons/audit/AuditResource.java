package vn.canhgac.commons.audit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;
import vn.canhgac.commons.tenancy.TenantScopes;

/**
 * The audit trail of a service, newest first, in the caller's scope. A service exposes it by extending this
 * class with {@code @Path}. Administrators, coordinators, the authority and auditors read it; nobody writes it.
 */
@RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.AUDITOR})
public abstract class AuditResource {

    @Inject
    TenantScopes scopes;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditEntries entries;

    @GET
    @Operation(summary = "Changes in your scope, newest first; filter by object, actor and time (ISO-8601 with offset)")
    public Uni<Page<AuditRecord>> list(
            @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId,
            @QueryParam("actor") String actor,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        Instant from = instant("since", since, Instant.EPOCH);
        Instant to = instant("until", until, Instant.parse("9999-12-31T00:00:00Z"));
        long before = cursor(after);
        int size = Page.clamp(limit);
        AuditEntries.Filter filter = new AuditEntries.Filter(entityType, entityId, actor, from, to);
        return scopes.of(caller.get())
                .flatMap(scope -> entries.page(scope.likePattern(), filter, before, size))
                .map(records -> Page.of(records, size, entry -> String.valueOf(entry.id()), entry -> entry));
    }

    private static long cursor(String after) {
        if (after == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw DomainProblem.invalidField("after", "bad-cursor");
        }
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
