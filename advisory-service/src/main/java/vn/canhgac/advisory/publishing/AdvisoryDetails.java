package vn.canhgac.advisory.publishing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.canhgac.advisory.exposure.MatchReport;
import vn.canhgac.advisory.withdrawal.Withdrawn;
import vn.canhgac.commons.sharing.Tlp;

/**
 * An advisory as the API shows it: the products it affects, and its VEX statements ({@code notAffected}: versions
 * known not affected by some of its CVEs). {@code matching} is present on the answer to a create or an import: the
 * exposures the advisory caused (or closed) right away, across the whole inventory. {@code withdrawal} says when, by
 * whom and why a withdrawn advisory was withdrawn.
 */
public record AdvisoryDetails(
        UUID id,
        String reference,
        String issuer,
        String title,
        String summary,
        LocalDate issuedOn,
        Severity severity,
        BigDecimal cvssScore,
        Tlp tlp,
        LocalDate dueOn,
        String remediation,
        List<String> cves,
        List<String> links,
        boolean knownExploited,
        boolean ransomware,
        String sourceFormat,
        String status,
        List<Affected> affected,
        List<Affected> notAffected,
        long version,
        String revision,
        Instant createdAt,
        String createdBy,
        Withdrawn withdrawal,
        MatchReport matching) {

    /** An affected product as stored: what it is matched by, and its range as a person reads it. */
    public record Affected(
            String vendor,
            String product,
            String cpe,
            String purl,
            String versionExact,
            String startIncluding,
            String startExcluding,
            String endIncluding,
            String endExcluding,
            String fixedIn,
            String matchedBy,
            String versions,
            boolean underInvestigation,
            String versionScheme,
            List<String> notAffectedCves) {}

    AdvisoryDetails withMatching(MatchReport report) {
        return new AdvisoryDetails(
                id,
                reference,
                issuer,
                title,
                summary,
                issuedOn,
                severity,
                cvssScore,
                tlp,
                dueOn,
                remediation,
                cves,
                links,
                knownExploited,
                ransomware,
                sourceFormat,
                status,
                affected,
                notAffected,
                version,
                revision,
                createdAt,
                createdBy,
                withdrawal,
                report);
    }
}
