package vn.canhgac.commons.sql;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The WHERE clause of a list with optional filters. Each condition is a constant of the store, written with
 * {@code ?} where a value goes; the values become positional parameters ({@code $n}), so no value a caller sent
 * is ever part of the SQL text. Conditions are joined with {@code and}.
 *
 * <pre>{@code
 * Conditions where = Conditions.on(Tuple.of(scope.likePattern()), "i.org_path like $1")
 *         .whenPresent(filter.status(), "i.status = ?", Enum::name)
 *         .when(filter.overdue(), "i.resolution_due < now()");
 * client.preparedQuery("select ... from incident i" + where.clause() + " order by ...").execute(where.params());
 * }</pre>
 */
public final class Conditions {

    private final Tuple params;
    private final List<String> conditions = new ArrayList<>();

    private Conditions(Tuple params) {
        this.params = params;
    }

    /**
     * @param params the query's fixed parameters, already numbered ({@code $1}...) in the fixed conditions
     * @param fixed  conditions that always hold (tenancy), written with those numbered parameters
     */
    public static Conditions on(Tuple params, String... fixed) {
        Conditions conditions = new Conditions(params);
        conditions.conditions.addAll(List.of(fixed));
        return conditions;
    }

    /** A condition with its values, one per {@code ?}, in order. */
    public Conditions and(String condition, Object... values) {
        StringBuilder sql = new StringBuilder(condition.length() + 8);
        int next = 0;
        for (int i = 0; i < condition.length(); i++) {
            char c = condition.charAt(i);
            if (c == '?') {
                if (next == values.length) {
                    throw new IllegalArgumentException("More '?' than values in: " + condition);
                }
                sql.append(SqlParams.bind(params, values[next++]));
            } else {
                sql.append(c);
            }
        }
        if (next != values.length) {
            throw new IllegalArgumentException("More values than '?' in: " + condition);
        }
        conditions.add(sql.toString());
        return this;
    }

    /** The condition only when the filter was given; the value goes in every {@code ?}. */
    public <T> Conditions whenPresent(T filter, String condition, Function<T, Object> value) {
        if (filter == null || filter instanceof String text && text.isBlank()) {
            return this;
        }
        Object bound = value.apply(filter);
        int marks = (int) condition.chars().filter(c -> c == '?').count();
        Object[] values = new Object[marks];
        Arrays.fill(values, bound);
        return and(condition, values);
    }

    public <T> Conditions whenPresent(T filter, String condition) {
        return whenPresent(filter, condition, value -> value);
    }

    /** A condition without values, only when asked for ({@code overdue=true}). */
    public Conditions when(boolean asked, String condition) {
        return asked ? and(condition) : this;
    }

    /** Binds one more value outside the WHERE clause (a limit) and answers its placeholder. */
    public String bind(Object value) {
        return SqlParams.bind(params, value);
    }

    /** {@code " where a and b"}, or empty when there is no condition. */
    public String clause() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Tuple params() {
        return params;
    }
}
