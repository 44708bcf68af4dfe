package vn.canhgac.advisory.publishing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.canhgac.advisory.product.VersionRange;
import vn.canhgac.advisory.product.VersionScheme;

/**
 * A product an advisory affects and the versions it affects, with NVD's bounds: an exact version, or a start
 * and an end that each include or exclude their version; no version at all means every version. One under
 * investigation (a VEX document's {@code under_investigation}) gives exposures to confirm. Versions compare in
 * the {@link VersionScheme} named by {@code versionScheme} (a purl type or {@code vers:} scheme: {@code pypi},
 * {@code deb}, {@code semver}, ...), else the one of the purl's type, else the generic one. One with
 * {@code notAffectedCves} is a VEX statement instead: these versions are not affected by those CVEs, so it gives no
 * exposure and closes what other advisories about only those CVEs found on them. One with a {@code platform} is
 * about the product on that operating system only.
 */
public record AffectedProductInput(
        @Size(max = 200) String vendor,
        @NotBlank @Size(max = 200) String product,
        @Size(max = 500) String cpe,
        @Size(max = 500) String purl,
        @Size(max = 100) String versionExact,
        @Size(max = 100) String startIncluding,
        @Size(max = 100) String startExcluding,
        @Size(max = 100) String endIncluding,
        @Size(max = 100) String endExcluding,
        @Size(max = 100) String fixedIn,
        Boolean underInvestigation,
        @Size(max = 20) String versionScheme,
        @Size(max = 500) List<@NotNull @Pattern(regexp = "CVE-\\d{4}-\\d{4,}") String> notAffectedCves,
        @Pattern(regexp = "windows|linux|macos|unknown") String platform) {

    public AffectedProductInput {
        notAffectedCves = notAffectedCves == null || notAffectedCves.isEmpty() ? null : List.copyOf(notAffectedCves);
    }

    /** A product known affected (the usual case: every caller but a VEX reader's "under investigation"). */
    public AffectedProductInput(
            String vendor,
            String product,
            String cpe,
            String purl,
            String versionExact,
            String startIncluding,
            String startExcluding,
            String endIncluding,
            String endExcluding,
            String fixedIn) {
        this(
                vendor,
                product,
                cpe,
                purl,
                versionExact,
                startIncluding,
                startExcluding,
                endIncluding,
                endExcluding,
                fixedIn,
                null,
                null,
                null,
                null);
    }

    /** Its hits are to be confirmed (CSAF {@code under_investigation}): visible, not open, not overdue. */
    public boolean investigating() {
        return Boolean.TRUE.equals(underInvestigation);
    }

    public AffectedProductInput investigated() {
        return withMarks(true, versionScheme, notAffectedCves, platform);
    }

    /** The same product, its versions read in the scheme of a {@code vers:} range or a purl type. */
    public AffectedProductInput inScheme(String scheme) {
        return withMarks(underInvestigation, scheme, notAffectedCves, platform);
    }

    /** The same versions as a VEX statement: not affected by these CVEs. */
    public AffectedProductInput notAffectedBy(List<String> cves) {
        return withMarks(null, versionScheme, cves, platform);
    }

    /**
     * The same product on one operating system only (CSAF {@code installed_on}): it matches installed products
     * whose CPE names that target software; {@code unknown} matches those that name none.
     */
    public AffectedProductInput on(String os) {
        return withMarks(underInvestigation, versionScheme, notAffectedCves, os);
    }

    /** The same product and versions, with what the document says of them. */
    private AffectedProductInput withMarks(
            Boolean investigating, String scheme, List<String> notAffectedBy, String os) {
        return new AffectedProductInput(
                vendor,
                product,
                cpe,
                purl,
                versionExact,
                startIncluding,
                startExcluding,
                endIncluding,
                endExcluding,
                fixedIn,
                investigating,
                scheme,
                notAffectedBy,
                os);
    }

    public boolean isNotAffectedStatement() {
        return notAffectedCves != null;
    }

    /** Whether the scheme it names, if any, is one this platform knows. */
    public boolean hasKnownScheme() {
        return versionScheme == null || VersionScheme.isKnown(versionScheme);
    }

    public VersionScheme scheme() {
        return VersionScheme.choose(versionScheme, null, purl);
    }

    public VersionRange range() {
        return new VersionRange(versionExact, startIncluding, startExcluding, endIncluding, endExcluding, scheme());
    }
}
