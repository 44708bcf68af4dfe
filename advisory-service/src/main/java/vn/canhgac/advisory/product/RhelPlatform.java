package vn.canhgac.advisory.product;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.canhgac.commons.product.Cpe23;

/** The RHEL major release a platform's CPE names: {@code cpe:/o:redhat:enterprise_linux:8::baseos} is 8. */
public final class RhelPlatform {

    private static final Pattern MAJOR = Pattern.compile("(\\d+)(?:\\..*)?");

    private RhelPlatform() {}

    /** The major release, or null when the CPE is not one of RHEL (or names no release). */
    public static String release(String cpe) {
        return Cpe23.parse(cpe)
                .filter(parsed ->
                        parsed.vendor().equals("redhat") && parsed.product().startsWith("enterprise_linux"))
                .map(Cpe23::versionOrNull)
                .map(MAJOR::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .orElse(null);
    }
}
