package vn.canhgac.advisory.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ReleaseStreamTest {

    @Test
    void aDistTagNamesTheStream() {
        assertEquals("el8", ReleaseStream.of("1:1.1.1k-12.el8_9"));
        assertEquals("el9", ReleaseStream.of("3.0.7-25.el9_3"));
        assertEquals("el7", ReleaseStream.of("1:1.0.2k-26.el7_9"));
        assertEquals("el8", ReleaseStream.of("1.14.1-1.module+el8.9.0+20388+5c8c3d5e"));
        assertEquals("fc39", ReleaseStream.of("3.1.1-4.fc39"));
        assertEquals("amzn2", ReleaseStream.of("1.0.2k-24.amzn2.0.11"));
    }

    @Test
    void aVersionWithoutOneHasNone() {
        assertNull(ReleaseStream.of("16.1.4"));
        assertNull(ReleaseStream.of("2.4.58-1~deb12u1"));
        assertNull(ReleaseStream.of("1.2.element5"));
        assertNull(ReleaseStream.of(null));
    }

    @Test
    void suseReleasesNameTheirCodeStream() {
        assertEquals("sle150500", ReleaseStream.of("2.10.3-150500.5.17.1"));
        assertEquals("sle150400", ReleaseStream.of("2.9.14-150400.5.28.1"));
        assertEquals(null, ReleaseStream.of("2.9.4-46.68.1"));
    }

    @Test
    void aDebianPackagesStreamIsItsPurlsDistro() {
        assertEquals(
                "debian12",
                ReleaseStream.of(
                        "1:9.2p1-2+deb12u3",
                        "pkg:deb/debian/openssh-server@1:9.2p1-2%2Bdeb12u3?arch=amd64&distro=debian-12"));
        assertEquals("debiansid", ReleaseStream.of(null, "pkg:deb/debian/exim4?distro=debian-sid"));
        assertNull(ReleaseStream.of("1:9.2p1-2", "pkg:deb/debian/openssh-server@1:9.2p1-2"));
        assertEquals(
                "el8", ReleaseStream.of("1:1.1.1k-12.el8_9", "pkg:rpm/redhat/openssl@1.1.1k-12.el8_9?distro=rhel-8.9"));
    }
}
