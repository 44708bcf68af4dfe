package vn.canhgac.advisory.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.canhgac.commons.idempotency.Idempotency;
import vn.canhgac.commons.limits.LargeBody;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;
import vn.canhgac.commons.time.Dates;

/** Imports the formats national CERTs publish: CSAF 2.0 documents and KEV-style catalogues. */
@Path("/api/v1/advisories/imports")
@Tag(name = "Advisories")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
public class AdvisoryImportResource {

    private final AdvisoryService advisories;
    private final CurrentCaller caller;
    private final Idempotency idempotency;
    private final Validator validator;

    public AdvisoryImportResource(
            AdvisoryService advisories, CurrentCaller caller, Idempotency idempotency, Validator validator) {
        this.advisories = advisories;
        this.caller = caller;
        this.idempotency = idempotency;
        this.validator = validator;
    }

    @POST
    @Path("/csaf")
    @LargeBody
    @Extension(name = "x-canhgac-large-body", value = "true")
    @RolesAllowed({Roles.AUTHORITY, Roles.FEED})
    @Operation(
            summary = "Import a CSAF 2.0 security advisory",
            description = "reference replaces the document's tracking id (the Authority's own number, such as "
                    + "1943/CATTT-NCSC); dueOn sets the deadline. An invalid document is refused with every fault.")
    public Uni<RestResponse<AdvisoryService.ImportedAdvisories>> csaf(
            @NotNull JsonNode document,
            @QueryParam("reference") String reference,
            @QueryParam("dueOn") String dueOn,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        List<String> warnings = new ArrayList<>();
        AdvisoryInput input = checked(
                        List.of(CsafDocuments.read(document, reference, Dates.parameter("dueOn", dueOn), warnings)))
                .getFirst();
        return idempotency.once(
                caller.get(),
                idempotencyKey,
                document,
                AdvisoryService.ImportedAdvisories.class,
                () -> advisories
                        .importAll(caller.get(), List.of(input), "CSAF")
                        .map(imported -> imported.withWarnings(warnings))
                        .map(RestResponse::ok));
    }

    @POST
    @Path("/kev")
    @LargeBody
    @Extension(name = "x-canhgac-large-body", value = "true")
    @RolesAllowed({Roles.AUTHORITY, Roles.FEED})
    @Operation(
            summary = "Import a catalogue of known exploited vulnerabilities (KEV format)",
            description = "One advisory per CVE, KEV/<cveID>. A later catalogue (catalogVersion) revises the "
                    + "entries it changed and leaves the others as they are; CISA's dueDate is never a due date here.")
    public Uni<RestResponse<AdvisoryService.ImportedAdvisories>> kev(
            @NotNull JsonNode catalog,
            @QueryParam("issuer") String issuer,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        List<AdvisoryInput> inputs = checked(KevCatalogs.read(catalog, issuer));
        return idempotency.once(
                caller.get(),
                idempotencyKey,
                catalog,
                AdvisoryService.ImportedAdvisories.class,
                () -> advisories.importAll(caller.get(), inputs, "KEV").map(RestResponse::ok));
    }

    /** What the formats allow but an advisory does not (lengths, CVE syntax) is refused like a bad API body. */
    private List<AdvisoryInput> checked(List<AdvisoryInput> inputs) {
        List<Violation> faults = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String at = inputs.size() == 1 ? "" : "[" + i + "].";
            validator
                    .validate(inputs.get(i))
                    .forEach(v -> faults.add(new Violation(at + v.getPropertyPath(), "constraint", v.getMessage())));
        }
        if (!faults.isEmpty()) {
            throw DomainProblem.invalid(faults);
        }
        return inputs;
    }
}
