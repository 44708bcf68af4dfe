package vn.canhgac.advisory.exposure;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import vn.canhgac.commons.csv.CsvExport;

/**
 * Exposures as a spreadsheet: one row each, what the list shows and what a contractor fixing them needs (what
 * matched, the remediation), with each one's id to find it again through the API or the console.
 */
final class ExposureCsv {

    private static final List<String> COLUMNS = List.of(
            "organization",
            "hostname",
            "network",
            "source",
            "reference",
            "revision",
            "subject",
            "matched",
            "severity",
            "status",
            "due_on",
            "overdue",
            "detected_at",
            "status_changed_at",
            "status_changed_by",
            "remediation",
            "id");

    private ExposureCsv() {}

    static Multi<String> of(long limit, Uni<List<UUID>> ids, Function<List<UUID>, Uni<List<ExposureView>>> rows) {
        return CsvExport.of(COLUMNS, ExposureCsv::cells, limit, ids, rows);
    }

    private static List<?> cells(ExposureView x) {
        return Arrays.asList(
                x.organizationCode(),
                x.hostname(),
                x.network(),
                x.sourceKind(),
                x.advisoryReference() != null ? x.advisoryReference() : x.botnetListReference(),
                x.advisoryRevision(),
                x.subject(),
                x.matched(),
                x.severity(),
                x.status(),
                x.dueOn(),
                x.overdue(),
                x.detectedAt(),
                x.statusChangedAt(),
                x.statusChangedBy(),
                x.remediation(),
                x.id());
    }
}
