package vn.canhgac.notification.webhook;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.canhgac.commons.net.SpecialPurposeNetworks;
import vn.canhgac.commons.problem.DomainProblem;

/**
 * Keeps webhooks from reaching inside (server-side request forgery): only http and https, and every address the
 * host resolves to must be a public one (no loopback, private, link-local, shared, multicast or reserved address,
 * nor one that carries such an IPv4 address: IPv4-mapped, NAT64, 6to4) unless the operator allow-listed its
 * network. The delivery then connects to the address that was checked, so a DNS answer that changes in between
 * (rebinding) cannot lead elsewhere.
 */
@ApplicationScoped
public class TargetGuard {

    /** A checked target: where to connect, and the URL as the receiver sees it (Host, SNI, path). */
    public record Target(URI url, InetAddress address, int port, boolean https) {}

    private final List<Network> allowed;

    public TargetGuard(@ConfigProperty(name = "canhgac.webhooks.allowed-networks") Optional<List<String>> allowed) {
        this.allowed = allowed.orElse(List.of()).stream()
                .filter(s -> !s.isBlank())
                .map(Network::parse)
                .toList();
    }

    /** The URL, parsed; a problem for the field {@code url} when it is no http(s) URL a webhook may have. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw DomainProblem.invalidField("url", "webhook-url-invalid", url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw DomainProblem.invalidField("url", "webhook-url-invalid", url);
        }
        return uri;
    }

    /** Resolves the URL's host off the event loop and checks every address; fails with a problem for {@code url}. */
    public Uni<Target> check(String url) {
        URI uri = parse(url);
        return Uni.createFrom()
                .item(() -> resolve(uri))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(addresses -> {
                    for (InetAddress address : addresses) {
                        if (!permitted(address)) {
                            // The address is not told: the answer would map the operator's internal DNS.
                            throw DomainProblem.invalidField("url", "webhook-target-refused", uri.getHost());
                        }
                    }
                    boolean https = uri.getScheme().equalsIgnoreCase("https");
                    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
                    return new Target(uri, addresses.getFirst(), port, https);
                });
    }

    private static List<InetAddress> resolve(URI uri) {
        try {
            return Arrays.asList(InetAddress.getAllByName(uri.getHost()));
        } catch (UnknownHostException e) {
            throw DomainProblem.invalidField("url", "webhook-target-unresolvable", uri.getHost());
        }
    }

    boolean permitted(InetAddress address) {
        if (address instanceof Inet6Address scoped
                && (scoped.getScopeId() != 0 || scoped.getScopedInterface() != null)) {
            return false; // a zone (fe80::1%eth0) names a local interface
        }
        InetAddress bare;
        try {
            bare = InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            return false;
        }
        if (allowed.stream().anyMatch(network -> network.contains(bare))) {
            return true;
        }
        for (InetAddress seen : withEmbedded(bare)) {
            if (seen.isAnyLocalAddress()
                    || seen.isLoopbackAddress()
                    || seen.isLinkLocalAddress()
                    || seen.isSiteLocalAddress()
                    || seen.isMulticastAddress()
                    || SpecialPurposeNetworks.isSpecialPurpose(seen.getHostAddress())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The address, and the IPv4 address it carries when it is IPv4-compatible (::/96), NAT64 (64:ff9b::/96) or
     * 6to4 (2002::/16).
     */
    private static List<InetAddress> withEmbedded(InetAddress address) {
        List<InetAddress> seen = new ArrayList<>(List.of(address));
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            try {
                if (Arrays.equals(Arrays.copyOfRange(bytes, 0, 12), new byte[12])) {
                    seen.add(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } else if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b) {
                    seen.add(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } else if (bytes[0] == 0x20 && bytes[1] == 0x02) {
                    seen.add(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 2, 6)));
                }
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return seen;
    }

    /** An allow-listed network ({@code 127.0.0.1/32}, {@code 10.20.0.0/16}). */
    private record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            String[] parts = cidr.strip().split("/");
            try {
                byte[] prefix = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : prefix.length * 8;
                return new Network(prefix, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("canhgac.webhooks.allowed-networks: not a network: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            int shift = bytes.length * 8 - bits;
            return new BigInteger(1, bytes).shiftRight(shift).equals(new BigInteger(1, prefix).shiftRight(shift));
        }
    }
}
