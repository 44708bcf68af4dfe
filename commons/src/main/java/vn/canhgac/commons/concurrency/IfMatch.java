package vn.canhgac.commons.concurrency;

import vn.canhgac.commons.problem.DomainProblem;

/**
 * Optimistic concurrency for updates: the caller sends back the {@code ETag} it read as {@code If-Match}. A
 * missing header is 428 (so that nobody overwrites blindly), a stale one 412. ETags are the entity's version.
 */
public final class IfMatch {

    private IfMatch() {}

    public static String etagOf(long version) {
        return Long.toString(version);
    }

    /** Checks {@code If-Match} against the current version; accepts strong, weak ({@code W/}) and {@code *}. */
    public static void require(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw DomainProblem.preconditionRequired();
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("\"" + etagOf(currentVersion) + "\"")) {
                return;
            }
        }
        throw DomainProblem.preconditionFailed();
    }
}
