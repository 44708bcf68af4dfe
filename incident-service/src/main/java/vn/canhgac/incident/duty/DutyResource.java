package vn.canhgac.incident.duty;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;
import vn.canhgac.incident.alertwindow.AlertWindows;

@Path("/api/v1/duty")
@Tag(name = "Duty rosters")
@Authenticated
public class DutyResource {

    private final DutyService duty;
    private final AlertWindows alertWindows;
    private final CurrentCaller caller;

    public DutyResource(DutyService duty, AlertWindows alertWindows, CurrentCaller caller) {
        this.duty = duty;
        this.alertWindows = alertWindows;
        this.caller = caller;
    }

    @POST
    @Path("/shifts")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN})
    @Operation(summary = "Add a duty shift (from, to in the wall clock of timeZone, Asia/Ho_Chi_Minh by default)")
    public Uni<RestResponse<ShiftView>> addShift(@NotNull @Valid ShiftInput shift) {
        return duty.addShift(caller.get(), shift).map(s -> RestResponse.status(RestResponse.Status.CREATED, s));
    }

    @GET
    @Path("/shifts")
    @Operation(summary = "An organisation's shifts overlapping a period (Vietnam time)")
    public Uni<List<ShiftView>> shifts(
            @QueryParam("organization") String organization,
            @NotNull @QueryParam("from") LocalDateTime from,
            @NotNull @QueryParam("to") LocalDateTime to) {
        return duty.shifts(caller.get(), organization, from, to);
    }

    @DELETE
    @Path("/shifts/{id}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN})
    @Operation(summary = "Remove a shift")
    public Uni<RestResponse<Void>> deleteShift(@PathParam("id") UUID id) {
        return duty.deleteShift(caller.get(), id).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/coverage")
    @Operation(
            summary = "Every gap in 24/7 coverage over an alert window (window=its name) or a period (from, to); "
                    + "subtree=true for a coordinator's view")
    public Uni<List<DutyService.CoverageReport>> coverage(
            @QueryParam("organization") String organization,
            @QueryParam("window") String window,
            @QueryParam("from") LocalDateTime from,
            @QueryParam("to") LocalDateTime to,
            @QueryParam("subtree") boolean subtree) {
        if (window != null && !window.isBlank()) {
            return alertWindows
                    .named(window, "window")
                    .flatMap(named -> duty.coverage(caller.get(), organization, named.from(), named.to(), subtree));
        }
        if (from == null || to == null) {
            throw DomainProblem.invalidField(from == null ? "from" : "to", "required");
        }
        return duty.coverage(caller.get(), organization, from, to, subtree);
    }

    @GET
    @Path("/alert-windows")
    @Operation(summary = "The alert windows that directives declared (Tết), newest first, to check coverage against")
    public Uni<List<AlertWindows.AlertWindow>> alertWindows() {
        return alertWindows.all();
    }

    @GET
    @Path("/now")
    @Operation(summary = "Who is on duty now for an organisation; falls back to its parent's duty officer, and up")
    public Uni<DutyService.OnDuty> now(@QueryParam("organization") String organization) {
        return duty.onDutyNow(caller.get(), organization);
    }
}
