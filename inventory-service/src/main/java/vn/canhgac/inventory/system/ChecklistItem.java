package vn.canhgac.inventory.system;

import java.time.Instant;

/** A measure of the catalogue as it applies to one system. */
public record ChecklistItem(
        String code,
        String category,
        int minLevel,
        String titleVi,
        String titleEn,
        boolean required,
        MeasureStatus status,
        String evidence,
        Instant updatedAt,
        String updatedBy) {

    static ChecklistItem of(ProtectionMeasure measure, int securityLevel, SystemMeasure line) {
        return new ChecklistItem(
                measure.code,
                measure.category,
                measure.minLevel,
                measure.titleVi,
                measure.titleEn,
                measure.requiredAt(securityLevel),
                line == null ? MeasureStatus.MISSING : line.status,
                line == null ? null : line.evidence,
                line == null ? null : line.updatedAt,
                line == null ? null : line.updatedBy);
    }
}
