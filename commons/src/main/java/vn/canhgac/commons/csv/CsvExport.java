package vn.canhgac.commons.csv;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestMulti;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.time.Vietnam;

/**
 * A CSV export sent as it is read, so that its size is bounded by what a spreadsheet opens rather than by a
 * service's memory. One query reads the keys of every row in the export's order (one sort, whatever the filters);
 * then the rows are read by key, a page at a time, each page by its own short query, so that a slow download holds no
 * database connection between pages, and each page goes out as one piece of the file, the next read only once the
 * previous one is written. Paged by keyset instead, each page was planned on its own: on statistics that did not
 * yet know a list's 101,000 exposures, every page sorted all of them again, and the file took 62 s instead of 3.
 * Once the first piece is out the answer can no longer turn into a 422, so the keys are counted before.
 */
public final class CsvExport {

    /** The most rows one export holds: a spreadsheet opens 1,048,576 lines. */
    public static final int MOST_ROWS = 1_000_000;

    /** Rows read per query. */
    public static final int PAGE = 500;

    private CsvExport() {}

    /**
     * The file: its byte-order mark and header first, then the rows of each page as one piece.
     *
     * @param keys the keys of the rows in the file's order, at most {@code limit + 1} (more is refused)
     * @param rows the rows of some keys, in the order of the keys (a key whose row is gone since is left out)
     */
    public static <K, T> Multi<String> of(
            List<String> columns,
            Function<T, List<?>> cells,
            long limit,
            Uni<List<K>> keys,
            Function<List<K>, Uni<List<T>>> rows) {
        return of(columns, cells, limit, keys, rows, PAGE);
    }

    static <K, T> Multi<String> of(
            List<String> columns,
            Function<T, List<?>> cells,
            long limit,
            Uni<List<K>> keys,
            Function<List<K>, Uni<List<T>>> rows,
            int size) {
        return keys.invoke(all -> refuseBeyond(limit, all.size())).onItem().transformToMulti(all -> {
            Multi<String> pieces = Multi.createFrom()
                    .range(0, (all.size() + size - 1) / size)
                    .onItem()
                    .transformToUniAndConcatenate(page ->
                            rows.apply(all.subList(page * size, Math.min(all.size(), (page + 1) * size))))
                    .map(page -> {
                        CsvDocument piece = CsvDocument.continued();
                        page.forEach(row -> piece.row(cells.apply(row)));
                        return piece.text();
                    });
            return Multi.createBy()
                    .concatenating()
                    .streams(
                            Multi.createFrom()
                                    .item(CsvDocument.withHeader(columns).text()),
                            pieces);
        });
    }

    /** The answer that sends the file, saved by a browser as {@code <name>-<today in Vietnam>.csv}. */
    public static RestMulti.SyncRestMulti.Builder<String> download(String name, Multi<String> file) {
        return RestMulti.fromMultiData(file)
                .header("Content-Disposition", CsvDocument.attachment(name, Vietnam.today()));
    }

    /** Refuses (422 export-too-large, asking for narrower filters) an export of more than {@code limit} rows. */
    static void refuseBeyond(long limit, long count) {
        if (count > limit) {
            throw DomainProblem.unprocessable("export-too-large", limit);
        }
    }
}
