package vn.canhgac.inventory.asset;

import vn.canhgac.commons.problem.DomainProblem;

/** What an import does when some rows are bad. */
public enum ImportMode {
    /** Any bad row refuses the whole file (422, every error listed); nothing is written. */
    ALL_OR_NOTHING,
    /** Good rows are written, bad rows skipped and listed in the report. */
    SKIP_BAD_ROWS;

    static ImportMode parse(String text) {
        if (text == null || text.isBlank() || text.equals("all-or-nothing")) {
            return ALL_OR_NOTHING;
        }
        if (text.equals("skip-bad-rows")) {
            return SKIP_BAD_ROWS;
        }
        throw DomainProblem.invalidField("mode", "bad-import-mode");
    }
}
