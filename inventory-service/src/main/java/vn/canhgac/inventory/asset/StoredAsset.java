package vn.canhgac.inventory.asset;

/** An asset as read from the database: its details and the path of its organisation (for scoping). */
record StoredAsset(AssetDetails details, String orgPath) {}
