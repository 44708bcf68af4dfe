package vn.canhgac.advisory.directive;

import java.util.List;

/**
 * The compiled report as CSV (UTF-8 with a BOM, so spreadsheets read Vietnamese): one row per recipient,
 * one column per action item.
 */
final class CompiledReportCsv {

    private CompiledReportCsv() {}

    static String of(DirectiveDetails directive, List<RecipientStatus> statuses) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("organization,name,acknowledged_at,reported_at,late,open_exposures,overdue_exposures,forwarded_as,"
                + "forwarded_reported,forwarded_recipients");
        directive.items().forEach(item -> csv.append(',').append(cell("item " + item.code())));
        csv.append(",report\r\n");
        for (RecipientStatus s : statuses) {
            csv.append(cell(s.organizationCode()))
                    .append(',')
                    .append(cell(s.nameVi()))
                    .append(',')
                    .append(cell(s.acknowledgedAt()))
                    .append(',')
                    .append(cell(s.reportedAt()))
                    .append(',')
                    .append(s.late())
                    .append(',')
                    .append(s.openExposures())
                    .append(',')
                    .append(s.overdueExposures())
                    .append(',')
                    .append(cell(s.forwardedAs()))
                    .append(',')
                    .append(cell(s.forwardedReported()))
                    .append(',')
                    .append(cell(s.forwardedRecipients()));
            for (DirectiveInput.Item item : directive.items()) {
                csv.append(',')
                        .append(cell(s.items().stream()
                                .filter(r -> r.code().equals(item.code()))
                                .findFirst()
                                .map(r -> r.status() + (r.text() == null ? "" : ": " + r.text()))
                                .orElse(null)));
            }
            csv.append(',').append(cell(s.reportText())).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.isEmpty()) {
            return text;
        }
        // A leading = + - @ would run as a formula in a spreadsheet: quote it and prefix an apostrophe.
        boolean formula = "=+-@".indexOf(text.charAt(0)) >= 0;
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + (formula ? "'" : "") + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
