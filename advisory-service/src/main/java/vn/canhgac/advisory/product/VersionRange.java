package vn.canhgac.advisory.product;

/**
 * The versions an advisory says are affected, with the semantics of NVD configurations: an exact version, or
 * bounds that each include or exclude their version; no bound at all is every version. Stored as the
 * {@link VersionKey keys} of its bounds in its ecosystem's {@link VersionScheme}, so that matching is a comparison
 * of strings.
 */
public record VersionRange(
        String exact,
        String startIncluding,
        String startExcluding,
        String endIncluding,
        String endExcluding,
        VersionScheme scheme) {

    public static final VersionRange ANY = new VersionRange(null, null, null, null, null);

    public VersionRange {
        scheme = scheme == null ? VersionScheme.GENERIC : scheme;
    }

    public VersionRange(
            String exact, String startIncluding, String startExcluding, String endIncluding, String endExcluding) {
        this(exact, startIncluding, startExcluding, endIncluding, endExcluding, VersionScheme.GENERIC);
    }

    public static VersionRange exactly(String version) {
        return new VersionRange(version, null, null, null, null);
    }

    public static VersionRange before(String version) {
        return new VersionRange(null, null, null, null, version);
    }

    /** Whether the range has contradictory or unusable bounds (both an including and an excluding one, ...). */
    public boolean isMalformed() {
        boolean hasBounds =
                startIncluding != null || startExcluding != null || endIncluding != null || endExcluding != null;
        return (exact != null && hasBounds)
                || (startIncluding != null && startExcluding != null)
                || (endIncluding != null && endExcluding != null)
                || (exact != null && scheme.key(exact) == null);
    }

    public boolean contains(String version) {
        String key = scheme.key(version);
        if (exact != null) {
            return key != null && key.equals(scheme.key(exact));
        }
        if (key == null) {
            // An unknown installed version is affected only when every version is.
            return lowerKey() == null && upperKey() == null;
        }
        return above(key) && below(key);
    }

    public String lowerKey() {
        return scheme.key(exact != null ? exact : startIncluding != null ? startIncluding : startExcluding);
    }

    public boolean lowerInclusive() {
        return exact != null || startExcluding == null;
    }

    public String upperKey() {
        return scheme.key(exact != null ? exact : endIncluding != null ? endIncluding : endExcluding);
    }

    public boolean upperInclusive() {
        return exact != null || endExcluding == null;
    }

    private boolean above(String key) {
        String lower = lowerKey();
        if (lower == null) {
            return true;
        }
        int c = key.compareTo(lower);
        return lowerInclusive() ? c >= 0 : c > 0;
    }

    private boolean below(String key) {
        String upper = upperKey();
        if (upper == null) {
            return true;
        }
        int c = key.compareTo(upper);
        return upperInclusive() ? c <= 0 : c < 0;
    }

    /**
     * The distribution stream the range's bounds name ({@link ReleaseStream}), the upper bound's first: a range
     * "below 1:1.1.1k-12.el8_9" is about RHEL 8's package only. Null when no bound names one.
     */
    public String stream() {
        for (String bound : new String[] {endExcluding, endIncluding, exact, startIncluding, startExcluding}) {
            String stream = ReleaseStream.of(bound);
            if (stream != null) {
                return stream;
            }
        }
        return null;
    }

    /** How a person reads it: "= 16.1.4", ">= 16.1.0, < 16.1.4.1", "all versions". */
    public String describe() {
        if (exact != null) {
            return "= " + exact;
        }
        StringBuilder text = new StringBuilder();
        if (startIncluding != null) {
            text.append(">= ").append(startIncluding);
        } else if (startExcluding != null) {
            text.append("> ").append(startExcluding);
        }
        if (endIncluding != null || endExcluding != null) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append(endIncluding != null ? "<= " + endIncluding : "< " + endExcluding);
        }
        return text.isEmpty() ? "all versions" : text.toString();
    }
}
