package vn.canhgac.incident.handling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.idempotency.Idempotency;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

@Path("/api/v1/incidents")
@Tag(name = "Incidents")
@Authenticated
public class IncidentResource {

    private final IncidentService incidents;
    private final CurrentCaller caller;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    public IncidentResource(
            IncidentService incidents, CurrentCaller caller, Idempotency idempotency, ObjectMapper json) {
        this.incidents = incidents;
        this.caller = caller;
        this.idempotency = idempotency;
        this.json = json;
    }

    @POST
    @RolesAllowed({
        Roles.AUTHORITY,
        Roles.COORDINATOR,
        Roles.ORG_ADMIN,
        Roles.ORG_OPERATOR,
        Roles.INTEGRATION,
        Roles.FEED
    })
    @Operation(summary = "Report an incident; it gets a reference unique in its year (INC-2024-000123)")
    public Uni<RestResponse<IncidentView>> report(
            @NotNull @Valid IncidentInput input, @HeaderParam(Idempotency.HEADER) String idempotencyKey, UriInfo uri) {
        return idempotency.once(
                caller.get(),
                idempotencyKey,
                input,
                IncidentView.class,
                () -> incidents
                        .report(caller.get(), input)
                        .map(incident -> RestResponse.ResponseBuilder.<IncidentView>created(uri.getAbsolutePathBuilder()
                                        .path(incident.id().toString())
                                        .build())
                                .entity(incident)
                                .build()));
    }

    @GET
    @Operation(
            summary = "Incidents in your scope (reported by or affecting it), newest first",
            description = "open = still being handled (not closed, rejected or a duplicate); overdue = unanswered past"
                    + " the first-response deadline or unresolved past the resolution one")
    public Uni<Page<IncidentView>> list(
            @QueryParam("organization") String organization,
            @QueryParam("status") IncidentStatus status,
            @QueryParam("open") boolean open,
            @QueryParam("severity") IncidentSeverity severity,
            @QueryParam("category") IncidentCategory category,
            @QueryParam("overdue") boolean overdue,
            @QueryParam("q") String query,
            @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        return incidents.list(
                caller.get(),
                new IncidentFilter(organization, status, open, severity, category, overdue, query),
                after,
                Page.clamp(limit));
    }

    @GET
    @Path("/summary")
    @Operation(
            summary = "Open incidents in your scope by severity, with those past their first-response or resolution"
                    + " deadline (organization narrows it to a subtree)")
    public Uni<IncidentSummary> summary(@QueryParam("organization") String organization) {
        return incidents.summary(caller.get(), organization);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An incident with its observables and timeline")
    public Uni<IncidentView> get(@PathParam("id") UUID id) {
        return incidents.get(caller.get(), id);
    }

    @GET
    @Path("/{id}/stix")
    @Produces({"application/stix+json", MediaType.APPLICATION_JSON})
    @Operation(
            summary = "The incident as a STIX 2.1 bundle (incident, indicators, sightings) to share with other CERTs")
    public Uni<RestResponse<ObjectNode>> stix(@PathParam("id") UUID id) {
        return incidents
                .get(caller.get(), id)
                .map(incident -> RestResponse.ResponseBuilder.ok(
                                IncidentStix.bundle(json, incident), "application/stix+json;version=2.1")
                        .header(
                                "Content-Disposition",
                                "attachment; filename=\"" + incident.reference() + ".stix.json\"")
                        .build());
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR})
    @Operation(summary = "Move the incident one step; 409 lists the steps allowed from where it stands")
    public Uni<IncidentView> changeStatus(@PathParam("id") UUID id, @NotNull @Valid StatusChange change) {
        return incidents.changeStatus(caller.get(), id, change);
    }

    @POST
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR})
    @Operation(summary = "Add a comment, an action taken or evidence (with its reference) to the timeline")
    public Uni<IncidentView> addToTimeline(@PathParam("id") UUID id, @NotNull @Valid TimelineInput entry) {
        return incidents.addToTimeline(caller.get(), id, entry);
    }

    @POST
    @Path("/{id}/escalations")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR})
    @Operation(summary = "Escalate to VNCERT/CC or NCSC; the timeline records the channel and the centre's contacts")
    public Uni<IncidentView> escalate(@PathParam("id") UUID id, @NotNull @Valid EscalationInput escalation) {
        return incidents.escalate(caller.get(), id, escalation);
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR})
    @Operation(
            summary =
                    "Assign the incident to a person, an organisation in your scope, or both; recorded on the timeline")
    public Uni<IncidentView> assign(@PathParam("id") UUID id, @NotNull @Valid AssignmentInput assignment) {
        return incidents.assign(caller.get(), id, assignment);
    }

    @POST
    @Path("/{id}/observables")
    @RolesAllowed({
        Roles.AUTHORITY,
        Roles.COORDINATOR,
        Roles.ORG_ADMIN,
        Roles.ORG_OPERATOR,
        Roles.INTEGRATION,
        Roles.FEED
    })
    @Operation(summary = "Add observables (IP, domain, URL, hash, e-mail) with their TLP")
    public Uni<IncidentView> addObservables(
            @PathParam("id") UUID id, @NotEmpty @Size(max = 500) List<@NotNull @Valid ObservableInput> observables) {
        return incidents.addObservables(caller.get(), id, observables);
    }
}
