package vn.canhgac.commons.testing;

import java.util.UUID;

/** Short random ids that keep one test run's codes, names and hostnames apart from another's on the same database. */
public final class RunIds {

    private RunIds() {}

    /** {@code length} lower-case hex digits. */
    public static String next(int length) {
        return UUID.randomUUID().toString().substring(0, length);
    }
}
