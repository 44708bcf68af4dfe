package vn.canhgac.inventory.asset;

import java.util.UUID;

/**
 * The filters of the assets list. {@code ip} is an address (exact) or a CIDR network (containment);
 * {@code vendor}, {@code product} and {@code version} match installed products case-insensitively.
 */
public record AssetFilter(
        String organizationCode,
        UUID systemId,
        String kind,
        String ip,
        String vendor,
        String product,
        String version,
        String query,
        String sort) {}
