package vn.canhgac.advisory.publishing;

/** How urgent an advisory is; with the Authority's deadline it sets when exposures are due. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    /** The band of a CVSS v3 base score (FIRST's qualitative scale; "none" counts as low). */
    public static Severity ofCvss(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        return score >= 4.0 ? MEDIUM : LOW;
    }
}
