package vn.canhgac.inventory.system;

/** Where a system stands on one measure. A measure never assessed counts as missing. */
public enum MeasureStatus {
    IMPLEMENTED,
    PARTIAL,
    MISSING,
    NOT_APPLICABLE
}
