package vn.canhgac.advisory.exposure;

import io.vertx.mutiny.sqlclient.Row;

/**
 * An organisation's exposures by status, its whole subtree included: the first row is the organisation asked
 * for (or each top-level one), the next rows its direct children, so a coordinator sees where to look.
 */
public record ExposureSummary(
        String organizationCode,
        String nameVi,
        long toConfirm,
        long open,
        long acknowledged,
        long inProgress,
        long mitigated,
        long resolved,
        long riskAccepted,
        long falsePositive,
        long overdue) {

    static ExposureSummary of(Row row) {
        return new ExposureSummary(
                row.getString("code"),
                row.getString("name_vi"),
                row.getLong("to_confirm"),
                row.getLong("open"),
                row.getLong("acknowledged"),
                row.getLong("in_progress"),
                row.getLong("mitigated"),
                row.getLong("resolved"),
                row.getLong("risk_accepted"),
                row.getLong("false_positive"),
                row.getLong("overdue"));
    }
}
