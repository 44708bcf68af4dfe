package vn.canhgac.commons.tenancy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * The tenancy rule, written once: what the caller may see, and the organisations a request names within it. An
 * organisation that does not exist and one outside the caller's scope get the same answer, the caller's error, so
 * that no answer tells another tenant's organisation exists.
 */
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
                .map(path -> path == null
                        ? TenantScope.nothing(caller)
                        : new TenantScope(caller, path, caller.seesSubtree()));
    }

    /** The path of an organisation in the scope; {@code otherwise} when the code is blank, unknown or out of it. */
    public Uni<String> pathInScope(TenantScope scope, String code, Supplier<? extends RuntimeException> otherwise) {
        if (code == null || code.isBlank()) {
            return Uni.createFrom().failure(otherwise::get);
        }
        return paths.pathOf(code.strip()).map(path -> {
            if (path == null || !scope.covers(path)) {
                throw otherwise.get();
            }
            return path;
        });
    }

    /**
     * The LIKE pattern of the paths a list shows: the whole scope when no organisation is named, else that
     * organisation's subtree, or the organisation alone for a caller who sees no subtree ({@code otherwise} when it
     * is unknown or out of the scope).
     */
    public Uni<String> subtreePattern(TenantScope scope, String code, Supplier<? extends RuntimeException> otherwise) {
        if (code == null || code.isBlank()) {
            return Uni.createFrom().item(scope.likePattern());
        }
        return pathInScope(scope, code, otherwise).map(path -> scope.subtree() ? path + "%" : path);
    }
}
