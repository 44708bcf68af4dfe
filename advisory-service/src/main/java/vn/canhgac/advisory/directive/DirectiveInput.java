package vn.canhgac.advisory.directive;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.canhgac.commons.organization.OrganizationKind;

/**
 * A directive as its issuer writes it (6410/BTTTT-CATTT): reference, subject, the action items (1a, 1b, ...),
 * the report deadline, alert windows (Tết), attachments by reference, and the recipients: organisations named
 * by code and/or every organisation of some kinds in the issuer's scope. A forward (839/UBND-KGVX) is the
 * same, with the parent's items and alert windows when it names none.
 */
public record DirectiveInput(
        @NotBlank @Size(max = 100) String reference,
        @NotBlank @Size(max = 1000) String subject,
        @Size(max = 50_000) String body,
        LocalDate issuedOn,
        LocalDate reportDueOn,
        @Size(max = 5000) List<@NotBlank String> recipients,
        @Size(max = 20) List<@NotNull OrganizationKind> recipientKinds,
        @Size(max = 100) List<@NotNull @Valid Item> items,
        @Size(max = 20) List<@NotNull @Valid AlertWindow> alertWindows,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> attachments) {

    /** An action item: its code in the letter ({@code 1a}) and what to do. */
    public record Item(
            @NotBlank @Size(max = 20) String code,
            @NotBlank @Size(max = 5000) String text) {}

    /** A period of heightened alert (Tết Nguyên đán), inside which exposures are due twice as fast. */
    public record AlertWindow(
            @NotBlank @Size(max = 200) String name,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn) {}

    public DirectiveInput {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        recipientKinds = recipientKinds == null ? List.of() : List.copyOf(recipientKinds);
        items = items == null ? List.of() : List.copyOf(items);
        alertWindows = alertWindows == null ? List.of() : List.copyOf(alertWindows);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
