package vn.canhgac.advisory.product;

import static vn.canhgac.advisory.product.KeyWriter.isNumber;
import static vn.canhgac.advisory.product.KeyWriter.isZero;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version string turned into a key whose plain byte order (SQL {@code collate "C"}) is the version order, so
 * that a version range is two string comparisons in an index, for any number of installed products. Each
 * {@link VersionScheme} reads versions its ecosystem's way into the same alphabet ({@link KeyWriter}).
 *
 * <p>The generic reading (documented in the advisory-service README, tested in {@code VersionKeyTest}):
 * <ul>
 *   <li>a tag's {@code v} before the first number does not count: {@code v3.5 = 3.5}, nor do up to three letters
 *       before a dotted version: {@code SV3.65 = 3.65};</li>
 *   <li>it splits into numbers and words; {@code . - _ + :} and spaces only separate, case is ignored;
 *       {@code 16.1.4.1}, {@code 10.0.17763.5122} compare number by number, {@code 1.10 > 1.9};</li>
 *   <li>trailing zeros do not count: {@code 1.2 = 1.2.0}; leading zeros neither: {@code 1.02 = 1.2};</li>
 *   <li>an epoch ({@code 1:2.4}) comes first, a missing one is 0;</li>
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

    private static final Map<String, Character> PRE_RELEASES = Map.ofEntries(
            Map.entry("dev", 'a'),
            Map.entry("alpha", 'b'),
            Map.entry("a", 'b'),
            Map.entry("beta", 'c'),
            Map.entry("b", 'c'),
            Map.entry("milestone", 'd'),
            Map.entry("m", 'd'),
            Map.entry("rc", 'e'),
            Map.entry("cr", 'e'),
            Map.entry("pre", 'e'),
            Map.entry("preview", 'e'),
            Map.entry("snapshot", 'f'));
    private static final List<String> RELEASE_WORDS = List.of("ga", "final", "release");

    /** PEP 440's public version with its local part, in the normal spellings the PEP allows. */
    private static final Pattern PEP440 = Pattern.compile("(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)"
            + "(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\\d*))?"
            + "(?:-(\\d+)|[-_.]?(?:post|rev|r)[-_.]?(\\d*))?"
            + "(?:[-_.]?(dev)[-_.]?(\\d*))?"
            + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

    private static final Pattern SEMVER_CORE = Pattern.compile("\\d+(?:\\.\\d+)*");
    private static final Pattern LETTERS_BEFORE_DOTTED = Pattern.compile("[a-z]{1,3}(\\d+\\.\\d.*)");

    private VersionKey() {}

    /** The generic key of a version; null for a blank or wildcard version ({@code *}, {@code -}): it has no order. */
    public static String of(String version) {
        return of(version, VersionScheme.GENERIC);
    }

    /** The key of a version in a scheme; null for a blank or wildcard version. */
    public static String of(String version, VersionScheme scheme) {
        if (version == null
                || version.isBlank()
                || version.strip().equals("*")
                || version.strip().equals("-")) {
            return null;
        }
        String text = withoutTagPrefix(version.strip().toLowerCase(Locale.ROOT));
        return switch (scheme) {
            case GENERIC -> generic(text);
            case SEMVER -> semver(text);
            case PEP440 -> pep440(text);
            case DEBIAN, RPM -> distribution(text);
        };
    }

    /** Compares two versions by their generic keys; a version without a key sorts first. */
    public static int compare(String left, String right) {
        String a = of(left);
        String b = of(right);
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    /**
     * {@code v3.5} is version 3.5: Go modules and most Git tags write a {@code v} before the number, and firmware
     * vendors a few letters ({@code SV3.65}, {@code FW2.1}) before a dotted version.
     */
    private static String withoutTagPrefix(String version) {
        if (version.length() > 1 && version.charAt(0) == 'v' && Character.isDigit(version.charAt(1))) {
            return version.substring(1);
        }
        Matcher prefix = LETTERS_BEFORE_DOTTED.matcher(version);
        return prefix.matches() ? prefix.group(1) : version;
    }

    private static String generic(String version) {
        KeyWriter key = new KeyWriter();
        String rest = epoch(version, ':', key);
        List<String> tokens = new ArrayList<>(tokens(rest));
        tokens.removeIf(token -> token.equals("^") || RELEASE_WORDS.contains(token));
        dropTrailingZeros(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean numberFollows = i + 1 < tokens.size() && isNumber(tokens.get(i + 1));
            if (PRE_RELEASES.containsKey(token) && (token.length() > 1 || numberFollows)) {
                key.preRelease(PRE_RELEASES.get(token));
            } else {
                write(token, key);
            }
        }
        return key.end();
    }

    /**
     * Semantic versioning (npm, Cargo, Go): {@code core[-pre.release][+build]}. The build does not count (nor Go's
     * {@code +incompatible}); identifiers of the pre-release compare one by one, numbers before words, and a
     * shorter pre-release first. A Go pseudo-version ({@code v0.0.0-20231010120000-abcdef}) is such a pre-release.
     * A version that is not semantic versioning is read the generic way.
     */
    private static String semver(String version) {
        String withoutBuild = version.contains("+") ? version.substring(0, version.indexOf('+')) : version;
        int dash = withoutBuild.indexOf('-');
        String core = dash < 0 ? withoutBuild : withoutBuild.substring(0, dash);
        if (!SEMVER_CORE.matcher(core).matches()) {
            return generic(version);
        }
        KeyWriter key = new KeyWriter().number("0");
        List<String> numbers = new ArrayList<>(List.of(core.split("\\.")));
        dropTrailingZeros(numbers);
        numbers.forEach(key::number);
        if (dash >= 0) {
            key.mark(KeyWriter.PRE_RELEASE);
            for (String identifier : withoutBuild.substring(dash + 1).split("\\.")) {
                key.identifier(identifier);
            }
        }
        return key.end();
    }

    /**
     * PEP 440 (PyPI): {@code [N!]release[{a|b|rc}N][.postN][.devN][+local]}; a development release sorts before
     * the pre-releases of its version, a post-release after the release, a local version after its public one.
     * A version that is not PEP 440 is read the generic way.
     */
    private static String pep440(String version) {
        Matcher pep = PEP440.matcher(version);
        if (!pep.matches()) {
            return generic(version);
        }
        KeyWriter key = new KeyWriter().number(pep.group(1) == null ? "0" : pep.group(1));
        List<String> release = new ArrayList<>(List.of(pep.group(2).split("\\.")));
        dropTrailingZeros(release);
        release.forEach(key::number);
        String pre = pep.group(3);
        String post = pep.group(5) != null ? pep.group(5) : pep.group(6);
        boolean dev = pep.group(7) != null;
        if (dev && pre == null && post == null) {
            number(key.preRelease('a'), pep.group(8));
        }
        if (pre != null) {
            number(key.preRelease(pre.equals("c") ? 'e' : PRE_RELEASES.get(pre)), pep.group(4));
        }
        if (post != null) {
            number(key.word("post"), post);
        }
        if (dev && (pre != null || post != null)) {
            number(key.preRelease('a'), pep.group(8));
        }
        if (pep.group(9) != null) {
            key.mark(KeyWriter.END);
            tokens(pep.group(9)).forEach(token -> write(token, key));
        }
        return key.end();
    }

    /** A number of a PEP 440 part that may be left out: {@code rc = rc0}. */
    private static void number(KeyWriter key, String digits) {
        if (digits != null && !digits.isEmpty() && !isZero(digits)) {
            key.number(digits);
        }
    }

    /**
     * A Debian or RPM version, {@code [epoch:]upstream[-revision]}: the revision (RPM's release) after the last
     * hyphen counts only between equal upstream versions. Words are not pre-releases ({@code 1.0rc1 > 1.0}, only
     * {@code ~} sorts before); RPM's {@code ^} ({@code 1.0^git1}) sorts after the version it follows and before
     * anything more of it. Trailing zeros do not count ({@code 1.0 = 1.0.0}, where dpkg and rpm differ), to agree
     * with the other schemes on plain numbers; so does a version without revision, which a generic bound
     * compares with only: {@code 1.0-1} is above a generic {@code <= 1.0}.
     */
    private static String distribution(String version) {
        KeyWriter key = new KeyWriter();
        String rest = epoch(version, ':', key);
        int dash = rest.lastIndexOf('-');
        List<String> upstream = new ArrayList<>(tokens(dash > 0 ? rest.substring(0, dash) : rest));
        List<String> revision = new ArrayList<>(dash > 0 ? tokens(rest.substring(dash + 1)) : List.of());
        dropTrailingZeros(upstream);
        dropTrailingZeros(revision);
        upstream.forEach(token -> write(token, key));
        if (!revision.isEmpty()) {
            key.revision();
            revision.forEach(token -> write(token, key));
        }
        return key.end();
    }

    /** Writes the epoch (0 when there is none) and answers the rest of the version. */
    private static String epoch(String version, char separator, KeyWriter key) {
        int at = version.indexOf(separator);
        if (at > 0 && version.substring(0, at).chars().allMatch(Character::isDigit)) {
            key.number(version.substring(0, at));
            return version.substring(at + 1);
        }
        key.number("0");
        return version;
    }

    /** Numbers, words, {@code ~} and {@code ^}; every other character only separates. */
    private static List<String> tokens(String version) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < version.length()) {
            char c = version.charAt(i);
            int start = i;
            if (c == '~' || c == '^') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (Character.isDigit(c)) {
                while (i < version.length() && Character.isDigit(version.charAt(i))) {
                    i++;
                }
                tokens.add(version.substring(start, i));
            } else if (Character.isLetter(c)) {
                while (i < version.length() && Character.isLetter(version.charAt(i))) {
                    i++;
                }
                tokens.add(version.substring(start, i));
            } else {
                i++;
            }
        }
        return tokens;
    }

    /** A number, a word, {@code ~} (before everything) or {@code ^} (the smallest word: after the end, before more). */
    private static void write(String token, KeyWriter key) {
        switch (token) {
            case "~" -> key.mark(KeyWriter.TILDE);
            case "^" -> key.word("");
            default -> {
                if (isNumber(token)) {
                    key.number(token);
                } else {
                    key.word(token);
                }
            }
        }
    }

    /** {@code 1.2.0 = 1.2}: a zero at the end, or just before a word or a tilde, does not count. */
    private static void dropTrailingZeros(List<String> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            boolean beforeNoNumber = i == tokens.size() - 1 || !isNumber(tokens.get(i + 1));
            if (isZero(tokens.get(i)) && beforeNoNumber) {
                tokens.remove(i);
            }
        }
    }
}
