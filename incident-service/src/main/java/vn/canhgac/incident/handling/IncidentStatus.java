package vn.canhgac.incident.handling;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The life of an incident: reported → triaged → contained → eradicated → recovered → closed, one step at a time;
 * until it is closed it can instead be rejected (not an incident) or marked a duplicate. Closed, rejected and
 * duplicate are final.
 */
public enum IncidentStatus {
    REPORTED,
    TRIAGED,
    CONTAINED,
    ERADICATED,
    RECOVERED,
    CLOSED,
    REJECTED,
    DUPLICATE;

    public Set<IncidentStatus> next() {
        return switch (this) {
            case REPORTED -> EnumSet.of(TRIAGED, REJECTED, DUPLICATE);
            case TRIAGED -> EnumSet.of(CONTAINED, REJECTED, DUPLICATE);
            case CONTAINED -> EnumSet.of(ERADICATED, REJECTED, DUPLICATE);
            case ERADICATED -> EnumSet.of(RECOVERED, REJECTED, DUPLICATE);
            case RECOVERED -> EnumSet.of(CLOSED, REJECTED, DUPLICATE);
            case CLOSED, REJECTED, DUPLICATE -> EnumSet.noneOf(IncidentStatus.class);
        };
    }

    public boolean isOpen() {
        return !next().isEmpty();
    }

    public List<String> nextNames() {
        return next().stream().map(Enum::name).toList();
    }
}
