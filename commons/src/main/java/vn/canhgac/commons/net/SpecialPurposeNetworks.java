package vn.canhgac.commons.net;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Address space that is no host on the Internet: the ranges of the IANA IPv4 and IPv6 special-purpose address
 * registries (RFC 6890 and its updates) that are not globally reachable: unspecified, "this network", private
 * use, shared (CGNAT), loopback, link-local, IETF protocol assignments, documentation, benchmarking, multicast,
 * reserved, limited broadcast, IPv4-mapped, unique-local. A botnet's address is never one of them, an
 * organisation's public address neither; an entry in them matches only the private networks of every agency.
 */
public final class SpecialPurposeNetworks {

    /** A special-purpose range: its network ({@code 10.0.0.0/8}), what it is for, and where it is defined. */
    public record Range(String network, String purpose, String rfc) {

        /** {@code 10.0.0.0/8 (private use, RFC 1918)}. */
        @Override
        public String toString() {
            return network + " (" + purpose + ", " + rfc + ")";
        }
    }

    /** The ranges, IPv4 then IPv6, each family by address. */
    public static final List<Range> RANGES = List.of(
            new Range("0.0.0.0/8", "this network", "RFC 791"),
            new Range("10.0.0.0/8", "private use", "RFC 1918"),
            new Range("100.64.0.0/10", "shared address space (CGNAT)", "RFC 6598"),
            new Range("127.0.0.0/8", "loopback", "RFC 1122"),
            new Range("169.254.0.0/16", "link-local", "RFC 3927"),
            new Range("172.16.0.0/12", "private use", "RFC 1918"),
            new Range("192.0.0.0/24", "IETF protocol assignments", "RFC 6890"),
            new Range("192.0.2.0/24", "documentation (TEST-NET-1)", "RFC 5737"),
            new Range("192.168.0.0/16", "private use", "RFC 1918"),
            new Range("198.18.0.0/15", "benchmarking", "RFC 2544"),
            new Range("198.51.100.0/24", "documentation (TEST-NET-2)", "RFC 5737"),
            new Range("203.0.113.0/24", "documentation (TEST-NET-3)", "RFC 5737"),
            new Range("224.0.0.0/4", "multicast", "RFC 5771"),
            new Range("240.0.0.0/4", "reserved", "RFC 1112"),
            new Range("255.255.255.255/32", "limited broadcast", "RFC 919"),
            new Range("::/128", "unspecified", "RFC 4291"),
            new Range("::1/128", "loopback", "RFC 4291"),
            new Range("::ffff:0.0.0.0/96", "IPv4-mapped", "RFC 4291"),
            new Range("64:ff9b:1::/48", "local-use IPv4/IPv6 translation", "RFC 8215"),
            new Range("100::/64", "discard-only", "RFC 6666"),
            new Range("2001::/23", "IETF protocol assignments (benchmarking, ORCHID, ...)", "RFC 2928"),
            new Range("2001:db8::/32", "documentation", "RFC 3849"),
            new Range("3fff::/20", "documentation", "RFC 9637"),
            new Range("5f00::/16", "segment routing (SRv6) SIDs", "RFC 9602"),
            new Range("fc00::/7", "unique local", "RFC 4193"),
            new Range("fe80::/10", "link-local", "RFC 4291"),
            new Range("ff00::/8", "multicast", "RFC 4291"));

    private record Span(Range range, int bytes, BigInteger first, BigInteger last) {}

    private static final List<Span> SPANS = RANGES.stream()
            .map(range -> {
                IpNetworks.Parsed parsed = IpNetworks.parseNetwork(range.network());
                if (parsed == null
                        || !IpNetworks.network(range.network()).orElseThrow().equals(range.network())) {
                    throw new IllegalStateException("Not a canonical network: " + range.network());
                }
                return new Span(range, parsed.address().length, parsed.first(), parsed.last());
            })
            .sorted(Comparator.comparing(Span::first))
            .toList();

    /**
     * The first bytes the addresses of the ranges begin with, IPv4 and IPv6: a network whose first address begins
     * otherwise is not wholly special-purpose, and a million-entry list is mostly such networks (a quarter of its
     * reading time went to comparing each entry with every range).
     */
    private static final boolean[] IPV4_FIRST_BYTES = firstBytes(4);

    private static final boolean[] IPV6_FIRST_BYTES = firstBytes(16);

    private SpecialPurposeNetworks() {}

    private static boolean[] firstBytes(int bytes) {
        boolean[] first = new boolean[256];
        for (Span span : SPANS) {
            if (span.bytes() == bytes) {
                int shift = bytes * 8 - 8;
                for (int b = span.first().shiftRight(shift).intValue();
                        b <= span.last().shiftRight(shift).intValue();
                        b++) {
                    first[b] = true;
                }
            }
        }
        return first;
    }

    /**
     * The special-purpose ranges that hold every address of the network (or address) as {@link IpNetworks#network}
     * reads it: the one range it equals or lies in, or the ranges that cover it together ({@code 224.0.0.0/3} is
     * multicast and reserved). Empty when any of its addresses is not special-purpose, or when it is no network.
     */
    public static List<Range> covering(String network) {
        IpNetworks.Parsed parsed = IpNetworks.parseNetwork(network);
        if (parsed == null
                || !(parsed.address().length == 4 ? IPV4_FIRST_BYTES : IPV6_FIRST_BYTES)[parsed.address()[0] & 0xFF]) {
            return List.of();
        }
        BigInteger first = parsed.first();
        BigInteger last = parsed.last();
        Span narrowest = null;
        for (Span span : SPANS) {
            if (span.bytes() == parsed.address().length
                    && span.first().compareTo(first) <= 0
                    && span.last().compareTo(last) >= 0
                    && (narrowest == null
                            || span.last()
                                            .subtract(span.first())
                                            .compareTo(narrowest.last().subtract(narrowest.first()))
                                    < 0)) {
                narrowest = span;
            }
        }
        if (narrowest != null) {
            return List.of(narrowest.range());
        }
        BigInteger next = first;
        List<Range> used = new ArrayList<>();
        for (Span span : SPANS) {
            if (span.bytes() != parsed.address().length || span.last().compareTo(next) < 0) {
                continue;
            }
            if (span.first().compareTo(next) > 0) {
                return List.of();
            }
            used.add(span.range());
            next = span.last().add(BigInteger.ONE);
            if (next.compareTo(last) > 0) {
                return List.copyOf(used);
            }
        }
        return List.of();
    }

    /** Whether every address of the network (or address) is special-purpose: {@link #covering} is not empty. */
    public static boolean isSpecialPurpose(String network) {
        return !covering(network).isEmpty();
    }
}
