package vn.canhgac.commons.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
    void ipv4IsOnlyTheDottedQuadOfFourDecimalOctetsWithoutLeadingZeros() {
        for (String lenient : List.of(
                "1.2.3",
                "127.1",
                "1",
                "01.02.03.04",
                "1.2.3.04",
                "010.0.0.1",
                "00.0.0.0",
                "0x7f.0.0.1",
                "0x7f000001",
                "2130706433",
                "017700000001",
                "1.2.3.4.5",
                "1.2.3.",
                ".1.2.3",
                "1..2.3",
                "1.2.3.256",
                "1.2.3.-1",
                "+1.2.3.4",
                "1.2. 3.4",
                "１.２.３.４",
                "\u0661.2.3.4",
                "1.2.3.4\u0000")) {
            assertEquals(Optional.empty(), IpNetworks.address(lenient), lenient);
            assertEquals(Optional.empty(), IpNetworks.network(lenient), lenient);
            assertEquals(Optional.empty(), IpNetworks.network(lenient + "/24"), lenient);
        }
        assertEquals(Optional.of("0.0.0.0"), IpNetworks.address("0.0.0.0"));
        assertEquals(Optional.of("255.255.255.255"), IpNetworks.address("255.255.255.255"));
        assertEquals(Optional.of("10.0.100.9"), IpNetworks.address("\t10.0.100.9\n"));
    }

    @Test
    void ipv6IsOnlyTheTextFormsOfRfc4291() {
        for (String lenient : List.of(
                "fe80::1%eth0",
                "fe80::1%1",
                "[::1]",
                ":::",
                "1::2::3",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7:8::",
                "::1:2:3:4:5:6:7:8",
                "12345::",
                "g::1",
                ":1::2",
                "1::2:",
                "1:2:3:4:5:6:7:",
                ":1:2:3:4:5:6:7:8",
                "::ffff:1.2.3",
                "::ffff:01.2.3.4",
                "::1.2.3.4:5",
                "1.2.3.4::",
                "::ffff:1.2.3.4.5",
                "1:2:3:4:5:6:7:1.2.3.4",
                "::ffff:0x7f.0.0.1",
                "::１",
                ": :1")) {
            assertEquals(Optional.empty(), IpNetworks.address(lenient), lenient);
            assertEquals(Optional.empty(), IpNetworks.network(lenient + "/64"), lenient);
        }
        assertEquals(Optional.of("::"), IpNetworks.address("::"));
        assertEquals(Optional.of("1::"), IpNetworks.address("1::"));
        assertEquals(Optional.of("1:0:3:4:5:6:7:8"), IpNetworks.address("1::3:4:5:6:7:8"));
        assertEquals(Optional.of("1:2:3:4:5:6:7:8"), IpNetworks.address("0001:0002:0003:0004:0005:0006:0007:0008"));
        assertEquals(Optional.of("2001:db8::a:b"), IpNetworks.address("2001:DB8:0:0:0:0:A:B"));
        assertEquals(Optional.of("2001:0:0:1::1"), IpNetworks.address("2001:0:0:1:0:0:0:1"));
        assertEquals(Optional.of("2001:db8:0:1:1:1:1:1"), IpNetworks.address("2001:db8::1:1:1:1:1"));
    }

    @Test
    void embeddedIpv4StaysIpv6AndIsPrintedAsPostgresqlDoes() {
        assertEquals(Optional.of("::ffff:203.162.4.10"), IpNetworks.address("::ffff:203.162.4.10"));
        assertEquals(Optional.of("::ffff:203.162.4.10"), IpNetworks.address("::FFFF:CBA2:40A"));
        assertEquals(Optional.of("::ffff:203.162.4.10"), IpNetworks.address("0:0:0:0:0:ffff:203.162.4.10"));
        assertEquals(Optional.of("::203.162.4.10"), IpNetworks.address("::203.162.4.10"));
        assertEquals(Optional.of("64:ff9b::cba2:40a"), IpNetworks.address("64:ff9b::203.162.4.10"));
        assertEquals(Optional.of("::ffff:0.0.0.0/96"), IpNetworks.network("::ffff:1.2.3.4/96"));
        assertEquals(Optional.of("::ffff:1.2.3.4/128"), IpNetworks.network("::ffff:1.2.3.4"));
    }

    @Test
    void prefixLengthsArePlainDecimalWithinTheFamily() {
        for (String bad : List.of(
                "10.0.0.0/08",
                "10.0.0.0/008",
                "10.0.0.0/+8",
                "10.0.0.0/-1",
                "10.0.0.0/8/8",
                "10.0.0.0/ 8",
                "10.0.0.0 /8",
                "10.0.0.0/255.0.0.0",
                "10.0.0.0/0x8",
                "10.0.0.0/１",
                "2001:db8::/032",
                "2001:db8::/1280",
                "/8",
                "10.0.0.0/00")) {
            assertEquals(Optional.empty(), IpNetworks.network(bad), bad);
        }
        assertEquals(Optional.of("0.0.0.0/0"), IpNetworks.network("0.0.0.0/0"));
        assertEquals(Optional.of("10.0.0.0/32"), IpNetworks.network("10.0.0.0/32"));
        assertEquals(Optional.of("::/0"), IpNetworks.network("::/0"));
        assertEquals(Optional.of("2001:db8::1/128"), IpNetworks.network("2001:db8::1/128"));
        assertEquals(Optional.empty(), IpNetworks.address("10.0.0.0/8"));
    }

    @Test
    void specialPurposeSpaceIsThatOfTheRegistry() {
        for (String special : List.of(
                "0.0.0.0/8",
                "0.0.0.0",
                "10.1.2.3",
                "10.0.0.0/8",
                "100.64.0.0/10",
                "100.127.255.255",
                "127.0.0.1",
                "169.254.1.1",
                "172.31.0.0/16",
                "192.0.0.8",
                "192.0.2.0/24",
                "192.168.1.0/24",
                "198.19.255.255",
                "198.51.100.7",
                "203.0.113.0/28",
                "224.0.0.1",
                "239.0.0.0/8",
                "240.0.0.0/4",
                "255.255.255.255",
                "224.0.0.0/3",
                "::",
                "::1",
                "::/127",
                "::ffff:10.0.0.1",
                "fc00::/7",
                "fd12:3456::1",
                "fe80::1",
                "febf::/16",
                "ff02::1",
                "2001:db8::/32",
                "2001:db8:bad::1")) {
            assertTrue(IpNetworks.isSpecialPurpose(special), special);
        }
        for (String global : List.of(
                "0.0.0.0/0",
                "0.0.0.0/7",
                "1.1.1.1",
                "9.255.255.255",
                "11.0.0.0",
                "100.63.255.255",
                "100.128.0.0",
                "100.64.0.0/9",
                "172.15.255.255",
                "172.32.0.0",
                "192.0.1.0",
                "192.0.3.0",
                "192.88.99.1",
                "198.17.255.255",
                "198.20.0.0",
                "198.51.101.0",
                "203.0.112.255",
                "203.162.10.25",
                "223.255.255.255",
                "192.168.0.0/15",
                "172.0.0.0/8",
                "::/0",
                "::/126",
                "::2",
                "2001:db9::1",
                "2001:ee0:4501::21",
                "fec0::1",
                "fe00::1",
                "2001:db8::/31",
                "not-an-address",
                "")) {
            assertFalse(IpNetworks.isSpecialPurpose(global), global);
        }
        assertEquals(
                "255.255.255.255/32 (limited broadcast, RFC 919)",
                SpecialPurposeNetworks.covering("255.255.255.255").getFirst().toString());
        assertEquals(
                List.of("224.0.0.0/4", "240.0.0.0/4"),
                SpecialPurposeNetworks.covering("224.0.0.0/3").stream()
                        .map(SpecialPurposeNetworks.Range::network)
                        .toList());
    }

    /**
     * Every special-purpose range is found whole (as itself), and by its first address and its last (as itself or
     * a narrower range in it), past the quick test of its first byte.
     */
    @Test
    void everySpecialPurposeRangeIsFoundByItsFirstAndLastAddress() throws UnknownHostException {
        for (SpecialPurposeNetworks.Range range : SpecialPurposeNetworks.RANGES) {
            String[] parts = range.network().split("/");
            byte[] first = InetAddress.getByName(parts[0]).getAddress();
            if (first.length == 4 && range.network().contains(":")) {
                continue; // ::ffff:0.0.0.0/96 reads as an IPv4 address in Java; its own network is tested below
            }
            int hostBits = first.length * 8 - Integer.parseInt(parts[1]);
            BigInteger last = new BigInteger(1, first)
                    .or(BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE));
            byte[] digits = last.toByteArray(); // a leading sign byte, or fewer bytes than the address
            byte[] lastAddress = new byte[first.length];
            int length = Math.min(digits.length, first.length);
            System.arraycopy(digits, digits.length - length, lastAddress, first.length - length, length);
            assertEquals(List.of(range), SpecialPurposeNetworks.covering(range.network()), range.network());
            for (byte[] address : List.of(first, lastAddress)) {
                String text = InetAddress.getByAddress(address).getHostAddress();
                assertTrue(IpNetworks.isSpecialPurpose(text), range + " by " + text);
            }
        }
        assertTrue(IpNetworks.isSpecialPurpose("::ffff:0.0.0.0/96"));
        assertTrue(IpNetworks.isSpecialPurpose("::ffff:8.8.8.8"));
    }

    @Test
    void networksHaveTheirHostBitsCleared() {
        assertEquals(Optional.of("10.1.0.0/16"), IpNetworks.network("10.1.2.3/16"));
        assertEquals(Optional.of("203.162.4.10/32"), IpNetworks.network("203.162.4.10"));
        assertEquals(Optional.of("0.0.0.0/0"), IpNetworks.network("1.2.3.4/0"));
        assertEquals(Optional.of("2001:db8::/32"), IpNetworks.network("2001:db8:ffff::1/32"));
        assertEquals(Optional.of("2001:db8::1/128"), IpNetworks.network("2001:db8::1"));
        // host bits are cleared, not refused (PostgreSQL's cidr would refuse 10.0.0.1/8)
        assertEquals(Optional.of("10.0.0.0/8"), IpNetworks.network("10.0.0.1/8"));
        assertEquals(Optional.of("203.162.0.0/17"), IpNetworks.network("203.162.127.255/17"));
    }
}
