package vn.canhgac.inventory.asset;

import java.util.List;
import vn.canhgac.commons.problem.FieldError;

/**
 * What an import did: rows read, assets created and updated, rows skipped, and the errors (row, field, message;
 * at most {@value AssetImport#MAX_REPORTED_ERRORS} listed, {@code skipped} counts them all).
 */
public record ImportReport(
        String format, ImportMode mode, long rows, long created, long updated, long skipped, List<FieldError> errors) {}
