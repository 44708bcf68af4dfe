package vn.canhgac.advisory.product;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution stream a package version was built for, from its release's dist tag: {@code el8} for
 * {@code 1:1.1.1k-12.el8_9}, {@code el9} for {@code 3.0.7-25.el9_3}, {@code fc39}, {@code amzn2}. A Linux
 * distribution fixes a package once per stream ("fixed in 1:1.1.1k-12.el8_9" says nothing of RHEL 7 or 9), so a
 * bound that names a stream matches installed versions of that stream only. Null for versions without a dist tag.
 */
public final class ReleaseStream {

    private static final Pattern DIST_TAG = Pattern.compile("[.\\-_](el|fc|amzn|module\\+el)(\\d+)(?=$|[._\\-+])");

    private ReleaseStream() {
    }

    public static String of(String version) {
        if (version == null) {
            return null;
        }
        Matcher tag = DIST_TAG.matcher(version.toLowerCase(Locale.ROOT));
        String stream = null;
        while (tag.find()) {
            stream = tag.group(1).replace("module+", "") + tag.group(2);
        }
        return stream;
    }
}
