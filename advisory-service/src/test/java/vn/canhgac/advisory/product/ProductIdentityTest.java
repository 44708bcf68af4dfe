package vn.canhgac.advisory.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductIdentityTest {

    @Test
    void namesFromACpeAndFromPeopleMeetOnTheFoldedName() {
        Set<String> installed = ProductIdentity.all("F5", "BIG-IP", null, null);
        String affected = ProductIdentity.preferred("f5", "big-ip", null, null);
        assertTrue(installed.contains(affected));
        assertTrue(installed.contains(ProductIdentity.preferred(null, "Big-IP", null, null)), "no vendor: by name");
        assertEquals(
                Set.of("name:f5:bigip", "name::bigip"),
                ProductIdentity.all(null, null, "cpe:2.3:a:f5:big-ip:16.1.4:*:*:*:*:*:*:*", null));
        assertTrue(ProductIdentity.all("Fortinet", "FortiOS", null, null)
                .contains(
                        ProductIdentity.preferred(null, null, "cpe:2.3:o:fortinet:fortios:7.4.2:*:*:*:*:*:*:*", null)));
    }

    @Test
    void anAdvisoryMatchesByItsMostPreciseName() {
        assertEquals(
                "name:zimbra:collaboration",
                ProductIdentity.preferred(
                        "Synacor",
                        "Zimbra Collaboration Suite",
                        "cpe:2.3:a:zimbra:collaboration:*:*:*:*:*:*:*:*",
                        "pkg:generic/zimbra"));
        assertEquals(
                "purl:maven/org.apache.logging.log4j/log4j-core",
                ProductIdentity.preferred("Apache", "Log4j", null, "pkg:maven/org.apache.logging.log4j/log4j-core"));
        assertEquals(
                "name:microsoft:exchangeserver", ProductIdentity.preferred("Microsoft", "Exchange Server", null, null));
    }

    @Test
    void theVersionComesFromTheFieldThenTheCpeThenThePurl() {
        assertEquals("16.1.4", ProductIdentity.versionOf(null, "cpe:2.3:a:f5:big-ip:16.1.4:*:*:*:*:*:*:*", null));
        assertEquals(
                "2.14.1", ProductIdentity.versionOf(" ", null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
        assertEquals("8.8.15_GA_4581", ProductIdentity.versionOf("8.8.15_GA_4581", null, null));
    }

    @Test
    void foldsVietnameseAndPunctuation() {
        assertEquals("name:bkav:endpointdiet", ProductIdentity.byName("BKAV", "Bkav Endpoint – Diệt"));
    }

    @Test
    void bracketedPartNumbersAndTheVendorsOwnNameBeforeTheProductDoNotCount() {
        assertEquals(
                ProductIdentity.byName("Siemens", "SCALANCE XC208"),
                ProductIdentity.byName("Siemens", "SCALANCE XC208 (6GK5208-0BA00-2AC2)"));
        assertEquals(
                ProductIdentity.byName("Schneider Electric", "Modicon M340 CPU"),
                ProductIdentity.byName("Schneider Electric", "Modicon M340 CPU (part numbers BMXP34*)"));
        assertEquals(
                ProductIdentity.preferred(
                        null, null, "cpe:2.3:o:cisco:adaptive_security_appliance_software:9.16.4:*:*:*:*:*:*:*", null),
                ProductIdentity.byName("Cisco", "Cisco Adaptive Security Appliance (ASA) Software"));
        assertEquals("name:phpmyadmin:phpmyadmin", ProductIdentity.byName("phpMyAdmin", "phpMyAdmin"));
        assertTrue(!ProductIdentity.byName("Siemens", "SCALANCE XC208EEC")
                .equals(ProductIdentity.byName("Siemens", "SCALANCE XC208")));
    }
}
