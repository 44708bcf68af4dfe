package vn.canhgac.advisory.advisory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.canhgac.advisory.product.VersionRange;

/**
 * A product an advisory affects and the versions it affects, with NVD's bounds: an exact version, or a start
 * and an end that each include or exclude their version; no version at all means every version.
 */
public record AffectedProductInput(@Size(max = 200) String vendor,
                                   @NotBlank @Size(max = 200) String product,
                                   @Size(max = 500) String cpe,
                                   @Size(max = 500) String purl,
                                   @Size(max = 100) String versionExact,
                                   @Size(max = 100) String startIncluding,
                                   @Size(max = 100) String startExcluding,
                                   @Size(max = 100) String endIncluding,
                                   @Size(max = 100) String endExcluding,
                                   @Size(max = 100) String fixedIn) {

    public VersionRange range() {
        return new VersionRange(versionExact, startIncluding, startExcluding, endIncluding, endExcluding);
    }
}
