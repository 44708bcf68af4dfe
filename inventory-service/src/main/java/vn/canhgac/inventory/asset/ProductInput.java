package vn.canhgac.inventory.asset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An installed product as a client sends it. */
public record ProductInput(
        String vendor,
        @Schema(required = true) String product,
        String version,

        @Schema(
                description = "CPE 2.3 formatted string",
                example = "cpe:2.3:a:f5:big-ip_access_policy_manager:16.1.4:*:*:*:*:*:*:*")
        String cpe,

        @Schema(description = "Package URL", example = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")
        String purl) {}
