package vn.canhgac.commons.audit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.csv.CsvDocument;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;
import vn.canhgac.commons.tenancy.TenantScopes;
import vn.canhgac.commons.time.Vietnam;

/**
 * The audit trail of a service, newest first, in the caller's scope, as pages or as one CSV file. A service
 * exposes it by extending this class with {@code @Path}. Administrators, coordinators, the authority and auditors
 * read it; nobody writes it.
 */
@RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.AUDITOR})
public abstract class AuditResource {

    /** The most entries one export holds: each carries two states, an asset's with all its products. */
    static final int EXPORT_LIMIT = 5_000;

    private static final List<String> COLUMNS = List.of(
            "occurred_at", "actor", "actor_org", "action", "entity_type", "entity_id", "before", "after", "request_id");

    @Inject
    TenantScopes scopes;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditEntries entries;

    @GET
    @Operation(summary = "Changes in your scope, newest first; filter by object, actor and time (ISO-8601 with offset)")
    public Uni<Page<AuditRecord>> list(
            @BeanParam AuditQuery query, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        AuditEntries.Filter filter = query.filter();
        long before = cursor(after);
        int size = Page.clamp(limit);
        return scopes.of(caller.get())
                .flatMap(scope -> entries.page(scope.likePattern(), filter, before, size))
                .map(records -> Page.of(records, size, entry -> String.valueOf(entry.id()), entry -> entry));
    }

    @GET
    @Path("/export")
    @Produces(CsvDocument.MEDIA_TYPE)
    @Operation(
            summary = "The same changes as one CSV file, for an inspection",
            description = "Newest first, up to " + EXPORT_LIMIT + " (more answers 422 export-too-large: "
                    + "narrow the filters); before and after as JSON; UTF-8 with a byte-order mark.")
    public Uni<RestResponse<String>> export(@BeanParam AuditQuery query) {
        AuditEntries.Filter filter = query.filter();
        return scopes.of(caller.get())
                .flatMap(scope -> entries.page(scope.likePattern(), filter, Long.MAX_VALUE, EXPORT_LIMIT))
                // Thousands of rows are written on a worker thread, not on the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(records -> {
                    CsvDocument.atMost(EXPORT_LIMIT, records);
                    CsvDocument csv = CsvDocument.withHeader(COLUMNS);
                    records.forEach(r -> csv.row(Arrays.asList(
                            r.occurredAt(),
                            r.actor(),
                            r.actorOrg(),
                            r.action(),
                            r.entityType(),
                            r.entityId(),
                            r.before(),
                            r.after(),
                            r.requestId())));
                    return RestResponse.ResponseBuilder.ok(csv.text(), CsvDocument.MEDIA_TYPE)
                            .header("Content-Disposition", CsvDocument.attachment("audit", Vietnam.today()))
                            .build();
                });
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
}
