package vn.canhgac.commons.audit;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestMulti;
import vn.canhgac.commons.csv.CsvDocument;
import vn.canhgac.commons.csv.CsvExport;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;
import vn.canhgac.commons.tenancy.TenantScopes;

/**
 * The audit trail of a service, newest first, in the caller's scope, as pages or as one CSV file. A service
 * exposes it by extending this class with {@code @Path}. Administrators, coordinators, the authority and auditors
 * read it; nobody writes it.
 */
@RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.AUDITOR})
public abstract class AuditResource {

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
            description = "Newest first, up to " + CsvExport.MOST_ROWS + " (more answers 422 export-too-large: "
                    + "narrow the filters); before and after as JSON; UTF-8 with a byte-order mark. Sent as it is "
                    + "read.")
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = CsvDocument.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public RestMulti<String> export(@BeanParam AuditQuery query) {
        AuditEntries.Filter filter = query.filter();
        Multi<String> file = CsvExport.of(
                COLUMNS,
                AuditResource::cells,
                CsvExport.MOST_ROWS,
                scopes.of(caller.get())
                        .flatMap(scope -> entries.ids(scope.likePattern(), filter, CsvExport.MOST_ROWS + 1L)),
                entries::byIds);
        return CsvExport.download("audit", file).build();
    }

    private static List<?> cells(AuditRecord r) {
        return Arrays.asList(
                r.occurredAt(),
                r.actor(),
                r.actorOrg(),
                r.action(),
                r.entityType(),
                r.entityId(),
                r.before(),
                r.after(),
                r.requestId());
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
