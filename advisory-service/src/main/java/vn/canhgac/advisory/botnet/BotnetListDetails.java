package vn.canhgac.advisory.botnet;

import vn.canhgac.advisory.exposure.MatchReport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A botnet list as the API shows it. {@code matching} is present on the answer to an import that stored the
 * list: the exposures it caused. {@code previousId} is the list of the same issuer it is compared with.
 */
public record BotnetListDetails(UUID id, String reference, String issuer, LocalDate issuedOn, BotnetListKind kind,
                                BotnetFormat format, int entryCount, UUID previousId, LocalDate dueOn,
                                Instant createdAt, String createdBy, MatchReport matching) {

    BotnetListDetails withMatching(MatchReport report) {
        return new BotnetListDetails(id, reference, issuer, issuedOn, kind, format, entryCount, previousId, dueOn,
                createdAt, createdBy, report);
    }
}
