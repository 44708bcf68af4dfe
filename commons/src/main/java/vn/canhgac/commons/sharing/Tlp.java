package vn.canhgac.commons.sharing;

import java.util.Locale;

/** Traffic Light Protocol 2.0 labels (FIRST): who a piece of information may be shared with. */
public enum Tlp {
    CLEAR,
    GREEN,
    AMBER,
    AMBER_STRICT,
    RED;

    /** The label in any usual spelling ({@code TLP:AMBER+STRICT}, {@code white} = clear); null for none. */
    public static Tlp parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = text.strip()
                .toUpperCase(Locale.ROOT)
                .replace("TLP:", "")
                .replace('+', '_')
                .replace("WHITE", "CLEAR");
        for (Tlp tlp : values()) {
            if (tlp.name().equals(name)) {
                return tlp;
            }
        }
        throw new IllegalArgumentException(text);
    }
}
