package vn.canhgac.commons.product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class Cpe23Test {

    @Test
    void aCpe22UriBecomesItsFormattedString() {
        assertEquals(
                Optional.of("cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*"),
                Cpe23.fromUri("cpe:/a:apache:log4j:2.14.1"));
        assertEquals(
                Optional.of("cpe:2.3:o:microsoft:windows_server_2019:-:*:*:*:*:*:*:*"),
                Cpe23.fromUri("cpe:/o:microsoft:windows_server_2019:-"));
        assertEquals(
                Optional.of("cpe:2.3:a:synacor:zimbra_collaboration_suite:8.8.15:p41:*:*:*:*:*:*"),
                Cpe23.fromUri("cpe:/a:synacor:zimbra_collaboration_suite:8.8.15:p41"));
        // a packed edition: ~edition~sw_edition~target_sw~target_hw~other
        assertEquals(
                Optional.of("cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*"),
                Cpe23.fromUri("cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~"));
        assertEquals(
                Optional.of("cpe:2.3:a:foo\\\\bar:big\\$money:*:*:*:*:*:*:*:*"),
                Cpe23.fromUri("cpe:/a:foo%5cbar:big%24money"));
        assertEquals(
                "log4j",
                Cpe23.parse(Cpe23.fromUri("cpe:/a:Apache:Log4j:2.14.1").orElseThrow())
                        .orElseThrow()
                        .product());
    }

    @Test
    void whatIsNoCpe22UriIsEmpty() {
        assertEquals(Optional.empty(), Cpe23.fromUri("cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*"));
        assertEquals(Optional.empty(), Cpe23.fromUri("cpe:/x:apache:log4j"));
        assertEquals(Optional.empty(), Cpe23.fromUri("cpe:/a:apache:log4j:1:2:3:4:5"));
        assertEquals(Optional.empty(), Cpe23.fromUri("cpe:/a:apache:log4j:%zz"));
        assertEquals(Optional.empty(), Cpe23.fromUri(null));
    }

    @Test
    void anRpmPurlsEpochQualifierJoinsItsVersion() {
        assertEquals(
                "1:1.1.1k-12.el8_9",
                PackageUrl.parse("pkg:rpm/redhat/openssl@1.1.1k-12.el8_9?arch=x86_64&epoch=1")
                        .orElseThrow()
                        .version());
        assertEquals(
                "1.1.1k-12.el8_9",
                PackageUrl.parse("pkg:rpm/redhat/openssl@1.1.1k-12.el8_9?epoch=0")
                        .orElseThrow()
                        .version());
        assertEquals(
                "2.14.1",
                PackageUrl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?epoch=1")
                        .orElseThrow()
                        .version());
    }

    @Test
    void aDebianPurlsEpochQualifierJoinsItsVersionAsTrivyWritesIt() {
        assertEquals(
                "1:2.36.1-8+deb11u1",
                PackageUrl.parse("pkg:deb/debian/bsdutils@2.36.1-8%2Bdeb11u1?arch=amd64&epoch=1&distro=debian-11")
                        .orElseThrow()
                        .version());
    }

    @Test
    void aPypiNameIsNormalisedAsPep503Says() {
        assertEquals(
                PackageUrl.parse("pkg:pypi/jupyter-server@2.7.0").orElseThrow().coordinates(),
                PackageUrl.parse("pkg:pypi/Jupyter_Server@2.7.0").orElseThrow().coordinates());
        assertEquals(
                "maven/org.example/my_lib",
                PackageUrl.parse("pkg:maven/org.example/my_lib@1").orElseThrow().coordinates());
    }

    @Test
    void aBadPercentEscapeIsNoPackageUrl() {
        assertEquals(Optional.empty(), PackageUrl.parse("pkg:generic/foo@100%"));
        assertEquals(Optional.empty(), PackageUrl.parse("pkg:generic/fo%zzo@1"));
    }
}
