package vn.canhgac.advisory.product;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution stream a package version was built for, from its release's dist tag: {@code el8} for
 * {@code 1:1.1.1k-12.el8_9}, {@code el9} for {@code 3.0.7-25.el9_3}, {@code fc39}, {@code amzn2}; SUSE's from its
 * release's code stream, {@code sle150500} for {@code 2.10.3-150500.5.17.1} (SLE 15 SP5 and Leap 15.5). A Linux
 * distribution fixes a package once per stream ("fixed in 1:1.1.1k-12.el8_9" says nothing of RHEL 7 or 9), so a
 * bound that names a stream matches installed versions of that stream only. Null for versions without a dist tag.
 */
public final class ReleaseStream {

    private static final Pattern DIST_TAG = Pattern.compile("[.\\-_](el|fc|amzn|module\\+el)(\\d+)(?=$|[._\\-+])");
    private static final Pattern DISTRO = Pattern.compile("[?&]distro=(debian|ubuntu|rhel)-([a-z0-9.]+)");
    private static final Pattern MODULE = Pattern.compile("[?&]rpmmod=([a-z0-9_.+-]+(?::|%3a)[a-z0-9_.+-]+)");
    /** SUSE's release begins with its code stream: {@code 2.10.3-150500.5.17.1} is built for SLE 15 SP5. */
    private static final Pattern SUSE_RELEASE = Pattern.compile("-(15[0-9]{2}00)\\.\\d");

    private ReleaseStream() {}

    /**
     * The stream of an installed or affected package: its version's, else its purl's {@code distro} qualifier
     * ({@code distro=debian-12} is {@code debian12}, {@code distro=rhel-8} is {@code el8}: Debian versions do not name
     * their release, nor does a component a CSAF document names without version); a RHEL module's packages are of
     * their module stream as well ({@code rpmmod=postgresql:15}: {@code el8/postgresql:15}, never patched by the
     * fixes of {@code postgresql:10}).
     */
    public static String of(String version, String purl) {
        return withPurl(of(version), purl);
    }

    /** A stream read from a version ({@code null} if none), completed by what the purl says. */
    public static String withPurl(String stream, String purl) {
        if (purl == null) {
            return stream;
        }
        String lower = purl.toLowerCase(Locale.ROOT);
        String base = stream;
        if (base == null) {
            Matcher distro = DISTRO.matcher(lower);
            base = !distro.find()
                    ? null
                    : distro.group(1).equals("rhel")
                            ? "el" + distro.group(2).replaceAll("\\..*", "")
                            : !lower.startsWith("pkg:deb/")
                                    ? null
                                    : distro.group(1).equals("debian")
                                            ? "debian" + distro.group(2).replaceAll("\\..*", "")
                                            : distro.group(1) + distro.group(2);
        }
        Matcher module = MODULE.matcher(lower);
        return base != null && lower.startsWith("pkg:rpm/") && module.find()
                ? base + "/" + module.group(1).replace("%3a", ":")
                : base;
    }

    public static String of(String version) {
        if (version == null) {
            return null;
        }
        Matcher suse = SUSE_RELEASE.matcher(version);
        if (suse.find()) {
            return "sle" + suse.group(1);
        }
        Matcher tag = DIST_TAG.matcher(version.toLowerCase(Locale.ROOT));
        String stream = null;
        while (tag.find()) {
            stream = tag.group(1).replace("module+", "") + tag.group(2);
        }
        return stream;
    }
}
