package vn.canhgac.commons.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextInputTest {

    @Test
    void findsNulAndUnpairedSurrogates() {
        assertEquals(3, TextInput.firstBadCharacter("abc\u0000def"));
        assertEquals(0, TextInput.firstBadCharacter("\u0000"));
        assertEquals(1, TextInput.firstBadCharacter("a\uD83D"));
        assertEquals(1, TextInput.firstBadCharacter("a\uD83Db"));
        assertEquals(1, TextInput.firstBadCharacter("a\uDE00b"));
        assertEquals(2, TextInput.firstBadCharacter("\uD83D\uDE00\uDE00"));
        assertEquals(0, TextInput.firstBadCharacter("\uDE00\uD83D"));
        assertFalse(TextInput.isClean("Mirai\u0000"));
        assertFalse(TextInput.isClean("\uD800"));
    }

    @Test
    void nullEmptyVietnameseAndEmojiAreClean() {
        assertEquals(-1, TextInput.firstBadCharacter(null));
        assertTrue(TextInput.isClean(null));
        assertTrue(TextInput.isClean(""));
        assertTrue(TextInput.isClean("UBND tỉnh Khánh Hòa, Sở TT&TT"));
        assertTrue(TextInput.isClean("\uD83D\uDE00 \uD83C\uDDFB\uD83C\uDDF3 tab\tnewline\n\u0001\uFFFD\uFEFF"));
        assertEquals(-1, TextInput.firstBadCharacter("a\uD83D\uDE00b"));
    }
}
