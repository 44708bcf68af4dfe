package vn.canhgac.advisory.publishing;

import vn.canhgac.advisory.product.RhelPlatform;
import vn.canhgac.commons.product.Cpe23;

/**
 * A product of a CSAF product tree: its vendor and name from the branches above it, its version (exact, or a range
 * in {@code versionCategory} {@code product_version_range}) from its own branch, and its identification helper.
 */
record CsafProduct(String vendor, String name, String versionCategory, String version, String cpe, String purl) {

    boolean isOperatingSystem() {
        return Cpe23.parse(cpe).map(parsed -> parsed.part().equals("o")).orElse(false);
    }

    /** The product whatever its version: what a release train is of. */
    CsafProduct withoutVersion() {
        return new CsafProduct(vendor, name, null, null, cpe, purl);
    }

    /** The component as part of a RHEL platform: its RPM purl says the release ({@code distro=rhel-8}). */
    CsafProduct on(CsafProduct platform) {
        String release = platform == null ? null : RhelPlatform.release(platform.cpe());
        if (release == null || purl == null || !purl.startsWith("pkg:rpm/") || purl.contains("distro=")) {
            return this;
        }
        return new CsafProduct(
                vendor,
                name,
                versionCategory,
                version,
                cpe,
                purl + (purl.contains("?") ? "&" : "?") + "distro=rhel-" + release);
    }
}
