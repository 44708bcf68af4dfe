package vn.canhgac.advisory.product;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.canhgac.commons.product.Cpe23;
import vn.canhgac.commons.product.PackageUrl;

/**
 * The ways a product is recognised, the same for an installed product and for an advisory's affected product,
 * so that matching is an equality join:
 * <ul>
 *   <li>{@code purl:<type>/<namespace>/<name>} from a package URL (a PyPI name normalised as PEP 503; a Debian binary
 *       package also as its {@code upstream} source package);</li>
 *   <li>{@code name:<vendor>:<product>} from the names, or a CPE's vendor and product, folded: lower case, no
 *       accents, letters and digits only, without bracketed part numbers or the vendor's own name before the product
 *       ("F5" + "BIG-IP" and CPE's {@code f5:big-ip} both give {@code name:f5:bigip}); and {@code name::<product>},
 *       which an affected product that names no vendor is matched by.</li>
 * </ul>
 * An installed product has every identity it can be given; an advisory's affected product is matched by one:
 * its CPE's folded names (so that "Fortinet FortiOS" typed by an agency meets {@code cpe:/o:fortinet:fortios}), else
 * its purl, else its names.
 */
public final class ProductIdentity {

    private static final Pattern UPSTREAM = Pattern.compile("[?&]upstream=([^&#]+)");
    private static final Pattern BRACKETED = Pattern.compile("\\([^()]*\\)");

    private ProductIdentity() {}

    /** Every identity of an installed product. */
    public static Set<String> all(String vendor, String product, String cpe, String purl) {
        Set<String> identities = new LinkedHashSet<>();
        Cpe23.parse(cpe).ifPresent(parsed -> {
            identities.add(byName(parsed.vendor(), parsed.product()));
            identities.add(byName(null, parsed.product()));
        });
        PackageUrl.parse(purl).ifPresent(parsed -> {
            identities.add("purl:" + parsed.coordinates());
            sourcePackage(parsed, purl).ifPresent(identities::add);
        });
        if (product != null && !fold(product).isEmpty()) {
            identities.add(byName(vendor, product));
            // What an advisory naming no vendor matches: the product's name, whoever makes it.
            identities.add(byName(null, product));
        }
        return identities;
    }

    /**
     * The one identity an affected product is matched by: the vendor and product of its CPE, folded (what a CPE
     * names, and what the same product typed by a person is folded to), else its purl, else its names.
     */
    public static String preferred(String vendor, String product, String cpe, String purl) {
        var parsedCpe = Cpe23.parse(cpe);
        if (parsedCpe.isPresent()) {
            return byName(parsedCpe.get().vendor(), parsedCpe.get().product());
        }
        var parsedPurl = PackageUrl.parse(purl);
        if (parsedPurl.isPresent()) {
            return "purl:" + parsedPurl.get().coordinates();
        }
        return byName(vendor, product);
    }

    /**
     * A Debian binary package as its source package, which advisories name ({@code liblzma5} is built from
     * {@code xz-utils}): syft and trivy write it as the {@code upstream} qualifier, with or without its version.
     */
    private static Optional<String> sourcePackage(PackageUrl parsed, String purl) {
        Matcher upstream = UPSTREAM.matcher(purl);
        if (!parsed.type().equals("deb") || !upstream.find()) {
            return Optional.empty();
        }
        String source;
        try {
            source =
                    URLDecoder.decode(upstream.group(1), StandardCharsets.UTF_8).replaceAll("@.*", "");
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
        return Optional.of("purl:deb/" + (parsed.namespace() == null ? "" : parsed.namespace() + "/")
                + source.toLowerCase(Locale.ROOT));
    }

    /** The version an installed product declares: its own, else its CPE's, else its purl's. */
    public static String versionOf(String version, String cpe, String purl) {
        if (version != null && !version.isBlank()) {
            return version.strip();
        }
        String fromCpe = Cpe23.parse(cpe).map(Cpe23::versionOrNull).orElse(null);
        return fromCpe != null
                ? fromCpe
                : PackageUrl.parse(purl).map(PackageUrl::version).orElse(null);
    }

    /** Vendor and product as a person reads them: as given, else from the CPE, else from the purl. */
    public static String[] displayName(String vendor, String product, String cpe, String purl) {
        if (product != null && !product.isBlank()) {
            return new String[] {vendor, product};
        }
        var parsedCpe = Cpe23.parse(cpe);
        if (parsedCpe.isPresent()) {
            return new String[] {parsedCpe.get().vendor(), parsedCpe.get().product()};
        }
        return PackageUrl.parse(purl)
                .map(p -> new String[] {p.namespace(), p.name()})
                .orElse(new String[] {vendor, "unknown"});
    }

    /**
     * The folded vendor and product, the product without what publishers add around a name: bracketed part or
     * order numbers ({@code SCALANCE XC208 (6GK5208-0BA00-2AC2)}, {@code Modicon M340 CPU (part numbers BMXP34*)})
     * and the vendor's name before it ({@code Cisco Adaptive Security Appliance}, {@code Apache HTTP Server}, as
     * their CPEs name them).
     */
    static String byName(String vendor, String product) {
        String folded = fold(product == null ? null : BRACKETED.matcher(product).replaceAll(" "));
        String foldedVendor = fold(vendor);
        if (!foldedVendor.isEmpty() && folded.startsWith(foldedVendor) && folded.length() > foldedVendor.length()) {
            folded = folded.substring(foldedVendor.length());
        }
        return "name:" + foldedVendor + ":" + folded;
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                folded.append(Character.toLowerCase(c));
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }
}
