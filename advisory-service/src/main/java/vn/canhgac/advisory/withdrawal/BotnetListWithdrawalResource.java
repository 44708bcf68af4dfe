package vn.canhgac.advisory.withdrawal;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.canhgac.advisory.withdrawal.WithdrawalStore.Kind;
import vn.canhgac.commons.tenancy.CurrentCaller;
import vn.canhgac.commons.tenancy.Roles;

/** Withdrawal of a botnet list. (A root of its own: JAX-RS does not look past the root resource that matched.) */
@Path("/api/v1/botnet-lists/{id}/withdrawal")
@Tag(name = "Botnet lists")
public class BotnetListWithdrawalResource {

    private final WithdrawalService withdrawals;
    private final CurrentCaller caller;

    public BotnetListWithdrawalResource(WithdrawalService withdrawals, CurrentCaller caller) {
        this.withdrawals = withdrawals;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.AUTHORITY, Roles.FEED})
    @Operation(
            summary = "Withdraw a botnet list published by mistake: it matches nothing more and its exposures "
                    + "close as WITHDRAWN with the reason (the Authority, or the feed that published it)")
    public Uni<Withdrawal> withdraw(@PathParam("id") UUID id, @NotNull @Valid WithdrawalInput input) {
        return withdrawals.withdraw(caller.get(), Kind.BOTNET_LIST, id, input);
    }
}
