package vn.canhgac.commons.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProductNamesTest {

    @Test
    void readsACpe() {
        Cpe23 cpe = Cpe23.parse("cpe:2.3:a:f5:big-ip_access_policy_manager:16.1.4:*:*:*:*:*:*:*")
                .orElseThrow();
        assertEquals("a", cpe.part());
        assertEquals("f5", cpe.vendor());
        assertEquals("big-ip_access_policy_manager", cpe.product());
        assertEquals("16.1.4", cpe.versionOrNull());
        assertEquals(
                "8.8.15",
                Cpe23.parse("cpe:2.3:a:zimbra:collaboration:8.8.15:p41:*:*:*:*:*:*")
                        .orElseThrow()
                        .version());
        assertNull(Cpe23.parse("cpe:2.3:o:microsoft:windows_server_2019:*:*:*:*:*:*:*:*")
                .orElseThrow()
                .versionOrNull());
        assertEquals(
                "c++",
                Cpe23.parse("cpe:2.3:a:vendor:c\\+\\+:1:*:*:*:*:*:*:*")
                        .orElseThrow()
                        .product());
    }

    @Test
    void refusesWhatIsNotACpe23() {
        assertFalse(Cpe23.isValid("cpe:/a:f5:big-ip:16.1.4")); // CPE 2.2 URI binding
        assertFalse(Cpe23.isValid("cpe:2.3:a:f5:big-ip:16.1.4")); // too few attributes
        assertFalse(Cpe23.isValid("cpe:2.3:x:f5:big-ip:16.1.4:*:*:*:*:*:*:*"));
        assertFalse(Cpe23.isValid("cpe:2.3:a:f 5:big-ip:16.1.4:*:*:*:*:*:*:*"));
        assertTrue(Cpe23.isValid("cpe:2.3:a:f5:big-ip:16.1.4:*:*:*:*:*:*:*"));
    }

    @Test
    void readsAPackageUrl() {
        PackageUrl purl = PackageUrl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar")
                .orElseThrow();
        assertEquals("maven/org.apache.logging.log4j/log4j-core", purl.coordinates());
        assertEquals("2.14.1", purl.version());
        PackageUrl deb = PackageUrl.parse("pkg:deb/debian/apache2@2.4.58-1~deb12u1?arch=amd64")
                .orElseThrow();
        assertEquals("deb/debian/apache2", deb.coordinates());
        assertEquals("2.4.58-1~deb12u1", deb.version());
        assertEquals(
                "npm/@angular/core",
                PackageUrl.parse("pkg:npm/%40angular/core@16.0.0").orElseThrow().coordinates());
        assertNull(PackageUrl.parse("pkg:generic/openssl").orElseThrow().version());
        assertFalse(PackageUrl.isValid("maven/org.apache/log4j"));
        assertFalse(PackageUrl.isValid("pkg:/log4j"));
    }
}
