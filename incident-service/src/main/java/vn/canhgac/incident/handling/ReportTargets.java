package vn.canhgac.incident.handling;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;

/**
 * What a report points at, resolved in the caller's scope: the reporting organisation's path, the affected
 * organisations with their paths (those of the systems and assets named included), and the systems and assets.
 */
record ReportTargets(
        String reportingPath,
        SortedMap<String, String> affected,
        Named<IncidentView.AffectedSystem> systems,
        Named<IncidentView.AffectedAsset> assets) {

    /** What a report named (systems or assets): those found in the caller's scope, and a fault for each other one. */
    record Named<T>(List<T> found, List<Violation> faults) {

        static <T> Named<T> none() {
            return new Named<>(List.of(), List.of());
        }
    }

    static ReportTargets of(String reportingPath, SortedMap<String, String> affected) {
        return new ReportTargets(reportingPath, affected, Named.none(), Named.none());
    }

    ReportTargets withSystems(Named<IncidentView.AffectedSystem> named) {
        return new ReportTargets(reportingPath, affected, named, assets);
    }

    ReportTargets withAssets(Named<IncidentView.AffectedAsset> named) {
        return new ReportTargets(reportingPath, affected, systems, named);
    }

    /** Every system and asset named that is not in the caller's scope, in one 400. */
    void refuseUnknown() {
        List<Violation> faults = new ArrayList<>(systems.faults());
        faults.addAll(assets.faults());
        if (!faults.isEmpty()) {
            throw DomainProblem.invalid(faults);
        }
    }
}
