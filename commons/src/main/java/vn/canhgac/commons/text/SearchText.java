package vn.canhgac.commons.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for search so that "khanh hoa", "Khánh Hòa" and "KHÁNH HOÀ" meet: diacritics are
 * removed (đ/Đ become d, which Unicode decomposition does not do), case is lowered and spaces collapse.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {}

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        if (isPlainAscii(text)) {
            return SPACES.matcher(text).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll(""))
                .replaceAll(" ")
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    /** Hostnames, codes, English: nothing to decompose, so the costly normalisation is skipped (imports). */
    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** The folded words of several fields, for one search column. */
    public static String foldAll(String... texts) {
        StringBuilder folded = new StringBuilder();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                folded.append(folded.isEmpty() ? "" : " ").append(fold(text));
            }
        }
        return folded.toString();
    }

    /** A LIKE pattern for a folded query, with LIKE's own wildcards escaped. */
    public static String containsPattern(String query) {
        String folded = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + folded + "%";
    }
}
