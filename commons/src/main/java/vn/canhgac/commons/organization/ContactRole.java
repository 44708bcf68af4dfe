package vn.canhgac.commons.organization;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a contact is there for, so that notifications reach the right person: directives go to the leader and the
 * security focal point, alerts to the focal point and the duty desk. A contact with no role hears everything.
 */
@RegisterForReflection
public enum ContactRole {
    /** The organisation's head, who signs the reports that directives ask for. */
    LEADER,
    /** The person in charge of information security (the "đầu mối" of letter 6410). */
    SECURITY_FOCAL_POINT,
    /** The 24/7 duty desk. */
    DUTY_DESK,
    /** The technical staff who fix what is found. */
    TECHNICAL
}
