package vn.canhgac.notification.audience;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

@Path("/api/v1/notification-preferences")
@Tag(name = "Notification preferences")
@Authenticated
public class ContactPreferenceResource {

    private final ContactPreferences preferences;
    private final CurrentCaller caller;

    public ContactPreferenceResource(ContactPreferences preferences, CurrentCaller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.AUDITOR})
    @Operation(
            summary = "An organisation's contacts (the caller's own by default) and what each receives: channels, "
                    + "minimum severity, digest interval, language, quiet hours")
    public Uni<List<ContactView>> contacts(@QueryParam("organization") @Size(max = 100) String organization) {
        return preferences.contacts(caller.get(), organization);
    }

    @PUT
    @Path("/{organization}/{email}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN})
    @Operation(summary = "Choose what a contact receives (If-Match: the version read, 0 while it has the defaults)")
    public Uni<RestResponse<ContactView>> choose(
            @PathParam("organization") @Size(max = 100) String organization,
            @PathParam("email") @Email @Size(max = 255) String email,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ContactPreference preference) {
        return preferences
                .choose(caller.get(), organization, email, ifMatch, preference)
                .map(view -> RestResponse.ResponseBuilder.ok(view)
                        .header("ETag", "\"" + IfMatch.etagOf(view.version()) + "\"")
                        .build());
    }
}
