package vn.canhgac.advisory.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionRangeTest {

    // startIncluding, startExcluding, endIncluding, endExcluding, version, affected
    @ParameterizedTest(name = "[{0}, {1}, {2}, {3}] holds {4}: {5}")
    @CsvSource(
            nullValues = "_",
            value = {
                "16.1.0, _, _, 16.1.4.1, 16.1.0, true", // start including: the bound itself
                "16.1.0, _, _, 16.1.4.1, 16.1.4, true",
                "16.1.0, _, _, 16.1.4.1, 16.1.4.1, false", // end excluding: the fix itself is not affected
                "16.1.0, _, _, 16.1.4.1, 16.0.9, false",
                "_, 16.1.0, _, _, 16.1.0, false", // start excluding
                "_, 16.1.0, _, _, 16.1.0.1, true",
                "_, _, 8.8.15_GA_4581, _, 8.8.15.4581, true", // end including, another spelling
                "_, _, 8.8.15_GA_4581, _, 8.8.15_GA_4582, false",
                "_, _, _, 2.4.58-1, 2.4.58-1~deb12u1, true", // a backport before the fixed revision
                "_, _, _, 2.4.58, 2.4.58~rc1, true",
                "_, _, _, 2.4.58, 2.4.58.0, false",
                "_, _, _, _, 1.0, true", // no bound at all: every version
                "_, _, _, _, _, true", // ... even an unknown one
                "1.0, _, _, _, _, false", // an unknown version is not in a bounded range
            })
    void boundsIncludeOrExcludeTheirVersion(
            String startIncl, String startExcl, String endIncl, String endExcl, String version, boolean affected) {
        assertEquals(affected, new VersionRange(null, startIncl, startExcl, endIncl, endExcl).contains(version));
    }

    @Test
    void anExactVersionMatchesItsOtherSpellingsOnly() {
        VersionRange range = VersionRange.exactly("16.1.4");
        assertTrue(range.contains("16.1.4.0"));
        assertFalse(range.contains("16.1.4.1"));
        assertFalse(range.contains(null));
    }

    @Test
    void contradictoryBoundsAreMalformed() {
        assertTrue(new VersionRange(null, "1", "1", null, null).isMalformed());
        assertTrue(new VersionRange(null, null, null, "2", "2").isMalformed());
        assertTrue(new VersionRange("1", "1", null, null, null).isMalformed());
        assertTrue(new VersionRange("*", null, null, null, null).isMalformed());
        assertFalse(new VersionRange(null, "1", null, null, "2").isMalformed());
    }

    @Test
    void describesItselfForPeople() {
        assertEquals(">= 16.1.0, < 16.1.4.1", new VersionRange(null, "16.1.0", null, null, "16.1.4.1").describe());
        assertEquals("= 8.8.15", VersionRange.exactly("8.8.15").describe());
        assertEquals("all versions", VersionRange.ANY.describe());
    }
}
