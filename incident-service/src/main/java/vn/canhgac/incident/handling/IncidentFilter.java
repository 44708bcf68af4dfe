package vn.canhgac.incident.handling;

/**
 * The filters of the incident list, every one optional; {@code organization} means its subtree, {@code open} the
 * incidents still being handled (not closed, rejected or a duplicate).
 */
public record IncidentFilter(
        String organization,
        IncidentStatus status,
        boolean open,
        IncidentSeverity severity,
        IncidentCategory category,
        boolean overdue,
        String query) {}
