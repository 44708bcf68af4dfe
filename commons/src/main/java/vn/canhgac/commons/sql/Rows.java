package vn.canhgac.commons.sql;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows to insert into one table: columns given per row (as text, cast to their SQL type), columns the same for
 * every row, and columns computed by the database ({@code now()}). On a SQL connection they go in one statement
 * over arrays ({@link #arrayStatement}, a row's order kept); elsewhere one statement per row ({@link #rowStatement}).
 */
public final class Rows {

    private record Column(String name, String type, Kind kind, Object value) {}

    private enum Kind {
        PER_ROW,
        SAME,
        COMPUTED
    }

    private final String table;
    private final List<Column> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();
    private int perRowColumns;

    private Rows(String table) {
        this.table = table;
    }

    public static Rows into(String table) {
        return new Rows(table);
    }

    /** A column whose value each row gives, in the order of {@link #add}. */
    public Rows column(String name, String sqlType) {
        columns.add(new Column(name, sqlType, Kind.PER_ROW, null));
        perRowColumns++;
        return this;
    }

    /** A column with one value for every row. */
    public Rows same(String name, String sqlType, Object value) {
        columns.add(new Column(name, sqlType, Kind.SAME, value));
        return this;
    }

    /** A column the database computes, an SQL expression of this code ({@code now()}), never input. */
    public Rows computed(String name, String expression) {
        columns.add(new Column(name, expression, Kind.COMPUTED, null));
        return this;
    }

    /** One row: the values of the per-row columns, in the order they were declared. */
    public Rows add(Object... values) {
        if (values.length != perRowColumns) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + perRowColumns);
        }
        rows.add(values);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int size() {
        return rows.size();
    }

    /** {@code insert ... select ... from unnest($n::text[], ...) with ordinality ... order by its row number}. */
    public String arrayStatement() {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        int parameter = 0;
        for (Column column : columns) {
            names.add(column.name());
            switch (column.kind()) {
                case COMPUTED -> values.add(column.type());
                case SAME -> values.add("$" + ++parameter + "::" + column.type());
                case PER_ROW -> {
                    arrays.add("$" + ++parameter + "::text[]");
                    aliases.add(column.name());
                    values.add("u." + column.name() + "::" + column.type());
                }
            }
        }
        return "insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", values)
                + " from unnest(" + String.join(", ", arrays) + ") with ordinality as u(" + String.join(", ", aliases)
                + ", row_number) order by u.row_number";
    }

    /** The parameters of {@link #arrayStatement}: the same values, then one text array per per-row column. */
    public Tuple arrays() {
        Tuple tuple = Tuple.tuple();
        int perRowIndex = 0;
        for (Column column : columns) {
            switch (column.kind()) {
                case COMPUTED -> {}
                case SAME -> tuple.addString(text(column.value()));
                case PER_ROW -> {
                    String[] array = new String[rows.size()];
                    for (int i = 0; i < array.length; i++) {
                        array[i] = text(rows.get(i)[perRowIndex]);
                    }
                    tuple.addArrayOfString(array);
                    perRowIndex++;
                }
            }
        }
        return tuple;
    }

    /** {@code insert ... values (cast(?1 as type), ...)}, JPA's ordinal parameters, for one row at a time. */
    public String rowStatement() {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        int parameter = 0;
        for (Column column : columns) {
            names.add(column.name());
            values.add(
                    column.kind() == Kind.COMPUTED
                            ? column.type()
                            : "cast(cast(?" + ++parameter + " as text) as " + column.type() + ")");
        }
        return "insert into " + table + " (" + String.join(", ", names) + ") values (" + String.join(", ", values)
                + ")";
    }

    /** The parameters of {@link #rowStatement} for each row, as text. */
    public List<List<String>> rowParameters() {
        List<List<String>> all = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            List<String> parameters = new ArrayList<>();
            int perRowIndex = 0;
            for (Column column : columns) {
                switch (column.kind()) {
                    case COMPUTED -> {}
                    case SAME -> parameters.add(text(column.value()));
                    case PER_ROW -> parameters.add(text(row[perRowIndex++]));
                }
            }
            all.add(parameters);
        }
        return all;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
