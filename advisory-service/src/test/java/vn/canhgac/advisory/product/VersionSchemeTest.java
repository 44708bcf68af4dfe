package vn.canhgac.advisory.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hard cases of each ecosystem's version order, as its own tools order them. */
class VersionSchemeTest {

    @ParameterizedTest(name = "{0}: {1} < {2}")
    @CsvSource({
        // semantic versioning (npm, Cargo): pre-releases, identifiers one by one, numbers before words
        "SEMVER, 1.0.0-alpha, 1.0.0-alpha.1",
        "SEMVER, 1.0.0-alpha.1, 1.0.0-alpha.beta",
        "SEMVER, 1.0.0-alpha.beta, 1.0.0-beta",
        "SEMVER, 1.0.0-beta.2, 1.0.0-beta.11",
        "SEMVER, 1.0.0-rc.1, 1.0.0",
        "SEMVER, 1.0.0-foo, 1.0.0",
        "SEMVER, 0.9.9, 1.0.0-rc.1",
        "SEMVER, 4.17.20, 4.17.21",
        // Go modules: the v, pseudo-versions, +incompatible
        "SEMVER, v1.2.3, v1.2.4-0.20231010120000-abcdef123456",
        "SEMVER, v1.2.4-0.20231010120000-abcdef123456, v1.2.4",
        "SEMVER, v0.0.0-20190101000000-aaaaaaaaaaaa, v0.0.0-20231010120000-abcdef123456",
        "SEMVER, v0.0.0-20231010120000-abcdef123456, v0.1.0",
        "SEMVER, v2.0.0+incompatible, v2.0.1+incompatible",
        // PEP 440
        "PEP440, 1.0.dev0, 1.0a1",
        "PEP440, 1.0a1.dev1, 1.0a1",
        "PEP440, 1.0a1, 1.0b1",
        "PEP440, 1.0b2, 1.0rc1",
        "PEP440, 1.0rc1, 1.0",
        "PEP440, 1.0, 1.0+ubuntu1",
        "PEP440, 1.0+ubuntu1, 1.0.post1",
        "PEP440, 1.0.post1.dev2, 1.0.post1",
        "PEP440, 1.0.post1, 1.0.1",
        "PEP440, 4.2.7, 4.2.8",
        "PEP440, 2024.1, 1!1.0",
        "PEP440, 3.2.0b1, 3.2.0",
        // Debian: epoch, upstream before revision, tilde, words are not pre-releases
        "DEBIAN, 2.4-10, 2.4.1-1",
        "DEBIAN, 1.0~rc1-1, 1.0-1",
        "DEBIAN, 1.0-1, 1.0rc1-1",
        "DEBIAN, 2.36.1-8, 2.36.1-8+deb12u1",
        "DEBIAN, 1:2.36.1-8+deb12u1, 1:2.36.1-8+deb12u2",
        "DEBIAN, 9.9-1, 1:1.0-1",
        "DEBIAN, 3.0.11-1~deb12u1, 3.0.11-1",
        "DEBIAN, 1.0, 1.0-1",
        // RPM: version before release, letters before numbers, tilde and caret
        "RPM, 1.1.1-10.el8, 1.1.1k-2.el8",
        "RPM, 1:1.1.1k-7.el8_6, 1:1.1.1k-12.el8_9",
        "RPM, 1.0~rc1-1, 1.0-1",
        "RPM, 1.0-1, 1.0^git20231010-1",
        "RPM, 1.0^git20231010-1, 1.0.1-1",
        "RPM, 1.0^git20231010-1, 1.0a-1",
        "RPM, 5.14.0-362.8.1.el9_3, 5.14.0-362.13.1.el9_3",
        // Maven, calendar and vers:intdot are generic
        "GENERIC, 1.0-SNAPSHOT, 1.0",
        "GENERIC, 1.0-alpha-1, 1.0-beta-1",
        "GENERIC, 1.0-RC1, 1.0",
        "GENERIC, 2.17.1, 2.17.1.redhat-00001",
        "GENERIC, 31.1-android, 31.1-jre",
        "GENERIC, 1.0, 1.0-sp1",
        "GENERIC, 2023.12.01, 2024.01.15",
        "GENERIC, 24.04, 24.10"
    })
    void ordersAsItsEcosystem(VersionScheme scheme, String lower, String higher) {
        assertTrue(scheme.key(lower).compareTo(scheme.key(higher)) < 0, lower + " < " + higher + " in " + scheme);
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @CsvSource({
        "SEMVER, 1.0.0+build.5, 1.0.0",
        "SEMVER, v1.2.3, 1.2.3",
        "SEMVER, 1.2, 1.2.0",
        "PEP440, 1.0c1, 1.0rc1",
        "PEP440, 1.0-1, 1.0.post1",
        "PEP440, 1.0.0, 1.0",
        "PEP440, 1.0RC1, 1.0rc1",
        "PEP440, 0!1.0, 1.0",
        "DEBIAN, 1.0-0, 1.0",
        "DEBIAN, 0:1.0-1, 1.0-1",
        "GENERIC, 1.0.Final, 1.0",
        "GENERIC, 1.0-GA, 1.0"
    })
    void equalInItsEcosystem(VersionScheme scheme, String left, String right) {
        assertEquals(scheme.key(left), scheme.key(right));
    }

    @Test
    void plainNumbersHaveOneKeyInEveryScheme() {
        for (VersionScheme scheme : VersionScheme.values()) {
            assertEquals(VersionKey.of("10.0.17763"), scheme.key("10.0.17763"), scheme.name());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "pkg:pypi/django@4.2.7, PEP440",
        "pkg:npm/lodash@4.17.21, SEMVER",
        "pkg:golang/golang.org/x/net@v0.17.0, SEMVER",
        "pkg:deb/debian/openssl@3.0.11-1~deb12u2, DEBIAN",
        "pkg:rpm/redhat/openssl-libs@1.1.1k-12.el8_9, RPM",
        "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1, GENERIC",
        "pkg:generic/nginx@1.24.0, GENERIC"
    })
    void aPackageUrlChoosesItsScheme(String purl, VersionScheme scheme) {
        assertEquals(scheme, VersionScheme.ofPurl(purl));
    }

    @Test
    void anExplicitHintComesFirstThenVersThenPurl() {
        assertEquals(VersionScheme.DEBIAN, VersionScheme.choose("deb", "vers:pypi/<1.0", "pkg:npm/x"));
        assertEquals(VersionScheme.PEP440, VersionScheme.choose(null, "vers:pypi/<1.0", "pkg:npm/x"));
        assertEquals(VersionScheme.SEMVER, VersionScheme.choose(null, null, "pkg:npm/x"));
        assertEquals(VersionScheme.GENERIC, VersionScheme.choose("no-such-scheme", null, null));
    }

    @Test
    void aRangeComparesInItsScheme() {
        VersionRange npm = new VersionRange(null, null, null, null, "1.0.0", VersionScheme.SEMVER);
        assertTrue(npm.contains("1.0.0-rc.1"));
        VersionRange deb = new VersionRange(null, null, null, null, "2.4.1-1", VersionScheme.DEBIAN);
        assertTrue(deb.contains("2.4-10"));
    }
}
