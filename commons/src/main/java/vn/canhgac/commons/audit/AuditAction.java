package vn.canhgac.commons.audit;

/** What happened to an object. */
public enum AuditAction {
    CREATED,
    UPDATED,
    DELETED,
    IMPORTED
}
