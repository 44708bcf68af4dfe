package vn.canhgac.notification.notice;

import java.util.Collection;
import java.util.Comparator;

/** The severities of notifications, LOW to CRITICAL, as the SQL function {@code severity_rank} ranks them too. */
public final class Severities {

    private Severities() {}

    public static int rank(String severity) {
        return switch (severity) {
            case "CRITICAL" -> 4;
            case "HIGH" -> 3;
            case "MEDIUM" -> 2;
            default -> 1;
        };
    }

    /** The most severe of them; LOW when there is none. */
    public static String worst(Collection<String> severities) {
        return severities.stream()
                .max(Comparator.comparingInt(Severities::rank))
                .orElse("LOW");
    }
}
