package vn.canhgac.commons.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.canhgac.commons.problem.DomainProblem;

class CsvExportTest {

    private final List<List<Integer>> asked = new ArrayList<>();

    private static Uni<List<Integer>> keys(int count) {
        return Uni.createFrom().item(IntStream.rangeClosed(1, count).boxed().toList());
    }

    /** The rows of some keys, as a store answers them: the key's row unless it was deleted (here: 5). */
    private Uni<List<String>> rows(List<Integer> keys) {
        asked.add(keys);
        return Uni.createFrom()
                .item(keys.stream()
                        .filter(key -> key != 5)
                        .map(key -> "row " + key)
                        .toList());
    }

    private static List<String> pieces(
            long limit, Uni<List<Integer>> keys, Function<List<Integer>, Uni<List<String>>> rows) {
        return CsvExport.of(List.of("n"), (String row) -> List.of(row), limit, keys, rows, 3)
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(5));
    }

    @Test
    void theHeaderComesFirstThenOnePiecePerPageOfKeysInTheirOrder() {
        assertEquals(
                List.of("\uFEFFn\r\n", "row 1\r\nrow 2\r\nrow 3\r\n", "row 4\r\nrow 6\r\n", "row 7\r\n"),
                pieces(10, keys(7), this::rows));
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7)), asked);
    }

    @Test
    void nothingSelectedIsAHeaderAloneAndReadsNoRow() {
        assertEquals(List.of("\uFEFFn\r\n"), pieces(10, keys(0), this::rows));
        assertEquals(List.of(), asked);
    }

    @Test
    void moreKeysThanTheLimitAreRefusedBeforeTheFirstPiece() {
        assertEquals(3, pieces(6, keys(6), this::rows).size());
        DomainProblem refused = assertThrows(DomainProblem.class, () -> pieces(6, keys(7), this::rows));
        assertEquals(422, refused.status());
    }

    @Test
    void aPageThatFailsEndsTheFileInFailure() {
        Function<List<Integer>, Uni<List<String>>> failing = keys ->
                keys.contains(4) ? Uni.createFrom().failure(new IllegalStateException("database down")) : rows(keys);
        assertThrows(IllegalStateException.class, () -> pieces(10, keys(7), failing));
    }
}
