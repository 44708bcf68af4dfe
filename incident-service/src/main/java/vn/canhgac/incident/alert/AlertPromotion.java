package vn.canhgac.incident.alert;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.canhgac.incident.handling.IncidentCategory;
import vn.canhgac.incident.handling.IncidentSeverity;

/** How an alert becomes an incident: the analyst's judgement of what it is and how bad (title: the alert's if none). */
public record AlertPromotion(
        @Size(max = 500) String title,
        @NotNull IncidentCategory category,
        @NotNull IncidentSeverity severity) {}
