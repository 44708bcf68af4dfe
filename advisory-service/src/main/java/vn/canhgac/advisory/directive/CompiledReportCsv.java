package vn.canhgac.advisory.directive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.canhgac.commons.csv.CsvDocument;

/** The compiled report as CSV: one row per recipient, one column per action item. */
final class CompiledReportCsv {

    private CompiledReportCsv() {}

    static String of(DirectiveDetails directive, List<RecipientStatus> statuses) {
        List<String> header = new ArrayList<>(List.of(
                "organization",
                "name",
                "acknowledged_at",
                "reported_at",
                "late",
                "open_exposures",
                "overdue_exposures",
                "forwarded_as",
                "forwarded_reported",
                "forwarded_recipients"));
        directive.items().forEach(item -> header.add("item " + item.code()));
        header.add("report");
        CsvDocument csv = CsvDocument.withHeader(header);
        for (RecipientStatus s : statuses) {
            List<Object> row = new ArrayList<>(Arrays.asList(
                    s.organizationCode(),
                    s.nameVi(),
                    s.acknowledgedAt(),
                    s.reportedAt(),
                    s.late(),
                    s.openExposures(),
                    s.overdueExposures(),
                    s.forwardedAs(),
                    s.forwardedReported(),
                    s.forwardedRecipients()));
            for (DirectiveInput.Item item : directive.items()) {
                row.add(s.items().stream()
                        .filter(r -> r.code().equals(item.code()))
                        .findFirst()
                        .map(r -> r.status() + (r.text() == null ? "" : ": " + r.text()))
                        .orElse(null));
            }
            row.add(s.reportText());
            csv.row(row);
        }
        return csv.text();
    }
}
