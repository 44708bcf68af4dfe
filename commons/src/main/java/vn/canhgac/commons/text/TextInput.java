package vn.canhgac.commons.text;

/**
 * Text that came from outside (a CSV field, a JSON string, a query parameter) and is about to be stored. PostgreSQL
 * cannot store U+0000 in {@code text}, and an unpaired UTF-16 surrogate cannot be encoded as UTF-8: either fails
 * the statement with SQLSTATE 22021 and with it the whole transaction, good rows included. Checking first turns
 * such a value into an error of its own field.
 */
public final class TextInput {

    private TextInput() {}

    /**
     * The index (in UTF-16 units) of the first NUL character or unpaired surrogate of the text, or -1 when there
     * is none. Null is clean.
     */
    public static int firstBadCharacter(String text) {
        if (text == null) {
            return -1;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the text holds neither NUL nor an unpaired surrogate. Null is clean. */
    public static boolean isClean(String text) {
        return firstBadCharacter(text) < 0;
    }
}
