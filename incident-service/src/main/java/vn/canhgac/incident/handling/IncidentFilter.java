package vn.canhgac.incident.handling;

/** The filters of the incident list, every one optional; {@code organization} means its subtree. */
public record IncidentFilter(
        String organization,
        IncidentStatus status,
        IncidentSeverity severity,
        IncidentCategory category,
        boolean overdue,
        String query) {}
