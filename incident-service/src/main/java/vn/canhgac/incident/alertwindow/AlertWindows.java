package vn.canhgac.incident.alertwindow;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.canhgac.commons.problem.DomainProblem;

/**
 * The alert windows that directives declared ("Tết Bính Ngọ 2026"), by name: a window that a directive and its
 * forwards all declare is one window, from its earliest start to its latest end, whole days in Vietnam time.
 */
@ApplicationScoped
public class AlertWindows {

    private static final String BY_NAME = """
            select name, min(starts_on) as starts_on, max(ends_on) as ends_on, count(distinct directive_id) as directives
            from alert_window where ($1::text is null or name = $1) group by name order by min(starts_on) desc, name""";

    /** A window as the duty roster plans against it: from midnight of its first day to midnight after its last. */
    public record AlertWindow(String name, LocalDate startsOn, LocalDate endsOn, long declaredBy) {

        public LocalDateTime from() {
            return startsOn.atStartOfDay();
        }

        public LocalDateTime to() {
            return endsOn.plusDays(1).atStartOfDay();
        }
    }

    private final Pool pool;

    public AlertWindows(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<AlertWindow>> all() {
        return pool.preparedQuery(BY_NAME).execute(Tuple.of(null)).map(rows -> {
            List<AlertWindow> windows = new ArrayList<>();
            rows.forEach(row -> windows.add(window(row)));
            return windows;
        });
    }

    /** The window of this name; 400 on the field if no directive declared one. */
    public Uni<AlertWindow> named(String name, String field) {
        return pool.preparedQuery(BY_NAME).execute(Tuple.of(name)).map(rows -> {
            if (rows.size() == 0) {
                throw DomainProblem.invalidField(field, "unknown-alert-window", name);
            }
            return window(rows.iterator().next());
        });
    }

    private static AlertWindow window(Row row) {
        return new AlertWindow(
                row.getString("name"),
                row.getLocalDate("starts_on"),
                row.getLocalDate("ends_on"),
                row.getLong("directives"));
    }
}
