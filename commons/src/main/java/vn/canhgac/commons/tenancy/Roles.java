package vn.canhgac.commons.tenancy;

import java.util.Set;

/** The realm roles of the Canh Gác identity provider. */
public final class Roles {
    /** National Authority of Information Security: sees and publishes everything. */
    public static final String AUTHORITY = "authority";
    /** Provincial or ministerial coordinator: its organisation and all descendants. */
    public static final String COORDINATOR = "coordinator";

    public static final String ORG_ADMIN = "org-admin";
    public static final String ORG_OPERATOR = "org-operator";
    /** Read-only, in the scope of its organisation. */
    public static final String AUDITOR = "auditor";
    /** A national platform's feed: publishes advisories, botnet lists, alerts. */
    public static final String FEED = "feed";
    /** An agency's own system, scoped like its organisation. */
    public static final String INTEGRATION = "integration";

    /** The roles that change something somewhere: every role but the auditor's. */
    public static final Set<String> WRITING =
            Set.of(AUTHORITY, COORDINATOR, ORG_ADMIN, ORG_OPERATOR, FEED, INTEGRATION);

    private Roles() {}
}
