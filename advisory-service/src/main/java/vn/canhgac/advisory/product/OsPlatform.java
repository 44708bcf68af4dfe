package vn.canhgac.advisory.product;

import java.util.Locale;
import vn.canhgac.commons.product.Cpe23;

/**
 * The operating system a product runs on, as a matching stream ({@code os:windows}): an installed product's from its
 * CPE's {@code target_sw} ({@code cpe:2.3:a:canhsoft:canh_agent:4.1:*:*:*:*:windows:*:*}), an advisory's from the
 * platform a CSAF {@code installed_on} relationship names ({@code cpe:2.3:o:microsoft:windows:-:...}).
 */
public final class OsPlatform {

    /** The stream of an affected product that holds for installed products whose platform is not known. */
    public static final String UNKNOWN = "unknown";

    private OsPlatform() {}

    /** The stream of an advisory's platform name ({@code windows}, {@code linux}, {@code macos}, {@code unknown}). */
    public static String stream(String platform) {
        return platform == null ? null : "os:" + (platform.equals(UNKNOWN) ? "?" : platform);
    }

    /** The platform of an installed product, from its CPE's target software; null when it names none. */
    public static String ofTargetSoftware(String cpe) {
        if (cpe == null || !Cpe23.isValid(cpe)) {
            return null;
        }
        String[] fields = cpe.split("(?<!\\\\):");
        return fields.length > 10 ? named(fields[10]) : null;
    }

    /** The platform an operating system's CPE names ({@code microsoft:windows_10} is windows); null for others. */
    public static String ofOperatingSystem(String cpe) {
        return Cpe23.parse(cpe)
                .filter(parsed -> parsed.part().equals("o"))
                .map(parsed -> named(parsed.vendor() + " " + parsed.product()))
                .orElse(null);
    }

    private static String named(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("windows")) {
            return "windows";
        }
        if (lower.contains("linux")) {
            return "linux";
        }
        return lower.contains("mac_os") || lower.contains("macos") ? "macos" : null;
    }
}
