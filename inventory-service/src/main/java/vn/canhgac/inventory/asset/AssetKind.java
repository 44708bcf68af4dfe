package vn.canhgac.inventory.asset;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an asset is. */
public enum AssetKind {
    SERVER,
    WORKSTATION,
    NETWORK_DEVICE,
    APPLIANCE,
    CLOUD_INSTANCE;

    /** Case- and separator-insensitive, so spreadsheets may say "Network device" or "network-device". */
    static Optional<AssetKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
    }
}
