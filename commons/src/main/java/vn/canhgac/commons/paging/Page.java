package vn.canhgac.commons.paging;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list: {@code next} is the cursor to pass as {@code after} for the following
 * page, absent on the last one. Keyset paging stays fast at any depth, unlike offsets.
 */
@RegisterForReflection
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Builds a page from {@code limit + 1} fetched rows: the extra row only says that more exist. */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, String> cursor, Function<E, T> view) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(shown.stream().map(view).toList(), more ? cursor.apply(shown.getLast()) : null);
    }

    public static int clamp(Integer limit) {
        if (limit == null || limit < 1) {
            return DEFAULT_LIMIT;
        }
        return Math.min(limit, MAX_LIMIT);
    }
}
