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

    private ProblemMessages() {
    }

    /** Picks the first supported language of an {@code Accept-Language} list (already sorted by quality). */
    public static Locale choose(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if ("vi".equals(locale.getLanguage())) {
                return VIETNAMESE;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
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
