package vn.canhgac.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

    @Test
    void choosesTheSupportedLanguageTheCallerWeighsHighest() {
        assertEquals(ProblemMessages.VIETNAMESE, ProblemMessages.choose("fr, vi-VN;q=0.8"));
        assertEquals(ProblemMessages.VIETNAMESE, ProblemMessages.choose("en;q=0.5, vi"));
        assertEquals(Locale.ENGLISH, ProblemMessages.choose("en-US, vi"));
        assertEquals(Locale.ENGLISH, ProblemMessages.choose("de"));
        assertEquals(Locale.ENGLISH, ProblemMessages.choose(null));
        assertEquals(Locale.ENGLISH, ProblemMessages.choose("video"));
    }

    @Test
    void aMalformedPreferenceFallsBackToEnglishInsteadOfFailing() {
        for (String malformed : List.of(
                "en;q=2", "vi;q=", "*;q=abc", "vi;;", "x".repeat(300), "vi-" + "a".repeat(40), "\u00e9", ";", ",,,")) {
            assertEquals(Locale.ENGLISH, ProblemMessages.choose(malformed), malformed);
        }
    }

    @Test
    void formatsInBothLanguages() {
        assertEquals(
                "An organisation with code 'X-1' already exists.",
                ProblemMessages.text(Locale.ENGLISH, "organization-exists.detail", "X-1"));
        assertEquals(
                "Đã có tổ chức với mã 'X-1'.",
                ProblemMessages.text(ProblemMessages.VIETNAMESE, "organization-exists.detail", "X-1"));
    }

    @Test
    void everyEnglishMessageHasAVietnameseOne() {
        var english = java.util.ResourceBundle.getBundle("canhgac-problems", Locale.ROOT);
        var vietnamese = java.util.ResourceBundle.getBundle("canhgac-problems", ProblemMessages.VIETNAMESE);
        for (String key : english.keySet()) {
            assertEquals(
                    true,
                    !vietnamese.getString(key).equals(english.getString(key)) || key.startsWith("field.unknown-"),
                    "missing Vietnamese text for " + key);
        }
    }

    @Test
    void unknownKeysAreAbsentRatherThanInvented() {
        assertNull(ProblemMessages.textOrNull(Locale.ENGLISH, "no-such.detail"));
    }
}
