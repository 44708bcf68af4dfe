package vn.canhgac.incident.handling;

import java.util.List;

/**
 * Open incidents of a scope counted on the server, for the console's overview: by severity, with how many are past
 * their first-response deadline, their resolution deadline, and either ({@code overdue}, as the list's
 * {@code overdue=true} reads it). Severities with none open are listed with zeros.
 */
public record IncidentSummary(List<BySeverity> bySeverity) {

    public record BySeverity(
            IncidentSeverity severity, long open, long responseOverdue, long resolutionOverdue, long overdue) {}
}
