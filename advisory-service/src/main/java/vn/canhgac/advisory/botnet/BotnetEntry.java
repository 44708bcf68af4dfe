package vn.canhgac.advisory.botnet;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import vn.canhgac.commons.net.IpNetworks;
import vn.canhgac.commons.net.SpecialPurposeNetworks;
import vn.canhgac.commons.text.TextInput;

/**
 * One line of a botnet list as read: its row (line number, or object index in a STIX bundle), the canonical
 * network ({@code 203.162.10.25/32}), an optional label (botnet family, malware name); or why it is unreadable
 * (the list is refused); or why it is skipped (special-purpose address space: the list is stored without it).
 */
record BotnetEntry(
        long row,
        String network,
        String label,
        String field,
        String fault,
        List<String> faultArguments,
        boolean skipped) {

    /**
     * The widest IPv4 entry, as a prefix length. A /8 is 16.7 million addresses, as much as the largest single
     * allocation a registry ever made; anything wider (up to {@code 0.0.0.0/0}) is no botnet but a mistake that
     * would hit every address of every agency.
     */
    static final int WIDEST_IPV4_PREFIX = 8;

    /**
     * The widest IPv6 entry, as a prefix length: a /32 is the usual allocation of a whole Internet provider
     * (RFC 6177); anything wider spans providers, or all of the address space.
     */
    static final int WIDEST_IPV6_PREFIX = 32;

    private static final String TOO_BROAD = "botnet-network-too-broad";
    private static final int FORCED_WIDEST_IPV4_PREFIX = 4;
    private static final int FORCED_WIDEST_IPV6_PREFIX = 16;

    static BotnetEntry of(long row, String network, String label) {
        return new BotnetEntry(row, network, label, null, null, List.of(), false);
    }

    static BotnetEntry bad(long row, String field, String fault, String... arguments) {
        return new BotnetEntry(row, null, null, field, fault, Arrays.asList(arguments), false);
    }

    static BotnetEntry skip(long row, String field, String reason, String... arguments) {
        return new BotnetEntry(row, null, null, field, reason, Arrays.asList(arguments), true);
    }

    /**
     * Reads an entry and checks that it can be one: a network ({@code field}) in canonical syntax, no wider than
     * {@link #WIDEST_IPV4_PREFIX} or {@link #WIDEST_IPV6_PREFIX}, and a label ({@code labelField}) that can be
     * stored (no NUL, no unpaired surrogate). An entry that lies wholly in special-purpose address space (private,
     * loopback, documentation, multicast, reserved, ...: {@link SpecialPurposeNetworks}) is skipped, not refused:
     * aggregate blocklists list these "bogons" on purpose, and their real entries are still wanted.
     */
    static BotnetEntry read(long row, String field, String text, String labelField, String label) {
        String network = IpNetworks.network(text).orElse(null);
        if (network == null) {
            return bad(row, field, "bad-network", text);
        }
        if (!TextInput.isClean(label)) {
            return bad(row, labelField, "bad-characters");
        }
        List<SpecialPurposeNetworks.Range> special = SpecialPurposeNetworks.covering(network);
        if (!special.isEmpty()) {
            return skip(
                    row,
                    field,
                    "botnet-special-purpose",
                    network,
                    special.stream()
                            .map(range -> range.network() + " " + range.rfc())
                            .collect(Collectors.joining(", ")));
        }
        int prefix = Integer.parseInt(network.substring(network.indexOf('/') + 1));
        if (prefix < (network.indexOf(':') >= 0 ? WIDEST_IPV6_PREFIX : WIDEST_IPV4_PREFIX)) {
            // Kept with its fault: the Authority may force it (widened()).
            return new BotnetEntry(
                    row,
                    network,
                    label,
                    field,
                    TOO_BROAD,
                    List.of(network, String.valueOf(WIDEST_IPV4_PREFIX), String.valueOf(WIDEST_IPV6_PREFIX)),
                    false);
        }
        return of(row, network, label);
    }

    /**
     * The entry, its wide network accepted: the Authority forced wide prefixes for this list (Spamhaus DROPv6 lists
     * whole /29 allocations). Never wider than a /4 or a /16, which would hit the country.
     */
    BotnetEntry widened() {
        if (!TOO_BROAD.equals(fault)) {
            return this;
        }
        int prefix = Integer.parseInt(network.substring(network.indexOf('/') + 1));
        return prefix >= (network.indexOf(':') >= 0 ? FORCED_WIDEST_IPV6_PREFIX : FORCED_WIDEST_IPV4_PREFIX)
                ? of(row, network, label)
                : this;
    }

    /** Every entry {@link #widened()}. */
    static Iterator<BotnetEntry> widened(Iterator<BotnetEntry> entries) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public BotnetEntry next() {
                return entries.next().widened();
            }
        };
    }

    /** Whether the entry is a network to store. */
    boolean readable() {
        return fault == null;
    }
}
