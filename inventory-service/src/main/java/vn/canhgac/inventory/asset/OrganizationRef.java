package vn.canhgac.inventory.asset;

import java.util.UUID;

/** The organisation an asset belongs to, as the asset tables need it. */
record OrganizationRef(UUID id, String code, String path) {}
