package vn.canhgac.commons.net;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IpNetworksTest {

    @Test
    void addressesInCanonicalForm() {
        assertEquals(Optional.of("203.162.4.10"), IpNetworks.address(" 203.162.4.10 "));
        assertEquals(Optional.of("2001:db8::1"), IpNetworks.address("2001:0DB8:0000:0000:0000:0000:0000:0001"));
        assertEquals(Optional.of("::1"), IpNetworks.address("::1"));
        assertEquals(Optional.of("fe80::"), IpNetworks.address("fe80:0:0:0:0:0:0:0"));
        assertEquals(Optional.of("2001:db8:0:1::1"), IpNetworks.address("2001:db8:0:1:0:0:0:1"));
    }

    @Test
    void neverResolvesNamesOrAcceptsJunk() {
        assertEquals(Optional.empty(), IpNetworks.address("localhost"));
        assertEquals(Optional.empty(), IpNetworks.address("example.gov.vn"));
        assertEquals(Optional.empty(), IpNetworks.address("256.1.1.1"));
        assertEquals(Optional.empty(), IpNetworks.address(""));
        assertEquals(Optional.empty(), IpNetworks.address(null));
        assertEquals(Optional.empty(), IpNetworks.network("10.0.0.0/33"));
        assertEquals(Optional.empty(), IpNetworks.network("10.0.0.0/"));
        assertEquals(Optional.empty(), IpNetworks.network("2001:db8::/129"));
    }

    @Test
    void networksHaveTheirHostBitsCleared() {
        assertEquals(Optional.of("10.1.0.0/16"), IpNetworks.network("10.1.2.3/16"));
        assertEquals(Optional.of("203.162.4.10/32"), IpNetworks.network("203.162.4.10"));
        assertEquals(Optional.of("0.0.0.0/0"), IpNetworks.network("1.2.3.4/0"));
        assertEquals(Optional.of("2001:db8::/32"), IpNetworks.network("2001:db8:ffff::1/32"));
        assertEquals(Optional.of("2001:db8::1/128"), IpNetworks.network("2001:db8::1"));
    }
}
