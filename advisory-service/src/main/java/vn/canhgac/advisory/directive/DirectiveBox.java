package vn.canhgac.advisory.directive;

/**
 * Which of the directives a caller sees a list holds: those addressed to its own organisation ({@code RECEIVED}),
 * of those the ones still waiting for it ({@code AWAITING}: not acknowledged yet, or not reported when a report is
 * due), or those its organisation issued ({@code SENT}). Without a box, every directive its side sees, its subtree's
 * included.
 */
public enum DirectiveBox {
    RECEIVED("exists (select 1 from directive_recipient r where r.directive_id = d.id and r.organization_code = ?)"),
    AWAITING("""
            exists (select 1 from directive_recipient r where r.directive_id = d.id and r.organization_code = ?
                    and (r.acknowledged_at is null or (d.report_due_on is not null and r.reported_at is null)))"""),
    SENT("d.issuer_code = ?");

    /** The condition on {@code d}, the directive, with one parameter: the caller's organisation. */
    final String condition;

    DirectiveBox(String condition) {
        this.condition = condition;
    }
}
