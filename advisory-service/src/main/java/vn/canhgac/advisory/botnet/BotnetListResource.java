package vn.canhgac.advisory.botnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.idempotency.Idempotency;
import vn.canhgac.commons.limits.LargeBody;
import vn.canhgac.commons.paging.Page;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.ProblemMessages;
import vn.canhgac.commons.tenancy.Caller;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;
import vn.canhgac.commons.time.Dates;
import vn.canhgac.commons.time.Vietnam;

@Path("/api/v1/botnet-lists")
@Tag(name = "Botnet lists")
@Authenticated
public class BotnetListResource {

    private final BotnetListImport imports;
    private final BotnetListService lists;
    private final CurrentCaller caller;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    public BotnetListResource(
            BotnetListImport imports,
            BotnetListService lists,
            CurrentCaller caller,
            Idempotency idempotency,
            ObjectMapper json) {
        this.imports = imports;
        this.lists = lists;
        this.caller = caller;
        this.idempotency = idempotency;
        this.json = json;
    }

    @POST
    @Blocking
    @LargeBody
    @Extension(name = "x-canhgac-large-body", value = "true")
    @Consumes({"text/plain", "text/csv", "application/json", "application/stix+json"})
    @RolesAllowed({Roles.AUTHORITY, Roles.FEED})
    @Operation(
            summary = "Publish a botnet list (plain text, CSV or a STIX 2.1 bundle); it is matched at once",
            description = "201 with the new list and the exposures it caused; 200 with the stored list when this "
                    + "reference was published before with the same entries (in any order); 409 when it was published "
                    + "with other entries; 422 with every bad line and nothing stored. Entries in special-purpose "
                    + "address space are skipped and listed with their reason. A network wider than /8 (IPv4) or /32 "
                    + "(IPv6) is a bad entry unless the Authority forces it with widePrefixes=true.")
    public RestResponse<BotnetListDetails> publish(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @QueryParam("reference") String reference,
            @QueryParam("issuer") String issuer,
            @QueryParam("issuedOn") String issuedOn,
            @QueryParam("kind") BotnetListKind kind,
            @QueryParam("dueOn") String dueOn,
            @QueryParam("widePrefixes") boolean widePrefixes,
            HttpHeaders headers,
            UriInfo uri) {
        BotnetFormat format = BotnetFormat.of(contentType);
        if (widePrefixes && !caller.get().isAuthority()) {
            throw new ForbiddenException("only the Authority forces wide prefixes");
        }
        if (reference == null || reference.isBlank() || reference.length() > 100) {
            throw DomainProblem.invalidField("reference", "botnet-list-reference");
        }
        Caller who = caller.get();
        BotnetListInput input = new BotnetListInput(
                reference.strip(),
                issuer != null && !issuer.isBlank()
                        ? issuer.strip()
                        : who.orgCode() != null ? who.orgCode() : who.displayName(),
                issuedOn(issuedOn),
                kind == null ? BotnetListKind.AD_HOC : kind,
                Dates.parameter("dueOn", dueOn));
        if (input.dueOn() != null && input.dueOn().isBefore(input.issuedOn())) {
            throw DomainProblem.invalidField("dueOn", "list-due-before-issue", input.dueOn(), input.issuedOn());
        }
        Locale locale = ProblemMessages.choose(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Map<String, Object> fingerprint = Map.of(
                "input", input, "format", format, "length", String.valueOf(length), "widePrefixes", widePrefixes);
        return idempotency
                .once(
                        who,
                        idempotencyKey,
                        fingerprint,
                        BotnetListDetails.class,
                        () -> Uni.createFrom()
                                .item(() -> {
                                    Iterator<BotnetEntry> entries = format.entries(body, json);
                                    BotnetListImport.Imported imported = imports.run(
                                            who,
                                            input,
                                            BotnetFormat.readBy(entries),
                                            widePrefixes ? BotnetEntry.widened(entries) : entries,
                                            locale);
                                    return imported.created()
                                            ? RestResponse.ResponseBuilder.<BotnetListDetails>created(
                                                            uri.getAbsolutePathBuilder()
                                                                    .path(imported.list()
                                                                            .id()
                                                                            .toString())
                                                                    .build())
                                                    .entity(imported.list())
                                                    .build()
                                            : RestResponse.ok(imported.list());
                                })
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .await()
                .indefinitely();
    }

    @GET
    @Operation(summary = "Botnet lists, newest first")
    public Uni<Page<BotnetListDetails>> list(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return lists.list(after, Page.clamp(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A botnet list")
    public Uni<BotnetListDetails> get(@PathParam("id") UUID id) {
        return lists.get(id);
    }

    @GET
    @Path("/{id}/diff")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.FEED, Roles.AUDITOR})
    @Operation(summary = "How many entries are new, gone or still present since the previous list of its issuer")
    public Uni<BotnetListService.Diff> diff(@PathParam("id") UUID id) {
        return lists.diff(id);
    }

    @GET
    @Path("/{id}/entries")
    @RolesAllowed({Roles.AUTHORITY, Roles.COORDINATOR, Roles.FEED, Roles.AUDITOR})
    @Operation(summary = "A list's entries by network; change=ADDED, REMOVED or KEPT compares with the previous list")
    public Uni<Page<BotnetListService.Entry>> entries(
            @PathParam("id") UUID id,
            @QueryParam("change") BotnetListService.Change change,
            @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        return lists.entries(id, change, after, Page.clamp(limit));
    }

    /**
     * Today in Vietnam unless given; never later: the latest issued list holds a hit, so a list dated in the future
     * would hold its hits against every list issued until that day.
     */
    private static LocalDate issuedOn(String text) {
        LocalDate today = Vietnam.today();
        LocalDate given = Dates.parameter("issuedOn", text);
        LocalDate issued = given == null ? today : given;
        if (issued.isAfter(today)) {
            throw DomainProblem.invalidField("issuedOn", "list-issued-in-future", issued, today);
        }
        return issued;
    }
}
