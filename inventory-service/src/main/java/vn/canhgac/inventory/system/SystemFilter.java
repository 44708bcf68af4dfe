package vn.canhgac.inventory.system;

import io.smallrye.mutiny.Uni;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.tenancy.TenantScope;
import vn.canhgac.commons.tenancy.TenantScopes;

/** The filters of the systems list: an organisation's subtree, a security level, a status, text. */
public record SystemFilter(String organizationCode, Integer securityLevel, SystemStatus status, String query) {

    /**
     * The LIKE pattern of the paths to list: the caller's scope, narrowed to an organisation's subtree when
     * asked (an organisation outside the scope is a 400 that does not say whether it exists).
     */
    Uni<String> organizationPath(TenantScopes scopes, TenantScope scope) {
        if (securityLevel != null && (securityLevel < 1 || securityLevel > 5)) {
            throw DomainProblem.invalidField("securityLevel", "bad-security-level");
        }
        return scopes.subtreePattern(
                scope,
                organizationCode,
                () -> DomainProblem.invalidField("organization", "unknown-organization", organizationCode));
    }
}
