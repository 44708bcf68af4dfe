package vn.canhgac.advisory;

/**
 * A vendor's CSAF VEX document, in the shape vendor PSIRTs publish: one product version {@code known_not_affected}
 * by one CVE, with the flag {@code vulnerable_code_not_present}.
 */
public final class VexStatements {

    private VexStatements() {}

    /** The document, released on {@code date} (YYYY-MM-DD), under a tracking id of its own. */
    public static String notAffected(String vendor, String product, String version, String cve, String date) {
        return """
                {"document":{"category":"csaf_vex","csaf_version":"2.0","title":"%2$s VEX","publisher":{"category":"vendor",
                  "name":"%1$s PSIRT","namespace":"https://psirt.vendor.example"},
                  "tracking":{"id":"%5$s","initial_release_date":"%6$sT00:00:00Z","current_release_date":"%6$sT00:00:00Z",
                   "status":"final","version":"1","revision_history":[{"date":"%6$sT00:00:00Z","number":"1","summary":"Initial"}]}},
                 "product_tree":{"branches":[{"category":"vendor","name":"%1$s","branches":[{"category":"product_name",
                   "name":"%2$s","branches":[{"category":"product_version","name":"%3$s","product":{"name":"%2$s %3$s","product_id":"P-1"}}]}]}]},
                 "vulnerabilities":[{"cve":"%4$s","product_status":{"known_not_affected":["P-1"]},
                   "flags":[{"label":"vulnerable_code_not_present","product_ids":["P-1"]}]}]}""".formatted(vendor, product, version, cve, InventoryFeed.unique("VEX"), date);
    }
}
