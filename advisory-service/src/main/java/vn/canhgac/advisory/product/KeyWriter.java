package vn.canhgac.advisory.product;

/**
 * Writes a {@link VersionKey}: an alphabet whose plain byte order is the version order. A tilde sorts before
 * everything, then a pre-release, then the end of the version (a distribution's revision follows its end), then a
 * word, then a number; numbers carry their length so that {@code 10 > 9}.
 */
final class KeyWriter {

    static final char TILDE = '1';
    static final char PRE_RELEASE = '2';
    static final char END = '3';
    static final char WORD = '4';
    static final char NUMBER = '5';

    private final StringBuilder key = new StringBuilder(32);

    KeyWriter number(String digits) {
        String significant = withoutLeadingZeros(digits);
        key.append(NUMBER)
                .append((char) ('a' + Math.min(significant.length(), 25)))
                .append(significant);
        return this;
    }

    /** '!' sorts before every letter and digit: "p" < "pa", and the empty word before every other. */
    KeyWriter word(String word) {
        key.append(WORD).append(word).append('!');
        return this;
    }

    KeyWriter preRelease(char rank) {
        key.append(PRE_RELEASE).append(rank);
        return this;
    }

    KeyWriter mark(char mark) {
        key.append(mark);
        return this;
    }

    /** The start of a Debian revision or RPM release: after its upstream version, before anything more of it. */
    KeyWriter revision() {
        key.append(END).append('!');
        return this;
    }

    /** A semantic-versioning pre-release identifier: numeric ones before alphanumeric ones, numbers by value. */
    KeyWriter identifier(String identifier) {
        if (identifier.chars().allMatch(Character::isDigit)) {
            String significant = withoutLeadingZeros(identifier);
            key.append('A')
                    .append((char) ('a' + Math.min(significant.length(), 25)))
                    .append(significant);
        } else {
            key.append('B').append(identifier).append('!');
        }
        return this;
    }

    String end() {
        return key.append(END).toString();
    }

    static boolean isNumber(String token) {
        return !token.isEmpty() && Character.isDigit(token.charAt(0));
    }

    static boolean isZero(String token) {
        return isNumber(token) && withoutLeadingZeros(token).equals("0");
    }

    private static String withoutLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
