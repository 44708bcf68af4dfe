package vn.canhgac.commons.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void foldsVietnameseDiacriticsCaseAndSpaces() {
        assertEquals("khanh hoa", SearchText.fold("  Khánh   Hòa "));
        assertEquals("khanh hoa", SearchText.fold("KHÁNH HOÀ"));
        assertEquals("so thong tin va truyen thong", SearchText.fold("Sở Thông tin và Truyền thông"));
    }

    @Test
    void foldsTheLetterDWithStroke() {
        assertEquals("dien bien da nang", SearchText.fold("Điện Biên Đà Nẵng"));
    }

    @Test
    void escapesLikeWildcardsInQueries() {
        assertEquals("%50\\%\\_off%", SearchText.containsPattern("50%_off"));
        assertEquals("%%", SearchText.containsPattern(null));
    }

    @Test
    void joinsSeveralFields() {
        String folded = SearchText.foldAll("UBND-KH", "Ủy ban nhân dân tỉnh Khánh Hòa", null);
        assertTrue(folded.contains("khanh hoa"));
        assertTrue(folded.startsWith("ubnd-kh "));
    }
}
