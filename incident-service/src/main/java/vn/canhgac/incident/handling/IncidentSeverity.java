package vn.canhgac.incident.handling;

import java.time.Duration;

/**
 * How bad it is, and so how fast it must be answered: a first response within, and a resolution within, these
 * durations of the report.
 */
public enum IncidentSeverity {
    CRITICAL(Duration.ofHours(1), Duration.ofHours(24)),
    HIGH(Duration.ofHours(4), Duration.ofHours(72)),
    MEDIUM(Duration.ofHours(24), Duration.ofDays(7)),
    LOW(Duration.ofHours(72), Duration.ofDays(30));

    public final Duration firstResponse;
    public final Duration resolution;

    IncidentSeverity(Duration firstResponse, Duration resolution) {
        this.firstResponse = firstResponse;
        this.resolution = resolution;
    }
}
