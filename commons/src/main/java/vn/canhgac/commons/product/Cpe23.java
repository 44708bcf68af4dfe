package vn.canhgac.commons.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CPE 2.3 formatted string (NISTIR 7695 §6.2), e.g. {@code cpe:2.3:a:f5:big-ip_access_policy_manager:16.1.4:*:*:*:*:*:*:*}:
 * its syntax checked, and the part, vendor, product and version read out (unescaped, lower case) for matching.
 */
public record Cpe23(String part, String vendor, String product, String version) {

    private static final String PREFIX = "cpe:2.3:";
    /** One attribute: ANY, NA, or escaped characters with wildcards at the edges. */
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\*|-|[*?]*(?:[A-Za-z0-9._-]|\\\\[\\\\*?!\"#$%&'()+,/:;<=>@\\[\\]^`{|}~])+\\?*\\*?");

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    public static Optional<Cpe23> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> attributes = splitOnUnescapedColons(text.substring(PREFIX.length()));
        if (attributes.size() != 11 || !attributes.getFirst().matches("[aho*-]")
                || !attributes.stream().allMatch(attribute -> ATTRIBUTE.matcher(attribute).matches())) {
            return Optional.empty();
        }
        return Optional.of(new Cpe23(attributes.get(0), unescape(attributes.get(1)), unescape(attributes.get(2)),
                unescape(attributes.get(3))));
    }

    /** The version, or null when the CPE says any ({@code *}) or not applicable ({@code -}). */
    public String versionOrNull() {
        return version.equals("*") || version.equals("-") ? null : version;
    }

    private static String unescape(String attribute) {
        return attribute.replaceAll("\\\\(.)", "$1").toLowerCase(java.util.Locale.ROOT);
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
