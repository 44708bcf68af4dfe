package vn.canhgac.inventory.asset;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An asset as a client sends it: in a POST (organizationCode required), a PUT (organizationCode, when sent, must
 * stay the same), or a row of an import. Checked by {@link AssetRules}, the one set of rules for all three.
 */
public record AssetInput(
        @Schema(description = "Owning organisation's code") String organizationCode,

        @Schema(description = "Id in the agency's own CMDB; with the organisation, the key imports match on")
        String externalId,

        String hostname,

        @Schema(
                required = true,
                enumeration = {"SERVER", "WORKSTATION", "NETWORK_DEVICE", "APPLIANCE", "CLOUD_INSTANCE"})
        String kind,

        String operatingSystem,
        UUID systemId,
        OffsetDateTime lastSeen,
        @Schema(description = "IPv4 and IPv6 addresses") List<String> addresses,
        List<ProductInput> products) {}
