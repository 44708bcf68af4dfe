package vn.canhgac.incident.handling;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.canhgac.commons.net.IpNetworks;

/**
 * Observables in one canonical spelling, so that "which other incidents saw this?" finds them however they were
 * typed: addresses canonical (IPv6 compressed), domains and e-mail addresses lower case without a trailing dot,
 * hashes lower-case hex (MD5, SHA-1, SHA-256, SHA-512), URLs absolute http(s) or ftp.
 */
public final class Observables {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}");
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@" + DOMAIN.pattern());

    private Observables() {}

    public static Optional<String> canonical(ObservableType type, String value) {
        String text = value.strip();
        return switch (type) {
            case IP -> IpNetworks.address(text);
            case DOMAIN ->
                Optional.of(stripDot(text.toLowerCase(Locale.ROOT)))
                        .filter(d -> DOMAIN.matcher(d).matches());
            case EMAIL ->
                Optional.of(text.toLowerCase(Locale.ROOT))
                        .filter(e -> EMAIL.matcher(e).matches());
            case HASH ->
                Optional.of(text.toLowerCase(Locale.ROOT))
                        .filter(h -> HASH.matcher(h).matches());
            case URL -> url(text);
        };
    }

    private static Optional<String> url(String text) {
        try {
            URI uri = URI.create(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String stripDot(String domain) {
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }
}
