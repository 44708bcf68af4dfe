package vn.canhgac.advisory.publishing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.canhgac.commons.sharing.Tlp;
import vn.canhgac.commons.text.Digests;

/**
 * An advisory as the Authority writes it: its own reference ({@code 1943/CATTT-NCSC}), issuer, dates, severity,
 * TLP, deadline and remediation, the CVEs it is about and the affected products with their version ranges.
 * Imports of CSAF documents and KEV catalogues produce the same.
 */
public record AdvisoryInput(
        @NotBlank @Size(max = 100) String reference,
        @NotBlank @Size(max = 200) String issuer,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 20_000) String summary,
        @NotNull LocalDate issuedOn,
        Severity severity,
        @DecimalMin("0.0") @DecimalMax("10.0") BigDecimal cvssScore,
        Tlp tlp,
        LocalDate dueOn,
        @Size(max = 20_000) String remediation,
        @Size(max = 500) List<@NotNull @Pattern(regexp = "CVE-\\d{4}-\\d{4,}") String> cves,
        @Size(max = 100) List<@NotNull @Size(max = 2000) String> links,
        boolean knownExploited,
        boolean ransomware,
        @NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid AffectedProductInput> affected,
        @Size(max = 50) String revision) {

    public AdvisoryInput {
        cves = cves == null ? List.of() : List.copyOf(cves);
        links = links == null ? List.of() : List.copyOf(links);
        tlp = tlp == null ? Tlp.CLEAR : tlp;
    }

    /**
     * A digest of everything the advisory says but its revision, so that a newer document saying the same (a KEV
     * catalogue of a later day) is told from one that changed. Records print their components in order; a new
     * component changes every digest once, so the next import of each document revises it once.
     */
    public String contentDigest() {
        AdvisoryInput content = new AdvisoryInput(
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
                affected,
                null);
        return Digests.sha256Hex(content.toString());
    }

    /** The severity given, else the CVSS score's band, else high. */
    public Severity effectiveSeverity() {
        if (severity != null) {
            return severity;
        }
        return cvssScore != null ? Severity.ofCvss(cvssScore.doubleValue()) : Severity.HIGH;
    }
}
