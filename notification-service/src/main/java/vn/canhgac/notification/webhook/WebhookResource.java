package vn.canhgac.notification.webhook;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.concurrency.IfMatch;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@Authenticated
public class WebhookResource {

    private final Webhooks webhooks;
    private final CurrentCaller caller;

    public WebhookResource(Webhooks webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.INTEGRATION})
    @Operation(
            summary = "Subscribe the caller's organisation: notifications POSTed as signed CloudEvents (Standard "
                    + "Webhooks); the answer holds the secret, shown this once")
    public Uni<RestResponse<WebhookView>> create(@NotNull @Valid WebhookInput input) {
        return webhooks.create(caller.get(), input).map(view -> withEtag(RestResponse.Status.CREATED, view));
    }

    @GET
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "The caller's organisation's webhooks")
    public Uni<List<WebhookView>> list() {
        return webhooks.list(caller.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "A webhook, its state and failures")
    public Uni<RestResponse<WebhookView>> get(@PathParam("id") UUID id) {
        return webhooks.get(caller.get(), id).map(view -> withEtag(RestResponse.Status.OK, view));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Change a webhook's URL, description or event types (If-Match)")
    public Uni<RestResponse<WebhookView>> update(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid WebhookInput input) {
        return webhooks.update(caller.get(), id, ifMatch, input).map(view -> withEtag(RestResponse.Status.OK, view));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Remove a webhook (If-Match); what it had not delivered is dropped")
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return webhooks.delete(caller.get(), id, ifMatch).map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("/{id}/secret")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Rotate the secret: the new one is shown this once; the previous one still signs for 24 hours")
    public Uni<RestResponse<WebhookView>> rotateSecret(@PathParam("id") UUID id) {
        return webhooks.rotateSecret(caller.get(), id).map(view -> withEtag(RestResponse.Status.OK, view));
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Enable a webhook again after it was disabled for repeated failures")
    public Uni<RestResponse<WebhookView>> enable(@PathParam("id") UUID id) {
        return webhooks.enable(caller.get(), id).map(view -> withEtag(RestResponse.Status.OK, view));
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "A webhook's delivery log, newest first: state, attempts, the receiver's last answer")
    public Uni<Page<DeliveryView>> deliveries(
            @PathParam("id") UUID id, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return webhooks.deliveries(caller.get(), id, after, Page.clamp(limit));
    }

    @POST
    @Path("/{id}/deliveries/{delivery}/replay")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.ORG_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Send a delivery again, with the same webhook-id")
    public Uni<RestResponse<Void>> replay(
            @PathParam("id") UUID id, @PathParam("delivery") @Pattern(regexp = "msg_[0-9a-f]{32}") String delivery) {
        return webhooks.replay(caller.get(), id, delivery).map(ignored -> RestResponse.accepted());
    }

    private static RestResponse<WebhookView> withEtag(RestResponse.Status status, WebhookView view) {
        return RestResponse.ResponseBuilder.create(status, view)
                .header("ETag", "\"" + IfMatch.etagOf(view.version()) + "\"")
                .build();
    }
}
