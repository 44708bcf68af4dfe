package vn.canhgac.advisory.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A version string turned into a key whose plain byte order (SQL {@code collate "C"}) is the version order, so
 * that a version range is two string comparisons in an index, for any number of installed products.
 *
 * <p>How a version is read (documented in the advisory-service README, tested in {@code VersionKeyTest}):
 * <ul>
 *   <li>a tag's {@code v} before the first number does not count: {@code v3.5 = 3.5};</li>
 *   <li>it splits into numbers and words; {@code . - _ + :} and spaces only separate, case is ignored;
 *       {@code 16.1.4.1}, {@code 10.0.17763.5122} compare number by number, {@code 1.10 > 1.9};</li>
 *   <li>trailing zeros do not count: {@code 1.2 = 1.2.0}; leading zeros neither: {@code 1.02 = 1.2};</li>
 *   <li>a Debian epoch ({@code 1:2.4}) comes first, a missing one is 0;</li>
 *   <li>{@code ~} sorts before everything, even the end ({@code 2.4.58~rc1 < 2.4.58}), as in Debian;</li>
 *   <li>pre-release words sort before the release, in this order: {@code dev < alpha (a) < beta (b) <
 *       milestone (m) < rc (cr, pre, preview) < snapshot}; {@code ga, final, release} are the release itself
 *       ({@code 8.8.15_GA_4581 = 8.8.15.4581}); the one-letter forms only when a number follows ({@code 1.2a1}
 *       is an alpha, but OpenSSL's {@code 3.0.11a} is the letter release after {@code 3.0.11});</li>
 *   <li>any other word sorts after the release and before a number at the same place ({@code 9.3 < 9.3p1
 *       < 9.3.1}), words among themselves alphabetically.</li>
 * </ul>
 */
public final class VersionKey {

    private static final char TILDE = '1';
    private static final char PRE_RELEASE = '2';
    private static final char END = '3';
    private static final char WORD = '4';
    private static final char NUMBER = '5';

    private static final Map<String, Character> PRE_RELEASES = Map.ofEntries(
            Map.entry("dev", 'a'), Map.entry("alpha", 'b'), Map.entry("a", 'b'), Map.entry("beta", 'c'),
            Map.entry("b", 'c'), Map.entry("milestone", 'd'), Map.entry("m", 'd'), Map.entry("rc", 'e'),
            Map.entry("cr", 'e'), Map.entry("pre", 'e'), Map.entry("preview", 'e'), Map.entry("snapshot", 'f'));
    private static final List<String> RELEASE_WORDS = List.of("ga", "final", "release");

    private VersionKey() {
    }

    /** The key of a version; null for a blank or wildcard version ({@code *}, {@code -}), which has no order. */
    public static String of(String version) {
        if (version == null || version.isBlank() || version.strip().equals("*") || version.strip().equals("-")) {
            return null;
        }
        List<String> tokens = tokens(withoutTagPrefix(version.strip().toLowerCase(Locale.ROOT)));
        dropTrailingZeros(tokens);
        StringBuilder key = new StringBuilder(version.length() * 2 + 8);
        for (int i = 0; i < tokens.size(); i++) {
            boolean numberFollows = i + 1 < tokens.size() && isNumber(tokens.get(i + 1));
            appendToken(key, tokens.get(i), numberFollows);
        }
        return key.append(END).toString();
    }

    /** {@code v3.5} is version 3.5: Go modules and most Git tags write a {@code v} before the number. */
    private static String withoutTagPrefix(String version) {
        return version.length() > 1 && version.charAt(0) == 'v' && Character.isDigit(version.charAt(1))
                ? version.substring(1) : version;
    }

    /** Compares two versions by their keys; a version without a key sorts first. */
    public static int compare(String left, String right) {
        String a = of(left);
        String b = of(right);
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    private static List<String> tokens(String version) {
        List<String> tokens = new ArrayList<>();
        String rest = version;
        int colon = rest.indexOf(':');
        if (colon > 0 && rest.substring(0, colon).chars().allMatch(Character::isDigit)) {
            tokens.add(rest.substring(0, colon));
            rest = rest.substring(colon + 1);
        } else {
            tokens.add("0");
        }
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            int start = i;
            if (c == '~') {
                tokens.add("~");
                i++;
            } else if (Character.isDigit(c)) {
                while (i < rest.length() && Character.isDigit(rest.charAt(i))) {
                    i++;
                }
                tokens.add(rest.substring(start, i));
            } else if (Character.isLetter(c)) {
                while (i < rest.length() && Character.isLetter(rest.charAt(i))) {
                    i++;
                }
                String word = rest.substring(start, i);
                if (!RELEASE_WORDS.contains(word)) {
                    tokens.add(word);
                }
            } else {
                i++;
            }
        }
        return tokens;
    }

    /** {@code 1.2.0 = 1.2}: a zero at the end, or just before a word or a tilde, does not count (the epoch does). */
    private static void dropTrailingZeros(List<String> tokens) {
        for (int i = tokens.size() - 1; i > 0; i--) {
            boolean zero = isNumber(tokens.get(i)) && strip(tokens.get(i)).isEmpty();
            boolean beforeNoNumber = i == tokens.size() - 1 || !isNumber(tokens.get(i + 1));
            if (zero && beforeNoNumber) {
                tokens.remove(i);
            }
        }
    }

    private static void appendToken(StringBuilder key, String token, boolean numberFollows) {
        if (token.equals("~")) {
            key.append(TILDE);
        } else if (isNumber(token)) {
            String digits = strip(token);
            if (digits.isEmpty()) {
                digits = "0";
            }
            key.append(NUMBER).append((char) ('a' + Math.min(digits.length(), 25))).append(digits);
        } else if (PRE_RELEASES.containsKey(token) && (token.length() > 1 || numberFollows)) {
            key.append(PRE_RELEASE).append(PRE_RELEASES.get(token));
        } else {
            // '!' sorts before every letter: "p" < "pa".
            key.append(WORD).append(token).append('!');
        }
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && Character.isDigit(token.charAt(0));
    }

    private static String strip(String digits) {
        int i = 0;
        while (i < digits.length() && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
