package vn.canhgac.commons.product;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CPE 2.3 formatted string (NISTIR 7695 §6.2), e.g. {@code cpe:2.3:a:f5:big-ip_access_policy_manager:16.1.4:*:*:*:*:*:*:*}:
 * its syntax checked, and the part, vendor, product and version read out (unescaped, lower case) for matching.
 */
public record Cpe23(String part, String vendor, String product, String version) {

    private static final String PREFIX = "cpe:2.3:";
    /** One attribute: ANY, NA, or escaped characters with wildcards at the edges. */
    private static final Pattern ATTRIBUTE =
            Pattern.compile("\\*|-|[*?]*(?:[A-Za-z0-9._-]|\\\\[\\\\*?!\"#$%&'()+,/:;<=>@\\[\\]^`{|}~])+\\?*\\*?");

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    public static Optional<Cpe23> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> attributes = splitOnUnescapedColons(text.substring(PREFIX.length()));
        if (attributes.size() != 11
                || !attributes.getFirst().matches("[aho*-]")
                || !attributes.stream()
                        .allMatch(attribute -> ATTRIBUTE.matcher(attribute).matches())) {
            return Optional.empty();
        }
        return Optional.of(new Cpe23(
                attributes.get(0),
                unescape(attributes.get(1)),
                unescape(attributes.get(2)),
                unescape(attributes.get(3))));
    }

    /**
     * The CPE 2.3 formatted string of a CPE 2.2 URI ({@code cpe:/a:apache:log4j:2.14.1}), the binding that CycloneDX
     * allows and older SBOMs, NVD data and CSAF documents still use (NISTIR 7695 §6.1.2 read, §6.2.2 written):
     * percent-escapes decoded, a packed edition ({@code ~edition~sw~target_sw~target_hw~other}) unpacked, missing
     * attributes ANY, an empty one NA. Empty for anything that is not a CPE 2.2 URI.
     */
    public static Optional<String> fromUri(String uri) {
        if (uri == null || !uri.regionMatches(true, 0, "cpe:/", 0, 5)) {
            return Optional.empty();
        }
        String[] given = uri.substring(5).split(":", -1);
        if (given.length > 7 || !given[0].matches("[aho]?")) {
            return Optional.empty();
        }
        String[] attributes = new String[11];
        Arrays.fill(attributes, "*");
        attributes[0] = given[0].isEmpty() ? "*" : given[0];
        for (int i = 1; i < given.length; i++) {
            if (i == 5 && given[i].startsWith("~")) {
                String[] packed = given[i].substring(1).split("~", -1);
                for (int k = 0; k < packed.length && k < 5; k++) {
                    attributes[k == 0 ? 5 : 6 + k] = formatted(packed[k]);
                }
                continue;
            }
            attributes[i] = formatted(given[i]);
        }
        String formatted = PREFIX + String.join(":", attributes);
        return isValid(formatted) ? Optional.of(formatted) : Optional.empty();
    }

    /**
     * A 2.2 URI attribute as a 2.3 formatted one: decoded, lower case, punctuation backslash-escaped (an escape that
     * does not decode gives {@code %}, which no 2.3 attribute may hold, so the whole URI is refused).
     */
    private static String formatted(String uriAttribute) {
        if (uriAttribute.isEmpty()) {
            return "*";
        }
        if (uriAttribute.equals("-")) {
            return "-";
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(uriAttribute.replace("+", "%2b"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "%";
        }
        StringBuilder out = new StringBuilder();
        for (char c : decoded.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.' || c == '-') {
                out.append(c);
            } else {
                out.append('\\').append(c);
            }
        }
        return out.toString();
    }

    /** The version, or null when the CPE says any ({@code *}) or not applicable ({@code -}). */
    public String versionOrNull() {
        return version.equals("*") || version.equals("-") ? null : version;
    }

    private static String unescape(String attribute) {
        return attribute.replaceAll("\\\\(.)", "$1").toLowerCase(Locale.ROOT);
    }

    private static List<String> splitOnUnescapedColons(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
            } else if (c == ':') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
