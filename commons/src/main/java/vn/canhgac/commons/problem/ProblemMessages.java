package vn.canhgac.commons.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Problem titles, details and field messages in English or Vietnamese. Vietnamese is chosen when the
 * caller's {@code Accept-Language} prefers it; anything else falls back to English.
 */
public final class ProblemMessages {

    public static final Locale VIETNAMESE = Locale.of("vi");
    private static final String BUNDLE = "canhgac-problems";

    private ProblemMessages() {}

    /** Longer than any sensible list of language preferences: not parsed, the default language answers. */
    private static final int LONGEST_HEADER = 256;

    /**
     * The one reading of {@code Accept-Language} for every problem and message: the supported language the
     * caller weighs highest; English when none is named, and also when the header is malformed ({@code en;q=2},
     * {@code vi;q=}, an over-long tag), because a bad preference must never turn an answer into a failure.
     */
    public static Locale choose(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > LONGEST_HEADER) {
            return Locale.ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
        for (Locale.LanguageRange range : ranges) {
            String language = range.getRange().toLowerCase(Locale.ROOT);
            if (language.equals("vi") || language.startsWith("vi-")) {
                return VIETNAMESE;
            }
            if (language.equals("en") || language.startsWith("en-")) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException missing) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public static String textOrNull(Locale locale, String key, Object... args) {
        String text = text(locale, key, args);
        return text.equals(key) ? null : text;
    }
}
