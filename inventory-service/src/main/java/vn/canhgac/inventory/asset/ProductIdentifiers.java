package vn.canhgac.inventory.asset;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Syntax of the two ways products are named precisely: CPE 2.3 formatted strings and package URLs. */
final class ProductIdentifiers {

    /** One attribute of a CPE 2.3 formatted string (NISTIR 7695 §6.2): ANY, NA, or escaped characters with edge wildcards. */
    private static final Pattern CPE_ATTRIBUTE = Pattern.compile(
            "\\*|-|[*?]*(?:[A-Za-z0-9._-]|\\\\[\\\\*?!\"#$%&'()+,/:;<=>@\\[\\]^`{|}~])+\\?*\\*?");
    private static final Pattern PURL = Pattern.compile(
            "pkg:[A-Za-z][A-Za-z0-9.+-]*/(?:[^/@?#\\s]+/)*[^/@?#\\s]+(?:@[^?#\\s]+)?(?:\\?[^#\\s]+)?(?:#\\S+)?");

    private ProductIdentifiers() {
    }

    static boolean isCpe23(String text) {
        if (!text.startsWith("cpe:2.3:")) {
            return false;
        }
        List<String> attributes = splitOnUnescapedColons(text.substring("cpe:2.3:".length()));
        if (attributes.size() != 11 || !attributes.getFirst().matches("[aho*-]")) {
            return false;
        }
        return attributes.stream().allMatch(attribute -> CPE_ATTRIBUTE.matcher(attribute).matches());
    }

    static boolean isPurl(String text) {
        return PURL.matcher(text).matches();
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
