package vn.canhgac.advisory.directive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A directive as the API shows it, with how many recipients acknowledged and reported. */
public record DirectiveDetails(
        UUID id,
        String reference,
        String issuerCode,
        String subject,
        String body,
        LocalDate issuedOn,
        LocalDate reportDueOn,
        UUID parentId,
        String parentReference,
        List<DirectiveInput.Item> items,
        List<DirectiveInput.AlertWindow> alertWindows,
        List<String> attachments,
        List<String> recipientKinds,
        int recipients,
        int acknowledged,
        int reported,
        Instant createdAt,
        String createdBy) {}
