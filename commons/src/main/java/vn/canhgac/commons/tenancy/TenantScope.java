package vn.canhgac.commons.tenancy;

/**
 * What a caller may see: everything (authority), a subtree (coordinator), one organisation (everyone else),
 * or nothing (a caller whose organisation is unknown here). Objects carry the materialised path of their
 * owning organisation, so a check is a prefix test and a query is a {@code LIKE 'path%'}.
 */
public record TenantScope(Caller caller, String path, boolean subtree) {

    public static TenantScope everything(Caller caller) {
        return new TenantScope(caller, "/", true);
    }

    public static TenantScope nothing(Caller caller) {
        return new TenantScope(caller, null, false);
    }

    public boolean isEverything() {
        return "/".equals(path) && subtree;
    }

    public boolean covers(String objectPath) {
        if (path == null || objectPath == null) {
            return false;
        }
        return subtree ? objectPath.startsWith(path) : objectPath.equals(path);
    }

    /**
     * A SQL {@code LIKE} pattern that matches the paths in scope (codes never contain LIKE wildcards),
     * or one that matches nothing when the scope is empty.
     */
    public String likePattern() {
        if (path == null) {
            return "";
        }
        return subtree ? path + "%" : path;
    }
}
