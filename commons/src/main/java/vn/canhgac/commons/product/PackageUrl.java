package vn.canhgac.commons.product;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}, the purl specification), e.g.
 * {@code pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1}: its syntax checked and its parts read out. An RPM's
 * {@code epoch} qualifier joins its version ({@code pkg:rpm/redhat/openssl@1.1.1k-12.el8_9?epoch=1} is version
 * {@code 1:1.1.1k-12.el8_9}), as RPM compares it.
 */
public record PackageUrl(String type, String namespace, String name, String version) {

    private static final Pattern PURL = Pattern.compile(
            "pkg:([A-Za-z][A-Za-z0-9.+-]*)/((?:[^/@?#\\s]+/)*)([^/@?#\\s]+)(?:@([^?#\\s]+))?(?:\\?([^#\\s]+))?(?:#\\S+)?");
    private static final Pattern EPOCH = Pattern.compile("(?:^|&)epoch=(\\d+)(?:&|$)");

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    public static Optional<PackageUrl> parse(String text) {
        Matcher m = text == null ? null : PURL.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            String namespace = m.group(2).isEmpty()
                    ? null
                    : decode(m.group(2).substring(0, m.group(2).length() - 1));
            String type = m.group(1).toLowerCase(Locale.ROOT);
            String version = m.group(4) == null ? null : decode(m.group(4));
            return Optional.of(
                    new PackageUrl(type, namespace, decode(m.group(3)), withEpoch(type, version, m.group(5))));
        } catch (IllegalArgumentException badEscape) {
            // "%" not followed by two hex digits: not a package URL.
            return Optional.empty();
        }
    }

    /**
     * type/namespace/name, lower case: what identifies the package whatever its version. A PyPI name is normalised
     * as PEP 503 and the purl specification say ({@code jupyter_server = jupyter-server = Jupyter.Server}).
     */
    public String coordinates() {
        String normalName = type.equals("pypi") ? name.replaceAll("[-_.]+", "-") : name;
        return (type + "/" + (namespace == null ? "" : namespace + "/") + normalName).toLowerCase(Locale.ROOT);
    }

    /**
     * An RPM's or Debian package's epoch is a qualifier ({@code ?epoch=1}) in a purl, but part of the version it is
     * compared by.
     */
    private static String withEpoch(String type, String version, String qualifiers) {
        boolean epochQualified = type.equals("rpm") || type.equals("deb");
        if (version == null || qualifiers == null || !epochQualified || version.contains(":")) {
            return version;
        }
        Matcher epoch = EPOCH.matcher(qualifiers);
        return epoch.find() && !epoch.group(1).equals("0") ? epoch.group(1) + ":" + version : version;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
