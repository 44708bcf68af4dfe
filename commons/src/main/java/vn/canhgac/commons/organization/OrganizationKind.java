package vn.canhgac.commons.organization;

/** What kind of body an organisation is; directives are addressed to kinds as well as to organisations. */
public enum OrganizationKind {
    MINISTRY,
    PROVINCE,
    DEPARTMENT,
    DISTRICT,
    AUTHORITY,
    AGENCY,
    STATE_ENTERPRISE,
    TELECOM,
    BANK,
    PRESS,
    OTHER
}
