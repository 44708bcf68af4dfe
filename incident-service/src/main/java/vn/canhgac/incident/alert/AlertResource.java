package vn.canhgac.incident.alert;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.commons.limits.LargeBody;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;
import vn.canhgac.incident.handling.IncidentView;

@Path("/api/v1/alerts")
@Tag(name = "Alerts")
@Authenticated
public class AlertResource {

    private final AlertService alerts;
    private final CurrentCaller caller;

    public AlertResource(AlertService alerts, CurrentCaller caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.AUTHORITY, Roles.FEED, Roles.INTEGRATION})
    @Operation(
            summary = "Push one alert; the same source and reference again is merged (duplicate: true), not repeated")
    public Uni<AlertView> push(@NotNull @Valid AlertInput alert) {
        return alerts.push(caller.get(), List.of(alert)).map(List::getFirst);
    }

    @POST
    @Path("/bulk")
    @LargeBody
    @Extension(name = "x-canhgac-large-body", value = "true")
    @RolesAllowed({Roles.AUTHORITY, Roles.FEED, Roles.INTEGRATION})
    @Operation(summary = "Push up to 1,000 alerts at once, in one transaction; repeats are merged")
    public Uni<List<AlertView>> pushAll(@NotEmpty @Size(max = 1000) List<@NotNull @Valid AlertInput> batch) {
        return alerts.push(caller.get(), batch);
    }

    @GET
    @Operation(summary = "Alerts in your scope, most recently pushed first; status = NEW, PROMOTED or ATTACHED")
    public Uni<Page<AlertView>> list(
            @QueryParam("status") String status,
            @QueryParam("organization") String organization,
            @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        return alerts.list(caller.get(), status, organization, after, Page.clamp(limit));
    }

    @POST
    @Path("/{id}/promotion")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR})
    @Operation(summary = "Promote a new alert to a new incident; 409 if it was already promoted or attached")
    public Uni<IncidentView> promote(@PathParam("id") UUID id, @NotNull @Valid AlertPromotion promotion) {
        return alerts.promote(caller.get(), id, promotion);
    }

    @POST
    @Path("/{id}/attachment/{incidentId}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.ORG_OPERATOR})
    @Operation(summary = "Attach a new alert to an existing incident: its observables join the incident")
    public Uni<IncidentView> attach(@PathParam("id") UUID id, @PathParam("incidentId") UUID incidentId) {
        return alerts.attach(caller.get(), id, incidentId);
    }
}
