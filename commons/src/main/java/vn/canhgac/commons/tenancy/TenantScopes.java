package vn.canhgac.commons.tenancy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The tenancy rule, written once: resolves what the caller may see. */
@ApplicationScoped
public class TenantScopes {

    private final OrganizationPaths paths;

    public TenantScopes(OrganizationPaths paths) {
        this.paths = paths;
    }

    public Uni<TenantScope> of(Caller caller) {
        if (caller.isAuthority()) {
            return Uni.createFrom().item(TenantScope.everything(caller));
        }
        if (caller.orgCode() == null) {
            return Uni.createFrom().item(TenantScope.nothing(caller));
        }
        return paths.pathOf(caller.orgCode())
                .map(path -> path == null ? TenantScope.nothing(caller)
                        : new TenantScope(caller, path, caller.seesSubtree()));
    }
}
