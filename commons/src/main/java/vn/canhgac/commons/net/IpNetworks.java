package vn.canhgac.commons.net;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Parses IPv4 and IPv6 addresses and CIDR networks strictly, without ever resolving a name (a hostname where an
 * address belongs is an error, not a DNS lookup), into PostgreSQL's canonical text forms.
 *
 * <p>Only the canonical syntaxes are read, so that what is stored is what was meant, never a guess:
 * <ul>
 *     <li>IPv4: a dotted quad of four decimal numbers 0–255 without leading zeros ({@code 203.162.4.10}); not
 *     {@code 1.2.3} (read elsewhere as 1.2.0.3), {@code 127.1}, {@code 01.02.03.04} (octal to some readers) or
 *     hexadecimal;</li>
 *     <li>IPv6: the text forms of RFC 4291 section 2.2: eight groups of one to four hexadecimal digits, one
 *     {@code ::} for one or more zero groups, the last 32 bits optionally as a dotted quad as above
 *     ({@code ::ffff:203.162.4.10}); no zone ({@code fe80::1%eth0}), no brackets;</li>
 *     <li>a network: such an address, {@code /}, and a prefix length in plain decimal without leading zeros,
 *     0–32 for IPv4 and 0–128 for IPv6. Host bits are cleared ({@code 10.1.2.3/16} is {@code 10.1.0.0/16}).</li>
 * </ul>
 * Whitespace around the whole text is ignored, whitespace inside it is not.
 */
public final class IpNetworks {

    private IpNetworks() {}

    /** An address or network as read: its bytes (4 or 16) and its prefix length. */
    record Parsed(byte[] address, int prefix) {

        int bits() {
            return address.length * 8;
        }

        BigInteger first() {
            return new BigInteger(1, address);
        }

        BigInteger last() {
            return first().or(BigInteger.ONE.shiftLeft(bits() - prefix).subtract(BigInteger.ONE));
        }
    }

    /** The canonical text of an address ({@code 2001:db8::1}), or empty when the text is not an IP address. */
    public static Optional<String> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        byte[] address = literal(text.strip());
        return address == null ? Optional.empty() : Optional.of(format(address));
    }

    /**
     * The canonical text of a network with its host bits cleared ({@code 10.1.0.0/16}); an address alone is
     * the network of that one address ({@code /32} or {@code /128}). Empty when the text is not a network.
     */
    public static Optional<String> network(String text) {
        return Optional.ofNullable(parseNetwork(text)).map(n -> format(n.address()) + "/" + n.prefix());
    }

    /**
     * The network that is exactly the addresses from {@code first} to {@code last} ({@code 141.98.11.0} to
     * {@code 141.98.11.255} is {@code 141.98.11.0/24}, as DShield writes its blocks); empty when the range is not one
     * network, or either end is not an address.
     */
    public static Optional<String> networkOfRange(String first, String last) {
        Parsed from = parseNetwork(first);
        Parsed to = parseNetwork(last);
        if (from == null
                || to == null
                || from.prefix() != from.bits()
                || to.prefix() != to.bits()
                || from.bits() != to.bits()) {
            return Optional.empty();
        }
        BigInteger size = to.first().subtract(from.first()).add(BigInteger.ONE);
        boolean aligned = from.first().and(size.subtract(BigInteger.ONE)).signum() == 0;
        if (size.signum() <= 0 || size.bitCount() != 1 || !aligned) {
            return Optional.empty();
        }
        return network(first.strip() + "/" + (from.bits() - (size.bitLength() - 1)));
    }

    /**
     * Whether the network (or address), as {@link #network} reads it, lies wholly in special-purpose address
     * space ({@link SpecialPurposeNetworks}): private, loopback, link-local, multicast, documentation, reserved.
     * False when it is not a network.
     */
    public static boolean isSpecialPurpose(String text) {
        return !SpecialPurposeNetworks.covering(text).isEmpty();
    }

    /** The network the text means, host bits cleared, or null. */
    static Parsed parseNetwork(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        byte[] base = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (base == null) {
            return null;
        }
        int bits = base.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            prefix = decimal(trimmed.substring(slash + 1), bits);
            if (prefix < 0) {
                return null;
            }
        }
        return new Parsed(cleared(base, prefix), prefix);
    }

    /** The address of the text (no whitespace around it), or null. */
    private static byte[] literal(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    }

    /** Four decimal numbers 0–255 without leading zeros, separated by dots; else null. */
    private static byte[] ipv4(String text) {
        byte[] bytes = new byte[4];
        int at = 0;
        for (int i = 0; i < 4; i++) {
            int end = i < 3 ? text.indexOf('.', at) : text.length();
            if (end < 0) {
                return null;
            }
            int octet = decimal(text.substring(at, end), 255);
            if (octet < 0) {
                return null;
            }
            bytes[i] = (byte) octet;
            at = end + 1;
        }
        return bytes;
    }

    /** A plain decimal number without sign or leading zeros, at most {@code max}; else -1. */
    private static int decimal(String digits, int max) {
        if (digits.isEmpty() || digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    /** RFC 4291 section 2.2 text, or null. */
    private static byte[] ipv6(String text) {
        int compressed = text.indexOf("::");
        if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
            return null;
        }
        String head = compressed < 0 ? text : text.substring(0, compressed);
        String tail = compressed < 0 ? "" : text.substring(compressed + 2);
        int[] headGroups = groups(head, compressed < 0);
        int[] tailGroups = groups(tail, true);
        if (headGroups == null
                || tailGroups == null
                || (compressed >= 0 && !head.isEmpty() && head.indexOf('.') >= 0)) {
            return null;
        }
        int count = headGroups.length + tailGroups.length;
        if (compressed < 0 ? count != 8 : count > 7) {
            return null;
        }
        int[] words = new int[8];
        System.arraycopy(headGroups, 0, words, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, words, 8 - tailGroups.length, tailGroups.length);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (words[i] >> 8);
            bytes[2 * i + 1] = (byte) words[i];
        }
        return bytes;
    }

    /**
     * The 16-bit groups of colon-separated text (empty text: none); the last may be a dotted quad (two groups)
     * when {@code last}. Null when any group is not one to four hexadecimal digits.
     */
    private static int[] groups(String text, boolean last) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int quad = last && parts[parts.length - 1].indexOf('.') >= 0 ? 1 : 0;
        int[] groups = new int[parts.length + quad];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (quad == 1 && i == parts.length - 1) {
                byte[] ipv4 = ipv4(part);
                if (ipv4 == null) {
                    return null;
                }
                groups[i] = (ipv4[0] & 0xff) << 8 | (ipv4[1] & 0xff);
                groups[i + 1] = (ipv4[2] & 0xff) << 8 | (ipv4[3] & 0xff);
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                int digit = c >= '0' && c <= '9'
                        ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (digit < 0) {
                    return null;
                }
                value = value << 4 | digit;
            }
            groups[i] = value;
        }
        return groups;
    }

    private static byte[] cleared(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            out[i] &= (byte) (0xff00 >> keep);
        }
        return out;
    }

    /** Dotted quad for IPv4; IPv6 as PostgreSQL prints it (its {@code inet_net_ntop_ipv6}). */
    static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (address[2 * i] & 0xff) << 8 | (address[2 * i + 1] & 0xff);
        }
        int bestBase = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestBase = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestLength < 2) {
            bestBase = -1;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength) {
                if (i == bestBase) {
                    text.append(':');
                }
                continue;
            }
            if (i != 0) {
                text.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xffff))) {
                text.append(format(new byte[] {address[12], address[13], address[14], address[15]}));
                return text.toString();
            }
            text.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLength == 8) {
            text.append(':');
        }
        return text.toString();
    }
}
