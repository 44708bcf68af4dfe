package vn.canhgac.incident.handling;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.commons.tenancy.CurrentCaller;

@Path("/api/v1/incidents/observables")
@Tag(name = "Incidents")
@Authenticated
public class ObservableResource {

    private final IncidentService incidents;
    private final CurrentCaller caller;

    public ObservableResource(IncidentService incidents, CurrentCaller caller) {
        this.incidents = incidents;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Which incidents in your scope saw this observable (however it was spelled)")
    public Uni<List<IncidentView>> incidents(
            @NotNull @QueryParam("type") ObservableType type, @NotBlank @QueryParam("value") String value) {
        return incidents.withObservable(caller.get(), type, value);
    }
}
