package vn.canhgac.notification.inbox;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.ProblemMessages;
import vn.canhgac.commons.tenancy.CurrentCaller;

@Path("/api/v1/notifications")
@Tag(name = "Notifications")
@Authenticated
public class InboxResource {

    private final Inbox inbox;
    private final CurrentCaller caller;

    public InboxResource(Inbox inbox, CurrentCaller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "The caller's notifications (its organisation's), newest first; unread=true for unread only",
            description = "Each with its title in the language of Accept-Language (English unless Vietnamese is asked)")
    public Uni<Page<InboxItem>> list(
            @QueryParam("unread") boolean unread,
            @QueryParam("after") String after,
            @QueryParam("limit") Integer limit,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return inbox.page(
                caller.get(),
                unread,
                after,
                Page.clamp(limit),
                ProblemMessages.choose(acceptLanguage).getLanguage());
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of the caller's notifications it has not read")
    public Uni<Map<String, Long>> unreadCount() {
        return inbox.unread(caller.get()).map(count -> Map.of("unread", count));
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark a notification read (for the caller only)")
    public Uni<RestResponse<Void>> markRead(@PathParam("id") UUID id) {
        return inbox.markRead(caller.get(), id).map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("/read")
    @Operation(summary = "Mark every notification of the caller read")
    public Uni<RestResponse<Void>> markAllRead() {
        return inbox.markAllRead(caller.get()).map(ignored -> RestResponse.noContent());
    }
}
