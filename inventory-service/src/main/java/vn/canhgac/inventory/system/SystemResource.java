package vn.canhgac.inventory.system;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.idempotency.Idempotency;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

@Path("/api/v1/systems")
@Tag(name = "Information systems")
@Authenticated
public class SystemResource {

    private final SystemService systems;
    private final ComplianceService compliance;
    private final CurrentCaller caller;
    private final Idempotency idempotency;

    public SystemResource(
            SystemService systems, ComplianceService compliance, CurrentCaller caller, Idempotency idempotency) {
        this.systems = systems;
        this.compliance = compliance;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR, Roles.INTEGRATION})
    @Operation(summary = "Register an information system of an organisation in your scope")
    public Uni<RestResponse<SystemDetails>> create(
            @Valid @NotNull NewSystem request, @HeaderParam(Idempotency.HEADER) String idempotencyKey, UriInfo uri) {
        return idempotency.once(
                caller.get(),
                idempotencyKey,
                request,
                SystemDetails.class,
                () -> systems.create(caller.get(), request)
                        .map(system -> RestResponse.ResponseBuilder.<SystemDetails>created(uri.getAbsolutePathBuilder()
                                        .path(system.id.toString())
                                        .build())
                                .entity(SystemDetails.of(system))
                                .tag(etag(system))
                                .build()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR, Roles.INTEGRATION})
    @Operation(summary = "Describe a system anew; send the ETag you read as If-Match")
    public Uni<RestResponse<SystemDetails>> update(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SystemDescription description) {
        return systems.update(caller.get(), id, ifMatch, description)
                .map(system -> RestResponse.ResponseBuilder.ok(SystemDetails.of(system))
                        .tag(etag(system))
                        .build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN})
    @Operation(summary = "Delete a system no asset belongs to; If-Match is required (428 without it, 412 when stale)")
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return systems.delete(caller.get(), id, ifMatch).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An information system in your scope")
    public Uni<RestResponse<SystemDetails>> get(@PathParam("id") UUID id) {
        return systems.get(caller.get(), id)
                .map(system -> RestResponse.ResponseBuilder.ok(SystemDetails.of(system))
                        .tag(etag(system))
                        .build());
    }

    @GET
    @Operation(summary = "Systems in your scope by name; filter by organisation subtree, security level, status, text")
    public Uni<Page<SystemDetails>> list(
            @QueryParam("organization") String organization,
            @QueryParam("securityLevel") Integer securityLevel,
            @QueryParam("status") SystemStatus status,
            @QueryParam("q") String query,
            @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        return systems.list(
                caller.get(), new SystemFilter(organization, securityLevel, status, query), after, Page.clamp(limit));
    }

    @GET
    @Path("/{id}/measures")
    @WithSession
    @Operation(
            summary =
                    "The system's checklist: every measure of the catalogue, whether its level requires it, and its status")
    public Uni<List<ChecklistItem>> checklist(@PathParam("id") UUID id) {
        return systems.inScope(caller.get(), id)
                .flatMap(system -> SystemMeasure.<SystemMeasure>list("systemId", id)
                        .map(lines ->
                                lines.stream().collect(Collectors.toMap(line -> line.measureCode, Function.identity())))
                        .flatMap(lines -> ProtectionMeasure.<ProtectionMeasure>listAll()
                                .map(measures -> measures.stream()
                                        .sorted(Comparator.comparingInt(measure -> measure.position))
                                        .map(measure -> ChecklistItem.of(
                                                measure, system.securityLevel, lines.get(measure.code)))
                                        .toList())));
    }

    @PUT
    @Path("/{id}/measures/{code}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR, Roles.INTEGRATION})
    @Operation(summary = "Record the system's status on one measure, with evidence")
    public Uni<ChecklistItem> assess(
            @PathParam("id") UUID id, @PathParam("code") String code, @Valid @NotNull MeasureAssessment assessment) {
        return systems.assess(caller.get(), id, code, assessment);
    }

    @GET
    @Path("/{id}/compliance")
    @Operation(summary = "How far the system meets the measures its level requires")
    public Uni<Compliance> compliance(@PathParam("id") UUID id) {
        return compliance.ofSystem(caller.get(), id);
    }

    private static EntityTag etag(InformationSystem system) {
        return new EntityTag(IfMatch.etagOf(system.version));
    }
}
