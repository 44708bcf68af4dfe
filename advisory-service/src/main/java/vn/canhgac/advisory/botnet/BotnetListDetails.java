package vn.canhgac.advisory.botnet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.canhgac.advisory.exposure.MatchReport;
import vn.canhgac.advisory.withdrawal.Withdrawn;
import vn.canhgac.commons.problem.FieldError;

/**
 * A botnet list as the API shows it. {@code matching} is present on the answer to an import that stored the
 * list: the exposures it caused; {@code skipped} on the answer to every import: the entries of the file left out
 * because they lie in special-purpose address space. {@code previousId} is the list of the same issuer it is
 * compared with (the latest active one issued on or before it). {@code withdrawal} says when, by whom and why a
 * withdrawn list was withdrawn: it matches nothing any more.
 */
public record BotnetListDetails(
        UUID id,
        String reference,
        String issuer,
        LocalDate issuedOn,
        BotnetListKind kind,
        BotnetFormat format,
        int entryCount,
        UUID previousId,
        LocalDate dueOn,
        Instant createdAt,
        String createdBy,
        Withdrawn withdrawal,
        MatchReport matching,
        Skipped skipped) {

    /** Entries of the file not stored: how many, and the first of them (row, field, why). */
    public record Skipped(long count, List<FieldError> entries) {}

    BotnetListDetails withMatching(MatchReport report) {
        return new BotnetListDetails(
                id,
                reference,
                issuer,
                issuedOn,
                kind,
                format,
                entryCount,
                previousId,
                dueOn,
                createdAt,
                createdBy,
                withdrawal,
                report,
                skipped);
    }

    BotnetListDetails withSkipped(Skipped entries) {
        return new BotnetListDetails(
                id,
                reference,
                issuer,
                issuedOn,
                kind,
                format,
                entryCount,
                previousId,
                dueOn,
                createdAt,
                createdBy,
                withdrawal,
                matching,
                entries);
    }
}
