package vn.canhgac.commons.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code canhgac.directive.issued.v1} on {@code advisory.directives}: a directive as issued (or forwarded),
 * keyed by its id, with the alert windows it declares, inside which incident deadlines tighten, and the codes of
 * the organisations it was sent to (added in place: older events lack them).
 */
@RegisterForReflection
public record DirectiveEvent(
        UUID id,
        String reference,
        String issuerCode,
        UUID parentId,
        String subject,
        LocalDate issuedOn,
        LocalDate reportDueOn,
        List<AlertWindow> alertWindows,
        List<String> recipients,
        String issuedBy) {

    /** A period of heightened alert (Tết), whole days in Vietnam time, both ends included. */
    @RegisterForReflection
    public record AlertWindow(String name, LocalDate startsOn, LocalDate endsOn) {}
}
