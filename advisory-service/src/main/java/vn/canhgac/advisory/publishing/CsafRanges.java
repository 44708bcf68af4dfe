package vn.canhgac.advisory.publishing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.canhgac.advisory.product.ReleaseStream;
import vn.canhgac.advisory.product.VersionScheme;
import vn.canhgac.commons.product.PackageUrl;

/**
 * The versions a CSAF product stands for, as affected-product rows: an exact version ({@code 9.x} a release train),
 * a {@code vers:} range (several intervals joined by {@code |}, {@code !=} splitting one) read in its scheme, or,
 * for a distribution's fixed package, the same package below the fix in the same stream.
 */
final class CsafRanges {

    /** A version written with a wildcard last part: {@code 9.x}, {@code 22.1.*}. */
    private static final Pattern WILDCARD_VERSION = Pattern.compile("(\\d+(?:\\.\\d+)*)\\.[xX*]");

    private CsafRanges() {}

    /** One affected product per interval of its version range ({@code vers:} allows several, joined by |). */
    static List<AffectedProductInput> affectedOf(CsafProduct p) {
        if (p.version() == null) {
            return List.of(new AffectedProductInput(
                    p.vendor(), p.name(), p.cpe(), p.purl(), null, null, null, null, null, null));
        }
        if (p.versionCategory().equals("product_version")) {
            return List.of(exactOrWildcard(p, p.version()));
        }
        String scheme = versScheme(p.version());
        return intervalsOf(p).stream()
                .map(a -> scheme == null ? a : a.inScheme(scheme))
                .toList();
    }

    /** One version, or every version of a release train written {@code 9.x} ({@code >= 9, < 10}). */
    private static AffectedProductInput exactOrWildcard(CsafProduct p, String version) {
        Matcher wildcard = WILDCARD_VERSION.matcher(version.strip());
        if (!wildcard.matches()) {
            return new AffectedProductInput(
                    p.vendor(), p.name(), p.cpe(), p.purl(), version, null, null, null, null, null);
        }
        String train = wildcard.group(1);
        int last = train.lastIndexOf('.') + 1;
        String next = train.substring(0, last) + (new BigInteger(train.substring(last)).add(BigInteger.ONE));
        return new AffectedProductInput(p.vendor(), p.name(), p.cpe(), p.purl(), null, train, null, null, next, null);
    }

    /** Whether a {@code vers:<scheme>/...} range names a scheme the platform does not know (read generically). */
    static boolean hasUnknownScheme(CsafProduct p) {
        String range = p.version();
        return range != null
                && "product_version_range".equals(p.versionCategory())
                && range.startsWith("vers:")
                && range.indexOf('/') > 5
                && versScheme(range) == null;
    }

    /** The scheme of a {@code vers:<scheme>/...} range, when it is one the platform knows (else generic). */
    private static String versScheme(String range) {
        int slash = range.indexOf('/');
        String scheme = range.startsWith("vers:") && slash > 5 ? range.substring(5, slash) : null;
        return VersionScheme.isKnown(scheme) ? scheme : null;
    }

    private static List<AffectedProductInput> intervalsOf(CsafProduct p) {
        List<AffectedProductInput> intervals = new ArrayList<>();
        String range = p.version();
        String constraints = range.contains("/") ? range.substring(range.indexOf('/') + 1) : range;
        String[] lower = {null, null};
        for (String raw : constraints.split("\\|")) {
            String c = raw.strip();
            if (c.startsWith(">=")) {
                lower = new String[] {c.substring(2).strip(), null};
            } else if (c.startsWith(">")) {
                lower = new String[] {null, c.substring(1).strip()};
            } else if (c.startsWith("<=") || c.startsWith("<")) {
                boolean inclusive = c.startsWith("<=");
                String end = c.substring(inclusive ? 2 : 1).strip();
                intervals.add(new AffectedProductInput(
                        p.vendor(),
                        p.name(),
                        p.cpe(),
                        p.purl(),
                        null,
                        lower[0],
                        lower[1],
                        inclusive ? end : null,
                        inclusive ? null : end,
                        null));
                lower = new String[] {null, null};
            } else if (c.startsWith("!=")) {
                // vers: an excluded version splits the interval it lies in.
                String excluded = c.substring(2).strip();
                intervals.add(new AffectedProductInput(
                        p.vendor(), p.name(), p.cpe(), p.purl(), null, lower[0], lower[1], null, excluded, null));
                lower = new String[] {null, excluded};
            } else if (!c.isEmpty() && !c.equals("*")) {
                intervals.add(
                        exactOrWildcard(p, c.startsWith("=") ? c.substring(1).strip() : c));
            }
        }
        if (lower[0] != null || lower[1] != null) {
            intervals.add(new AffectedProductInput(
                    p.vendor(), p.name(), p.cpe(), p.purl(), null, lower[0], lower[1], null, null, null));
        }
        if (intervals.isEmpty()) {
            intervals.add(new AffectedProductInput(
                    p.vendor(), p.name(), p.cpe(), p.purl(), null, null, null, null, null, null));
        }
        return intervals;
    }

    /**
     * A "fixed only" document (Red Hat's RHSA lists the fixed packages of each stream, nothing as affected): each
     * fixed package makes the same package below that version affected. The fixed version names its stream
     * ({@code .el8_9}), so the range holds for that stream only ({@code ReleaseStream}); one per package and version.
     */
    static List<AffectedProductInput> belowFixed(Collection<String> fixedIds, Map<String, CsafProduct> products) {
        Map<String, AffectedProductInput> below = new LinkedHashMap<>();
        for (String id : fixedIds) {
            CsafProduct p = products.get(id);
            String fixed = p == null ? null : releaseOf(p);
            if (fixed != null) {
                Optional<PackageUrl> purl = PackageUrl.parse(p.purl());
                String name = purl.map(PackageUrl::name).orElse(p.name());
                below.putIfAbsent(
                        purl.map(PackageUrl::coordinates).orElse(name) + "@" + fixed,
                        new AffectedProductInput(
                                p.vendor(), name, p.cpe(), p.purl(), null, null, null, null, fixed, fixed));
            }
        }
        return List.copyOf(below.values());
    }

    /** Whether a fixed product is a distribution's package of one stream (el9, sle150500, debian12). */
    static boolean inStream(CsafProduct p) {
        return p != null && releaseOf(p) != null && ReleaseStream.of(releaseOf(p), p.purl()) != null;
    }

    /** The version a fixed product is at: its purl's (with an RPM's epoch), else its version branch's. */
    static String releaseOf(CsafProduct p) {
        String fromPurl = PackageUrl.parse(p.purl()).map(PackageUrl::version).orElse(null);
        return fromPurl != null ? fromPurl : "product_version".equals(p.versionCategory()) ? p.version() : null;
    }
}
