package vn.canhgac.advisory.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionKeyTest {

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        // plain numbers, any depth, numerically
        "1.9, 1.10",
        "16.1.4, 16.1.4.1",
        "16.1.3.9, 16.1.4",
        "10.0.17763.5121, 10.0.17763.5122",
        "10.0.17763.5122, 10.0.20348.1",
        "2.4.9, 2.4.58",
        // Zimbra builds: GA is the release itself, the build number counts
        "8.8.15, 8.8.15_GA_4581",
        "8.8.15_GA_4581, 8.8.15_GA_4582",
        "8.8.15_GA_4581, 9.0.0",
        // Debian: revisions, backports and the tilde
        "2.4.58, 2.4.58-1",
        "2.4.58-1~deb12u1, 2.4.58-1",
        "2.4.57-2, 2.4.58-1~deb12u1",
        "2.4.58-1, 2.4.58-1+deb12u1",
        "2.4.58~rc1, 2.4.58",
        "9:1.0, 10:0.1",
        "99.9, 1:0.1",
        // pre-releases before the release, in their order
        "1.2-dev, 1.2-alpha1",
        "1.2-alpha1, 1.2-alpha2",
        "1.2a1, 1.2b1",
        "1.2-beta, 1.2-rc1",
        "1.2-rc1, 1.2-rc2",
        "1.2-rc2, 1.2",
        "1.2.0-RC1, 1.2.0",
        // other words after the release, before the next number
        "9.3, 9.3p1",
        "9.3p1, 9.3p2",
        "9.3p2, 9.3.1",
        "2016, 2016 CU23",
        "3.0.11, 3.0.11a",
        "3.0.11a, 3.0.11b",
        "1.1.1, 1.1.1w",
        "1.1.1v, 1.1.1w",
        "1.1.1w, 1.1.2",
        // Go modules and Git tags: the v does not count
        "v3.0, v3.5",
        // firmware: letters before a dotted version do not count
        "3.51, SV3.65",
        "SV3.51, SV3.65",
        "V4.3, 4.4",
        "3.0, v3.5",
        "v3.5, 4.0",
        "v1.9.9, v1.10.0",
        // RPM epoch:version-release of a RHEL stream
        "1:1.1.1k-7.el8_6, 1:1.1.1k-9.el8_7",
        "1:1.1.1k-12.el8_9, 1:3.0.7-25.el9_3",
        // calendar versions
        "2023.10.31, 2024.01.10",
        "23.10, 24.04",
    })
    void ordersRealVersionStrings(String lower, String higher) {
        assertTrue(VersionKey.compare(lower, higher) < 0);
        assertTrue(VersionKey.compare(higher, lower) > 0);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "1.2, 1.2.0",
        "1.2, 1.2.0.0",
        "1.02, 1.2",
        "8.8.15_GA_4581, 8.8.15.4581",
        "1.2.0-rc1, 1.2-RC1",
        "V1.2, v1.2",
        "0:2.4, 2.4",
        "1.2 Final, 1.2",
        "v3.5, 3.5",
        "v3.5.0, 3.5",
    })
    void readsEquivalentSpellingsAsEqual(String left, String right) {
        assertEquals(0, VersionKey.compare(left, right));
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'  '", "*", "-"})
    void aWildcardHasNoKey(String version) {
        assertNull(VersionKey.of(version));
    }

    @Test
    void hugeNumbersStillCompare() {
        assertTrue(VersionKey.compare("1.99999999999999999999", "1.100000000000000000000") < 0);
    }
}
