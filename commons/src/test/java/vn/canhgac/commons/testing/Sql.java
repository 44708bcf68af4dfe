package vn.canhgac.commons.testing;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** What a test reads straight from its service's database, to check what the API does not show. */
public final class Sql {

    private Sql() {}

    /** The first column of every row the query answers, as text, in its order. */
    public static List<String> texts(Pool pool, String query, Tuple parameters) {
        return pool.preparedQuery(query)
                .execute(parameters)
                .map(rows -> {
                    List<String> found = new ArrayList<>();
                    rows.forEach(row -> found.add(row.getString(0)));
                    return found;
                })
                .await()
                .indefinitely();
    }
}
