package vn.canhgac.commons.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantScopeTest {

    private static final Caller SOMEONE = new Caller("s", "someone", "STTTT-KH", Set.of(Roles.COORDINATOR));

    @Test
    void subtreeCoversDescendantsButNotSiblingsWithACommonPrefix() {
        TenantScope scope = new TenantScope(SOMEONE, "/UBND-KH/STTTT-KH/", true);
        assertTrue(scope.covers("/UBND-KH/STTTT-KH/"));
        assertTrue(scope.covers("/UBND-KH/STTTT-KH/UBND-CAMRANH/"));
        assertFalse(scope.covers("/UBND-KH/STTTT-KH2/"));
        assertFalse(scope.covers("/UBND-KH/"));
        assertEquals("/UBND-KH/STTTT-KH/%", scope.likePattern());
    }

    @Test
    void ownOrganisationOnlyCoversItself() {
        TenantScope scope = new TenantScope(SOMEONE, "/UBND-KH/STTTT-KH/", false);
        assertTrue(scope.covers("/UBND-KH/STTTT-KH/"));
        assertFalse(scope.covers("/UBND-KH/STTTT-KH/UBND-CAMRANH/"));
        assertEquals("/UBND-KH/STTTT-KH/", scope.likePattern());
    }

    @Test
    void everythingAndNothing() {
        assertTrue(TenantScope.everything(SOMEONE).covers("/NHTM-A/"));
        assertTrue(TenantScope.everything(SOMEONE).isEverything());
        assertFalse(TenantScope.nothing(SOMEONE).covers("/NHTM-A/"));
        assertFalse(TenantScope.nothing(SOMEONE).covers(null));
        assertEquals("", TenantScope.nothing(SOMEONE).likePattern());
    }

    @Test
    void coordinatorsAndPureAuditorsSeeSubtrees() {
        assertTrue(SOMEONE.seesSubtree());
        assertTrue(new Caller("s", "x", "UBND-KH", Set.of(Roles.AUDITOR)).seesSubtree());
        assertFalse(new Caller("s", "x", "NHTM-A", Set.of(Roles.ORG_ADMIN, Roles.AUDITOR)).seesSubtree());
        // A realm that gives every token Keycloak's default roles must not take a pure auditor's subtree away.
        assertTrue(new Caller("s", "x", "UBND-KH", Set.of(Roles.AUDITOR, "default-roles-canhgac", "offline_access"))
                .seesSubtree());
        assertTrue(new Caller("s", "x", "CATTT", Set.of(Roles.AUTHORITY)).isAuthority());
    }
}
