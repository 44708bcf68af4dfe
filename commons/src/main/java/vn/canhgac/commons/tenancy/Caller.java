package vn.canhgac.commons.tenancy;

import java.util.Set;

/**
 * Who is calling: the token's subject, its organisation code (claim {@code org}) and its realm roles.
 * Built from the validated token by {@link CallerProducer}; domain code never reads the token itself.
 */
public record Caller(String subject, String name, String orgCode, Set<String> roles) {

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAuthority() {
        return is(Roles.AUTHORITY);
    }

    /**
     * Coordinators see their organisation's whole subtree, and so do pure auditors (an auditor of a province
     * audits its departments, and its role writes nothing). An auditor who also administers its own organisation
     * does not: the scope serves writes too. Every other role sees its own organisation only. Roles the platform
     * does not define (Keycloak's {@code default-roles-<realm>}, {@code offline_access}) change nothing.
     */
    public boolean seesSubtree() {
        return is(Roles.COORDINATOR) || (is(Roles.AUDITOR) && roles.stream().noneMatch(Roles.WRITING::contains));
    }

    /** The name to record in audit trails and histories. */
    public String displayName() {
        return name != null ? name : subject;
    }
}
