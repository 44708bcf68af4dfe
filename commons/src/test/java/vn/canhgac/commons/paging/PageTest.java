package vn.canhgac.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void anExtraRowMeansAnotherPage() {
        Page<String> page = Page.of(List.of("a", "b", "c"), 2, Function.identity(), String::toUpperCase);
        assertEquals(List.of("A", "B"), page.items());
        assertEquals("b", page.next());
    }

    @Test
    void theLastPageHasNoCursor() {
        assertNull(Page.of(List.of("a"), 2, Function.identity(), Function.identity())
                .next());
    }

    @Test
    void limitsAreClamped() {
        assertEquals(Page.DEFAULT_LIMIT, Page.clamp(null));
        assertEquals(Page.DEFAULT_LIMIT, Page.clamp(0));
        assertEquals(Page.MAX_LIMIT, Page.clamp(1_000_000));
        assertEquals(7, Page.clamp(7));
    }
}
