package vn.canhgac.commons.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IPv4 and IPv6 addresses and CIDR networks strictly, without ever resolving a name (a hostname where an
 * address belongs is an error, not a DNS lookup), into PostgreSQL's canonical text forms.
 */
public final class IpNetworks {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpNetworks() {
    }

    /** The canonical text of an address ({@code 2001:db8::1}), or empty when the text is not an IP address. */
    public static Optional<String> address(String text) {
        return literal(text).map(IpNetworks::format);
    }

    /**
     * The canonical text of a network with its host bits cleared ({@code 10.1.0.0/16}); an address alone is
     * the network of that one address ({@code /32} or {@code /128}). Empty when the text is not a network.
     */
    public static Optional<String> network(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        Optional<InetAddress> base = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (base.isEmpty()) {
            return Optional.empty();
        }
        int bits = base.get().getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = trimmed.substring(slash + 1);
            if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > bits) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(digits);
        }
        return Optional.of(format(cleared(base.get(), prefix)) + "/" + prefix);
    }

    private static Optional<InetAddress> literal(String text) {
        if (text == null || !LITERAL.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static InetAddress cleared(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        BigInteger value = new BigInteger(1, bytes);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .shiftRight(prefix).not();
        byte[] raw = value.and(mask).toByteArray();
        byte[] out = new byte[bytes.length];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** IPv6 in the compressed form PostgreSQL prints; IPv4 as dotted quad. */
    private static String format(InetAddress address) {
        String text = address.getHostAddress();
        if (address.getAddress().length == 4) {
            return text;
        }
        return compress(text);
    }

    private static String compress(String full) {
        String[] groups = full.split(":");
        StringBuilder expanded = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            expanded.append(i == 0 ? "" : ":").append(Integer.toHexString(Integer.parseInt(groups[i], 16)));
        }
        String text = ":" + expanded + ":";
        String longest = null;
        for (int n = 8; n >= 2; n--) {
            String zeros = ":" + "0:".repeat(n);
            if (text.contains(zeros)) {
                longest = zeros;
                break;
            }
        }
        if (longest == null) {
            return expanded.toString();
        }
        String compressed = text.replaceFirst(Pattern.quote(longest), "::");
        if (compressed.startsWith(":") && !compressed.startsWith("::")) {
            compressed = compressed.substring(1);
        }
        if (compressed.endsWith(":") && !compressed.endsWith("::")) {
            compressed = compressed.substring(0, compressed.length() - 1);
        }
        return compressed;
    }
}
