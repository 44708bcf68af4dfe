package vn.canhgac.commons.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "This organisation, if the caller may see it", answered once for every service. */
class TenantScopesTest {

    private static final Map<String, String> TREE = Map.of(
            "UBND-KH",
            "/UBND-KH/",
            "STTTT-KH",
            "/UBND-KH/STTTT-KH/",
            "CAMRANH",
            "/UBND-KH/STTTT-KH/CAMRANH/",
            "NHTM-A",
            "/NHTM-A/");
    private static final TenantScopes SCOPES =
            new TenantScopes(code -> Uni.createFrom().item(TREE.get(code)));
    private static final Caller COORDINATOR = new Caller("s", "coordinator", "STTTT-KH", Set.of(Roles.COORDINATOR));
    private static final TenantScope KHANH_HOA = new TenantScope(COORDINATOR, "/UBND-KH/STTTT-KH/", true);
    private static final TenantScope CAM_RANH_ALONE = new TenantScope(COORDINATOR, "/UBND-KH/STTTT-KH/CAMRANH/", false);

    private static String await(Uni<String> answer) {
        return answer.await().indefinitely();
    }

    @Test
    void anOrganisationInScopeIsItsPath() {
        assertEquals(
                "/UBND-KH/STTTT-KH/CAMRANH/",
                await(SCOPES.pathInScope(KHANH_HOA, "CAMRANH", IllegalArgumentException::new)));
    }

    @Test
    void unknownAndOutOfScopeGetTheSameAnswerTheCallersOwn() {
        IllegalStateException mine = new IllegalStateException("unknown-organization");
        assertSame(
                mine,
                assertThrows(
                        IllegalStateException.class, () -> await(SCOPES.pathInScope(KHANH_HOA, "NHTM-A", () -> mine))));
        assertSame(
                mine,
                assertThrows(
                        IllegalStateException.class,
                        () -> await(SCOPES.pathInScope(KHANH_HOA, "NO-SUCH", () -> mine))));
        assertSame(
                mine,
                assertThrows(IllegalStateException.class, () -> await(SCOPES.pathInScope(KHANH_HOA, " ", () -> mine))));
    }

    @Test
    void aListIsTheWholeScopeOrTheNamedSubtreeAndNeverMoreThanTheCallerSees() {
        assertEquals("/UBND-KH/STTTT-KH/%", await(SCOPES.subtreePattern(KHANH_HOA, null, IllegalStateException::new)));
        assertEquals(
                "/UBND-KH/STTTT-KH/CAMRANH/%",
                await(SCOPES.subtreePattern(KHANH_HOA, "CAMRANH", IllegalStateException::new)));
        // A caller who sees its own organisation only gets that organisation, not its children.
        assertEquals(
                "/UBND-KH/STTTT-KH/CAMRANH/",
                await(SCOPES.subtreePattern(CAM_RANH_ALONE, "CAMRANH", IllegalStateException::new)));
    }
}
