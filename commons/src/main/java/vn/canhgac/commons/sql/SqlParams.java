package vn.canhgac.commons.sql;

import io.vertx.mutiny.sqlclient.Tuple;

/** Builds the positional parameters of a query whose conditions depend on the filters a caller sent. */
public final class SqlParams {

    private SqlParams() {}

    /** Adds the value to the parameters and answers its placeholder ({@code $3}). */
    public static String bind(Tuple params, Object value) {
        params.addValue(value);
        return "$" + params.size();
    }
}
