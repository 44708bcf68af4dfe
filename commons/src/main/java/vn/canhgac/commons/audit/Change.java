package vn.canhgac.commons.audit;

/**
 * A change to record: the object's type and id, the path of the organisation that owns it (the audit trail is
 * scoped like the object), and its state before and after (null when it did not exist).
 */
public record Change(
        AuditAction action, String entityType, String entityId, String orgPath, Object before, Object after) {

    public static Change created(String entityType, String entityId, String orgPath, Object after) {
        return new Change(AuditAction.CREATED, entityType, entityId, orgPath, null, after);
    }

    public static Change updated(String entityType, String entityId, String orgPath, Object before, Object after) {
        return new Change(AuditAction.UPDATED, entityType, entityId, orgPath, before, after);
    }

    public static Change deleted(String entityType, String entityId, String orgPath, Object before) {
        return new Change(AuditAction.DELETED, entityType, entityId, orgPath, before, null);
    }
}
