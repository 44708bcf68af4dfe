package vn.canhgac.advisory.product;

import java.util.Locale;
import java.util.Map;
import vn.canhgac.commons.product.PackageUrl;

/**
 * How an ecosystem orders its versions. Every scheme writes keys in the same alphabet ({@link VersionKey}), so
 * that plain dotted numbers give the same key whatever the scheme; they differ only where the ecosystems do:
 * <ul>
 *   <li>{@link #GENERIC}: the common reading (also Maven's: its qualifiers are the pre-release words; and calendar
 *       versions, and {@code vers:intdot});</li>
 *   <li>{@link #SEMVER}: everything after the first {@code -} is a pre-release, build metadata after {@code +} does not
 *       count (npm, Cargo, NuGet, whose fourth number is allowed); Go modules the same, with their {@code v} and
 *       {@code +incompatible} (pseudo-versions are pre-releases);</li>
 *   <li>{@link #PEP440}: Python's epochs ({@code 1!2.0}), {@code dev < a < b < rc (c)}, post-releases ({@code .post1},
 *       {@code -1}, {@code rev}), local versions ({@code +ubuntu1}) after their public version;</li>
 *   <li>{@link #DEBIAN} and {@link #RPM}: {@code epoch:upstream-revision}, the revision compared only when the upstream
 *       versions are equal ({@code 2.4-10 < 2.4.1-1}); words are not pre-releases ({@code 1.0rc1 > 1.0}; only {@code ~}
 *       sorts before); RPM's {@code ^} after the version it follows, before any more of it.</li>
 * </ul>
 * Chosen by an advisory's explicit hint, else its {@code vers:} scheme, else the package URL type, else generic.
 */
public enum VersionScheme {
    GENERIC,
    SEMVER,
    PEP440,
    DEBIAN,
    RPM;

    private static final Map<String, VersionScheme> BY_NAME = Map.ofEntries(
            Map.entry("generic", GENERIC),
            Map.entry("intdot", GENERIC),
            Map.entry("maven", GENERIC),
            Map.entry("calver", GENERIC),
            Map.entry("calendar", GENERIC),
            Map.entry("nuget", SEMVER),
            Map.entry("gem", GENERIC),
            Map.entry("semver", SEMVER),
            Map.entry("npm", SEMVER),
            Map.entry("golang", SEMVER),
            Map.entry("go", SEMVER),
            Map.entry("cargo", SEMVER),
            Map.entry("hex", SEMVER),
            Map.entry("swift", SEMVER),
            Map.entry("pub", SEMVER),
            Map.entry("pypi", PEP440),
            Map.entry("pep440", PEP440),
            Map.entry("python", PEP440),
            Map.entry("deb", DEBIAN),
            Map.entry("debian", DEBIAN),
            Map.entry("rpm", RPM));

    /** The scheme a name stands for: a purl type, a {@code vers:} scheme or this enum's name; generic when unknown. */
    public static VersionScheme named(String name) {
        return name == null ? GENERIC : BY_NAME.getOrDefault(name.strip().toLowerCase(Locale.ROOT), GENERIC);
    }

    /** Whether a name is a scheme this platform knows (an advisory's explicit hint must be one). */
    public static boolean isKnown(String name) {
        return name != null && BY_NAME.containsKey(name.strip().toLowerCase(Locale.ROOT));
    }

    /** The scheme of a package URL's type ({@code pkg:pypi/...} is PEP 440); generic without one. */
    public static VersionScheme ofPurl(String purl) {
        return PackageUrl.parse(purl).map(p -> named(p.type())).orElse(GENERIC);
    }

    /** The first scheme given: an explicit hint, a {@code vers:} range's, a purl's; generic when none is. */
    public static VersionScheme choose(String hint, String versRange, String purl) {
        if (hint != null && isKnown(hint)) {
            return named(hint);
        }
        if (versRange != null && versRange.startsWith("vers:") && versRange.indexOf('/') > 5) {
            return named(versRange.substring(5, versRange.indexOf('/')));
        }
        return ofPurl(purl);
    }

    /** The key of a version in this scheme; null for a blank or wildcard version. */
    public String key(String version) {
        return VersionKey.of(version, this);
    }
}
